// @ts-check
/**
 * Issue 27 §2 (sync token), §4 (approval policies, bills with their approvals, ACH batching),
 * §5 (webhook history, resend, test notification) and §6 (smaller 2026 fields) in a real n8n:
 * workflows built the way a user builds them in the editor (the published node types, the
 * package installed from its tarball), run with `n8n execute` against the emulator, and checked
 * against what the emulator holds afterwards. §1 (OAuth), the console (§2) and §3 (charging
 * customers) have their own files: oauth.mjs and charge.mjs.
 *
 * Called by test/e2e/run.mjs; `node test/e2e/bill2026.mjs` runs these tests alone (its own
 * emulator and n8n user folder; .n8n-runtime must be ready).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { n8nEnv, prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import { importAll } from '../../scripts/lib/e2e.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import {
	emulatorCredential,
	executeWorkflow,
	freePort,
	nodeOutput,
	runFailure,
	startEmulatorProcess,
} from '../../scripts/lib/stack.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';
import {
	IDS,
	POLICY,
	documentWorkflows,
	fieldsWorkflow,
	policiesWorkflow,
	policyEditWorkflow,
	syncCredential,
	syncWorkflow,
	webhookWorkflow,
} from './bill2026-workflows.mjs';

/** @typedef {import('../../scripts/lib/stack.mjs').Emulator} Emulator */
/** @typedef {(title: string, body: () => Promise<string | void>) => Promise<unknown>} Test */

/** BILL's API as the administrator (to set up data and to read what BILL holds). */
async function adminApi(/** @type {Emulator} */ emulator) {
	const f = emulator.fixtures;
	/** @type {Record<string, string>} */
	const headers = { 'content-type': 'application/json', devKey: f.devKey };
	/** @param {string} method @param {string} url @param {unknown} [body] @param {Record<string, string>} [extra] */
	const call = async (method, url, body, extra = {}) => {
		const response = await fetch(url, {
			method,
			headers: { ...headers, ...extra },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const json = text ? JSON.parse(text) : {};
		if (!response.ok) throw new Error(`BILL ${method} ${url}: ${response.status} ${text}`);
		return json;
	};
	const login = await call('POST', `${emulator.baseUrl}/v3/login`, {
		username: f.admin.username,
		password: f.admin.password,
		organizationId: f.organizationId,
		devKey: f.devKey,
		// MFA-trusted (the fixture's MFA ID), as adding a bank account asks.
		rememberMeId: f.mfaId,
		device: f.device,
	});
	headers.sessionId = login.sessionId;
	const events = emulator.baseUrl.replace(/\/connect$/, '/connect-events');
	return {
		/** @param {string} path @param {unknown} body */
		post: (path, body) => call('POST', `${emulator.baseUrl}${path}`, body),
		/** @param {string} path */
		get: (path) => call('GET', `${emulator.baseUrl}${path}`),
		/** @param {string} path @param {unknown} body */
		postEvents: (path, body) =>
			call('POST', `${events}${path}`, body, { 'X-Idempotent-Key': crypto.randomUUID() }),
	};
}

/** A receiver of BILL's deliveries on this machine: the event types it got, in order. */
async function receiver() {
	/** @type {string[]} */
	const received = [];
	const server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			try {
				received.push(String(JSON.parse(body)?.metadata?.eventType ?? 'unknown'));
			} catch {
				received.push('unreadable');
			}
			response.writeHead(200).end();
		});
	});
	const port = await freePort();
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	return { url: `http://127.0.0.1:${port}/bill`, received, close: () => server.close() };
}

/** Waits until `count()` reaches `want` (deliveries are sent after BILL answers). */
async function settle(/** @type {() => number} */ count, /** @type {number} */ want) {
	for (let i = 0; i < 50 && count() < want; i++) await new Promise((r) => setTimeout(r, 100));
	return count();
}

/**
 * The tests; `ctx` = { env, emulator, workdir, test } as run.mjs gives them.
 * @param {{ env: NodeJS.ProcessEnv, emulator: Emulator, workdir: string, test: Test }} ctx
 */
export async function bill2026Tests({ env, emulator, workdir, test }) {
	const api = await adminApi(emulator);
	const vendor = async (/** @type {string} */ name, extra = {}) =>
		String(
			(
				await api.post('/v3/vendors', {
					name,
					accountType: 'BUSINESS',
					email: 'ap@vendor.example',
					address: { line1: '1 Main St', city: 'San Jose', country: 'US' },
					...extra,
				})
			).id,
		);
	const runOk = async (/** @type {string} */ id) => {
		const result = await executeWorkflow(env, id);
		check(result.ok, `workflow ${id} did not succeed: ${runFailure(result)}`);
		return result.run;
	};
	const hook = await receiver();
	let ready = false;
	try {
		await test('BILL 2026 set-up: vendors, a bill and a webhook subscription made in BILL, the workflows and credentials imported into n8n', async () => {
			const vendorId = await vendor('E2E Lighting Co');
			const foreignId = await vendor('E2E Kobenhavn Strings', {
				address: { line1: '1 Nyhavn', city: 'Copenhagen', country: 'DK' },
				paymentInformation: { payByType: 'ACH', payBySubType: 'MULTIPLE' },
			});
			const payable = await api.post('/v3/bills', {
				vendorId,
				invoice: { invoiceNumber: 'E2E-SYNC-1', invoiceDate: '2026-12-01' },
				dueDate: '2026-12-31',
				billLineItems: [{ amount: 100, description: 'Cables' }],
			});
			const bank = await api.post('/v3/funding-accounts/banks', {
				nameOnAccount: 'E2E Music Co',
				routingNumber: '074000010',
				accountNumber: '555000099',
				type: 'CHECKING',
				ownerType: 'BUSINESS',
			});
			await api.post(`/v3/funding-accounts/banks/${bank.id}/verify`, { depositAmount: 0.5 });
			const subscription = await api.postEvents('/v3/subscriptions', {
				name: 'e2e history',
				status: { enabled: true },
				notificationUrl: hook.url,
				events: [{ type: 'vendor.created', version: '1' }],
			});
			const watched = await vendor('E2E Watched Vendor');
			await settle(() => hook.received.length, 1);
			await importAll(
				env,
				workdir,
				'bill2026',
				/** @type {any} */ ({
					credentials: [emulatorCredential(emulator), syncCredential(emulator)],
					workflows: [
						policiesWorkflow(emulator, vendorId),
						policyEditWorkflow(emulator),
						syncWorkflow(String(payable.id), String(bank.id)),
						webhookWorkflow(String(subscription.id), watched),
						fieldsWorkflow(foreignId, vendorId),
						...documentWorkflows(String(payable.id)),
					],
				}),
			);
			ready = true;
			return `subscription ${subscription.id}, ${hook.received.length} delivery so far`;
		});
		if (!ready) return;
		await policyTests({ test, emulator, api, runOk });
		await otherTests({ test, env, emulator, api, runOk, hook });
	} finally {
		hook.close();
	}
}

/** @param {{ test: Test, emulator: Emulator, api: any, runOk: (id: string) => Promise<any> }} ctx */
async function policyTests({ test, emulator, api, runOk }) {
	const f = emulator.fixtures;
	const policies = async () => /** @type {any[]} */ (await api.get('/v3/bill-approvals/policies'));
	await test('approval policy (issue 27 §4): created with its rule and approvers in order, a bill created with billApprovals lists them, ACH batching set; run again: nothing created twice', async () => {
		const first = await runOk(IDS.policies);
		const [policy] = nodeOutput(first, 'Create policy') ?? [];
		equal(policy?.alreadyExisted, false, 'first run: policy alreadyExisted');
		const [bill] = nodeOutput(first, 'Bill with approvals') ?? [];
		equal(
			(bill?.approvers ?? []).map((/** @type {any} */ a) => a.userId),
			[f.clerk.userId, f.admin.userId],
			"the bill's approvers, in order",
		);
		const [organization] = nodeOutput(first, 'ACH batching') ?? [];
		check(
			organization?.processingOptions?.individualTransferIn === true &&
				organization.processingOptions.individualTransferOut === false,
			`processingOptions: ${JSON.stringify(organization?.processingOptions)}`,
		);
		const second = await runOk(IDS.policies);
		equal(
			nodeOutput(second, 'Create policy')?.[0]?.alreadyExisted,
			true,
			'second run: policy alreadyExisted',
		);
		equal(
			nodeOutput(second, 'Bill with approvals')?.[0]?.alreadyExisted,
			true,
			'second run: bill alreadyExisted',
		);
		const held = (await policies()).filter((p) => p.policyName === POLICY);
		equal(held.length, 1, `policies named ${POLICY} in BILL`);
		equal(
			held[0].approvers?.users?.map((/** @type {any} */ u) => u.userId),
			[f.clerk.userId, f.admin.userId],
			'approvers BILL holds, in order',
		);
		return `policy ${policy.id}, bill ${bill.id} with ${bill.approvers.length} approvers; second run: both found, 1 policy in BILL`;
	});
	await test('approval policy updated (renamed, approvers reversed), then deleted', async () => {
		const run = await runOk(IDS.policyEdit);
		const [updated] = nodeOutput(run, 'Update policy') ?? [];
		equal(updated?.policyName, 'E2E renamed', 'updated name');
		equal(
			updated?.approvers?.users?.map((/** @type {any} */ u) => u.userId),
			[f.admin.userId, f.clerk.userId],
			'updated approvers, in order',
		);
		equal(nodeOutput(run, 'Delete policy')?.[0]?.deleted, true, 'deleted');
		equal((await policies()).length, 0, 'policies left in BILL');
		return `policy ${updated.id} renamed and deleted; BILL holds none`;
	});
}

/** @param {{ test: Test, env: NodeJS.ProcessEnv, emulator: Emulator, api: any, runOk: (id: string) => Promise<any>, hook: { received: string[] } }} ctx */
async function otherTests({ test, env, emulator, runOk, hook }) {
	await test('sync token (issue 27 §2): reads work; a payment is refused before it is sent, saying why', async () => {
		// What BILL received during this run only: earlier groups of the suite made payments.
		const logBefore = /** @type {any[]} */ (await emulator.control('GET', '/log')).length;
		// Continue On Fail on "Pay bill": the item carries the refusal (n8n execute reports a failed
		// run without its node's message).
		const run = await runOk(IDS.sync);
		const [refused] = nodeOutput(run, 'Pay bill') ?? [];
		const failure = String(refused?.error ?? JSON.stringify(refused));
		check(/sync token/i.test(failure) && /payment/i.test(failure), `Pay bill: ${failure}`);
		equal(nodeOutput(run, 'Vendors')?.length, 1, 'vendors read with the sync token');
		const log = /** @type {any[]} */ (await emulator.control('GET', '/log')).slice(logBefore);
		check(log.length > 0, 'the emulator logged no request during the run');
		equal(
			log.filter((e) => e.method === 'POST' && e.route === '/v3/payments').length,
			0,
			'payments sent',
		);
		return failure.slice(0, 160);
	});
	await test('webhooks (issue 27 §5): the event history of one entity, that event resent and delivered again, a test notification delivered', async () => {
		const before = hook.received.length;
		const run = await runOk(IDS.webhook);
		const history = nodeOutput(run, 'Event history') ?? [];
		equal(history.length, 1, 'events of the watched vendor');
		equal(history[0].type, 'vendor.created', 'event type');
		equal(nodeOutput(run, 'Resend')?.[0]?.id, history[0].id, 'resent event');
		equal(nodeOutput(run, 'Test notification')?.[0]?.type, 'vendor.created', 'test event');
		await settle(() => hook.received.length, before + 2);
		equal(hook.received.length - before, 2, 'deliveries after the run (resend + test)');
		return `1 event in the history; ${hook.received.length - before} deliveries (resend, test)`;
	});
	await test('2026 fields (issue 27 §6): a foreign vendor shows transferMethod, a vendor bank account its status', async () => {
		const run = await runOk(IDS.fields);
		equal(nodeOutput(run, 'Foreign vendor')?.[0]?.transferMethod, 'LOCAL', 'transferMethod');
		equal(nodeOutput(run, 'Bank account')?.[0]?.status, 'PENDING', 'bank account status');
		return 'transferMethod LOCAL; bank account PENDING';
	});
	await test("2026 fields (issue 27 §6): a file made in the workflow attached to a bill; once BILL has scanned it, the bill's documents show scanStatus CLEAN and numOfPages", async () => {
		const attached = await runOk(IDS.upload);
		const [upload] = nodeOutput(attached, 'Attach to bill') ?? [];
		check(upload?.id, `upload: ${JSON.stringify(upload)}`);
		// BILL finishes an upload after a while (the emulator: 60 s on its clock).
		await emulator.control('POST', '/clock', { advanceMs: 60_000 });
		const listed = nodeOutput(await runOk(IDS.documents), 'Documents') ?? [];
		const document = listed.find((/** @type {any} */ d) => d.name === 'receipt.pdf');
		check(document, `documents: ${JSON.stringify(listed)}`);
		equal(document.scanStatus, 'CLEAN', 'scanStatus');
		equal(document.numOfPages, 2, 'numOfPages');
		return `upload ${upload.id}; document ${document.id}: CLEAN, 2 pages`;
	});
}

/** `node test/e2e/bill2026.mjs`: these tests alone. */
async function main() {
	const { test, writeResults } = suite('e2e-bill2026');
	prepareRuntime();
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-e2e-2026-'));
	const env = n8nEnv(
		/** @type {any} */ ({
			userFolder: workdir,
			encryptionKey: randomBytes(24).toString('hex'),
			port: await freePort(),
			brokerPort: await freePort(),
		}),
	);
	try {
		installPackage(env); // as users install it (README → Install in your n8n)
		await bill2026Tests({ env, emulator, workdir, test });
	} finally {
		await emulator.stop();
		rmSync(workdir, { recursive: true, force: true });
	}
	const summary = writeResults();
	process.exit(summary?.numFailedTests ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
