// @ts-check
/**
 * What happens outside n8n while the examples run: people working in BILL (here, the emulator),
 * and a running n8n's executions. Used by `npm run demo` to show the examples that need a person
 * between two runs (the MFA code, an approver, a bill created in BILL while a trigger listens, a
 * card holder's expenses submitted in BILL Spend & Expense).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { RUNTIME_DIR } from '../n8n-runtime.mjs';
import { SPEND_API_TOKEN } from './spend.mjs';

/**
 * BILL's API as its fixture administrator uses it (each call logs in: `people.logins` counts them,
 * so the demo can tell them from n8n's logins) (own login; `host` 'connect' or
 * 'connect-events'): { get(path), post(path, body) }, each resolving with BILL's JSON.
 */
export const people = { logins: 0 };

/**
 * @param {import('./stack.mjs').Emulator} emulator
 */
export async function billAsAdmin(emulator) {
	people.logins++;
	const f = emulator.fixtures;
	const call = async (method, path, body, headers = {}, host = 'connect') => {
		const response = await fetch(`${emulator.url}/${host}${path}`, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: body ? JSON.stringify(body) : undefined,
		});
		const json = await response.json();
		if (!response.ok)
			throw new Error(`BILL ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	const { sessionId } = await call('POST', '/v3/login', {
		username: f.admin.username,
		password: f.admin.password,
		organizationId: f.organizationId,
		devKey: f.devKey,
	});
	const auth = { devKey: f.devKey, sessionId };
	return {
		get: (path, host) => call('GET', path, undefined, auth, host),
		post: (path, body, host) => call('POST', path, body, auth, host),
	};
}

/**
 * A bill created in BILL by a person (not by n8n): the first vendor, due today.
 * @param {import('./stack.mjs').Emulator} emulator
 * @param {{ invoiceNumber: string, amount: number, description: string }} bill
 */
export async function createBillInBill(emulator, { invoiceNumber, amount, description }) {
	const bill = await billAsAdmin(emulator);
	const vendor = (await emulator.control('GET', '/state/vendors'))[0];
	const today = new Date().toISOString().slice(0, 10);
	return bill.post('/v3/bills', {
		vendorId: vendor.id,
		invoice: { invoiceNumber, invoiceDate: today },
		dueDate: today,
		billLineItems: [{ amount, description }],
	});
}

/**
 * An approver approving bills in BILL (BILL's approval actions).
 * @param {import('./stack.mjs').Emulator} emulator
 * @param {string[]} billIds
 */
export async function approveInBill(emulator, billIds) {
	if (!billIds.length) return;
	const bill = await billAsAdmin(emulator);
	await bill.post(
		'/v3/bill-approvals/actions',
		billIds.map((billId) => ({ billId, action: 'APPROVE', comment: 'approved in BILL' })),
	);
}

/**
 * A card holder's out-of-pocket expenses submitted in BILL Spend & Expense (its API, with the
 * emulator's administrator token, for the first MEMBER and the first budget): one reimbursement
 * awaiting approval per amount. Resolves with them.
 * @param {import('./stack.mjs').Emulator} emulator
 * @param {number[]} amounts
 */
export async function submitReimbursements(emulator, amounts) {
	const call = async (method, path, body) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			method,
			headers: { apiToken: SPEND_API_TOKEN, 'content-type': 'application/json' },
			body: body ? JSON.stringify(body) : undefined,
		});
		const json = await response.json();
		if (!response.ok)
			throw new Error(`BILL Spend ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	const [budget] = (await call('GET', '/v3/spend/budgets?max=1')).results;
	// BILL's user list has no role filter (https://developer.bill.com/reference/listusers): picked here.
	const [user] = (await call('GET', '/v3/spend/users?max=100')).results.filter(
		(u) => u.role === 'MEMBER',
	);
	const today = new Date().toISOString().slice(0, 10);
	const made = [];
	for (const [i, amount] of amounts.entries())
		made.push(
			await call('POST', '/v3/spend/reimbursements', {
				budgetId: budget.uuid,
				userId: user.uuid,
				occurredDate: today,
				merchantName: ['Office Depot', 'Taxi', 'Conference fee', 'Team lunch'][i % 4],
				amount,
			}),
		);
	return made;
}

/**
 * Waits (up to `timeoutMs`) for a finished execution of a workflow in a running n8n (its REST API,
 * `rest` from restClient); resolves with { status, output: { node: [json…] } }.
 * @param {ReturnType<typeof import('./stack.mjs').restClient>} rest
 * @param {string} workflowId
 * @param {{ timeoutMs?: number }} [options]
 */
export async function waitForExecution(rest, workflowId, { timeoutMs = 60_000 } = {}) {
	const flatted = createRequire(join(RUNTIME_DIR, 'n8n', 'node_modules', 'n8n', 'package.json'))(
		'flatted',
	);
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const list = await rest.call(
			'GET',
			`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
		);
		const done = (list?.results ?? []).find(
			(e) => e.status && !['new', 'running', 'waiting'].includes(e.status),
		);
		if (done) {
			const full = await rest.call('GET', `/executions/${done.id}`);
			const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
			const output = Object.fromEntries(
				Object.entries(data?.resultData?.runData ?? {}).map(([node, runs]) => [
					node,
					(runs.at(-1)?.data?.main?.[0] ?? []).map((i) => i.json),
				]),
			);
			return { status: full.status ?? done.status, output };
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
	throw new Error(`no finished execution of ${workflowId} within ${timeoutMs / 1000} s`);
}

/**
 * Polls `read` until `done(value)` (up to 30 s); resolves with the value.
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} done
 * @param {string} what
 * @returns {Promise<T>}
 */
export async function waitFor(read, done, what) {
	const deadline = Date.now() + 30_000;
	let value;
	while (Date.now() < deadline) {
		value = await read();
		if (done(value)) return value;
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	throw new Error(`waited 30 s for ${what}; last seen: ${JSON.stringify(value).slice(0, 300)}`);
}
