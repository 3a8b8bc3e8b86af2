/** BILL's bill approvals (Postman folder "bill-approvals"). */
export const APPROVALS_PATH = '/v3/bill-approvals';
