/**
 * `npm run test:live`: the live check against a BILL sandbox (see README, "Live check against
 * your BILL sandbox"). Without BILL_LIVE_* variables it says it is skipped and exits 0.
 *
 * Exit codes: 0 skipped, or no difference; 1 differences (listed in the report);
 * 2 refused or could not run (incomplete variables, a URL that is not the sandbox, a crash).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';

import { runLiveCheck } from './check';
import { readLiveSetup } from './config';
import { readOAuthSetup, runOAuthLiveCheck } from './oauth';
import { renderReport, summary } from './report';

async function main(): Promise<number> {
	const setup = readLiveSetup(process.env);
	const oauth = readOAuthSetup(process.env);
	if (typeof oauth === 'string') {
		console.error(`BILL live check refused: ${oauth}.`);
		return 2;
	}
	if (setup.kind === 'skip') {
		console.log(`BILL live check skipped: ${setup.reason}.`);
		console.log(
			'To run it against your BILL sandbox, set them (and optionally BILL_LIVE_MFA_ID and BILL_LIVE_DEVICE); see the README.',
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
	// OAuth (issue 27): the token request and one Bearer read, when its variables are given.
	const oauthPart = oauth && (await runOAuthLiveCheck(oauth, config.urls.api));
	for (const line of oauthPart?.lines ?? []) console.log(`  ${line}`);
	const oauthReport = oauthPart ? `\n${oauthPart.lines.join('\n')}\n` : '';
	writeFileSync(path, renderReport(result) + oauthReport);
	console.log(summary(result, config.reportPath));
	return result.differences.length || oauthPart?.differences ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		// Never the error object itself: it could carry a request with the password.
		console.error(`BILL live check failed: ${error.message}`);
		process.exit(2);
	},
);
