// BILL's paths of bank accounts.

/** The organization's bank accounts (funding accounts), Postman "Get list of bank accounts". */
export const BANKS_PATH = '/v3/funding-accounts/banks';
