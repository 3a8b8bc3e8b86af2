// BILL's paths of bank accounts.

/** The organization's bank accounts (funding accounts), REFERENCE.md §5. */
export const BANKS_PATH = '/v3/funding-accounts/banks';
