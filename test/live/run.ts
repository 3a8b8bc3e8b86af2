/**
 * `npm run test:live`: the live check against a BILL sandbox (see README, "Live check against
 * your BILL sandbox"). Without BILL_LIVE_* variables it says it is skipped and exits 0.
 *
 * Exit codes: 0 skipped, or no difference; 1 differences (listed in the report);
 * 2 refused or could not run (incomplete variables, a URL that is not the sandbox, a crash).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';

import { startEmulator } from '../../emulator';
import { runLiveCheck } from './check';
import {
	checkBaseUrl,
	DEFAULT_NOTIFICATION_URL,
	DEFAULT_REPORT_PATH,
	readLiveSetup,
	SANDBOX_BASE_URL,
} from './config';
import { readOAuthSetup, runOAuthLiveCheck } from './oauth';
import { renderReport, summary } from './report';
import { readSpendSetup, renderSpend, runSpendLiveCheck } from './spend';

/**
 * Spend & Expense only (BILL_LIVE_SPEND_API_TOKEN without the AP variables): its calls and the
 * guesses they settle, in the report.
 */
async function spendOnly(env: NodeJS.ProcessEnv): Promise<number> {
	const base = checkBaseUrl(env.BILL_LIVE_BASE_URL?.trim() || SANDBOX_BASE_URL);
	if (typeof base === 'string') {
		console.error(`BILL live check refused: ${base}.`);
		return 2;
	}
	const notificationUrl = env.BILL_LIVE_NOTIFICATION_URL?.trim() || DEFAULT_NOTIFICATION_URL;
	const config = readSpendSetup(env, base.urls, notificationUrl)!;
	const emulator = await startEmulator();
	try {
		console.log(
			`BILL Spend & Expense live check against ${base.urls.api}, compared with the emulator`,
		);
		const result = await runSpendLiveCheck(config, emulator);
		const path = resolve(env.BILL_LIVE_REPORT?.trim() || DEFAULT_REPORT_PATH);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(
			path,
			`# Live check: BILL Spend & Expense against the emulator\n\n${mask(renderSpend(result), config.apiToken)}`,
		);
		console.log(
			`${result.differences.length} S&E difference(s) in ${result.calls.length} calls; ${result.settled.length} guesses reported; report: ${path}`,
		);
		return result.differences.length ? 1 : 0;
	} finally {
		await emulator.stop();
	}
}

const mask = (text: string, secret: string) => text.split(secret).join('***');

async function main(): Promise<number> {
	const setup = readLiveSetup(process.env);
	if (setup.kind === 'skip' && process.env.BILL_LIVE_SPEND_API_TOKEN?.trim())
		return await spendOnly(process.env);
	const oauth = readOAuthSetup(process.env);
	if (typeof oauth === 'string') {
		console.error(`BILL live check refused: ${oauth}.`);
		return 2;
	}
	if (setup.kind === 'skip') {
		console.log(`BILL live check skipped: ${setup.reason}.`);
		console.log(
			'To run it against your BILL sandbox, set them (and optionally BILL_LIVE_MFA_ID and BILL_LIVE_DEVICE; BILL_LIVE_SPEND_API_TOKEN adds Spend & Expense, alone or with them); see the README.',
		);
		return 0;
	}
	if (setup.kind === 'refuse') {
		console.error(`BILL live check refused: ${setup.reason}.`);
		return 2;
	}
	const { config } = setup;
	console.log(
		`BILL live check against ${config.sandbox ? "BILL's sandbox" : 'a loopback URL'} ${config.urls.api}, compared with the emulator`,
	);
	const result = await runLiveCheck({ config, log: (line) => console.log(`  ${line}`) });
	const path = resolve(config.reportPath);
	mkdirSync(dirname(path), { recursive: true });
	const spendConfig = readSpendSetup(process.env, config.urls, config.notificationUrl);
	let spendSection = '';
	let spendDifferences = 0;
	if (spendConfig) {
		const emulator = await startEmulator();
		try {
			const spend = await runSpendLiveCheck(spendConfig, emulator);
			spendSection = `\n${mask(renderSpend(spend), spendConfig.apiToken)}`;
			spendDifferences = spend.differences.length;
		} finally {
			await emulator.stop();
		}
	}
	// OAuth (issue 27): the token request and one Bearer read, when its variables are given.
	const oauthPart = oauth && (await runOAuthLiveCheck(oauth, config.urls.api));
	for (const line of oauthPart?.lines ?? []) console.log(`  ${line}`);
	const oauthReport = oauthPart ? `\n${oauthPart.lines.join('\n')}\n` : '';
	writeFileSync(path, renderReport(result) + spendSection + oauthReport);
	console.log(summary(result, config.reportPath));
	if (spendConfig) console.log(`${spendDifferences} S&E difference(s)`);
	return result.differences.length || spendDifferences || oauthPart?.differences ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		// Never the error object itself: it could carry a request with the password.
		console.error(`BILL live check failed: ${error.message}`);
		process.exit(2);
	},
);
