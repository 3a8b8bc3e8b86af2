/**
 * Client organizations of the fixture partner (its app key), for the partner's jobs at scale:
 * each with an administrator, a vendor and bills, some created yesterday. Stored straight in
 * the emulator (no requests, no events); ids are fixed, so tests and examples can name them.
 */
import { seedBills } from './routes/bills';
import type { Emulator } from './server';
import { newId } from './state';

export interface ClientOrganization {
	organizationId: string;
	userId: string;
	name: string;
	/** Bills whose createdTime is yesterday (emulator clock, UTC). */
	billsYesterday: number;
	/** An MFA ID (rememberMeId) BILL issued to the administrator, with its device: an MFA-trusted log-in-as-user. */
	mfaId: string;
	device: string;
}

const pad = (n: number) => String(n).padStart(6, '0');
export const clientOrganizationId = (n: number) => `00802CLIENTORG${pad(n)}`;
export const clientAdminId = (n: number) => `00602CLIENTADM${pad(n)}`;

export function seedClientOrganizations(emulator: Emulator, count: number): ClientOrganization[] {
	const { state, clock, fixtures } = emulator;
	const yesterday = new Date(clock.ms() - 86_400_000);
	yesterday.setUTCHours(12, 0, 0, 0);
	const out: ClientOrganization[] = [];
	for (let n = 1; n <= count; n++) {
		const organizationId = clientOrganizationId(n);
		const userId = clientAdminId(n);
		const name = `Client ${pad(n)} Inc`;
		// n % 4 bills yesterday (0 for every fourth organization), and one today.
		const billsYesterday = n % 4;
		const mfaId = `emuMfaClient${pad(n)}x7Q`;
		const device = `client-${n}-device`;
		out.push({ organizationId, userId, name, billsYesterday, mfaId, device });
		if (state.organizations.has(organizationId)) continue; // seeded already: the same data
		state.organizations.set(organizationId, { id: organizationId, name, appKey: fixtures.appKey });
		state.users.set(userId, {
			id: userId,
			organizationId,
			username: `admin${n}@client.example`,
			password: fixtures.admin.password,
			role: 'ADMINISTRATOR',
			phones: [],
		});
		state.rememberMe.set(mfaId, { id: mfaId, userId, device, expiresMs: Number.MAX_SAFE_INTEGER });
		const vendorId = newId('009');
		const now = clock.timestamp();
		state.vendors.set(vendorId, {
			id: vendorId,
			archived: false,
			name: `Supplier of client ${n}`,
			accountType: 'BUSINESS',
			billCurrency: 'USD',
			createdTime: now,
			updatedTime: now,
		});
		state.owner.set(vendorId, organizationId);
		const bills = seedBills(emulator, vendorId, billsYesterday + 1);
		for (const bill of bills.slice(0, billsYesterday))
			bill.createdTime = bill.updatedTime = yesterday.toISOString().replace('Z', '+00:00');
	}
	return out;
}
