// @ts-check
/**
 * What the user sees: the n8n editor with our nodes, in a real browser. Debian's Chromium
 * (installed with apt-get when missing, as the queue-mode test installs Redis and PostgreSQL),
 * driven by playwright-core (no browser download), against the stack `npm start` runs (the BILL
 * emulator with demo data, n8n 2.41.1 with our package installed as users install it, the
 * "BILL (emulator)" credential, the example workflows, the demo owner), on free ports. One n8n,
 * one browser. The tests are in one module per part of the editor (session.mjs has the helpers).
 *
 * Each step saves a screenshot in test/browser/.screens/ (git-ignored); a failed step's screenshot
 * is copied to .test-results/browser-failures/ and named in the result. Results go to
 * .test-results/browser.json (scripts/test.sh counts them). Where Chromium or playwright-core is
 * not there and cannot be installed, every step is recorded as pending with the reason, loudly.
 *
 *   node test/browser/run.mjs                      the browser tests
 *   node test/browser/run.mjs nodes-panel schema   only these groups (names below, in GROUPS)
 *   node test/browser/run.mjs --screenshots        the same, then copies the README's pictures to docs/images/
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../../scripts/n8n-runtime.mjs';
import { startStack } from '../../scripts/lib/browser-stack.mjs';
import { suite } from '../../scripts/lib/testkit.mjs';
import * as credential from './credential.mjs';
import * as lists from './lists.mjs';
import * as nodesPanel from './nodes-panel.mjs';
import * as panels from './panels.mjs';
import * as schemaPreview from './schema-preview.mjs';
import { FAILURES, SCREENS, findOrInstallChromium, openSession, say } from './session.mjs';
import * as workflows from './workflows.mjs';

const IMAGES = join(REPO, 'docs', 'images');
const SCREENSHOTS_MODE = process.argv.includes('--screenshots');

/** The README's pictures: docs/images/<name>.png ← .screens/<screen>.png */
const README_IMAGES = {
	'nodes-panel': 'nodes-panel-light',
	'bill-create': 'panel-bill',
	credential: 'credential-ok',
	'credential-wrong-password': 'credential-wrong-password',
	'workflow-run': 'workflow-run',
	'workflow-output': 'workflow-output',
	'trigger-events': 'trigger-events',
	'ai-agent': 'workflow-ai-agent',
	'mcp-server': 'workflow-mcp-server',
	'http-request': 'http-request-bill-credential',
};

/**
 * The groups, in the order they run (the credential's before the lists: it leaves the
 * credential as it found it), each with its steps' names for a run that cannot start.
 * @type {{ name: string, run: (session: import('./session.mjs').Session) => Promise<void>, steps: string[] }[]}
 */
const GROUPS = [
	{
		name: 'nodes-panel',
		run: nodesPanel.nodesPanelTests,
		steps: Object.values(nodesPanel.STEPS),
	},
	{ name: 'panels', run: panels.panelTests, steps: [panels.STEPS.all] },
	{ name: 'credential', run: credential.credentialTests, steps: [credential.STEPS.credential] },
	{ name: 'lists', run: lists.listTests, steps: Object.values(lists.STEPS) },
	{ name: 'workflows', run: workflows.workflowTests, steps: workflows.STEPS.all() },
	{
		name: 'schema',
		run: schemaPreview.schemaPreviewTests,
		steps: Object.values(schemaPreview.STEPS),
	},
];

const { record, test, writeResults } = suite('browser');

/** The groups the command line names (all of them when it names none). */
function chosenGroups() {
	const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
	const unknown = named.filter((n) => !GROUPS.some((g) => g.name === n));
	if (unknown.length)
		throw new Error(
			`no browser test group ${unknown.join(', ')}: ${GROUPS.map((g) => g.name).join(', ')}`,
		);
	return named.length ? GROUPS.filter((g) => named.includes(g.name)) : GROUPS;
}

/** Chromium and playwright-core, or why the tests cannot run. */
async function browserOrSkip() {
	const found = findOrInstallChromium();
	if (found.skip) return { skip: found.skip };
	try {
		const { chromium } = await import('playwright-core');
		return { chromium, path: found.path };
	} catch (error) {
		return {
			skip: `playwright-core is not installed (npm ci installs it): ${/** @type {Error} */ (error).message}`,
		};
	}
}

/** docs/images/ from this run's screenshots (npm run screenshots). */
function copyReadmeImages() {
	mkdirSync(IMAGES, { recursive: true });
	for (const [image, screenName] of Object.entries(README_IMAGES)) {
		const from = join(SCREENS, `${screenName}.png`);
		if (!existsSync(from)) {
			console.log(`  ! ${screenName}.png was not taken: docs/images/${image}.png not updated`);
			continue;
		}
		copyFileSync(from, join(IMAGES, `${image}.png`));
		console.log(`  docs/images/${image}.png (${Math.round(statSync(from).size / 1024)} KB)`);
	}
}

async function main() {
	const started = Date.now();
	const groups = chosenGroups();
	const found = await browserOrSkip();
	if (!found.chromium) {
		console.log(`\n!!! browser tests SKIPPED: ${found.skip}\n`);
		for (const name of groups.flatMap((g) => g.steps)) record(name, 'pending', found.skip);
		return;
	}
	rmSync(SCREENS, { recursive: true, force: true });
	rmSync(FAILURES, { recursive: true, force: true });
	mkdirSync(SCREENS, { recursive: true });

	say('starting the BILL emulator and n8n (as npm start does)');
	const stack = await startStack();
	const browser = await found.chromium.launch({
		executablePath: found.path,
		// As root (containers, CI) Chromium needs --no-sandbox; the pages are our local n8n only.
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	try {
		say(
			`stack up in ${Math.round((Date.now() - started) / 1000)} s; Chromium ${browser.version()}`,
		);
		const session = await openSession(browser, stack, test);
		for (const group of groups) await group.run(session);
	} finally {
		await browser.close();
		await stack.stop();
	}
	if (SCREENSHOTS_MODE) copyReadmeImages();
	say(
		`done in ${Math.round((Date.now() - started) / 1000)} s; screenshots in test/browser/.screens/`,
	);
}

main()
	.catch((error) => record('browser set-up', 'failed', error.stack ?? String(error)))
	.finally(() => {
		const summary = writeResults();
		const failed = summary.numFailedTests > 0;
		process.exit(failed || (SCREENSHOTS_MODE && summary.numPassedTests === 0) ? 1 : 0);
	});
