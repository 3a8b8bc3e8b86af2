// @ts-check
/**
 * Schema Preview: n8n's editor shows an operation's output before it has run from
 * `/schemas/<node type>/<x.y.z>/<resource>/<operation>.json` (n8n 2.41.1's server, served from
 * the node's `__schema__/v<x.y.z>/` folder in the installed package, the version exact). Checks
 * that n8n serves our files for the version a node added from the panel gets, and that the next
 * node's input panel shows the fields of an operation that has not run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../../scripts/n8n-runtime.mjs';
import { check } from '../../scripts/lib/testkit.mjs';
import { billNode, node, runNode, workflowJson } from './workflow-json.mjs';

/** @typedef {import('./session.mjs').Session} Session */

export const STEPS = {
	served:
		'Schema Preview: n8n serves our output schemas at /schemas/n8n-nodes-billcom.<node>/<version>/<resource>/<operation>.json for the version new nodes get',
	shown:
		"Schema Preview: the next node's input shows BILL → Vendor → Get's fields before the node has run",
};

/** n8n's name of a version's folder: 1.2 → "1.2.0" (the editor's and n8n-core's padVersion). */
const padVersion = (/** @type {number} */ version) =>
	String(version).split('.').concat(['0', '0']).slice(0, 3).join('.');

/** The version n8n gives a node of this folder when the user adds it from the panel. */
async function defaultVersion(/** @type {string} */ folder) {
	const module = await import(join(REPO, 'dist', 'nodes', folder, `${folder}.node.js`));
	return /** @type {number} */ (new module[folder]().description.defaultVersion);
}

/** The schemas the test asks n8n for: node type, its folder, resource, operation. */
const ASKED = [
	{ type: 'n8n-nodes-billcom.bill', folder: 'Bill', resource: 'vendor', operation: 'get' },
	{ type: 'n8n-nodes-billcom.bill', folder: 'Bill', resource: 'bill', operation: 'getMany' },
	{
		type: 'n8n-nodes-billcom.billSpend',
		folder: 'BillSpend',
		resource: 'transaction',
		operation: 'getMany',
	},
];

/** Each schema n8n serves is our file, byte for byte as JSON. */
async function served(/** @type {Session} */ { base }) {
	const notes = [];
	for (const { type, folder, resource, operation } of ASKED) {
		const version = padVersion(await defaultVersion(folder));
		const path = `/schemas/${type}/${version}/${resource}/${operation}.json`;
		const response = await fetch(`${base}${path}`);
		check(response.ok, `GET ${path}: ${response.status} (the editor shows no Schema Preview)`);
		const file = join(
			REPO,
			'nodes',
			folder,
			'__schema__',
			`v${version}`,
			resource,
			`${operation}.json`,
		);
		const ours = JSON.parse(readFileSync(file, 'utf8'));
		const got = await response.json();
		check(
			JSON.stringify(got) === JSON.stringify(ours),
			`GET ${path} is not ${file.slice(REPO.length + 1)}: ${JSON.stringify(got).slice(0, 300)}`,
		);
		notes.push(
			`${path}: ${Object.keys(ours.properties ?? ours.items?.properties ?? {}).length} fields`,
		);
	}
	return notes.join('; ');
}

/** Run → BILL Vendor → Get (never run) → Edit Fields. */
const previewWorkflow = (/** @type {number} */ typeVersion) =>
	workflowJson(
		'Browser test: Schema Preview',
		[
			runNode(),
			billNode({
				id: 'vendor',
				name: 'Vendor',
				typeVersion,
				position: [250, 0],
				parameters: { resource: 'vendor', operation: 'get' },
			}),
			node('n8n-nodes-base.set', {
				id: 'fields',
				name: 'Edit Fields',
				typeVersion: 3.4,
				position: [500, 0],
			}),
		],
		['Run', 'Vendor', 'Edit Fields'],
	);

/** The input panel of the node after Vendor → Get lists the schema's fields, marked a preview. */
async function shown(/** @type {Session} */ session) {
	const { page, stack } = session;
	const version = await defaultVersion('Bill');
	const workflow = await stack.rest.call('POST', '/workflows', previewWorkflow(version));
	await session.openWorkflow(workflow.id);
	await session.openNode('Edit Fields');
	const input = page.locator('[data-test-id=ndv-input-panel]');
	const schemaMode = input.locator('[data-test-id=radio-button-schema]');
	if (await schemaMode.isVisible()) await schemaMode.click();
	await input
		.locator('[data-test-id=schema-preview-warning]')
		.waitFor({ timeout: 15_000 })
		.catch(async () => {
			throw new Error(
				`no Schema Preview for Vendor → Get (node version ${version}); the input panel shows: ${(await input.innerText()).slice(0, 300)}`,
			);
		});
	const lines = (await input.innerText()).split('\n').map((l) => l.trim());
	const file = join(
		REPO,
		'nodes',
		'Bill',
		'__schema__',
		`v${padVersion(version)}`,
		'vendor',
		'get.json',
	);
	const fields = Object.keys(JSON.parse(readFileSync(file, 'utf8')).properties);
	const missing = fields.filter((f) => !lines.includes(f));
	check(
		!missing.length,
		`fields of ${file.slice(REPO.length + 1)} not shown: ${missing.join(', ')}`,
	);
	await session.screen('schema-preview');
	session.noProblems();
	return `${fields.length} fields of Vendor → Get shown as a preview (node version ${version})`;
}

/** The group's tests. */
export async function schemaPreviewTests(/** @type {Session} */ session) {
	await session.step(STEPS.served, () => served(session));
	await session.step(STEPS.shown, () => shown(session));
}
