/**
 * Secrets never leak (issue 9): with recognisable secret values in the credential, every login
 * failure, every BILL refusal and every fault leaves no password, developer key, app key,
 * session ID or MFA ID in an output item, an error (message, description, anything serialized)
 * or a log line.
 */
import type { IDataObject } from 'n8n-workflow';

import { FIXTURES, startEmulator, type Emulator } from '../../emulator';
import { billCredentials, byId, partnerCredentials, runBill } from '../harness/bill';
import { logLines } from '../harness/context';
import { consoleCredentials, oauthCredentials, syncTokenCredentials } from '../harness/oauth';
import { CONSOLE_FIXTURES, SYNC_FIXTURES } from '../../emulator/routes/authConsole';
import { OAUTH_FIXTURES, oauthData } from '../../emulator/routes/authOAuth';

const SECRET = {
	password: 'Pw-SECRET-7f3a9c',
	devKey: 'DevKey-SECRET-51be20',
	appKey: 'AppKey-SECRET-c0ffee',
	mfaId: 'MfaId-SECRET-9d8e7f',
	partnerPassword: 'PartnerPw-SECRET-42',
};

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({
		limits: false,
		fixtures: {
			...FIXTURES,
			devKey: SECRET.devKey,
			appKey: SECRET.appKey,
			mfaId: SECRET.mfaId,
			admin: { ...FIXTURES.admin, password: SECRET.password },
			clerk: { ...FIXTURES.clerk, password: SECRET.password },
			partner: { ...FIXTURES.partner, password: SECRET.partnerPassword },
		},
	});
});
afterAll(async () => emulator.stop());

/** Everything a user or a log could see of a run. */
function visible(result: { output: Array<{ json: IDataObject }>; error?: unknown }): string {
	const error = result.error as
		| (Error & { description?: string; context?: unknown; cause?: unknown })
		| undefined;
	return JSON.stringify({
		output: result.output.map((o) => o.json),
		message: error?.message,
		description: error?.description,
		context: error?.context,
		cause: error?.cause === undefined ? undefined : String(error.cause),
		error: error && JSON.parse(JSON.stringify(error, Object.getOwnPropertyNames(error))),
		logs: logLines,
	});
}

function expectNoSecret(text: string) {
	const sessions = [...emulator.state.sessions.keys()];
	for (const secret of [...Object.values(SECRET), ...sessions]) expect(text).not.toContain(secret);
}

const vendorCreate = {
	resource: 'vendor',
	operation: 'create',
	name: 'Leak Test',
	accountType: 'BUSINESS',
	email: 'a@b.co',
	phone: '1',
};

describe('no secret in outputs, errors or logs', () => {
	it('on a wrong password, a wrong developer key and a stale MFA ID', async () => {
		for (const overrides of [
			{ password: `wrong-${SECRET.password}` },
			{ devKey: `${SECRET.devKey}x` },
			{ mfaId: `${SECRET.mfaId}x` },
		] as Array<Record<string, string>>) {
			const result = await runBill(billCredentials(emulator, { overrides }), vendorCreate);
			expect(result.error).toBeDefined();
			expectNoSecret(visible(result));
		}
	});

	it('on a partner login with a wrong password and a wrong organization', async () => {
		for (const overrides of [
			{ password: 'nope' },
			{ organizationId: '00802NOTMINE00000000' },
		] as Array<Record<string, string>>) {
			const result = await runBill(partnerCredentials(emulator, overrides), vendorCreate);
			expect(result.error).toBeDefined();
			expectNoSecret(visible(result));
		}
	});

	it("on success, on BILL's refusals and on faults, with and without Continue On Fail", async () => {
		const credentials = billCredentials(emulator);
		const runs = [
			await runBill(credentials, vendorCreate),
			await runBill(credentials, {
				resource: 'vendor',
				operation: 'get',
				vendorId: byId('00902AAAAAAAAAAAAAAA'),
			}),
			await runBill(
				credentials,
				{ resource: 'vendor', operation: 'get', vendorId: byId('00902AAAAAAAAAAAAAAA') },
				{ continueOnFail: true },
			),
			await runBill(credentials, { resource: 'session', operation: 'getDetails' }),
		];
		for (const kind of ['resetAfter', 'status', 'truncated', 'nonJson', 'limit1144'] as const) {
			emulator.addFault({ kind, method: 'POST', path: '/v3/vendors' });
			runs.push(await runBill(credentials, vendorCreate, { continueOnFail: kind === 'status' }));
			emulator.faults.clear();
		}
		expect(runs.some((r) => r.error)).toBe(true);
		for (const result of runs) expectNoSecret(visible(result));
	});

	it('with the OAuth, Accountant Console and sync-token sign-ins: no client secret, access token or console token', async () => {
		const tokens = () => [...oauthData(emulator).tokens.keys()];
		const oauthSecrets = [
			OAUTH_FIXTURES.full.clientSecret,
			OAUTH_FIXTURES.accounting.clientSecret,
			CONSOLE_FIXTURES.consoleApiToken,
			SYNC_FIXTURES.token,
		];
		const oauth = oauthCredentials(emulator);
		const withOAuth = (p: IDataObject) => ({ authentication: 'billOAuthApi', ...p });
		const runs = [
			await runBill(
				oauthCredentials(emulator, 'full', { clientSecret: 'wrong' }),
				withOAuth(vendorCreate),
			),
			await runBill(oauth, withOAuth(vendorCreate)),
			await runBill(oauth, withOAuth({ resource: 'session', operation: 'getDetails' })),
			await runBill(
				oauth,
				withOAuth({ resource: 'vendor', operation: 'get', vendorId: byId('00902AAAAAAAAAAAAAAA') }),
				{ continueOnFail: true },
			),
			await runBill(consoleCredentials(emulator), {
				authentication: 'billConsoleApi',
				...vendorCreate,
				actForOrganization: byId(emulator.fixtures.otherOrganizationId),
			}),
			await runBill(consoleCredentials(emulator, { consoleApiToken: 'wrong' }), {
				authentication: 'billConsoleApi',
				...vendorCreate,
			}),
			await runBill(syncTokenCredentials(emulator), vendorCreate),
		];
		emulator.addFault({ kind: 'status', method: 'POST', path: '/v3/vendors' });
		runs.push(await runBill(oauth, withOAuth(vendorCreate), { continueOnFail: true }));
		emulator.faults.clear();
		expect(runs.filter((r) => r.error).length).toBeGreaterThanOrEqual(2);
		expect(tokens().length).toBeGreaterThan(0);
		for (const result of runs) {
			const text = visible(result);
			expectNoSecret(text);
			for (const secret of [...oauthSecrets, ...tokens()]) expect(text).not.toContain(secret);
		}
	});
});
