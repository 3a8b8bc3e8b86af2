#!/usr/bin/env node
/**
 * What the user sees: the n8n editor with our nodes, in a real browser. Debian's Chromium
 * (installed with apt-get when missing, as the queue-mode test installs Redis and PostgreSQL),
 * driven by playwright-core (no browser download), against the stack `npm start` runs (the BILL
 * emulator with demo data, n8n 2.41.1 with our nodes, the "BILL (emulator)" credential, the example
 * workflows, the demo owner), on free ports. One n8n, one browser.
 *
 * Each step saves a screenshot in test/browser/.screens/ (git-ignored); a failed step's screenshot
 * is copied to .test-results/browser-failures/ and named in the result. Results go to
 * .test-results/browser.json (scripts/test.sh counts them). Where Chromium or playwright-core is
 * not there and cannot be installed, every step is recorded as pending with the reason, loudly.
 *
 *   node test/browser/run.mjs                 the browser tests
 *   node test/browser/run.mjs --screenshots   the same, then copies the README's pictures to docs/images/
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../../scripts/n8n-runtime.mjs';
import { CREDENTIAL } from '../../scripts/lib/stack.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';
import { adminSessionId } from '../../scripts/lib/e2e.mjs';
import { aptInstall, which } from '../../scripts/queue/services.mjs';
import { startStack } from '../../scripts/lib/browser-stack.mjs';

const SCREENS = join(REPO, 'test', 'browser', '.screens');
const FAILURES = join(REPO, '.test-results', 'browser-failures');
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

const STEPS = {
	nodesPanel:
		'nodes panel: "BILL" and "BILL Trigger" found by name and by "bill.com", with our icon in the light and the dark theme',
	panel: (resource, operation) =>
		`parameter panel: ${resource} → ${operation} opens without an error in the browser console or n8n's log, required parameters first, descriptions readable`,
	credential:
		'credential dialog: the fields in the README\'s order, "Test" succeeds against the emulator, a wrong password shows BILL\'s code and message',
	vendorList:
		'vendor list (resource locator "From list"): lists the emulator\'s vendors and filters as the user types',
	triggerEvents: "BILL Trigger: the event list loads from the emulator's catalog",
	workflowRun:
		'example workflow executed from the editor: every node succeeds and the output shows in the table view',
	pictured: (id) =>
		`example ${id} opens in the editor: its nodes on the canvas, no error in the browser console or n8n's log`,
	httpRequestPanel:
		'HTTP Request node of example 17: Authentication "Predefined Credential Type", Credential Type "BILL API", the BILL credential',
};

const { record, test, writeResults } = suite('browser');
const say = (message) => console.log(`[browser] ${message}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Chromium's executable: CHROMIUM_PATH, Debian's chromium, an installed Chrome (CI runners), or
 * Debian's chromium installed with apt-get; { path } or { skip }.
 */
function findOrInstallChromium() {
	const candidates = () =>
		[
			process.env.CHROMIUM_PATH,
			'/usr/bin/chromium',
			which('chromium'),
			which('chromium-browser'),
			// GitHub's Ubuntu runners have Google Chrome and no Debian chromium (Ubuntu's is a snap).
			which('google-chrome-stable'),
			which('google-chrome'),
		].filter((p) => p && existsSync(p));
	let [path] = candidates();
	if (path) return { path };
	say('Chromium is missing: installing Debian\'s "chromium" package');
	const why = aptInstall(['chromium'], say);
	if (why) return { skip: `Chromium missing: ${why}` };
	[path] = candidates();
	return path ? { path } : { skip: 'Chromium still missing after apt-get install chromium' };
}

/** The BILL node's resources, each with its first (default) operation and its parameters. */
async function billDescription() {
	const { Bill } = await import(join(REPO, 'dist', 'nodes', 'Bill', 'Bill.node.js'));
	return new Bill().description;
}

function resourcesOf(description) {
	const resource = description.properties.find((p) => p.name === 'resource');
	return resource.options.map((option) => {
		const operation = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(option.value),
		);
		const first = operation.options.find((o) => o.value === operation.default);
		return {
			value: option.value,
			name: option.name,
			operation: operation.default,
			operationName: first?.name ?? operation.default,
		};
	});
}

/** The parameters the panel of resource/operation may show, by display name. */
function parametersOf(description, resource, operation) {
	return description.properties.filter((p) => {
		const show = p.displayOptions?.show ?? {};
		if (show.resource && !show.resource.includes(resource)) return false;
		if (show.operation && !show.operation.includes(operation)) return false;
		return true;
	});
}

/** The README's credential table: field names in order ("Username, Password" gives two). */
function readmeCredentialFields() {
	const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
	const table = readme.slice(readme.indexOf('| Field | What to put there |'));
	const rows = table.split('\n').slice(2);
	const fields = [];
	for (const row of rows) {
		if (!row.startsWith('|')) break;
		const cell = row.split('|')[1].trim();
		fields.push(...cell.split(/,\s*|\s*\+\s*/).map((f) => f.trim()));
	}
	return fields;
}

/** A BILL request as a user of the emulator would make it (its own login). */
async function billGet(emulator, path, host = 'connect') {
	const sessionId = await adminSessionId(emulator);
	const response = await fetch(`${emulator.url}/${host}${path}`, {
		headers: { devKey: emulator.fixtures.devKey, sessionId },
	});
	return response.json();
}

/**
 * A workflow with one BILL node per resource, parameters left at n8n's defaults, of the version
 * n8n gives a node added from the panel.
 */
function everyResourceWorkflow(resources, typeVersion) {
	const nodes = [
		{
			id: 'run',
			name: 'Run',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...resources.map((r, i) => ({
			id: `panel-${r.value}`,
			name: `BILL ${r.name}`,
			type: 'n8n-nodes-billcom.bill',
			typeVersion,
			position: [300 + (i % 4) * 240, Math.floor(i / 4) * 220],
			parameters: { authentication: 'billApi', resource: r.value },
			credentials: { billApi: CREDENTIAL },
		})),
	];
	return {
		name: 'Browser test: one BILL node per resource',
		nodes,
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

// Lines of n8n's log that are not about our nodes: n8n calling home (no internet here), its
// Python runner, deprecation notices, stack frames.
const LOG_NOISE = [
	/api\.n8n\.io|ENOTFOUND|EAI_AGAIN|getaddrinfo/i,
	/Python task runner/i,
	/^\s+at /,
	/deprecat/i,
];
// Browser console messages that are not about our nodes: the sign-in page's 401 before logging
// in, n8n's own calls home and telemetry, which have no internet here.
const CONSOLE_NOISE = [
	/status of 401/,
	/api\.n8n\.io|n8n\.cloud|telemetry|rudderstack|posthog|sentry/i,
	/ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|net::ERR_/,
	/Failed to load resource: the server responded with a status of 404.*(templates|whats-new|versions)/i,
];

async function main() {
	const started = Date.now();
	let chromium;
	const found = findOrInstallChromium();
	let skip = found.skip;
	if (!skip) {
		try {
			({ chromium } = await import('playwright-core'));
		} catch (error) {
			skip = `playwright-core is not installed (npm ci installs it): ${error.message}`;
		}
	}
	if (skip) {
		console.log(`\n!!! browser tests SKIPPED: ${skip}\n`);
		for (const name of [
			STEPS.nodesPanel,
			'parameter panels of every resource',
			STEPS.credential,
			STEPS.vendorList,
			STEPS.triggerEvents,
			STEPS.workflowRun,
			...PICTURED_WORKFLOWS.map((w) => STEPS.pictured(w.id)),
			STEPS.httpRequestPanel,
		])
			record(name, 'pending', skip);
		return;
	}

	rmSync(SCREENS, { recursive: true, force: true });
	rmSync(FAILURES, { recursive: true, force: true });
	mkdirSync(SCREENS, { recursive: true });

	say('starting the BILL emulator and n8n (as npm start does)');
	const stack = await startStack();
	const { emulator, base } = stack;
	const browser = await chromium.launch({
		executablePath: found.path,
		// As root (containers, CI) Chromium needs --no-sandbox; the pages are our local n8n only.
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	try {
		say(
			`stack up in ${Math.round((Date.now() - started) / 1000)} s; Chromium ${browser.version()}`,
		);
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		page.setDefaultTimeout(20_000);
		page.on('dialog', (dialog) => void dialog.accept());
		let consoleErrors = [];
		page.on('console', (message) => {
			if (message.type() === 'error') consoleErrors.push(message.text());
		});
		page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));

		// n8n's log and the console, step by step.
		let logMark = stack.log().length;
		const startStep = () => {
			consoleErrors = [];
			logMark = stack.log().length;
		};
		const problems = () => {
			const log = stack
				.log()
				.slice(logMark)
				.split('\n')
				.filter((line) => /error/i.test(line) && !LOG_NOISE.some((re) => re.test(line)));
			const browserErrors = consoleErrors.filter((m) => !CONSOLE_NOISE.some((re) => re.test(m)));
			return [
				...browserErrors.map((m) => `browser console: ${m}`),
				...log.map((l) => `n8n log: ${l}`),
			];
		};
		const noProblems = () => {
			const found = problems();
			check(!found.length, found.join('\n'));
		};

		let screenIndex = 0;
		let lastScreen;
		const screen = async (name) => {
			// Panels slide in: let them settle, so the picture shows them where the user sees them.
			await sleep(800);
			lastScreen = join(SCREENS, `${String(++screenIndex).padStart(2, '0')}-${name}.png`);
			await page.screenshot({ path: lastScreen });
			// A stable name for the README's pictures too.
			copyFileSync(lastScreen, join(SCREENS, `${name}.png`));
			return lastScreen;
		};
		/** A step: on failure its screenshot is kept in .test-results/browser-failures/. */
		const step = (name, fn) =>
			test(name, async () => {
				startStep();
				const began = Date.now();
				const took = () => `${((Date.now() - began) / 1000).toFixed(1)} s`;
				try {
					const note = await fn();
					return `${note ? `${note} ` : ''}(${took()})`;
				} catch (error) {
					error.message += ` (after ${took()})`;
					mkdirSync(FAILURES, { recursive: true });
					const file = join(FAILURES, `${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80)}.png`);
					await page.screenshot({ path: file }).catch(() => {});
					error.message += `\n(screenshot: ${file.slice(REPO.length + 1)})`;
					throw error;
				}
			});

		const testIds = (root = 'body') =>
			page.evaluate(
				(sel) =>
					[...document.querySelectorAll(`${sel} [data-test-id]`)].map((e) =>
						e.getAttribute('data-test-id'),
					),
				root,
			);
		const openWorkflow = async (id, query = '') => {
			// Already there (the panels of one workflow, one after the other): close the open panel.
			if (!query && new URL(page.url()).pathname.startsWith(`/workflow/${id}`)) {
				if (await page.locator('[data-test-id=ndv]').isVisible()) {
					await page.locator('[data-test-id=ndv-close-button]').click();
					await page.locator('[data-test-id=ndv]').waitFor({ state: 'hidden' });
				}
				return;
			}
			await page.goto(`${base}/workflow/${id}${query}`);
			await page.waitForSelector('[data-test-id=canvas-node]');
		};
		const openNode = async (name) => {
			await page
				.locator('[data-test-id=canvas-node]', { hasText: name })
				.first()
				.dblclick({ position: { x: 20, y: 20 } });
			await page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]');
			await sleep(500);
		};

		// Log in as the demo owner, through the sign-in page.
		await page.goto(`${base}/signin`);
		await page.fill('input[name=emailOrLdapLoginId]', stack.owner.email);
		await page.fill('input[type=password]', stack.owner.password);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/home\//);

		// 1. The nodes panel.
		await step(STEPS.nodesPanel, async () => {
			const notes = [];
			for (const theme of ['light', 'dark']) {
				const iconFile = theme === 'dark' ? 'bill.dark.svg' : 'bill.svg';
				// An empty workflow: the panel lists triggers ("BILL Trigger" shows as "BILL" there).
				await page.goto(`${base}/workflow/new?theme=${theme}`);
				await page.waitForSelector(
					'[data-test-id=canvas-plus-button], [data-test-id=canvas-add-button]',
				);
				const searchIn = async (query) => {
					const input = page.locator('[data-test-id=node-creator-search-bar]').first();
					const field =
						(await input.evaluate((e) => e.tagName)) === 'INPUT' ? input : input.locator('input');
					await field.fill('');
					await field.pressSequentially(query, { delay: 30 });
					await sleep(600);
					return page.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]');
				};
				const billItem = async (query, what) => {
					const items = await searchIn(query);
					// Our credentials' entry for the HTTP Request node is also called "BILL" (its
					// description: "HTTP request"); the node is the other one.
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
						src?.endsWith(`/${iconFile}`),
						`${what}: icon ${src} in the ${theme} theme, expected ${iconFile}`,
					);
					const loaded = await icon.evaluate((img) => img.complete && img.naturalWidth > 0);
					check(loaded, `${what}: icon ${src} did not load`);
					return item;
				};
				await page.click('[data-test-id=canvas-plus-button], [data-test-id=canvas-add-button]');
				await page.waitForSelector('[data-test-id=node-creator]');
				for (const query of ['BILL Trigger', 'bill.com']) {
					const item = await billItem(query, 'BILL Trigger');
					const text = await item.innerText();
					check(/bill\.com/i.test(text), `the trigger's description: ${text}`);
				}
				await screen(`nodes-panel-trigger-${theme}`);

				// A workflow with a trigger: the panel lists actions; BILL's has both kinds.
				await openWorkflow('billcomDueWeek', `?theme=${theme}`);
				await page.click('[data-test-id=node-creator-plus-button]');
				await page.waitForSelector('[data-test-id=node-creator]');
				for (const query of ['bill.com', 'BILL']) {
					const item = await billItem(query, 'BILL');
					if (query !== 'BILL') continue;
					await item.click();
					const panel = page.locator('[data-test-id=node-creator]');
					await panel.getByText('Create a bill', { exact: true }).waitFor();
					const text = await panel.innerText();
					check(
						/Triggers \(1\)/.test(text),
						`no BILL Trigger under BILL's actions: ${text.slice(-300)}`,
					);
					const actions = Number(/Actions \((\d+)\)/.exec(text)?.[1]);
					notes.push(`${theme}: ${actions} actions and the trigger under "BILL"`);
				}
				await screen(`nodes-panel-${theme}`);
				await page.keyboard.press('Escape');
			}
			noProblems();
			return notes.join('; ');
		});

		// 2. One parameter panel per resource: its first operation.
		const description = await billDescription();
		const resources = resourcesOf(description);
		const panels = await stack.rest.call(
			'POST',
			'/workflows',
			everyResourceWorkflow(resources, description.defaultVersion),
		);
		for (const resource of resources) {
			await step(STEPS.panel(resource.name, resource.operationName), async () => {
				await openWorkflow(panels.id);
				await openNode(`BILL ${resource.name}`);
				const ndv = page.locator('[data-test-id=ndv]');
				const shown = (
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
				const operation = await ndv
					.locator('[data-test-id=parameter-input-operation] input')
					.inputValue();
				equal(operation, resource.operationName, `operation shown for ${resource.name}`);
				const properties = parametersOf(description, resource.value, resource.operation);
				const byName = new Map(properties.map((p) => [p.displayName, p]));
				// n8n's own settings (Always Output Data …) follow ours; they are not in our description.
				const ours = shown.filter((label) => byName.has(label));
				// At least the Operation, and every required parameter the operation always shows (some,
				// like Organization → Get, have no other: they act on the session's organization).
				const alwaysRequired = properties.filter(
					(p) =>
						p.required &&
						!p.displayOptions?.hide &&
						Object.keys(p.displayOptions?.show ?? {}).every((k) =>
							['resource', 'operation'].includes(k),
						),
				);
				const missing = alwaysRequired.filter((p) => !ours.includes(p.displayName));
				check(
					ours.includes('Operation') && !missing.length,
					`parameters not shown: ${missing.map((p) => p.displayName).join(', ') || 'Operation'} (shown: ${JSON.stringify(shown)})`,
				);
				const kinds = ours.map((label) => byName.get(label));
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
				// Descriptions: every parameter has one, plain text of a readable length, and the panel
				// shows it where the user looks (the label's tooltip, or the notice's text).
				const unreadable = kinds.filter((p) => {
					if (p.type === 'notice') return !p.displayName;
					// "Filters", "Additional Fields", "Sort": n8n shows no description for the group;
					// each field in it has its own.
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
					(p) =>
						p.description && !['resource', 'operation'].includes(p.name) && p.type !== 'notice',
				);
				if (withTip) {
					const label = ndv.locator(`label[for="${withTip.name}"]`).first();
					await label.hover();
					const help = label.locator('[data-icon=circle-help]').first();
					await help.hover();
					const tip = page
						.locator('[role=tooltip]:visible, .n8n-tooltip:visible, [data-side]:visible')
						.filter({ hasText: withTip.description.slice(0, 30) });
					await tip
						.first()
						.waitFor({ timeout: 5000 })
						.catch(() => {
							throw new Error(
								`hovering "${withTip.displayName}" showed no tooltip with its description "${withTip.description}"`,
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
				await screen(`panel-${resource.value}`);
				noProblems();
				return `${ours.length} parameters: ${ours.join(', ')}`;
			});
		}

		// 3. The credential dialog.
		await step(STEPS.credential, async () => {
			const readmeOrder = readmeCredentialFields();
			await page.goto(`${base}/home/credentials/${CREDENTIAL.id}`);
			const modal = page.locator('[data-test-id=editCredential-modal]');
			await modal.waitFor();
			// n8n tests a saved credential as the dialog opens.
			await modal
				.locator('[data-test-id=credentials-config-container-test-success]')
				.waitFor({ state: 'visible', timeout: 30_000 });
			const labels = (
				await modal.locator('[data-test-id=credential-connection-parameter]').allInnerTexts()
			).map((t) =>
				t
					.split('\n')[0]
					.replace(/\s*\*$/, '')
					.trim(),
			);
			const positions = readmeOrder.map((field) => labels.indexOf(field));
			check(
				positions.every((p) => p >= 0),
				`fields the README names but the dialog lacks: ${readmeOrder.filter((_, i) => positions[i] < 0).join(', ')} (dialog: ${labels.join(', ')})`,
			);
			check(
				positions.every((p, i) => i === 0 || p > positions[i - 1]),
				`the dialog's order ${labels.join(', ')} is not the README's ${readmeOrder.join(', ')}`,
			);
			await screen('credential-ok');

			const password = modal.locator('[data-test-id=parameter-input-password] input');
			await password.fill('not-the-password');
			await modal.locator('[data-test-id=credential-save-button]').click();
			await modal.getByText(/Couldn.t connect/).waitFor({ timeout: 30_000 });
			await modal.getByText('More details').click();
			const shown = await modal
				.locator('[data-test-id=node-credentials-config-container]')
				.innerText();
			check(
				/BDC_1101/.test(shown) && /password/i.test(shown),
				`the dialog should show BILL's code BDC_1101 and message: ${shown.slice(0, 400)}`,
			);
			check(!shown.includes('not-the-password'), 'the dialog shows the password');
			await screen('credential-wrong-password');
			const message = /BILL login failed[^\n]*/.exec(shown)?.[0] ?? '';

			// Put the right password back: the later steps use this credential.
			await password.fill(emulator.fixtures.admin.password);
			await modal.locator('[data-test-id=credential-save-button]').click();
			await modal
				.locator('[data-test-id=credentials-config-container-test-success]')
				.waitFor({ state: 'visible', timeout: 30_000 });
			await page.keyboard.press('Escape');
			// The failed test is n8n logging our login error: expected here.
			consoleErrors = [];
			return `fields ${labels.join(', ')}; wrong password: "${message}"`;
		});

		// 4. The vendor list of a resource locator.
		await step(STEPS.vendorList, async () => {
			const vendors = (await emulator.control('GET', '/state/vendors'))
				.filter((v) => !v.archived)
				.map((v) => v.name)
				.sort((a, b) => a.localeCompare(b));
			await openWorkflow(panels.id);
			await openNode('BILL Bill');
			const locator = page.locator('[data-test-id=resource-locator-vendorId]');
			await locator.locator('[data-test-id=rlc-input]').click();
			const items = page.locator('[data-test-id=rlc-item]');
			await items.first().waitFor();
			const listed = async () => (await items.allInnerTexts()).map((t) => t.trim());
			equal(await listed(), vendors, 'vendors listed');
			const search = page.locator('[data-test-id=rlc-search]');
			const prefix = vendors[vendors.length - 1].slice(0, 3);
			await search.pressSequentially(prefix, { delay: 60 });
			const expected = vendors.filter((n) => n.toLowerCase().startsWith(prefix.toLowerCase()));
			const deadline = Date.now() + 10_000;
			let got = await listed();
			while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < deadline) {
				await sleep(250);
				got = await listed();
			}
			equal(got, expected, `vendors listed after typing "${prefix}"`);
			await screen('vendor-list');
			await items.first().click();
			noProblems();
			return `${vendors.length} vendors; "${prefix}" → ${got.join(', ')}`;
		});

		// 5. The trigger's events, from the catalog.
		await step(STEPS.triggerEvents, async () => {
			const catalog = await billGet(emulator, '/v3/events/catalog', 'connect-events');
			// BILL Spend & Expense events (spend.*) need Spend's own subscriptions API: the trigger
			// leaves them out, and says so in its description.
			const events = (Array.isArray(catalog) ? catalog : (catalog.results ?? []))
				.map((e) => e.type)
				.filter((type) => !type.startsWith('spend.'));
			check(
				events.length > 0,
				`the emulator's catalog is empty: ${JSON.stringify(catalog).slice(0, 300)}`,
			);
			const before =
				(await emulator.control('GET', '/stats')).requests['GET /v3/events/catalog'] ?? 0;
			await openWorkflow('billcomNewBill');
			await openNode('BILL Trigger');
			await page.locator('[data-test-id=parameter-input-events]').click();
			const options = page.locator('.el-select-dropdown__item:visible');
			await options.first().waitFor();
			const texts = (await options.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
			const missing = events.filter((type) => !texts.some((t) => t.includes(type)));
			check(
				!missing.length,
				`events of the catalog not offered: ${missing.join(', ')}; offered: ${texts.join(' | ')}`,
			);
			const after =
				(await emulator.control('GET', '/stats')).requests['GET /v3/events/catalog'] ?? 0;
			check(after > before, 'the list did not come from BILL: no GET /v3/events/catalog');
			await screen('trigger-events');
			await page.keyboard.press('Escape');
			noProblems();
			return `${events.length} events from the catalog, ${texts.length} options (with the "any … event" ones)`;
		});

		// 6. An example executed from the editor, its output in the table view.
		await step(STEPS.workflowRun, async () => {
			await openWorkflow('billcomBillRows');
			await page.click('[data-test-id=execute-workflow-button]');
			const node = (name) => page.locator('[data-test-id=canvas-node]', { hasText: name }).first();
			await node('Summary')
				.locator('[data-test-id=canvas-node-status-success]')
				.waitFor({ timeout: 60_000 });
			const failed = await page.locator('[data-test-id=canvas-node-status-error]').count();
			equal(failed, 0, 'nodes with an error');
			await page.mouse.move(5, 450);
			await screen('workflow-run');
			await openNode('Create bills');
			const output = page.locator('[data-test-id=output-panel]');
			await output.locator('[data-test-id=radio-button-table]').click();
			const table = output.locator('[data-test-id=ndv-data-container] table');
			await table.waitFor();
			const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
			const rows = await table
				.locator('tbody tr')
				.evaluateAll((trs) =>
					trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
				);
			const bills = await emulator.control('GET', '/state/bills');
			const idColumn = headers.indexOf('id');
			check(idColumn >= 0, `no "id" column in the table: ${headers.join(', ')}`);
			equal(
				rows.map((r) => r[idColumn]).sort(),
				bills.map((b) => b.id).sort(),
				'bill ids in the table and in the emulator',
			);
			await screen('workflow-output');
			noProblems();
			return `${rows.length} bills in the table (columns ${headers.slice(0, 6).join(', ')}, …)`;
		});

		// 7. The workflows of the README's agents, MCP and HTTP Request sections, as they open.
		for (const pictured of PICTURED_WORKFLOWS) {
			await step(STEPS.pictured(pictured.id), async () => {
				await openWorkflow(pictured.id);
				// Fit the workflow into the view, then one step smaller: the nodes along the bottom
				// clear the "Execute workflow" button.
				await page.locator('[data-test-id=zoom-to-fit]').click();
				await sleep(500);
				await page.locator('[data-test-id=zoom-out-button]').click();
				// A node's text: its name and subtitle, and the labels of its handles, one a line.
				const names = (await page.locator('[data-test-id=canvas-node]').allInnerTexts()).map((t) =>
					t.split('\n').map((line) => line.trim()),
				);
				const missing = pictured.nodes.filter((n) => !names.some((lines) => lines.includes(n)));
				check(
					!missing.length,
					`nodes not on the canvas: ${missing.join(', ')} (shown: ${JSON.stringify(names)})`,
				);
				await page.mouse.move(5, 450);
				await screen(pictured.screen);
				noProblems();
				return `${names.length} nodes: ${pictured.nodes.join(', ')} among them`;
			});
		}
		await step(STEPS.httpRequestPanel, async () => {
			await openWorkflow('billcomHttp');
			await openNode('List bills (HTTP Request)');
			const ndv = page.locator('[data-test-id=ndv]');
			const values = await ndv
				.locator('[data-test-id=node-parameters] input')
				.evaluateAll((inputs) => inputs.map((i) => i.value));
			for (const value of ['Predefined Credential Type', 'BILL API', CREDENTIAL.name])
				check(
					values.includes(value),
					`"${value}" not shown in the panel: ${JSON.stringify(values)}`,
				);
			const text = await ndv.locator('[data-test-id=node-parameters]').innerText();
			check(/\/v3\/bills/.test(text), `the URL's path not shown: ${text.slice(0, 400)}`);
			await page.mouse.move(720, 890);
			await screen('http-request-bill-credential');
			noProblems();
			return values.filter(Boolean).slice(0, 8).join(' | ');
		});
	} finally {
		await browser.close();
		await stack.stop();
	}
	if (SCREENSHOTS_MODE) {
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
