/**
 * MFA: USERS.md job 5 end to end (untrusted credential → Send Challenge → Validate Challenge with
 * Remember Me → MFA ID in a new credential → every login trusted), and MFA IDs that are expired,
 * wrong, or used by a partner's login-as-user.
 */
import { SESSION_IDLE_MS } from '../../../../emulator';
import { billCredentials, partnerCredentials, runBill, runBillOk } from '../../../harness/bill';
import {
	emulator,
	DAY_MS,
	DEVICE,
	lastCode,
	sessionOf,
	sendChallenge,
	validate,
	obtainMfaId,
	shown,
	useMfaEmulator,
} from './setup';

useMfaEmulator();

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
