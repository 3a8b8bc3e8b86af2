/**
 * A partner acting for many organizations with an MFA ID per organization (node parameters "MFA
 * ID of the User" and "MFA Device Name", by expression): BILL issues an MFA ID to one user, so
 * each organization's log-in-as-user carries its own, and only that organization's session is
 * MFA-trusted. Payments (which BILL makes only in an MFA-trusted session) then work there alone,
 * Session → Get Details says the same, and no MFA ID reaches an output, error or log line.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import {
	seedClientOrganizations,
	type ClientOrganization,
} from '../../../../emulator/seedOrganizations';
import { newId } from '../../../../emulator/state';
import { partnerCredentials, runBill, runBillOk } from '../../../harness/bill';
import { logLines } from '../../../harness/context';
import { day } from '../payment/setup';

let emulator: Emulator;
let clients: ClientOrganization[];
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	clients = seedClientOrganizations(emulator, 3);
});

const partnerScope = () =>
	partnerCredentials(emulator, { scope: 'partner', organizationId: '', userId: '' });

const acting = {
	authentication: 'billPartnerApi',
	actForOrganization: { __rl: true, mode: 'id', value: '={{ $json.organizationId }}' },
	actAsUser: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
	actAsUserMfaId: '={{ $json.mfaId }}',
	actAsUserDeviceName: '={{ $json.device }}',
};

/** A verified bank account of the organization (stored straight in the emulator) and one of its bills. */
function payable(client: ClientOrganization): { billId: string; accountId: string } {
	const { state } = emulator;
	const accountId = newId('bac');
	state.bankAccounts.set(accountId, {
		id: accountId,
		archived: false,
		status: 'VERIFIED',
		bankName: `Bank of client ${client.organizationId.slice(-1)}`,
		default: { payables: false, receivables: false },
	});
	state.owner.set(accountId, client.organizationId);
	const billId = [...state.bills.keys()].find(
		(id) => state.owner.get(id) === client.organizationId,
	)!;
	return { billId, accountId };
}

/** Items for the three organizations interleaved (A B C A B C), only the second with its MFA ID. */
function items(rounds: number): IDataObject[] {
	return Array.from({ length: rounds * 3 }, (_, i) => {
		const c = clients[i % 3];
		const withMfa = i % 3 === 1;
		return {
			organizationId: c.organizationId,
			userId: c.userId,
			mfaId: withMfa ? c.mfaId : '',
			device: withMfa ? c.device : '',
			amount: Math.floor(i / 3) + 1,
			...payable(c),
		};
	});
}

const trustedSessions = () =>
	Object.fromEntries(
		clients.map((c) => [
			c.organizationId,
			[...emulator.state.sessions.values()]
				.filter((s) => s.organizationId === c.organizationId)
				.map((s) => s.trusted),
		]),
	);

describe('Partner: an MFA ID per organization', () => {
	it('three organizations interleaved, one with an MFA ID: one trusted session there, payments work there only', async () => {
		const credentials = partnerScope();
		const input = items(2);
		const { output } = await runBill(
			credentials,
			{
				...acting,
				resource: 'payment',
				operation: 'create',
				billId: { __rl: true, mode: 'id', value: '={{ $json.billId }}' },
				amount: '={{ $json.amount }}',
				processDate: day(emulator, 1),
				fundingType: 'BANK_ACCOUNT',
				fundingAccountId: { __rl: true, mode: 'id', value: '={{ $json.accountId }}' },
			},
			{ items: input, continueOnFail: true },
		);
		expect(output).toHaveLength(6);
		output.forEach((item, i) => {
			if (i % 3 === 1) expect(item.json.id).toMatch(/^stp/);
			else {
				expect(String(item.json.error)).toMatch(/BDC_1361/);
				expect(String(item.json.hint)).toMatch(/MFA ID of the User/);
			}
		});
		// The refusals carry the payment's MFA hint, and name no MFA ID.
		const refused = output.filter((_, i) => i % 3 !== 1).map((item) => JSON.stringify(item.json));
		for (const text of refused) for (const c of clients) expect(text).not.toContain(c.mfaId);
		// One session per organization, trusted only where the item named the MFA ID.
		expect(trustedSessions()).toEqual({
			[clients[0].organizationId]: [false],
			[clients[1].organizationId]: [true],
			[clients[2].organizationId]: [false],
		});
		const payments = [...emulator.state.payments.keys()].map((id) => emulator.state.owner.get(id));
		expect(payments).toEqual([clients[1].organizationId, clients[1].organizationId]);
		// The log-in-as-user sent the MFA ID for that organization only (BILL's field names).
		expect(Object.fromEntries(emulator.state.loginsAsUser)).toEqual(
			Object.fromEntries(clients.map((c) => [c.organizationId, 1])),
		);
	});

	it('Session → Get Details for each organization says what the payments found: trusted only where the MFA ID was named', async () => {
		const credentials = partnerScope();
		const output = await runBillOk(
			credentials,
			{ ...acting, resource: 'session', operation: 'getDetails' },
			{ items: items(1) },
		);
		expect(output.map((o) => [o.organizationId, o.mfaTrusted])).toEqual([
			[clients[0].organizationId, false],
			[clients[1].organizationId, true],
			[clients[2].organizationId, false],
		]);
		expect(output[1]).toMatchObject({ mfaTrustedBy: 'mfaIdAtLogin', mfaIdInNode: true });
		expect(output[1].deviceName).toBe(clients[1].device);
		expect(output[0]).toMatchObject({ mfaTrustedBy: 'none', mfaIdInNode: false });
		const text = JSON.stringify(output);
		for (const c of clients) expect(text).not.toContain(c.mfaId);
		for (const s of emulator.state.sessions.keys()) expect(text).not.toContain(s);
	});

	it("an MFA ID BILL refuses (another organization's user) fails that organization's items only, with BILL's code and no MFA ID in the error or logs", async () => {
		const credentials = partnerScope();
		const input = items(1).map((item, i) =>
			i === 2 ? { ...item, mfaId: clients[1].mfaId, device: clients[1].device } : item,
		);
		const linesBefore = logLines.length;
		const { output } = await runBill(
			credentials,
			{ ...acting, resource: 'vendor', operation: 'getMany', returnAll: true },
			{ items: input, continueOnFail: true },
		);
		expect(output[0].json.name).toBe('Supplier of client 1');
		expect(output[1].json.name).toBe('Supplier of client 2');
		const error = output[2].json.error;
		expect(String(error)).toMatch(/BDC_1356/);
		const text = JSON.stringify(output) + logLines.slice(linesBefore).join('\n');
		for (const c of clients) expect(text).not.toContain(c.mfaId);
		expect(text).not.toContain(emulator.fixtures.partner.password);
		expect(text).not.toContain(emulator.fixtures.appKey);
	});

	it('an MFA ID without its device name (or the reverse) is refused before anything is sent, naming the parameter and the item, not the MFA ID', async () => {
		const credentials = partnerScope();
		const input = items(1).map((item, i) =>
			i === 1 ? { ...item, device: '' } : i === 0 ? { ...item, device: 'some-device' } : item,
		);
		const { output } = await runBill(
			credentials,
			{ ...acting, resource: 'vendor', operation: 'getMany', returnAll: true },
			{ items: input, continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/^MFA ID: is required .* \[item 0\]$/);
		expect(output[1].json.error).toMatch(/^MFA Device Name: is required .* \[item 1\]$/);
		expect(JSON.stringify(output)).not.toContain(clients[1].mfaId);
		expect(output[2].json.name).toBe('Supplier of client 3');
		expect(Object.fromEntries(emulator.state.loginsAsUser)).toEqual({
			[clients[2].organizationId]: 1,
		});
	});

	it('the MFA ID in the node is part of what names the session: a new MFA ID gets a new (trusted) session, the old untrusted one is not reused', async () => {
		const credentials = partnerScope();
		const vendors = { ...acting, resource: 'vendor', operation: 'getMany', returnAll: true };
		const without = items(1).map((item) => ({ ...item, mfaId: '', device: '' }));
		await runBillOk(credentials, vendors, { items: without });
		await runBillOk(credentials, vendors, { items: items(1) });
		expect(trustedSessions()[clients[1].organizationId]).toEqual([false, true]);
		expect(Object.fromEntries(emulator.state.loginsAsUser)).toEqual({
			[clients[0].organizationId]: 1,
			[clients[1].organizationId]: 2,
			[clients[2].organizationId]: 1,
		});
		// The credential keeps the sessions (n8n encrypts it), never an MFA ID of the node.
		const stored = String(credentials.data.billPartnerApi.organizationSessions);
		expect(Object.keys(JSON.parse(stored))).toHaveLength(4);
		for (const c of clients) expect(stored).not.toContain(c.mfaId);
	});

	it('no session ID (partner or organization), MFA ID, password or key in the outputs, errors or log lines of runs that log in, renew and fail', async () => {
		const credentials = partnerScope();
		const vendors = { ...acting, resource: 'vendor', operation: 'getMany', returnAll: true };
		const linesBefore = logLines.length;
		const texts: string[] = [];
		const runOnce = async (input: IDataObject[]) => {
			const { output, error } = await runBill(credentials, vendors, {
				items: input,
				continueOnFail: true,
			});
			texts.push(JSON.stringify(output), JSON.stringify(error ?? null));
		};
		await runOnce(items(1));
		for (const session of [...emulator.state.sessions.values()])
			if (session.organizationId === clients[0].organizationId)
				emulator.state.sessions.delete(session.id);
		const ended = emulator.log.length;
		// A renewal (401), an MFA ID BILL refuses, and a half MFA pair.
		await runOnce([
			...items(1),
			{ ...items(1)[2], mfaId: clients[0].mfaId, device: clients[0].device },
			{ ...items(1)[0], mfaId: clients[0].mfaId, device: '' },
		]);
		expect(emulator.log.slice(ended).some((e) => e.status === 401)).toBe(true);
		const text = texts.join('\n') + logLines.slice(linesBefore).join('\n');
		const f = emulator.fixtures;
		const secrets = [
			...emulator.state.sessions.keys(),
			String(credentials.data.billPartnerApi.sessionId),
			...clients.map((c) => c.mfaId),
			f.partner.password,
			f.appKey,
			f.devKey,
		];
		for (const secret of secrets) expect(text).not.toContain(secret);
	});
});
