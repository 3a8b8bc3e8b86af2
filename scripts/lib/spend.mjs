// @ts-check
/**
 * The BILL Spend & Expense credential for the emulator (examples 10–12 name it; the import
 * creates it). The token is the emulator's fixture ADMIN token (emulator/routes/spendState.ts).
 */
export const SPEND_CREDENTIAL = {
	id: 'billSpendEmulatorCred',
	name: 'BILL Spend & Expense (emulator)',
};
export const SPEND_API_TOKEN = 'se-sandbox-admin-token-7f3c2a91';

/**
 * @param {import('./stack.mjs').Emulator} emulator
 */
export function spendEmulatorCredential(emulator) {
	return {
		...SPEND_CREDENTIAL,
		type: 'billSpendApi',
		data: { environment: 'custom', customBaseUrl: emulator.baseUrl, apiToken: SPEND_API_TOKEN },
	};
}
