// BILL's paths of payments.

/** BILL's payments (Postman folder "payments"). */
export const PAYMENTS_PATH = '/v3/payments';
