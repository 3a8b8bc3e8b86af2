// @ts-check
/**
 * Example workflows in the editor: one executed from the editor with its output in the table
 * view, the workflows the README pictures (agents, MCP, HTTP Request) as they open, and the
 * HTTP Request node of example 17 on our credential.
 */
import { CREDENTIAL } from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { sleep } from './session.mjs';

/** @typedef {import('./session.mjs').Session} Session */

/** The example workflows the README shows: each opens in the editor with these nodes. */
const PICTURED_WORKFLOWS = [
	{
		id: 'billcomAiAgent',
		screen: 'workflow-ai-agent',
		nodes: ['AI Agent', 'OpenAI Chat Model', 'Unpaid bills', 'Vendors', 'Question'],
	},
	{
		id: 'billcomMcpServer',
		screen: 'workflow-mcp-server',
		nodes: ['MCP Server Trigger', 'Vendors', 'Unpaid bills', 'Bill details'],
	},
	{
		id: 'billcomHttp',
		screen: 'workflow-http-request',
		nodes: ['Settings', 'List bills (HTTP Request)', 'Read the first bill (BILL node)'],
	},
];

export const STEPS = {
	workflowRun:
		'example workflow executed from the editor: every node succeeds and the output shows in the table view',
	/** @param {string} id */
	pictured: (id) =>
		`example ${id} opens in the editor: its nodes on the canvas, no error in the browser console or n8n's log`,
	httpRequestPanel:
		'HTTP Request node of example 17: Authentication "Predefined Credential Type", Credential Type "BILL API", the BILL credential',
	/** Every step's name, for a run that cannot start. */
	all: () => [
		STEPS.workflowRun,
		...PICTURED_WORKFLOWS.map((w) => STEPS.pictured(w.id)),
		STEPS.httpRequestPanel,
	],
};

/** Example 01 executed from the editor: the bills it created listed in the output's table. */
async function workflowRun(/** @type {Session} */ session) {
	const { page, stack } = session;
	await session.openWorkflow('billcomBillRows');
	await page.click('[data-test-id=execute-workflow-button]');
	const node = (/** @type {string} */ name) =>
		page.locator('[data-test-id=canvas-node]', { hasText: name }).first();
	await node('Summary')
		.locator('[data-test-id=canvas-node-status-success]')
		.waitFor({ timeout: 60_000 });
	const failed = await page.locator('[data-test-id=canvas-node-status-error]').count();
	equal(failed, 0, 'nodes with an error');
	await page.mouse.move(5, 450);
	await session.screen('workflow-run');
	await session.openNode('Create bills');
	const output = page.locator('[data-test-id=output-panel]');
	await output.locator('[data-test-id=radio-button-table]').click();
	const table = output.locator('[data-test-id=ndv-data-container] table');
	await table.waitFor();
	const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) =>
				Array.from(tr.querySelectorAll('td')).map((td) =>
					/** @type {HTMLElement} */ (td).innerText.trim(),
				),
			),
		);
	const bills = await stack.emulator.control('GET', '/state/bills');
	const idColumn = headers.indexOf('id');
	check(idColumn >= 0, `no "id" column in the table: ${headers.join(', ')}`);
	equal(
		rows.map((r) => r[idColumn]).sort(),
		bills.map((/** @type {any} */ b) => b.id).sort(),
		'bill ids in the table and in the emulator',
	);
	await session.screen('workflow-output');
	session.noProblems();
	return `${rows.length} bills in the table (columns ${headers.slice(0, 6).join(', ')}, …)`;
}

/** A pictured workflow as it opens: its nodes on the canvas. */
async function pictured(
	/** @type {Session} */ session,
	/** @type {typeof PICTURED_WORKFLOWS[number]} */ workflow,
) {
	const { page } = session;
	await session.openWorkflow(workflow.id);
	// Fit the workflow into the view, then one step smaller: the nodes along the bottom clear the
	// "Execute workflow" button.
	await page.locator('[data-test-id=zoom-to-fit]').click();
	await sleep(500);
	await page.locator('[data-test-id=zoom-out-button]').click();
	// A node's text: its name and subtitle, and the labels of its handles, one a line.
	const names = (await page.locator('[data-test-id=canvas-node]').allInnerTexts()).map((t) =>
		t.split('\n').map((line) => line.trim()),
	);
	const missing = workflow.nodes.filter((n) => !names.some((lines) => lines.includes(n)));
	check(
		!missing.length,
		`nodes not on the canvas: ${missing.join(', ')} (shown: ${JSON.stringify(names)})`,
	);
	await page.mouse.move(5, 450);
	await session.screen(workflow.screen);
	session.noProblems();
	return `${names.length} nodes: ${workflow.nodes.join(', ')} among them`;
}

/** Example 17's HTTP Request node: our credential type and credential shown. */
async function httpRequestPanel(/** @type {Session} */ session) {
	const { page } = session;
	await session.openWorkflow('billcomHttp');
	await session.openNode('List bills (HTTP Request)');
	const ndv = page.locator('[data-test-id=ndv]');
	const values = await ndv
		.locator('[data-test-id=node-parameters] input')
		.evaluateAll((inputs) => inputs.map((i) => /** @type {HTMLInputElement} */ (i).value));
	for (const value of ['Predefined Credential Type', 'BILL API', CREDENTIAL.name])
		check(values.includes(value), `"${value}" not shown in the panel: ${JSON.stringify(values)}`);
	const text = await ndv.locator('[data-test-id=node-parameters]').innerText();
	check(/\/v3\/bills/.test(text), `the URL's path not shown: ${text.slice(0, 400)}`);
	await page.mouse.move(720, 890);
	await session.screen('http-request-bill-credential');
	session.noProblems();
	return values.filter(Boolean).slice(0, 8).join(' | ');
}

/** The group's tests. */
export async function workflowTests(/** @type {Session} */ session) {
	await session.step(STEPS.workflowRun, () => workflowRun(session));
	for (const workflow of PICTURED_WORKFLOWS)
		await session.step(STEPS.pictured(workflow.id), () => pictured(session, workflow));
	await session.step(STEPS.httpRequestPanel, () => httpRequestPanel(session));
}
