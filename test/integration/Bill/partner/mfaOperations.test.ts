/**
 * A partner gets a client user's MFA ID, or makes one organization's session MFA-trusted, from
 * the same workflow that pays for it: Session → Step Up and the MFA operations act for the
 * organization named in the item, like every other operation (issue 17). The trust BILL gives
 * there is kept with that organization's stored session, so payments work there only, Get
 * Details says so, and both hold in a new process. The MFA ID appears in Validate Challenge's
 * output only (where BILL gives it to the user), never in another output, error or log line.
 */
import type { INodeParameters, INodeType } from 'n8n-workflow';

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

/** The node's parameters for the organization of each item (no MFA ID in the node). */
const acting = {
	authentication: 'billPartnerApi',
	actForOrganization: { __rl: true, mode: 'id', value: '={{ $json.organizationId }}' },
	actAsUser: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
};

/** Another instance of the node in a fresh module registry: a new n8n process (no kept sessions). */
function newProcess(): INodeType {
	let node: INodeType | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Bill } = require('../../../../nodes/Bill/Bill.node') as { Bill: new () => INodeType };
		node = new Bill();
	});
	return node!;
}

const who = (c: ClientOrganization) => ({ organizationId: c.organizationId, userId: c.userId });

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

const payment: INodeParameters = {
	...acting,
	resource: 'payment',
	operation: 'create',
	billId: { __rl: true, mode: 'id', value: '={{ $json.billId }}' },
	amount: '={{ $json.amount }}',
	fundingType: 'BANK_ACCOUNT',
	fundingAccountId: { __rl: true, mode: 'id', value: '={{ $json.accountId }}' },
};

/** Payments for the three organizations interleaved (A B C A B C): which of them BILL made. */
async function payInterleaved(
	credentials: ReturnType<typeof partnerScope>,
	node?: INodeType,
	round = 0,
): Promise<{ made: boolean[]; texts: string }> {
	const input = Array.from({ length: 6 }, (_, i) => ({
		...who(clients[i % 3]),
		// Other amounts each round: a re-run of the same payment would create nothing.
		amount: Number(((i + 1) / 10 + round / 100).toFixed(2)),
		...payable(clients[i % 3]),
	}));
	const { output } = await runBill(
		credentials,
		{ ...payment, processDate: day(emulator, 1) },
		{ items: input, continueOnFail: true, node },
	);
	output.forEach((item) => {
		if (typeof item.json.id !== 'string') expect(String(item.json.error)).toMatch(/BDC_1361/);
	});
	return {
		made: output.map((item) => typeof item.json.id === 'string' && /^stp/.test(item.json.id)),
		texts: JSON.stringify(output),
	};
}

async function details(credentials: ReturnType<typeof partnerScope>, node?: INodeType) {
	const { output } = await runBill(
		credentials,
		{ ...acting, resource: 'session', operation: 'getDetails' },
		{ items: clients.map(who), node },
	);
	return output.map((o) => o.json);
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

describe('Partner: Step Up and MFA operations for the organization named in the item', () => {
	it("registers a client user's phone and gets that user's MFA ID (Validate Challenge, Remember Me): that organization's session is trusted, in this process and a new one", async () => {
		const credentials = partnerScope();
		const [first] = clients;
		const linesBefore = logLines.length;
		const texts: string[] = [];
		// Interleaved reads first: each organization has its (untrusted) session.
		const vendors = { ...acting, resource: 'vendor', operation: 'getMany', returnAll: true };
		texts.push(JSON.stringify(await runBillOk(credentials, vendors, { items: clients.map(who) })));

		const code = emulator.fixtures.smsCode;
		const [setup] = await runBillOk(
			credentials,
			{ ...acting, resource: 'mfa', operation: 'setUpPhone', phone: '+1 415 555 0100' },
			{ items: [who(first)] },
		);
		await runBillOk(
			credentials,
			{
				...acting,
				resource: 'mfa',
				operation: 'validatePhone',
				setupId: String(setup.setupId),
				code,
			},
			{ items: [who(first)] },
		);
		// BILL registered the phone for that organization's user, no other.
		expect(emulator.state.users.get(first.userId)!.phones).toHaveLength(1);
		expect(emulator.state.users.get(clients[1].userId)!.phones).toHaveLength(0);
		const [challenge] = await runBillOk(
			credentials,
			{ ...acting, resource: 'mfa', operation: 'sendChallenge' },
			{ items: [who(first)] },
		);
		expect(challenge.challengeId).toEqual(expect.any(String));
		const [validated] = await runBillOk(
			credentials,
			{
				...acting,
				resource: 'mfa',
				operation: 'validateChallenge',
				challengeId: String(challenge.challengeId),
				code,
				rememberMe: true,
				deviceName: 'partner-n8n',
			},
			{ items: [who(first)] },
		);
		// The MFA ID BILL issued to that organization's user, for that device: this output's purpose.
		const mfaId = String(validated.mfaId);
		expect(emulator.state.rememberMe.get(mfaId)).toMatchObject({
			userId: first.userId,
			device: 'partner-n8n',
		});
		expect(validated.instruction).toMatch(/MFA ID of the User/);
		// No new login for the MFA calls: each used the organization's session kept from the reads.
		expect(Object.fromEntries(emulator.state.loginsAsUser)).toEqual(
			Object.fromEntries(clients.map((c) => [c.organizationId, 1])),
		);
		expect(trustedSessions()).toEqual({
			[clients[0].organizationId]: [true],
			[clients[1].organizationId]: [false],
			[clients[2].organizationId]: [false],
		});

		const here = await payInterleaved(credentials);
		expect(here.made).toEqual([true, false, false, true, false, false]);
		texts.push(here.texts);
		const now = await details(credentials);
		expect(now.map((d) => [d.organizationId, d.mfaTrusted, d.mfaTrustedBy])).toEqual([
			[clients[0].organizationId, true, 'challenge'],
			[clients[1].organizationId, false, 'none'],
			[clients[2].organizationId, false, 'none'],
		]);
		texts.push(JSON.stringify(now));

		// A new process: the trusted session comes from the credential, as it is (no new login).
		const later = await payInterleaved(credentials, newProcess(), 1);
		expect(later.made).toEqual([true, false, false, true, false, false]);
		texts.push(later.texts);
		const laterDetails = await details(credentials, newProcess());
		expect(laterDetails.map((d) => [d.mfaTrusted, d.mfaTrustedBy])).toEqual([
			[true, 'challenge'],
			[false, 'none'],
			[false, 'none'],
		]);
		texts.push(JSON.stringify(laterDetails));
		expect(Object.values(Object.fromEntries(emulator.state.loginsAsUser))).toEqual([1, 1, 1]);
		expect([...emulator.state.payments.keys()].map((id) => emulator.state.owner.get(id))).toEqual(
			Array(4).fill(first.organizationId),
		);

		// The MFA ID was in Validate Challenge's output only: not in any other output, log line, or
		// the credential's stored sessions.
		const text = texts.join('\n') + logLines.slice(linesBefore).join('\n');
		expect(text).not.toContain(mfaId);
		expect(String(credentials.data.billPartnerApi.organizationSessions)).not.toContain(mfaId);
		expect(JSON.stringify(validated)).not.toContain(
			String(credentials.data.billPartnerApi.sessionId),
		);

		// The MFA ID works for that user in the node's "MFA ID of the User": a trusted login.
		const withMfaId = await runBillOk(
			credentials,
			{ ...vendors, actAsUserMfaId: mfaId, actAsUserDeviceName: 'partner-n8n' },
			{ items: [who(first)] },
		);
		expect(withMfaId[0].name).toBe('Supplier of client 1');
		expect(trustedSessions()[first.organizationId]).toEqual([true, true]);
	});

	it("Step Up for one of three interleaved organizations: trusted there only, in this process and a new one; BILL's refusal names no MFA ID", async () => {
		const credentials = partnerScope();
		const [, second] = clients;
		const linesBefore = logLines.length;
		const stepUp = {
			...acting,
			resource: 'session',
			operation: 'stepUp',
			mfaId: '={{ $json.mfaId }}',
			deviceName: '={{ $json.device }}',
		};
		// The second organization with its user's MFA ID; the third with the second's, which BILL
		// refuses (an MFA ID is issued to one user).
		const { output } = await runBill(credentials, stepUp, {
			items: [
				{ ...who(second), mfaId: second.mfaId, device: second.device },
				{ ...who(clients[2]), mfaId: second.mfaId, device: second.device },
			],
			continueOnFail: true,
		});
		expect(output[0].json).toEqual({ trusted: true });
		expect(String(output[1].json.error)).toMatch(/BDC_1356/);
		const text = JSON.stringify(output) + logLines.slice(linesBefore).join('\n');
		for (const c of clients) expect(text).not.toContain(c.mfaId);

		const here = await payInterleaved(credentials);
		expect(here.made).toEqual([false, true, false, false, true, false]);
		const later = await payInterleaved(credentials, newProcess(), 1);
		expect(later.made).toEqual([false, true, false, false, true, false]);
		const laterDetails = await details(credentials, newProcess());
		expect(laterDetails.map((d) => [d.mfaTrusted, d.mfaTrustedBy])).toEqual([
			[false, 'none'],
			[true, 'stepUp'],
			[false, 'none'],
		]);
		// The partner's own session was not marked trusted: the credential keeps it as it was.
		expect(credentials.data.billPartnerApi.sessionTrusted).not.toBe(true);
	});

	it('an MFA operation with a partner-scope credential and no organization named uses the partner session as before', async () => {
		const credentials = partnerScope();
		const { output } = await runBill(
			credentials,
			{ authentication: 'billPartnerApi', resource: 'mfa', operation: 'listPhones' },
			{ continueOnFail: true },
		);
		expect(output).toHaveLength(1);
		expect(emulator.state.loginsAsUser.size).toBe(0);
	});
});
