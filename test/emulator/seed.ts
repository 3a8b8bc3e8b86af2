/** Demo data for `npm start` / `npm run demo`: vendors from USERS.md's stories, in the fixture organization. */
import type { Emulator } from './server';
import { newId } from './state';

export function seedDemoData(emulator: Emulator): void {
	const { state, clock } = emulator;
	const organizationId = emulator.fixtures.organizationId;
	const vendors = [
		{ name: 'San Jose Music Supplies', email: 'billing@sjmusic.example', billCurrency: 'USD' },
		{ name: 'Harbor Freight Logistics', email: 'ap@harborfreight.example', billCurrency: 'USD' },
		{ name: 'Maple Leaf Printing', email: 'accounts@mapleleaf.example', billCurrency: 'CAD' },
	];
	for (const v of vendors) {
		const now = clock.timestamp();
		const id = newId('009');
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
}
