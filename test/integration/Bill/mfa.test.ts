/**
 * MFA resource against the emulator: USERS.md job 5 end to end (untrusted credential → Send
 * Challenge → Validate Challenge with Remember Me → MFA ID in a new credential → every login
 * trusted), phone set-up, codes checked before sending, BILL's errors, and MFA IDs that are
 * expired, wrong, or used by a partner's login-as-user. The emulator "texts" codes into state.sms.
 */
import axios from 'axios';
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { SESSION_IDLE_MS } from '../../../emulator';
import { billCredentials, expr, partnerCredentials, runBill, runBillOk } from '../../harness/bill';
import type { CredentialStore } from '../../harness/context';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const DAY_MS = 24 * 60 * 60 * 1000;
const DEVICE = 'n8n-production';

/** The last code the emulator texted for this purpose, as a test would read it off the phone. */
function lastCode(purpose: 'challenge' | 'setup'): string {
	const sent = emulator.state.sms.filter((s) => s.purpose === purpose);
	expect(sent.length).toBeGreaterThan(0);
	return sent[sent.length - 1].token;
}

const sessionOf = (credentials: CredentialStore, type = 'billApi') =>
	emulator.state.sessions.get(String(credentials.data[type].sessionId));

async function sendChallenge(credentials: CredentialStore): Promise<string> {
	const [sent] = await runBillOk(credentials, { resource: 'mfa', operation: 'sendChallenge' });
	expect(sent.challengeId).toEqual(expect.any(String));
	expect(sent.next).toMatch(/Validate Challenge/);
	return sent.challengeId as string;
}

const validate = (
	challengeId: string,
	code: string | number,
	extra: INodeParameters = {},
): INodeParameters => ({
	resource: 'mfa',
	operation: 'validateChallenge',
	challengeId,
	code,
	rememberMe: true,
	deviceName: DEVICE,
	machineName: 'ap-server',
	...extra,
});

/** Job 5 up to the MFA ID: what a user does once, with a credential that has none. */
async function obtainMfaId(): Promise<{
	mfaId: string;
	output: Record<string, unknown>;
	setup: CredentialStore;
}> {
	const setup = billCredentials(emulator, { untrusted: true });
	const challengeId = await sendChallenge(setup);
	const [output] = await runBillOk(setup, validate(challengeId, lastCode('challenge')));
	return { mfaId: output.mfaId as string, output, setup };
}

/** Everything a user could see of a failed run: message, hint, and the Continue On Fail item. */
function shown(
	result: { error?: Error & { description?: string | null; context?: object } },
	output: unknown[] = [],
): string {
	return JSON.stringify([
		result.error?.message,
		result.error?.description,
		result.error?.context,
		output,
	]);
}

describe('MFA: getting an MFA ID (USERS.md job 5)', () => {
	it('sends a challenge from an untrusted session, validates it with Remember Me, and gives the MFA ID with what to do with it', async () => {
		const { mfaId, output, setup } = await obtainMfaId();
		expect(mfaId).toEqual(expect.any(String));
		expect(output).toMatchObject({ mfaTrusted: true, deviceName: DEVICE });
		const expiresOn = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
		expect(output.mfaIdExpiresOn).toBe(expiresOn);
		expect(output.instruction).toMatch(/"MFA ID"/);
		expect(output.instruction).toContain(`"${DEVICE}" into "Device Name"`);
		expect(output.instruction).toContain(expiresOn);
		// BILL bound it to the user and the device for 30 days, and the session is now trusted.
		const stored = emulator.state.rememberMe.get(mfaId)!;
		expect(stored).toMatchObject({ userId: emulator.fixtures.admin.userId, device: DEVICE });
		expect(stored.expiresMs - emulator.clock.ms()).toBeGreaterThan(29 * DAY_MS);
		expect(stored.expiresMs - emulator.clock.ms()).toBeLessThanOrEqual(30 * DAY_MS);
		expect(sessionOf(setup)!.trusted).toBe(true);
		expect(emulator.requests({ method: 'POST', route: '/v3/mfa/challenge' })).toHaveLength(1);
		expect(emulator.logins()).toBe(1);
	});

	it('makes every later login trusted once the MFA ID and device name are in a new credential', async () => {
		const { mfaId } = await obtainMfaId();
		const credentials = billCredentials(emulator, {
			untrusted: true,
			overrides: { mfaId, deviceName: DEVICE },
		});
		const [details] = await runBillOk(credentials, {
			resource: 'session',
			operation: 'getDetails',
		});
		expect(details).toMatchObject({
			mfaTrusted: true,
			mfaTrustedBy: 'mfaIdAtLogin',
			mfaIdInCredential: true,
			deviceName: DEVICE,
		});
		expect(sessionOf(credentials)!.trusted).toBe(true);
		const firstSession = credentials.data.billApi.sessionId;
		// 35 idle minutes end the session; the next call logs in again, and that login is trusted too.
		emulator.clock.advance(SESSION_IDLE_MS + 60_000);
		await runBillOk(credentials, { resource: 'vendor', operation: 'getMany', returnAll: true });
		expect(credentials.data.billApi.sessionId).not.toBe(firstSession);
		expect(sessionOf(credentials)!.trusted).toBe(true);
		expect(credentials.data.billApi.sessionTrusted).toBe(true);
		// One login to get the MFA ID, then two with it.
		expect(emulator.logins()).toBe(3);
		// 29 days later the same MFA ID still makes the login trusted.
		emulator.clock.advance(29 * DAY_MS);
		const again = billCredentials(emulator, {
			untrusted: true,
			overrides: { mfaId, deviceName: DEVICE },
		});
		await runBillOk(again, { resource: 'mfa', operation: 'listPhones' });
		expect(sessionOf(again)!.trusted).toBe(true);
	});

	it('refuses the MFA ID once 30 days have passed, saying it expired and how to get a new one, without showing it', async () => {
		const { mfaId } = await obtainMfaId();
		emulator.clock.advance(30 * DAY_MS + 60_000);
		const credentials = billCredentials(emulator, {
			untrusted: true,
			overrides: { mfaId, deviceName: DEVICE, mfaIdExpiresOn: '2020-01-31' },
		});
		const result = await runBill(credentials, {
			resource: 'vendor',
			operation: 'getMany',
			returnAll: true,
		});
		expect(result.error?.message).toMatch(/BDC_1356/);
		expect(result.error?.message).toMatch(/login failed/);
		expect(result.error?.message).toContain('expired on 2020-01-31');
		expect(result.error?.description).toMatch(/Send Challenge.*Validate Challenge.*Remember Me/);
		expect(shown(result)).not.toContain(mfaId);
		expect(emulator.requests({ method: 'GET', route: '/v3/vendors' })).toHaveLength(0);
	});

	it('says the device name is the likely cause when the MFA ID should still be valid', async () => {
		const { mfaId } = await obtainMfaId();
		const inTenDays = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
		const credentials = billCredentials(emulator, {
			untrusted: true,
			overrides: { mfaId, deviceName: 'n8n-staging', mfaIdExpiresOn: inTenDays },
		});
		const { output, ...result } = await runBill(
			credentials,
			{ resource: 'session', operation: 'getDetails' },
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'BDC_1356', httpCode: '400' });
		expect(output[0].json.error).toContain(`valid until ${inTenDays}`);
		expect(output[0].json.error).toContain('"n8n-staging"');
		expect(shown(result, output)).not.toContain(mfaId);
	});

	it('refuses an MFA ID BILL never issued, and one given without its device name, before any other call', async () => {
		const wrong = 'mfr02NOTANMFAIDATALL';
		const unknown = billCredentials(emulator, {
			untrusted: true,
			overrides: { mfaId: wrong, deviceName: DEVICE },
		});
		const refused = await runBill(unknown, { resource: 'mfa', operation: 'listPhones' });
		expect(refused.error?.context?.billCode).toBe('BDC_1356');
		expect(shown(refused)).not.toContain(wrong);
		const half = billCredentials(emulator, {
			untrusted: true,
			overrides: { mfaId: emulator.fixtures.mfaId, deviceName: '' },
		});
		const notAttempted = await runBill(half, { resource: 'mfa', operation: 'listPhones' });
		expect(notAttempted.error?.message).toMatch(/only one of "MFA ID" and "Device Name"/);
		expect(shown(notAttempted)).not.toContain(emulator.fixtures.mfaId);
		expect(emulator.requests({ route: '/v3/mfa/phones' })).toHaveLength(0);
		expect(emulator.logins()).toBe(0);
	});

	it('logs a partner in as the user with the MFA ID, trusted; and names the login-as-user step when BILL refuses it', async () => {
		const f = emulator.fixtures;
		const partner = partnerCredentials(emulator, { mfaId: f.mfaId, deviceName: f.device });
		const [details] = await runBillOk(partner, {
			resource: 'session',
			operation: 'getDetails',
			authentication: 'billPartnerApi',
		});
		expect(details).toMatchObject({
			organizationId: f.organizationId,
			userId: f.admin.userId,
			mfaTrusted: true,
			mfaTrustedBy: 'mfaIdAtLogin',
		});
		expect(sessionOf(partner, 'billPartnerApi')!.trusted).toBe(true);
		const stale = partnerCredentials(emulator, { mfaId: f.mfaId, deviceName: 'Old phone' });
		const refused = await runBill(stale, {
			resource: 'session',
			operation: 'getDetails',
			authentication: 'billPartnerApi',
		});
		expect(refused.error?.message).toMatch(
			/BILL login as user failed: MFA ID is invalid or expired/,
		);
		expect(shown(refused)).not.toContain(f.mfaId);
	});

	it('makes only the session trusted without Remember Me, and issues no MFA ID', async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		// In n8n's credential handling, which stores the trust with the session (test/harness/credentials.ts).
		const [output] = await runBillOk(
			credentials,
			validate(challengeId, lastCode('challenge'), { rememberMe: false }),
		);
		expect(output.mfaTrusted).toBe(true);
		expect(output).not.toHaveProperty('mfaId');
		expect(output.instruction).toMatch(/Remember Me/);
		expect(emulator.state.rememberMe.size).toBe(1); // only the fixture's
		expect(sessionOf(credentials)!.trusted).toBe(true);
		const [details] = await runBillOk(credentials, {
			resource: 'session',
			operation: 'getDetails',
		});
		expect(details).toMatchObject({ mfaTrusted: true, mfaTrustedBy: 'challenge' });
	});
});

describe('MFA: codes', () => {
	it.each([
		['five digits', '12345'],
		['letters', '12a456'],
		['seven digits', '1234567'],
		['a number that lost its leading zero', 12345],
		['nothing', ''],
	])('refuses %s before sending, naming the Code and the item', async (_label, code) => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		const { error } = await runBill(credentials, validate(challengeId, expr(code)));
		expect(error?.message).toMatch(/^Code: /);
		expect(error?.message).toMatch(/\[item 0\]/);
		expect(emulator.requests({ route: '/v3/mfa/challenge/validate' })).toHaveLength(0);
	});

	it('accepts a code typed with a space, and with Continue On Fail keeps the good item when another is bad', async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		const code = lastCode('challenge');
		const items = [{ code: '12' }, { code: `${code.slice(0, 3)} ${code.slice(3)}` }];
		const { output } = await runBill(
			credentials,
			(_i, json) => validate(challengeId, json.code as string),
			{ items, continueOnFail: true },
		);
		expect(output).toHaveLength(2);
		expect(output[0].json.error).toMatch(/^Code: .*\[item 0\]/);
		expect(output[1].json).toMatchObject({ mfaTrusted: true, deviceName: DEVICE });
		expect(emulator.requests({ route: '/v3/mfa/challenge/validate' })).toHaveLength(1);
	});

	it("shows BILL's message for a wrong code, and the right code still works afterwards", async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		const right = lastCode('challenge');
		const wrong = right === '000000' ? '111111' : '000000';
		const { error } = await runBill(credentials, validate(challengeId, wrong));
		expect(error?.message).toMatch(/BILL error BDC_\d+: token: the verification code is incorrect/);
		expect(sessionOf(credentials)!.trusted).toBe(false);
		const [output] = await runBillOk(credentials, validate(challengeId, right));
		expect(output.mfaTrusted).toBe(true);
	});

	it("shows BILL's message for an expired challenge", async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		emulator.clock.advance(11 * 60_000);
		const { error } = await runBill(credentials, validate(challengeId, lastCode('challenge')));
		expect(error?.message).toMatch(/expired/);
		expect(emulator.state.rememberMe.size).toBe(1);
		expect(sessionOf(credentials)!.trusted).toBe(false);
	});

	it("explains BILL's limit of 5 texts a minute, and sends again a minute later", async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const items = Array.from({ length: 6 }, () => ({}));
		const { output } = await runBill(
			credentials,
			{ resource: 'mfa', operation: 'sendChallenge' },
			{ items, continueOnFail: true },
		);
		const refused = output.filter((o) => o.json.error);
		expect(refused).toHaveLength(1);
		expect(refused[0].json).toMatchObject({ code: 'BDC_1144' });
		expect(refused[0].json.hint).toMatch(/5 codes a minute/);
		expect(emulator.state.sms).toHaveLength(5);
		emulator.clock.advance(61_000);
		await sendChallenge(credentials);
		expect(emulator.state.sms).toHaveLength(6);
	});
});

describe('MFA: phone set-up', () => {
	it('registers a phone for a user without one: Set Up Phone, Validate Phone, then List Phones and a challenge', async () => {
		const credentials = billCredentials(emulator, { clerk: true });
		expect(await runBillOk(credentials, { resource: 'mfa', operation: 'listPhones' })).toEqual([]);
		const noPhone = await runBill(credentials, { resource: 'mfa', operation: 'sendChallenge' });
		expect(noPhone.error?.message).toMatch(/MFA is not set up/);
		const [setup] = await runBillOk(credentials, {
			resource: 'mfa',
			operation: 'setUpPhone',
			phone: '+1 (415) 555-0199',
		});
		expect(setup.setupId).toEqual(expect.any(String));
		expect(setup.next).toMatch(/ending 0199/);
		expect(emulator.state.sms[emulator.state.sms.length - 1]).toMatchObject({
			to: '+1 (415) 555-0199',
			purpose: 'setup',
		});
		const [validated] = await runBillOk(credentials, {
			resource: 'mfa',
			operation: 'validatePhone',
			setupId: setup.setupId as string,
			code: lastCode('setup'),
		});
		expect(validated.status).toBe('SUCCESS');
		expect(await runBillOk(credentials, { resource: 'mfa', operation: 'listPhones' })).toEqual([
			{ type: 'MOBILE', last4digits: '0199', primary: true },
		]);
		const [details] = await runBillOk(credentials, {
			resource: 'session',
			operation: 'getDetails',
		});
		expect(details.mfaStatus).toBe('COMPLETE');
		await sendChallenge(credentials);
		expect(emulator.requests({ route: '/v3/mfa/validate' })).toHaveLength(0);
	});

	it('falls back to /v3/mfa/validate only when BILL answers 404 for /v3/mfa/setup/validate', async () => {
		const credentials = billCredentials(emulator, { clerk: true });
		const [setup] = await runBillOk(credentials, {
			resource: 'mfa',
			operation: 'setUpPhone',
			phone: '+14155550142',
		});
		const parameters = {
			resource: 'mfa',
			operation: 'validatePhone',
			setupId: setup.setupId as string,
		};
		// A wrong code: BILL's 400 is shown, and the other path is not tried.
		const wrong = await runBill(credentials, {
			...parameters,
			code: lastCode('setup') === '999999' ? '888888' : '999999',
		});
		expect(wrong.error?.message).toMatch(/verification code is incorrect/);
		expect(emulator.requests({ route: '/v3/mfa/validate' })).toHaveLength(0);
		// BILL does not know the collection's path: the prose's path is used.
		emulator.addFault({
			kind: 'status',
			method: 'POST',
			path: '/v3/mfa/setup/validate',
			status: 404,
			code: 'BDC_1121',
			message: 'API not supported',
		});
		const [validated] = await runBillOk(credentials, { ...parameters, code: lastCode('setup') });
		expect(validated.status).toBe('SUCCESS');
		expect(emulator.requests({ route: '/v3/mfa/validate' })).toHaveLength(1);
		expect(emulator.state.users.get(emulator.fixtures.clerk.userId)!.phones).toHaveLength(1);
	});

	it('refuses a phone BILL could not text, before sending', async () => {
		const credentials = billCredentials(emulator, { clerk: true });
		const { error } = await runBill(credentials, {
			resource: 'mfa',
			operation: 'setUpPhone',
			phone: '555-0199',
		});
		expect(error?.message).toMatch(/^Phone: .*\[item 0\]/);
		expect(emulator.requests({ route: '/v3/mfa/setup' })).toHaveLength(0);
		expect(emulator.logins()).toBe(0);
	});
});

describe('MFA: emulator rules (Postman MFA requests)', () => {
	async function session(): Promise<Record<string, string>> {
		const f = emulator.fixtures;
		const login = await axios.post(`${emulator.baseUrl}/v3/login`, {
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		});
		return { sessionId: login.data.sessionId, devKey: f.devKey };
	}
	const post = async (path: string, body: unknown, headers: Record<string, string>) =>
		await axios.post(`${emulator.baseUrl}${path}`, body, { headers, validateStatus: () => true });

	it('refuses useBackup true and primary false with 400, as BILL does since 2026-04-03; takes the Postman collection\'s "false" text', async () => {
		const headers = await session();
		expect((await post('/v3/mfa/challenge', { useBackup: true }, headers)).status).toBe(400);
		expect((await post('/v3/mfa/challenge', { useBackup: 'false' }, headers)).status).toBe(200);
		expect(
			(
				await post(
					'/v3/mfa/setup',
					{ phone: '+14155550100', type: 'TEXT', primary: false },
					headers,
				)
			).status,
		).toBe(400);
		expect(
			(await post('/v3/mfa/setup', { phone: '+14155550100', type: 'TEXT' }, headers)).status,
		).toBe(200);
	});

	it('accepts the prose path /v3/mfa/validate as well, and binds a challenge to its session', async () => {
		const headers = await session();
		const setup = await post(
			'/v3/mfa/setup',
			{ phone: '+14155550100', type: 'TEXT', primary: true },
			headers,
		);
		const validated = await post(
			'/v3/mfa/validate',
			{ setupId: setup.data.setupId, type: 'TEXT', token: lastCode('setup') },
			headers,
		);
		expect(validated.data).toEqual({ status: 'SUCCESS' });
		const challenge = await post('/v3/mfa/challenge', { useBackup: false }, headers);
		const other = await session();
		const elsewhere = await post(
			'/v3/mfa/challenge/validate',
			{ challengeId: challenge.data.challengeId, token: lastCode('challenge') },
			other,
		);
		expect(elsewhere.status).toBe(400);
		expect(emulator.state.sessions.get(other.sessionId)!.trusted).toBe(false);
	});
});
