// @ts-check
/**
 * What the user finds in the nodes panel and sees on the canvas: "BILL" and "BILL Trigger" found
 * by name and by "bill.com" with our icon in both themes, the BILL node the first entry a search
 * for "BILL" lists (no "BILL · HTTP request" entry of our credentials above it), and the
 * Spend & Expense node on the canvas with its own icon, not the BILL node's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../../scripts/n8n-runtime.mjs';
import { check } from '../../scripts/lib/testkit.mjs';
import { sleep } from './session.mjs';
import { billNode, node, workflowJson } from './workflow-json.mjs';

/** @typedef {import('./session.mjs').Session} Session */
/** @typedef {import('playwright-core').Locator} Locator */

export const STEPS = {
	nodesPanel:
		'nodes panel: "BILL" and "BILL Trigger" found by name and by "bill.com", with our icon in the light and the dark theme',
	billFirst:
		'nodes panel: searching "BILL" lists the BILL node first, no "BILL · HTTP request" entry above it',
	spendIcon:
		"canvas: the BILL Spend & Expense node shows its own icon, not the BILL node's (rendered image and bytes)",
};

/** The panel's search, typed as the user types; resolves with the listed entries. */
async function searchIn(/** @type {Session} */ { page }, /** @type {string} */ query) {
	const input = page.locator('[data-test-id=node-creator-search-bar]').first();
	const field =
		(await input.evaluate((e) => e.tagName)) === 'INPUT' ? input : input.locator('input');
	await field.fill('');
	await field.pressSequentially(query, { delay: 30 });
	await sleep(600);
	return page.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]');
}

/**
 * The entry named "BILL" a search lists (not our credentials' "BILL · HTTP request" entry), with
 * the theme's icon loaded.
 * @param {Session} session
 * @param {{ query: string, what: string, theme: string }} search
 */
async function billItem(session, { query, what, theme }) {
	const { page } = session;
	const iconFile = theme === 'dark' ? 'bill.dark.svg' : 'bill.svg';
	const items = await searchIn(session, query);
	const item = items
		.filter({
			has: page.locator('[data-test-id=node-creator-item-name]', { hasText: /^BILL$/ }),
		})
		.filter({ hasNotText: /HTTP request/i });
	check(
		(await item.count()) === 1,
		`${what}: searching "${query}" (${theme} theme) did not list "BILL"; listed: ${JSON.stringify(await items.allInnerTexts())}`,
	);
	const icon = item.locator('img').first();
	const src = await icon.getAttribute('src');
	check(
		Boolean(src?.endsWith(`/${iconFile}`)),
		`${what}: icon ${src} in the ${theme} theme, expected ${iconFile}`,
	);
	const loaded = await icon.evaluate((img) => {
		const image = /** @type {HTMLImageElement} */ (img);
		return image.complete && image.naturalWidth > 0;
	});
	check(loaded, `${what}: icon ${src} did not load`);
	return item;
}

/** One theme of the nodes panel: the trigger in an empty workflow, the node and its actions. */
async function nodesPanelIn(/** @type {Session} */ session, /** @type {string} */ theme) {
	const { page, base } = session;
	// An empty workflow: the panel lists triggers ("BILL Trigger" shows as "BILL" there).
	await page.goto(`${base}/workflow/new?theme=${theme}`);
	await page.waitForSelector('[data-test-id=canvas-plus-button], [data-test-id=canvas-add-button]');
	await page.click('[data-test-id=canvas-plus-button], [data-test-id=canvas-add-button]');
	await page.waitForSelector('[data-test-id=node-creator]');
	for (const query of ['BILL Trigger', 'bill.com']) {
		const item = await billItem(session, { query, what: 'BILL Trigger', theme });
		const text = await item.innerText();
		check(/bill\.com/i.test(text), `the trigger's description: ${text}`);
	}
	await session.screen(`nodes-panel-trigger-${theme}`);

	// A workflow with a trigger: the panel lists actions; BILL's has both kinds.
	await session.openWorkflow('billcomDueWeek', `?theme=${theme}`);
	await page.click('[data-test-id=node-creator-plus-button]');
	await page.waitForSelector('[data-test-id=node-creator]');
	await billItem(session, { query: 'bill.com', what: 'BILL', theme });
	const item = await billItem(session, { query: 'BILL', what: 'BILL', theme });
	await item.click();
	const panel = page.locator('[data-test-id=node-creator]');
	await panel.getByText('Create a bill', { exact: true }).waitFor();
	const text = await panel.innerText();
	check(/Triggers \(1\)/.test(text), `no BILL Trigger under BILL's actions: ${text.slice(-300)}`);
	const actions = Number(/Actions \((\d+)\)/.exec(text)?.[1]);
	await session.screen(`nodes-panel-${theme}`);
	await page.keyboard.press('Escape');
	return `${theme}: ${actions} actions and the trigger under "BILL"`;
}

/** The entries a search for "BILL" lists in a workflow with a trigger: BILL's is the first. */
async function billListedFirst(/** @type {Session} */ session) {
	const { page } = session;
	await session.openWorkflow('billcomDueWeek', '?theme=light');
	await page.click('[data-test-id=node-creator-plus-button]');
	await page.waitForSelector('[data-test-id=node-creator]');
	const items = await searchIn(session, 'BILL');
	const listed = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
	const first = items.first();
	const name = (await first.locator('[data-test-id=node-creator-item-name]').innerText()).trim();
	const httpEntries = listed.filter((t) => /HTTP request/i.test(t));
	check(
		name === 'BILL' && !/HTTP request/i.test(listed[0] ?? ''),
		`the first entry for "BILL" is ${JSON.stringify(listed[0])}, not the BILL node; listed: ${JSON.stringify(listed)}`,
	);
	await session.screen('nodes-panel-bill-first');
	await page.keyboard.press('Escape');
	return `first of ${listed.length}: ${listed[0]}; ${httpEntries.length} "HTTP request" entries (${httpEntries.join(' | ') || 'none'})`;
}

const ICONS = {
	bill: join(REPO, 'dist', 'nodes', 'Bill', 'bill.svg'),
	billSpend: join(REPO, 'dist', 'nodes', 'BillSpend', 'billSpend.svg'),
};

/** A workflow with a BILL node and a BILL Spend & Expense node side by side. */
const twoNodesWorkflow = () =>
	workflowJson('Browser test: BILL and BILL Spend & Expense icons', [
		billNode({
			id: 'bill',
			name: 'BILL',
			typeVersion: 1.1,
			position: [0, 0],
			parameters: { resource: 'vendor', operation: 'getMany' },
		}),
		node('n8n-nodes-billcom.billSpend', {
			id: 'spend',
			name: 'Spend',
			typeVersion: 1.1,
			position: [300, 0],
		}),
	]);

/**
 * The icon a canvas node shows: its image's address, whether it loaded, and the bytes n8n
 * served for it (as the browser fetched them).
 * @param {Session} session
 * @param {string} type the node's type
 */
async function canvasIcon({ page }, type) {
	const img = page.locator(`[data-test-id=canvas-node][data-node-type="${type}"] img`).first();
	await img.waitFor();
	return await img.evaluate(async (element) => {
		const image = /** @type {HTMLImageElement} */ (element);
		const bytes = await (await fetch(image.src)).text();
		return { src: image.src, loaded: image.complete && image.naturalWidth > 0, bytes };
	});
}

/** The two nodes' icons on the canvas differ, and each is its node's file in the package. */
async function spendIconOnCanvas(/** @type {Session} */ session) {
	const workflow = await session.stack.rest.call('POST', '/workflows', twoNodesWorkflow());
	await session.openWorkflow(workflow.id, '?theme=light');
	const bill = await canvasIcon(session, 'n8n-nodes-billcom.bill');
	const spend = await canvasIcon(session, 'n8n-nodes-billcom.billSpend');
	check(bill.loaded && spend.loaded, `icons not loaded: ${bill.src} ${spend.src}`);
	check(bill.src !== spend.src, `both nodes show ${bill.src}`);
	check(
		bill.bytes !== spend.bytes,
		`the Spend & Expense node's icon ${spend.src} is byte for byte the BILL node's ${bill.src}`,
	);
	check(
		spend.bytes === readFileSync(ICONS.billSpend, 'utf8'),
		`the Spend & Expense node shows ${spend.src}, not the package's billSpend.svg`,
	);
	check(
		bill.bytes === readFileSync(ICONS.bill, 'utf8'),
		`the BILL node shows ${bill.src}, not the package's bill.svg`,
	);
	await session.screen('canvas-icons');
	session.noProblems();
	return `BILL: ${new URL(bill.src).pathname} (${bill.bytes.length} bytes); Spend & Expense: ${new URL(spend.src).pathname} (${spend.bytes.length} bytes)`;
}

/** The group's tests. */
export async function nodesPanelTests(/** @type {Session} */ session) {
	await session.step(STEPS.nodesPanel, async () => {
		const notes = [];
		for (const theme of ['light', 'dark']) notes.push(await nodesPanelIn(session, theme));
		session.noProblems();
		return notes.join('; ');
	});
	await session.step(STEPS.billFirst, () => billListedFirst(session));
	await session.step(STEPS.spendIcon, () => spendIconOnCanvas(session));
}
