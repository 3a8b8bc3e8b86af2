// BILL's paths of card accounts, AP cards and funding permissions (Postman folder "funding accounts").

/** The organization's card accounts, Postman "Get list of card accounts". */
export const CARDS_PATH = '/v3/funding-accounts/cards';
/** BILL AP cards, Postman "Get list of AP Cards". */
export const AP_CARDS_PATH = '/v3/funding-accounts/ap-cards';
/** Postman "Get funding account permissions". */
export const PERMISSIONS_PATH = '/v3/funding-accounts/permissions';
