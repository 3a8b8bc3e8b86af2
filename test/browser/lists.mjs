// @ts-check
/**
 * Lists the editor loads from BILL: the vendors of a resource locator's "From list" mode,
 * filtered as the user types, and the BILL Trigger's events from BILL's catalog.
 */
import { adminSessionId } from '../../scripts/lib/e2e.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { panelsWorkflow } from './panels.mjs';
import { sleep } from './session.mjs';

/** @typedef {import('./session.mjs').Session} Session */

export const STEPS = {
	vendorList:
		'vendor list (resource locator "From list"): lists the emulator\'s vendors and filters as the user types',
	triggerEvents: "BILL Trigger: the event list loads from the emulator's catalog",
};

/**
 * A BILL request as a user of the emulator would make it (its own login).
 * @param {Session['stack']['emulator']} emulator
 * @param {string} path
 */
async function billGet(emulator, path, host = 'connect') {
	const sessionId = await adminSessionId(emulator);
	const response = await fetch(`${emulator.url}/${host}${path}`, {
		headers: { devKey: emulator.fixtures.devKey, sessionId },
	});
	return response.json();
}

/** Bill → Create's vendor list: every vendor, then those whose name starts as typed. */
async function vendorList(/** @type {Session} */ session) {
	const { page, stack } = session;
	const vendors = (await stack.emulator.control('GET', '/state/vendors'))
		.filter((/** @type {any} */ v) => !v.archived)
		.map((/** @type {any} */ v) => String(v.name))
		.sort((/** @type {string} */ a, /** @type {string} */ b) => a.localeCompare(b));
	await session.openWorkflow(await panelsWorkflow(session));
	await session.openNode('BILL Bill');
	const locator = page.locator('[data-test-id=resource-locator-vendorId]');
	await locator.locator('[data-test-id=rlc-input]').click();
	const items = page.locator('[data-test-id=rlc-item]');
	await items.first().waitFor();
	const listed = async () => (await items.allInnerTexts()).map((t) => t.trim());
	equal(await listed(), vendors, 'vendors listed');
	const search = page.locator('[data-test-id=rlc-search]');
	const prefix = vendors[vendors.length - 1].slice(0, 3);
	await search.pressSequentially(prefix, { delay: 60 });
	const expected = vendors.filter((/** @type {string} */ n) =>
		n.toLowerCase().startsWith(prefix.toLowerCase()),
	);
	const deadline = Date.now() + 10_000;
	let got = await listed();
	while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < deadline) {
		await sleep(250);
		got = await listed();
	}
	equal(got, expected, `vendors listed after typing "${prefix}"`);
	await session.screen('vendor-list');
	await items.first().click();
	session.noProblems();
	return `${vendors.length} vendors; "${prefix}" → ${got.join(', ')}`;
}

/** The trigger's Events list: every event of BILL's catalog, read from BILL as it opens. */
async function triggerEvents(/** @type {Session} */ session) {
	const { page, stack } = session;
	const { emulator } = stack;
	const catalog = await billGet(emulator, '/v3/events/catalog', 'connect-events');
	// BILL Spend & Expense events (spend.*) need Spend's own subscriptions API: the trigger leaves
	// them out, and says so in its description.
	const events = /** @type {string[]} */ (
		(Array.isArray(catalog) ? catalog : (catalog.results ?? []))
			.map((/** @type {any} */ e) => e.type)
			.filter((/** @type {string} */ type) => !type.startsWith('spend.'))
	);
	check(
		events.length > 0,
		`the emulator's catalog is empty: ${JSON.stringify(catalog).slice(0, 300)}`,
	);
	const catalogReads = async () =>
		(await emulator.control('GET', '/stats')).requests['GET /v3/events/catalog'] ?? 0;
	const before = await catalogReads();
	await session.openWorkflow('billcomNewBill');
	await session.openNode('BILL Trigger');
	await page.locator('[data-test-id=parameter-input-events]').click();
	const options = page.locator('.el-select-dropdown__item:visible');
	await options.first().waitFor();
	const texts = (await options.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
	const missing = events.filter((type) => !texts.some((t) => t.includes(type)));
	check(
		!missing.length,
		`events of the catalog not offered: ${missing.join(', ')}; offered: ${texts.join(' | ')}`,
	);
	check(
		(await catalogReads()) > before,
		'the list did not come from BILL: no GET /v3/events/catalog',
	);
	await session.screen('trigger-events');
	await page.keyboard.press('Escape');
	session.noProblems();
	return `${events.length} events from the catalog, ${texts.length} options (with the "any … event" ones)`;
}

/** The group's tests. */
export async function listTests(/** @type {Session} */ session) {
	await session.step(STEPS.vendorList, () => vendorList(session));
	await session.step(STEPS.triggerEvents, () => triggerEvents(session));
}
