/**
 * Set-up for the MFA tests against the emulator: the codes it "texts" into state.sms, the session a
 * credential holds, and the steps of USERS.md job 5 through the node.
 */
import type { INodeParameters } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';

export let emulator: Emulator;

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEVICE = 'n8n-production';

/** The last code the emulator texted for this purpose, as a test would read it off the phone. */
export function lastCode(purpose: 'challenge' | 'setup'): string {
	const sent = emulator.state.sms.filter((s) => s.purpose === purpose);
	expect(sent.length).toBeGreaterThan(0);
	return sent[sent.length - 1].token;
}

export const sessionOf = (credentials: CredentialStore, type = 'billApi') =>
	emulator.state.sessions.get(String(credentials.data[type].sessionId));

export async function sendChallenge(credentials: CredentialStore): Promise<string> {
	const [sent] = await runBillOk(credentials, { resource: 'mfa', operation: 'sendChallenge' });
	expect(sent.challengeId).toEqual(expect.any(String));
	expect(sent.next).toMatch(/Validate Challenge/);
	return sent.challengeId as string;
}

export const validate = (
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
export async function obtainMfaId(): Promise<{
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
export function shown(
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

/** One emulator for the file, reset before each test. */
export function useMfaEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(async () => emulator.stop());
	beforeEach(() => emulator.reset());
}
