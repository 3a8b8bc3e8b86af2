/**
 * Session resource against the emulator: Get Details (with MFA trust and the MFA ID's days
 * left), Step Up, and Log Out followed by a call that logs in again by itself.
 */
import { startEmulator, type Emulator } from '../../../emulator';
import { billCredentials, runBill, runBillOk } from '../../harness/bill';
import type { CredentialStore } from '../../harness/context';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const DAY_MS = 24 * 60 * 60 * 1000;
const getDetails = { resource: 'session', operation: 'getDetails' };
const logOut = { resource: 'session', operation: 'logOut' };
const listVendors = { resource: 'vendor', operation: 'getMany', returnAll: true };

const sessionIdOf = (credentials: CredentialStore) => String(credentials.data.billApi.sessionId);
const sessionOf = (credentials: CredentialStore) =>
	emulator.state.sessions.get(sessionIdOf(credentials));

function stepUp(mfaId: string, deviceName: string) {
	return { resource: 'session', operation: 'stepUp', mfaId, deviceName };
}

describe('Session: Get Details', () => {
	it("gives BILL's session details and says an untrusted session is untrusted, with no secret in the output", async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const [details] = await runBillOk(credentials, getDetails);
		const f = emulator.fixtures;
		expect(details).toEqual({
			organizationId: f.organizationId,
			userId: f.admin.userId,
			mfaStatus: 'COMPLETE',
			mfaBypass: false,
			mfaTrusted: false,
			mfaTrustedBy: 'none',
			mfaIdInCredential: false,
		});
		expect(JSON.stringify(details)).not.toContain(sessionIdOf(credentials));
		expect(emulator.logins()).toBe(1);
	});

	it('says a login with the MFA ID is trusted, and counts the days left until the MFA ID expires, without showing it', async () => {
		const f = emulator.fixtures;
		const expiresOn = new Date(Date.now() + 6 * DAY_MS).toISOString().slice(0, 10);
		const credentials = billCredentials(emulator, { overrides: { mfaIdExpiresOn: expiresOn } });
		const [details] = await runBillOk(credentials, getDetails);
		expect(details).toMatchObject({
			mfaTrusted: true,
			mfaTrustedBy: 'mfaIdAtLogin',
			mfaIdInCredential: true,
			deviceName: f.device,
			mfaIdExpiresOn: expiresOn,
			mfaIdDaysLeft: 6,
		});
		expect(sessionOf(credentials)!.trusted).toBe(true);
		const text = JSON.stringify(details);
		expect(text).not.toContain(f.mfaId);
		expect(text).not.toContain(sessionIdOf(credentials));
	});
});

describe('Session: login errors', () => {
	it("shows BILL's code, message and hint when BILL refuses the login, never the password", async () => {
		const credentials = billCredentials(emulator, { overrides: { password: 'not-the-password' } });
		const { error } = await runBill(credentials, getDetails);
		expect(error?.message).toBe(
			'BILL error BDC_1101: BILL login failed: User name and/or password do not match.',
		);
		expect(error?.description).toMatch(/Check the username and password/);
		expect(error?.context?.billCode).toBe('BDC_1101');
		expect(JSON.stringify([error?.message, error?.description, error?.context])).not.toContain(
			'not-the-password',
		);
		expect(emulator.requests({ route: '/v3/login/session' })).toHaveLength(0);
	});
});

describe('Session: Step Up', () => {
	it('makes an untrusted session MFA-trusted with an MFA ID and device, without a new login', async () => {
		const f = emulator.fixtures;
		const credentials = billCredentials(emulator, { untrusted: true });
		await runBillOk(credentials, listVendors);
		expect(sessionOf(credentials)!.trusted).toBe(false);
		// In n8n's credential handling, which stores the trust with the session (test/harness/credentials.ts).
		const [output] = await runBillOk(credentials, stepUp(f.mfaId, f.device));
		expect(output).toEqual({ trusted: true });
		expect(sessionOf(credentials)!.trusted).toBe(true);
		const [details] = await runBillOk(credentials, getDetails);
		expect(details).toMatchObject({
			mfaTrusted: true,
			mfaTrustedBy: 'stepUp',
			mfaIdInCredential: false,
		});
		expect(emulator.logins()).toBe(1);
		expect(emulator.requests({ method: 'POST', route: '/v3/mfa/step-up' })).toHaveLength(1);
	});

	it("shows BILL's refusal of a wrong MFA ID or device with what to do, never the MFA ID, and leaves the session untrusted", async () => {
		const f = emulator.fixtures;
		const credentials = billCredentials(emulator, { untrusted: true });
		const { output } = await runBill(
			credentials,
			(i) =>
				i === 0
					? stepUp('mfr02WRONGWRONGWRONG', f.device)
					: stepUp(f.mfaId, "Someone else's phone"),
			{ items: [{}, {}], continueOnFail: true },
		);
		for (const item of output) {
			expect(item.json).toMatchObject({ code: 'BDC_1356', httpCode: '400' });
			expect(item.json.hint).toMatch(/device name.*Send Challenge.*Validate Challenge/);
		}
		const { error } = await runBill(credentials, stepUp(f.mfaId, "Someone else's phone"));
		expect(error?.message).toMatch(/BDC_1356: MFA ID is invalid or expired/);
		const shown = JSON.stringify([output, error?.message, error?.description, error?.context]);
		expect(shown).not.toContain('mfr02WRONGWRONGWRONG');
		expect(shown).not.toContain(f.mfaId);
		expect(sessionOf(credentials)!.trusted).toBe(false);
	});

	it('refuses an empty MFA ID before sending', async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const { error } = await runBill(credentials, stepUp('  ', emulator.fixtures.device));
		expect(error?.message).toMatch(/^MFA ID: is required \[item 0\]/);
		expect(emulator.requests({ route: '/v3/mfa/step-up' })).toHaveLength(0);
	});
});

describe('Session: Log Out', () => {
	it("ends the session, and the next call logs in again by itself (BILL's 401, then a new login)", async () => {
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, listVendors);
		const ended = sessionIdOf(credentials);
		const [output] = await runBillOk(credentials, logOut);
		expect(output).toEqual({ loggedOut: true });
		expect(emulator.state.sessions.has(ended)).toBe(false);
		expect(emulator.logins()).toBe(1);

		const vendors = await runBillOk(credentials, listVendors);
		expect(vendors).toEqual([]);
		expect(emulator.logins()).toBe(2);
		expect(sessionIdOf(credentials)).not.toBe(ended);
		// The stale session was refused once, then the call was repeated with the new one.
		const calls = emulator.requests({ method: 'GET', route: '/v3/vendors' }).map((r) => r.status);
		expect(calls).toEqual([200, 401, 200]);
		// The new login used the credential's MFA ID again.
		expect(sessionOf(credentials)!.trusted).toBe(true);
	});

	it('after Log Out of a stepped-up session, the new login is untrusted and Get Details says so', async () => {
		const f = emulator.fixtures;
		const credentials = billCredentials(emulator, { untrusted: true });
		await runBillOk(credentials, stepUp(f.mfaId, f.device));
		await runBillOk(credentials, logOut);
		const [details] = await runBillOk(credentials, getDetails);
		expect(details).toMatchObject({ mfaTrusted: false, mfaTrustedBy: 'none' });
		expect(sessionOf(credentials)!.trusted).toBe(false);
		expect(emulator.logins()).toBe(2);
	});

	it('logs out once per item, one after the other, each time from a working session', async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const { output, error } = await runBill(credentials, logOut, { items: [{}, {}] });
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json)).toEqual([{ loggedOut: true }, { loggedOut: true }]);
		expect(emulator.state.sessions.size).toBe(0);
		expect(emulator.requests({ method: 'POST', route: '/v3/logout' }).map((r) => r.status)).toEqual(
			[200, 401, 200],
		);
	});
});
