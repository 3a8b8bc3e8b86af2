// @ts-check
/**
 * The browser session every group of browser tests drives: Chromium found (or installed), one
 * page logged in to n8n as the demo owner, and the helpers a step needs: `step` (a named test
 * whose failure keeps its screenshot), `screen` (a screenshot in test/browser/.screens/),
 * `noProblems` (no error in the browser console or n8n's log since the step began), and
 * `openWorkflow` / `openNode`.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../../scripts/n8n-runtime.mjs';
import { check } from '../../scripts/lib/testkit.mjs';
import { aptInstall, which } from '../../scripts/queue/services.mjs';

export const SCREENS = join(REPO, 'test', 'browser', '.screens');
export const FAILURES = join(REPO, '.test-results', 'browser-failures');

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {Awaited<ReturnType<typeof import('../../scripts/lib/browser-stack.mjs').startStack>>} Stack */
/** @typedef {(name: string, fn: () => Promise<string | void>) => Promise<void>} TestFn */

/**
 * @typedef {object} Session
 * @property {Page} page
 * @property {Stack} stack
 * @property {string} base n8n's URL
 * @property {(name: string, fn: () => Promise<string | void>) => Promise<void>} step
 * @property {(name: string) => Promise<string>} screen
 * @property {() => void} noProblems throws when the console or n8n's log has errors
 * @property {() => void} forgetConsole the console's errors so far are expected ones
 * @property {(id: string, query?: string) => Promise<void>} openWorkflow
 * @property {(name: string) => Promise<void>} openNode
 * @property {Map<string, unknown>} shared what one group makes and another uses
 */

export const say = (/** @type {string} */ message) => console.log(`[browser] ${message}`);
export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Chromium's executable: CHROMIUM_PATH, Debian's chromium, an installed Chrome (CI runners), or
 * Debian's chromium installed with apt-get.
 * @returns {{ path: string, skip?: undefined } | { skip: string, path?: undefined }}
 */
export function findOrInstallChromium() {
	const candidates = () =>
		/** @type {string[]} */ (
			[
				process.env.CHROMIUM_PATH,
				'/usr/bin/chromium',
				which('chromium'),
				which('chromium-browser'),
				// GitHub's Ubuntu runners have Google Chrome and no Debian chromium (Ubuntu's is a snap).
				which('google-chrome-stable'),
				which('google-chrome'),
			].filter((p) => p && existsSync(p))
		);
	let [path] = candidates();
	if (path) return { path };
	say('Chromium is missing: installing Debian\'s "chromium" package');
	const why = aptInstall(['chromium'], say);
	if (why) return { skip: `Chromium missing: ${why}` };
	[path] = candidates();
	return path ? { path } : { skip: 'Chromium still missing after apt-get install chromium' };
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

/** Errors in the browser console and n8n's log: kept per step. */
function problemWatch(/** @type {Page} */ page, /** @type {Stack} */ stack) {
	/** @type {string[]} */
	let consoleErrors = [];
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
	let logMark = stack.log().length;
	return {
		restart() {
			consoleErrors = [];
			logMark = stack.log().length;
		},
		forgetConsole() {
			consoleErrors = [];
		},
		noProblems() {
			const log = stack
				.log()
				.slice(logMark)
				.split('\n')
				.filter((line) => /error/i.test(line) && !LOG_NOISE.some((re) => re.test(line)));
			const browserErrors = consoleErrors.filter((m) => !CONSOLE_NOISE.some((re) => re.test(m)));
			const found = [
				...browserErrors.map((m) => `browser console: ${m}`),
				...log.map((l) => `n8n log: ${l}`),
			];
			check(!found.length, found.join('\n'));
		},
	};
}

/**
 * The session's page helpers: opening a workflow (or closing the open panel when it is the same
 * one) and a node's panel.
 * @param {Page} page
 * @param {string} base
 */
function navigation(page, base) {
	return {
		/** @param {string} id @param {string} [query] */
		async openWorkflow(id, query = '') {
			if (!query && new URL(page.url()).pathname.startsWith(`/workflow/${id}`)) {
				if (await page.locator('[data-test-id=ndv]').isVisible()) {
					await page.locator('[data-test-id=ndv-close-button]').click();
					await page.locator('[data-test-id=ndv]').waitFor({ state: 'hidden' });
				}
				return;
			}
			await page.goto(`${base}/workflow/${id}${query}`);
			await page.waitForSelector('[data-test-id=canvas-node]');
		},
		/** @param {string} name */
		async openNode(name) {
			await page
				.locator('[data-test-id=canvas-node]', { hasText: name })
				.first()
				.dblclick({ position: { x: 20, y: 20 } });
			await page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]');
			await sleep(500);
		},
	};
}

/**
 * A logged-in page on the stack's n8n, with the step helpers.
 * @param {import('playwright-core').Browser} browser
 * @param {Stack} stack
 * @param {TestFn} test the suite's test()
 * @returns {Promise<Session>}
 */
export async function openSession(browser, stack, test) {
	const { base } = stack;
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	page.on('dialog', (dialog) => void dialog.accept());
	const watch = problemWatch(page, stack);

	let screenIndex = 0;
	/** @param {string} name */
	const screen = async (name) => {
		// Panels slide in: let them settle, so the picture shows them where the user sees them.
		await sleep(800);
		const file = join(SCREENS, `${String(++screenIndex).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file });
		// A stable name for the README's pictures too.
		copyFileSync(file, join(SCREENS, `${name}.png`));
		return file;
	};
	/** @type {Session['step']} */
	const step = (name, fn) =>
		test(name, async () => {
			watch.restart();
			const began = Date.now();
			const took = () => `${((Date.now() - began) / 1000).toFixed(1)} s`;
			try {
				const note = await fn();
				return `${note ? `${note} ` : ''}(${took()})`;
			} catch (caught) {
				const error = /** @type {Error} */ (caught);
				error.message += ` (after ${took()})`;
				mkdirSync(FAILURES, { recursive: true });
				const file = join(FAILURES, `${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80)}.png`);
				await page.screenshot({ path: file }).catch(() => {});
				error.message += `\n(screenshot: ${file.slice(REPO.length + 1)})`;
				throw error;
			}
		});

	// Log in as the demo owner, through the sign-in page.
	await page.goto(`${base}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', stack.owner.email);
	await page.fill('input[type=password]', stack.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/home\//);

	return {
		page,
		stack,
		base,
		step,
		screen,
		noProblems: watch.noProblems,
		forgetConsole: watch.forgetConsole,
		...navigation(page, base),
		shared: new Map(),
	};
}
