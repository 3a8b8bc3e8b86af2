/**
 * Set-up for the tests of the live check (npm run test:live) without BILL: a second emulator stands
 * in for BILL's sandbox (a loopback base URL, its fixture login); the check's configuration and
 * command line run against it, with no BILL_LIVE_* variable of the caller's.
 */
import { spawn } from 'child_process';
import { randomUUID } from 'crypto';
import { join, resolve } from 'path';
import { startEmulator, type Emulator } from '../../emulator';
import type { LiveResult } from './check';
import { readLiveSetup, type LiveConfig } from './config';

export const ROOT = resolve(__dirname, '../..');
export const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Stands in for BILL's sandbox. */
export let bill: Emulator;
/** The emulator the check compares with. */
export let reference: Emulator;

export function envFor(emulator: Emulator, mfa: boolean): NodeJS.ProcessEnv {
	const f = emulator.fixtures;
	return {
		BILL_LIVE_USERNAME: f.admin.username,
		BILL_LIVE_PASSWORD: f.admin.password,
		BILL_LIVE_ORGANIZATION_ID: f.organizationId,
		BILL_LIVE_DEV_KEY: f.devKey,
		BILL_LIVE_BASE_URL: emulator.baseUrl,
		...(mfa ? { BILL_LIVE_MFA_ID: f.mfaId, BILL_LIVE_DEVICE: f.device } : {}),
	};
}

export function configFor(emulator: Emulator, mfa = true): LiveConfig {
	const setup = readLiveSetup(envFor(emulator, mfa));
	if (setup.kind !== 'run') throw new Error(`not runnable: ${JSON.stringify(setup)}`);
	return setup.config;
}

/** Runs `tsx test/live/run.ts` with only these BILL_LIVE_* variables (none of the caller's). */
export function runCli(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !name.startsWith('BILL_LIVE_')),
	);
	return new Promise((done, fail) => {
		const child = spawn(TSX, ['test/live/run.ts'], {
			cwd: ROOT,
			env: { ...clean, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('error', fail);
		child.on('close', (code) => done({ code, out }));
	});
}

/** A webhook subscription made in an emulator directly (not by the check). */
export async function leaveSubscription(emulator: Emulator, name: string): Promise<void> {
	const f = emulator.fixtures;
	const login = await fetch(`${emulator.baseUrl}/v3/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		}),
	});
	const { sessionId } = (await login.json()) as { sessionId: string };
	const created = await fetch(`${emulator.eventsBaseUrl}/v3/subscriptions`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			sessionId,
			devKey: f.devKey,
			'X-Idempotent-Key': randomUUID(),
		},
		body: JSON.stringify({
			name,
			status: { enabled: true },
			events: [{ type: 'vendor.created', version: '1' }],
			notificationUrl: `https://example.invalid/${encodeURIComponent(name)}`,
		}),
	});
	expect(created.status).toBe(200);
}

export const secretsOf = (emulator: Emulator) => {
	const f = emulator.fixtures;
	return [f.admin.password, f.devKey, f.mfaId, f.admin.username, f.organizationId];
};

export function expectNothingSecretIn(report: string, result: LiveResult) {
	for (const secret of [...secretsOf(bill), ...result.secrets, ...result.ids])
		expect(report).not.toContain(secret);
	expect(report).not.toMatch(/\b(009|00n)02[0-9A-Za-z]{15}\b/);
}

/** Two emulators for the file, `bill` and `reference`, reset before each test. */
export function useTwoEmulators(): void {
	beforeAll(async () => {
		[bill, reference] = await Promise.all([startEmulator(), startEmulator()]);
	});
	afterAll(async () => {
		await Promise.all([bill.stop(), reference.stop()]);
	});
	beforeEach(() => {
		bill.reset();
		reference.reset();
	});
}
