// @ts-check
/** Small helpers of the end-to-end tests in http-request.mjs and agents.mjs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runN8n } from '../n8n-runtime.mjs';
import { check } from './testkit.mjs';

/** The date `n` days from today, YYYY-MM-DD. */
export const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Imports credentials (plain data; n8n encrypts them) and workflows into the n8n of `env`, with
 * one n8n command for each (each n8n command costs seconds).
 * @param {Record<string, string | undefined>} env
 * @param {string} workdir
 * @param {string} name what the files are named after
 * @param {{ credentials?: any[], workflows?: any[] }} what
 * @returns {Promise<void>}
 */
export async function importAll(env, workdir, name, { credentials = [], workflows = [] }) {
	const run = async (args, what) => {
		const result = await runN8n(args, env);
		check(
			result.code === 0,
			`${what} exited with ${result.code}: ${(result.stdout + result.stderr).slice(-1500)}`,
		);
	};
	if (credentials.length) {
		const file = join(workdir, `${name}-credentials.json`);
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		await run(['import:credentials', `--input=${file}`], 'import:credentials');
	}
	if (workflows.length) {
		const dir = join(workdir, `${name}-workflows`);
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows)
			writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
		await run(['import:workflow', '--separate', `--input=${dir}`], 'import:workflow');
	}
}

/**
 * A session of someone working in BILL: the emulator's fixture administrator, logged in on its own.
 * @param {any} emulator
 * @returns {Promise<string>}
 */
export async function adminSessionId(emulator) {
	const f = emulator.fixtures;
	const response = await fetch(`${emulator.baseUrl}/v3/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		}),
	});
	const json = await response.json();
	check(response.ok, `BILL /v3/login: ${response.status} ${JSON.stringify(json)}`);
	return json.sessionId;
}

/**
 * A bill made in BILL by someone working there (its own login, as the emulator's fixture
 * administrator): of `vendorId` (default the first vendor), due `dueDate` (default in 3 days).
 * @param {any} emulator
 * @param {number} amount
 * @param {{ vendorId?: string, dueDate?: string }} [options]
 * @returns {Promise<any>} the bill BILL answered with
 */
export async function billInBill(emulator, amount, { vendorId, dueDate = day(3) } = {}) {
	const f = emulator.fixtures;
	const post = async (path, body, headers = {}) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
		});
		const json = await response.json();
		check(response.ok, `BILL ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	const vendor = vendorId ?? (await emulator.control('GET', '/state/vendors'))[0].id;
	const sessionId = await adminSessionId(emulator);
	return await post(
		'/v3/bills',
		{
			vendorId: vendor,
			invoice: { invoiceNumber: `E2E-${Date.now()}-${amount}`, invoiceDate: day(0) },
			dueDate,
			billLineItems: [{ amount, description: 'end-to-end test' }],
		},
		{ devKey: f.devKey, sessionId },
	);
}

/**
 * A workflow of a Manual Trigger ("Run") and one `node` after it (its position is set here).
 * @param {string} id
 * @param {string} name
 * @param {Record<string, any>} node
 * @returns {any} the workflow, as n8n imports it
 */
export function manualWorkflow(id, name, node) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				parameters: {},
				id: 'run',
				name: 'Run',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{ ...node, position: [240, 0] },
		],
		connections: { Run: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * The subscription ID a trigger keeps in the workflow's static data, as n8n's REST API shows it:
 * 'not shown' when the API shows no static data at all, 'none' when it holds none.
 * @param {{ rest: any, workflowId: string, nodeName: string }} where
 * @returns {Promise<string>}
 */
export async function subscriptionInStaticData({ rest, workflowId, nodeName }) {
	const staticData = (await rest.call('GET', `/workflows/${workflowId}`))?.staticData;
	const data = typeof staticData === 'string' ? JSON.parse(staticData) : staticData;
	return data === undefined ? 'not shown' : (data?.[`node:${nodeName}`]?.subscriptionId ?? 'none');
}

/**
 * Waits until n8n holds a trigger's subscription in the workflow's static data, where its REST API
 * shows it (or the API shows no static data at all). The trigger keeps the subscription's security
 * key there, which n8n writes to its database once activation ends; a delivery before that could
 * not be verified (BILL sends it again later, but a test waits for one execution). Resolves with
 * what n8n showed.
 * @param {{ rest: any, workflowId: string, nodeName: string, subscriptionId: string,
 *   waitFor: import('../../test/e2e/context.mjs').E2EContext['waitFor'] }} options
 * @returns {Promise<string>}
 */
export async function subscriptionKeptByN8n({
	rest,
	workflowId,
	nodeName,
	subscriptionId,
	waitFor,
}) {
	return await waitFor(
		() => subscriptionInStaticData({ rest, workflowId, nodeName }),
		(id) => id === 'not shown' || id === subscriptionId,
		`n8n's static data holding subscription ${subscriptionId}`,
	);
}
