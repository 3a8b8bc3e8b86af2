/** Demo data for `npm start` / `npm run demo`: vendors from USERS.md's stories, in the fixture organization. */
import { storedClassifications } from './routes/classifications';
import type { Emulator } from './server';
import { newId } from './state';

/**
 * Objects the example workflows pick from BILL's lists in the editor (a saved resource locator in
 * "From List" mode keeps the ID picked and the name shown): the landlord of example 19 and the
 * general-ledger accounts of examples 18 and 19, with these IDs in every seeded emulator. In
 * your BILL, pick yours from the same lists.
 */
export const SEEDED = {
	landlord: { id: '00902SEEDLANDLORD001', name: 'Oakridge Properties LLC' },
	chartOfAccounts: [
		{ id: '0ca02SEED00000006100', name: 'Office Supplies', number: '6100' },
		{ id: '0ca02SEED00000006300', name: 'Freight and Shipping', number: '6300' },
		{ id: '0ca02SEED00000006500', name: 'Rent', number: '6500' },
	],
};

export function seedDemoData(emulator: Emulator): void {
	const { state, clock } = emulator;
	const organizationId = emulator.fixtures.organizationId;
	const vendors: Array<{ name: string; email: string; billCurrency: string; id?: string }> = [
		{ name: 'San Jose Music Supplies', email: 'billing@sjmusic.example', billCurrency: 'USD' },
		{ name: 'Harbor Freight Logistics', email: 'ap@harborfreight.example', billCurrency: 'USD' },
		{ name: 'Maple Leaf Printing', email: 'accounts@mapleleaf.example', billCurrency: 'CAD' },
		{ ...SEEDED.landlord, email: 'rent@oakridge.example', billCurrency: 'USD' },
	];
	for (const v of vendors) {
		const now = clock.timestamp();
		const id = v.id ?? newId('009');
		state.vendors.set(id, {
			id,
			archived: false,
			name: v.name,
			shortName: v.name.slice(0, 20),
			accountType: 'BUSINESS',
			email: v.email,
			phone: '+1 408 555 0100',
			address: {
				line1: '1 Main St',
				city: 'San Jose',
				stateOrProvince: 'CA',
				zipOrPostalCode: '95113',
				country: 'US',
			},
			paymentInformation: { payeeName: v.name, payByType: 'CHECK' },
			additionalInfo: {},
			billCurrency: v.billCurrency,
			bankAccountStatus: 'NO_ACCOUNT',
			networkStatus: 'NOT_CONNECTED',
			recurringPayments: false,
			balance: { amount: 0 },
			autoPay: { enabled: false },
			createdTime: now,
			updatedTime: now,
		});
		state.owner.set(id, organizationId);
	}
	const classifications = storedClassifications(state);
	for (const account of SEEDED.chartOfAccounts) {
		const now = clock.timestamp();
		classifications.set(account.id, {
			id: account.id,
			archived: false,
			name: account.name,
			account: { type: 'EXPENSE', number: account.number },
			createdTime: now,
			updatedTime: now,
		});
		state.owner.set(account.id, organizationId);
	}
}
