/**
 * MFA trust that survives a new process. n8n runs each execution in a new process with
 * `n8n execute` and in queue mode, so a credential without an MFA ID whose session was made
 * trusted (MFA → Validate Challenge, Session → Step Up) must be reported trusted by Get Details
 * in the next execution, as BILL still trusts the session and accepts payments with it. A new
 * process is played by a fresh module registry (jest.isolateModules): nothing of the first
 * run's memory, only the credential as n8n stores it.
 */
import type { INodeType } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, partnerCredentials, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';
import { api, day } from '../payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	emulator.options.mfaStatusReading = 'organization';
});

/** The BILL node as a new n8n process loads it: fresh modules, no memory of earlier runs. */
function billInNewProcess(): INodeType {
	let node: INodeType | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Bill } = require('../../../../nodes/Bill/Bill.node') as { Bill: new () => INodeType };
		node = new Bill();
	});
	return node!;
}

const getDetails = { resource: 'session', operation: 'getDetails' };
const sessionOf = (credentials: CredentialStore) =>
	emulator.state.sessions.get(String(credentials.data.billApi.sessionId));

async function validateChallenge(credentials: CredentialStore, node: INodeType) {
	const [sent] = await runBillOk(
		credentials,
		{ resource: 'mfa', operation: 'sendChallenge' },
		{ node },
	);
	const code = emulator.state.sms[emulator.state.sms.length - 1].token;
	const [validated] = await runBillOk(
		credentials,
		{
			resource: 'mfa',
			operation: 'validateChallenge',
			challengeId: sent.challengeId as string,
			code,
			rememberMe: false,
		},
		{ node },
	);
	expect(validated.mfaTrusted).toBe(true);
}

describe('MFA trust kept with the credential, not in memory', () => {
	it.each(['organization', 'session'] as const)(
		'Validate Challenge in one process, Get Details in a new one: trusted, by the challenge (mfaStatus read as %s)',
		async (reading) => {
			emulator.options.mfaStatusReading = reading;
			const credentials = billCredentials(emulator, { untrusted: true });
			await validateChallenge(credentials, billInNewProcess());
			expect(sessionOf(credentials)!.trusted).toBe(true);

			const [details] = await runBillOk(credentials, getDetails, {
				node: billInNewProcess(),
			});
			expect(details).toMatchObject({ mfaTrusted: true, mfaTrustedBy: 'challenge' });
			// BILL's own fields as BILL gave them: the same word under both readings, for a trusted
			// session here and for an organization with MFA on there (why trust is not read from it).
			expect(details.mfaStatus).toBe('COMPLETE');
			expect(details.mfaBypass).toBe(false);
			// The same session all along: no second login.
			expect(emulator.logins()).toBe(1);
		},
	);

	it.each(['organization', 'session'] as const)(
		'Step Up in one process, Get Details in a new one: trusted, by the step-up (mfaStatus read as %s)',
		async (reading) => {
			emulator.options.mfaStatusReading = reading;
			const f = emulator.fixtures;
			const credentials = billCredentials(emulator, { untrusted: true });
			const [before] = await runBillOk(credentials, getDetails, {
				node: billInNewProcess(),
			});
			expect(before).toMatchObject({ mfaTrusted: false, mfaTrustedBy: 'none' });
			expect(before.mfaStatus).toBe(reading === 'session' ? 'NONE' : 'COMPLETE');
			const [stepped] = await runBillOk(
				credentials,
				{ resource: 'session', operation: 'stepUp', mfaId: f.mfaId, deviceName: f.device },
				{ node: billInNewProcess() },
			);
			expect(stepped).toEqual({ trusted: true });

			const [details] = await runBillOk(credentials, getDetails, {
				node: billInNewProcess(),
			});
			expect(details).toMatchObject({ mfaTrusted: true, mfaTrustedBy: 'stepUp' });
			expect(JSON.stringify(details)).not.toContain(f.mfaId);
			expect(emulator.logins()).toBe(1);
		},
	);

	it("a partner's login as a user, stepped up in one process, is trusted in a new one", async () => {
		const f = emulator.fixtures;
		const partner = partnerCredentials(emulator);
		const details = { ...getDetails, authentication: 'billPartnerApi' };
		const [before] = await runBillOk(partner, details, { node: billInNewProcess() });
		expect(before).toMatchObject({ mfaTrusted: false, mfaTrustedBy: 'none' });
		await runBillOk(
			partner,
			{
				resource: 'session',
				operation: 'stepUp',
				authentication: 'billPartnerApi',
				mfaId: f.mfaId,
				deviceName: f.device,
			},
			{ node: billInNewProcess() },
		);
		const [after] = await runBillOk(partner, details, { node: billInNewProcess() });
		expect(after).toMatchObject({ mfaTrusted: true, mfaTrustedBy: 'stepUp' });
		expect(
			emulator.state.sessions.get(String(partner.data.billPartnerApi.sessionId))!.trusted,
		).toBe(true);
		expect(emulator.stats()['POST /v3/partner/login-as-user']).toBe(1);
	});

	it('a new process pays with the session made trusted in another, and Get Details agrees', async () => {
		const admin = api(emulator);
		const vendorId = await admin.vendor();
		const bill = await admin.bill(vendorId, 300);
		const accountId = await admin.bankAccount();
		const credentials = billCredentials(emulator, { untrusted: true });
		await validateChallenge(credentials, billInNewProcess());

		const node = billInNewProcess();
		const [details] = await runBillOk(credentials, getDetails, { node });
		expect(details.mfaTrusted).toBe(true);
		const [payment] = await runBillOk(
			credentials,
			{
				resource: 'payment',
				operation: 'create',
				billId: byId(String(bill.id)),
				amount: 120,
				processDate: day(emulator, 1),
				fundingType: 'BANK_ACCOUNT',
				fundingAccountId: byId(accountId),
			},
			{ node },
		);
		expect(payment).toMatchObject({ alreadyExisted: false });
		expect(emulator.state.payments.size).toBe(1);
	});

	it('a new login (the trusted session ended) is untrusted again, in every process', async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		await validateChallenge(credentials, billInNewProcess());
		const trustedSession = credentials.data.billApi.sessionId;
		await runBillOk(credentials, { resource: 'session', operation: 'logOut' });

		const [details] = await runBillOk(credentials, getDetails, {
			node: billInNewProcess(),
		});
		expect(credentials.data.billApi.sessionId).not.toBe(trustedSession);
		expect(details).toMatchObject({ mfaTrusted: false, mfaTrustedBy: 'none' });
		expect(sessionOf(credentials)!.trusted).toBe(false);
		expect(emulator.logins()).toBe(2);
	});

	it('keeps nothing when BILL no longer knows the session it would keep: a real login, untrusted', async () => {
		const f = emulator.fixtures;
		const credentials = billCredentials(emulator, { untrusted: true });
		await runBillOk(credentials, getDetails);
		// BILL ends the session right after it answered the step-up (before the node stored it).
		emulator.addFault({ kind: 'expireSession', method: 'GET', path: '/v3/login/session' });
		const [stepped] = await runBillOk(credentials, {
			resource: 'session',
			operation: 'stepUp',
			mfaId: f.mfaId,
			deviceName: f.device,
		});
		expect(stepped).toEqual({ trusted: true });
		const [details] = await runBillOk(credentials, getDetails, {
			node: billInNewProcess(),
		});
		expect(details).toMatchObject({ mfaTrusted: false, mfaTrustedBy: 'none' });
		expect(sessionOf(credentials)!.trusted).toBe(false);
		expect(emulator.logins()).toBe(2);
	});
});
