// @ts-check
/**
 * The BILL node's parameter panels as the user opens them: one BILL node per resource, each at
 * its first (default) operation, with its required parameters shown before the optional groups,
 * readable descriptions, and the description in the label's tooltip.
 */
import { join } from 'node:path';

import { REPO } from '../../scripts/n8n-runtime.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { billNode, runNode, workflowJson } from './workflow-json.mjs';

/** @typedef {import('./session.mjs').Session} Session */
/** @typedef {{ name: string, displayName: string, type: string, required?: boolean, description?: string, default?: unknown, options?: any[], displayOptions?: { show?: Record<string, any[]>, hide?: Record<string, any[]> } }} Property */
/** @typedef {{ properties: Property[], defaultVersion?: number }} Description */
/** @typedef {{ value: string, name: string, operation: string, operationName: string }} Resource */

export const STEPS = {
	/** @param {string} resource @param {string} operation */
	panel: (resource, operation) =>
		`parameter panel: ${resource} → ${operation} opens without an error in the browser console or n8n's log, required parameters first, descriptions readable`,
	all: 'parameter panels of every resource',
};

/** The BILL node's description, from the built package. @returns {Promise<Description>} */
export async function billDescription() {
	const { Bill } = await import(join(REPO, 'dist', 'nodes', 'Bill', 'Bill.node.js'));
	return new Bill().description;
}

/** The BILL node's resources, each with its first (default) operation. */
function resourcesOf(/** @type {Description} */ description) {
	const resource = description.properties.find((p) => p.name === 'resource');
	return (resource?.options ?? []).map((option) => {
		const operation = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(option.value),
		);
		if (!operation) throw new Error(`no Operation parameter for the resource ${option.value}`);
		const first = operation.options?.find((o) => o.value === operation.default);
		return /** @type {Resource} */ ({
			value: option.value,
			name: option.name,
			operation: operation.default,
			operationName: first?.name ?? operation.default,
		});
	});
}

/** The parameters the panel of resource/operation may show. */
function parametersOf(
	/** @type {Description} */ description,
	/** @type {string} */ resource,
	/** @type {string} */ operation,
) {
	return description.properties.filter((p) => {
		const show = p.displayOptions?.show ?? {};
		if (show.resource && !show.resource.includes(resource)) return false;
		if (show.operation && !show.operation.includes(operation)) return false;
		return true;
	});
}

/**
 * A workflow with one BILL node per resource, parameters left at n8n's defaults, of the version
 * n8n gives a node added from the panel.
 * @param {Resource[]} resources
 * @param {number | undefined} typeVersion
 */
function everyResourceWorkflow(resources, typeVersion) {
	return workflowJson('Browser test: one BILL node per resource', [
		runNode(),
		...resources.map((r, i) =>
			billNode({
				id: `panel-${r.value}`,
				name: `BILL ${r.name}`,
				typeVersion,
				position: [300 + (i % 4) * 240, Math.floor(i / 4) * 220],
				parameters: { resource: r.value },
			}),
		),
	]);
}

/**
 * The workflow with one BILL node per resource (made once a session; the vendor list uses it
 * too): its id.
 * @param {Session} session
 * @returns {Promise<string>}
 */
export async function panelsWorkflow(session) {
	const made = session.shared.get('panelsWorkflow');
	if (made) return /** @type {string} */ (made);
	const description = await billDescription();
	const workflow = await session.stack.rest.call(
		'POST',
		'/workflows',
		everyResourceWorkflow(resourcesOf(description), description.defaultVersion),
	);
	session.shared.set('panelsWorkflow', workflow.id);
	return workflow.id;
}

/** The labels of the parameters the open panel shows, in order. */
async function shownLabels(/** @type {import('playwright-core').Locator} */ ndv) {
	return (
		await ndv
			.locator('[data-test-id=node-parameters] [data-test-id=parameter-item]')
			.allInnerTexts()
	)
		.map((t) =>
			t
				.split('\n')[0]
				.replace(/\s*\*$/, '')
				.trim(),
		)
		.filter((t) => t && t !== 'Credential');
}

/** Every required parameter shown, and before the first optional group. */
function checkRequiredFirst(
	/** @type {Property[]} */ properties,
	/** @type {string[]} */ ours,
	/** @type {string[]} */ shown,
) {
	const byName = new Map(properties.map((p) => [p.displayName, p]));
	// At least the Operation, and every required parameter the operation always shows (some,
	// like Organization → Get, have no other: they act on the session's organization).
	const alwaysRequired = properties.filter(
		(p) =>
			p.required &&
			!p.displayOptions?.hide &&
			Object.keys(p.displayOptions?.show ?? {}).every((k) => ['resource', 'operation'].includes(k)),
	);
	const missing = alwaysRequired.filter((p) => !ours.includes(p.displayName));
	check(
		ours.includes('Operation') && !missing.length,
		`parameters not shown: ${missing.map((p) => p.displayName).join(', ') || 'Operation'} (shown: ${JSON.stringify(shown)})`,
	);
	const kinds = /** @type {Property[]} */ (ours.map((label) => byName.get(label)));
	const firstOptional = kinds.findIndex(
		(p) => ['collection', 'fixedCollection'].includes(p.type) && !p.required,
	);
	const lateRequired = kinds.filter(
		(p, i) => p.required && firstOptional >= 0 && i > firstOptional,
	);
	check(
		!lateRequired.length,
		`required ${lateRequired.map((p) => p.displayName).join(', ')} after the optional "${kinds[firstOptional]?.displayName}": ${JSON.stringify(ours)}`,
	);
	return kinds;
}

/**
 * Descriptions: every parameter has one, plain text of a readable length, and the panel shows it
 * where the user looks (the label's tooltip).
 * @param {Session} session
 * @param {import('playwright-core').Locator} ndv
 * @param {Property[]} kinds
 */
async function checkDescriptions({ page }, ndv, kinds) {
	const unreadable = kinds.filter((p) => {
		if (p.type === 'notice') return !p.displayName;
		// "Filters", "Additional Fields", "Sort": n8n shows no description for the group; each
		// field in it has its own.
		if (['collection', 'fixedCollection'].includes(p.type)) return false;
		if (['resource', 'operation', 'authentication'].includes(p.name)) return false;
		const text = p.description ?? '';
		return !text || text.length > 400 || /<(?!\/?(code|b|a|br)\b)[a-z]/i.test(text);
	});
	check(
		!unreadable.length,
		`descriptions missing, too long or with markup: ${unreadable.map((p) => `${p.displayName}: ${JSON.stringify(p.description)}`).join('; ')}`,
	);
	const withTip = kinds.find(
		(p) => p.description && !['resource', 'operation'].includes(p.name) && p.type !== 'notice',
	);
	if (withTip?.description) {
		const description = withTip.description;
		const label = ndv.locator(`label[for="${withTip.name}"]`).first();
		await label.hover();
		await label.locator('[data-icon=circle-help]').first().hover();
		const tip = page
			.locator('[role=tooltip]:visible, .n8n-tooltip:visible, [data-side]:visible')
			.filter({ hasText: description.slice(0, 30) });
		await tip
			.first()
			.waitFor({ timeout: 5000 })
			.catch(() => {
				throw new Error(
					`hovering "${withTip.displayName}" showed no tooltip with its description "${description}"`,
				);
			});
	}
	// The tooltip away, so the picture shows the panel as it opens.
	await page.mouse.move(720, 890);
	await page
		.locator('[role=tooltip]:visible')
		.first()
		.waitFor({ state: 'hidden', timeout: 3000 })
		.catch(() => {});
}

/** One resource's panel. */
async function resourcePanel(
	/** @type {Session} */ session,
	/** @type {Description} */ description,
	/** @type {Resource} */ resource,
) {
	await session.openWorkflow(await panelsWorkflow(session));
	await session.openNode(`BILL ${resource.name}`);
	const ndv = session.page.locator('[data-test-id=ndv]');
	const shown = await shownLabels(ndv);
	const operation = await ndv
		.locator('[data-test-id=parameter-input-operation] input')
		.inputValue();
	equal(operation, resource.operationName, `operation shown for ${resource.name}`);
	const properties = parametersOf(description, resource.value, resource.operation);
	const known = new Set(properties.map((p) => p.displayName));
	// n8n's own settings (Always Output Data …) follow ours; they are not in our description.
	const ours = shown.filter((label) => known.has(label));
	const kinds = checkRequiredFirst(properties, ours, shown);
	await checkDescriptions(session, ndv, kinds);
	await session.screen(`panel-${resource.value}`);
	session.noProblems();
	return `${ours.length} parameters: ${ours.join(', ')}`;
}

/** The group's tests: one panel per resource. */
export async function panelTests(/** @type {Session} */ session) {
	const description = await billDescription();
	for (const resource of resourcesOf(description))
		await session.step(STEPS.panel(resource.name, resource.operationName), () =>
			resourcePanel(session, description, resource),
		);
}
