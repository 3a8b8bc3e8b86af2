/**
 * A partner acting for the organization named in each item (partner credential, scope Partner):
 * one partner login, one log-in-as-user session per organization, kept across items and
 * executions, renewed alone when BILL ends it, never mixed up between organizations.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import {
	seedClientOrganizations,
	type ClientOrganization,
} from '../../../../emulator/seedOrganizations';
import { partnerCredentials, runBill, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';

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

const partnerScope = (overrides: IDataObject = {}) =>
	partnerCredentials(emulator, { scope: 'partner', organizationId: '', userId: '', ...overrides });

/** The vendors of the organization each item names (expressions, as a loop over organizations does). */
const vendorsOfItemOrganization = {
	authentication: 'billPartnerApi',
	resource: 'vendor',
	operation: 'getMany',
	returnAll: true,
	actForOrganization: { __rl: true, mode: 'id', value: '={{ $json.organizationId }}' },
	actAsUser: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
};

/** Items for the three organizations, interleaved: A B C A B C … */
const interleaved = (rounds: number) =>
	Array.from({ length: rounds * 3 }, (_, i) => {
		const c = clients[i % 3];
		return { organizationId: c.organizationId, userId: c.userId };
	});

const partnerLogins = () =>
	emulator.requests({ method: 'POST', route: '/v3/partner/login' }).filter((e) => e.status === 200)
		.length;
const loginsAsUser = () => Object.fromEntries(emulator.state.loginsAsUser);

async function run(credentials: CredentialStore, items: IDataObject[], node?: INodeType) {
	return await runBillOk(credentials, vendorsOfItemOrganization, { items, node });
}

describe('Partner: acting for the organization named in each item', () => {
	it('interleaved items of three organizations: one partner login, one session per organization, each request with its own', async () => {
		const credentials = partnerScope();
		const items = interleaved(4);
		const output = await run(credentials, items);
		// Each item's vendors are its organization's (the seed names them "Supplier of client n").
		expect(output).toHaveLength(items.length);
		output.forEach((vendor, i) => expect(vendor.name).toBe(`Supplier of client ${(i % 3) + 1}`));
		expect(partnerLogins()).toBe(1);
		expect(loginsAsUser()).toEqual(Object.fromEntries(clients.map((c) => [c.organizationId, 1])));
		// Every request for an organization carried that organization's one session, and no other's.
		const reads = emulator.requests({ method: 'GET', route: '/v3/vendors' });
		expect(reads).toHaveLength(items.length);
		const sessionsByOrganization = new Map<string, Set<string>>();
		for (const entry of reads) {
			const set = sessionsByOrganization.get(entry.organizationId!) ?? new Set();
			set.add(entry.session!);
			sessionsByOrganization.set(entry.organizationId!, set);
		}
		expect([...sessionsByOrganization.keys()].sort()).toEqual(
			clients.map((c) => c.organizationId).sort(),
		);
		const sessions = [...sessionsByOrganization.values()].map((s) => [...s]);
		for (const s of sessions) expect(s).toHaveLength(1);
		expect(new Set(sessions.flat()).size).toBe(3);
		// The credential keeps the partner session, not one organization's.
		const stored = emulator.state.sessions.get(String(credentials.data.billPartnerApi.sessionId));
		expect(stored?.kind).toBe('partner');
	});

	it('reuses the sessions in the next execution: no login at all', async () => {
		const credentials = partnerScope();
		await run(credentials, interleaved(1));
		const before = emulator.logins();
		await run(credentials, interleaved(2));
		expect(emulator.logins()).toBe(before);
	});

	it('renews only the session BILL ended, once, and sends the refused request again', async () => {
		const credentials = partnerScope();
		await run(credentials, interleaved(1));
		const [ended] = [...emulator.state.sessions.values()].filter(
			(s) => s.organizationId === clients[1].organizationId,
		);
		emulator.state.sessions.delete(ended.id);
		const output = await run(credentials, interleaved(3));
		expect(output).toHaveLength(9);
		expect(partnerLogins()).toBe(1);
		expect(loginsAsUser()).toEqual({
			[clients[0].organizationId]: 1,
			[clients[1].organizationId]: 2,
			[clients[2].organizationId]: 1,
		});
	});

	it('logs the partner in again when BILL ended the partner session, then logs in as the user', async () => {
		const credentials = partnerScope();
		await run(credentials, interleaved(1));
		emulator.state.sessions.delete(String(credentials.data.billPartnerApi.sessionId));
		const extra = seedClientOrganizations(emulator, 4)[3];
		await run(credentials, [{ organizationId: extra.organizationId, userId: extra.userId }]);
		expect(partnerLogins()).toBe(2);
		expect(loginsAsUser()[extra.organizationId]).toBe(1);
	});

	/** The BILL node as a new n8n process loads it (restart, another queue-mode worker): no memory of its own. */
	const newProcess = () => {
		let node: INodeType | undefined;
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { Bill } = require('../../../../nodes/Bill/Bill.node') as { Bill: new () => INodeType };
			node = new Bill();
		});
		return node!;
	};

	it('a new process (restart, another worker) uses the sessions stored with the credential: no login at all', async () => {
		const credentials = partnerScope();
		await run(credentials, interleaved(1));
		const sessionsAfterFirst = emulator.state.sessions.size;
		await run(credentials, interleaved(2), newProcess());
		expect(partnerLogins()).toBe(1);
		expect(Object.values(loginsAsUser())).toEqual([1, 1, 1]);
		expect(emulator.state.sessions.size).toBe(sessionsAfterFirst);
		// Stored with the credential (n8n encrypts it): one entry per organization, naming none.
		const stored = String(credentials.data.billPartnerApi.organizationSessions);
		expect(Object.keys(JSON.parse(stored))).toHaveLength(3);
		for (const c of clients) expect(stored).not.toContain(c.organizationId);
	});

	it('a session BILL ended is renewed by one process for that organization only; the other process then uses the renewed one', async () => {
		const credentials = partnerScope();
		const first = newProcess();
		const second = newProcess();
		await run(credentials, interleaved(1), first);
		const [ended] = [...emulator.state.sessions.values()].filter(
			(s) => s.organizationId === clients[2].organizationId,
		);
		emulator.state.sessions.delete(ended.id);
		await run(credentials, interleaved(2), second);
		// The first process still has the ended session in memory: BILL refuses it (401), and the
		// renewal finds the second process's session in the credential instead of logging in.
		await run(credentials, interleaved(2), first);
		expect(partnerLogins()).toBe(1);
		expect(loginsAsUser()).toEqual({
			[clients[0].organizationId]: 1,
			[clients[1].organizationId]: 1,
			[clients[2].organizationId]: 2,
		});
		const refused = emulator.log.filter((e) => e.status === 401);
		expect(refused.length).toBeGreaterThanOrEqual(1);
		expect(
			refused.every(
				(e) => e.organizationId === undefined || e.organizationId === clients[2].organizationId,
			),
		).toBe(true);
	});

	it('makes the log-in-as-user session MFA-trusted with the MFA ID of the credential', async () => {
		const f = emulator.fixtures;
		const credentials = partnerScope({ mfaId: f.mfaId, deviceName: f.device });
		await runBillOk(credentials, {
			...vendorsOfItemOrganization,
			actForOrganization: { __rl: true, mode: 'id', value: f.organizationId },
			actAsUser: { __rl: true, mode: 'id', value: f.admin.userId },
		});
		const sessions = [...emulator.state.sessions.values()].filter(
			(s) => s.organizationId === f.organizationId,
		);
		expect(sessions).toHaveLength(1);
		expect(sessions[0].trusted).toBe(true);
	});

	it('refuses bad input before anything is sent, naming the parameter and the item; Continue On Fail goes on', async () => {
		const credentials = partnerScope();
		const items = [
			{ organizationId: '12345', userId: clients[0].userId },
			{ organizationId: clients[0].organizationId, userId: '' },
			{ organizationId: clients[1].organizationId, userId: clients[1].userId },
		];
		const { output } = await runBill(credentials, vendorsOfItemOrganization, {
			items,
			continueOnFail: true,
		});
		expect(output[0].json.error).toMatch(/^Organization: .*12345.* \[item 0\]$/);
		expect(output[1].json.error).toMatch(/^Act as User: is required .*\[item 1\]$/);
		expect(output[2].json.name).toBe('Supplier of client 2');
		expect(loginsAsUser()).toEqual({ [clients[1].organizationId]: 1 });
	});

	it('with scope Partner and no organization named, says to name one (nothing sent)', async () => {
		const { error } = await runBill(partnerScope(), {
			...vendorsOfItemOrganization,
			actForOrganization: { __rl: true, mode: 'list', value: '' },
			actAsUser: { __rl: true, mode: 'list', value: '' },
		});
		expect(error?.message).toMatch(/^Organization: choose the client organization/);
		expect(emulator.log).toHaveLength(0);
	});

	it("the credential's own organization (scope Organization) keeps working; another organization is refused with why", async () => {
		const credentials = partnerCredentials(emulator);
		const vendors = await runBillOk(credentials, {
			authentication: 'billPartnerApi',
			resource: 'vendor',
			operation: 'getMany',
			returnAll: true,
		});
		expect(vendors).toEqual([]);
		const { error } = await runBill(credentials, vendorsOfItemOrganization, {
			items: [{ organizationId: clients[0].organizationId, userId: clients[0].userId }],
		});
		expect(error?.message).toMatch(/scope "Partner \(All Organizations\)"/);
	});

	it('never puts a session ID, password or key in an error', async () => {
		const credentials = partnerScope({ devKey: '' });
		const { error } = await runBill(credentials, vendorsOfItemOrganization, {
			items: [{ organizationId: clients[0].organizationId, userId: clients[0].userId }],
		});
		expect(error?.message).toMatch(/no Developer Key/);
		const text = JSON.stringify(error);
		for (const secret of [emulator.fixtures.appKey, emulator.fixtures.partner.password])
			expect(text).not.toContain(secret);
	});
});
