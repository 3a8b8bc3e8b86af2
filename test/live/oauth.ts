/**
 * `npm run test:live`, OAuth part: with BILL_LIVE_OAUTH_CLIENT_ID and BILL_LIVE_OAUTH_CLIENT_SECRET
 * (and optionally BILL_LIVE_OAUTH_TOKEN_URL, default the sandbox's), the token request
 * (`POST /authx/token`, form body) and one Bearer read (`GET /v3/login/session`) are made on
 * BILL's sandbox and on the emulator, and what differs is reported: the status, the token
 * answer's field names (access_token / expires_in, docs/GUESSES.md) and the read's status. Only
 * the sandbox's token host or a loopback URL is used; no token or secret is printed.
 */
import { startEmulator } from '../../emulator';
import { OAUTH_FIXTURES } from '../../emulator/routes/authOAuth';
import { SANDBOX_TOKEN_URL } from '../../nodes/shared/transport/oauth';

export interface OAuthLiveSetup {
	clientId: string;
	clientSecret: string;
	tokenUrl: string;
}

/** The OAuth part's variables, none (skipped), or why they are refused. */
export function readOAuthSetup(env: NodeJS.ProcessEnv): OAuthLiveSetup | string | undefined {
	const clientId = env.BILL_LIVE_OAUTH_CLIENT_ID?.trim();
	const clientSecret = env.BILL_LIVE_OAUTH_CLIENT_SECRET;
	if (!clientId && !clientSecret) return undefined;
	if (!clientId || !clientSecret)
		return 'set both BILL_LIVE_OAUTH_CLIENT_ID and BILL_LIVE_OAUTH_CLIENT_SECRET, or neither';
	const tokenUrl = env.BILL_LIVE_OAUTH_TOKEN_URL?.trim() || SANDBOX_TOKEN_URL;
	const host = new URL(tokenUrl).hostname;
	if (tokenUrl !== SANDBOX_TOKEN_URL && !['127.0.0.1', 'localhost', '::1'].includes(host))
		return `BILL_LIVE_OAUTH_TOKEN_URL "${tokenUrl}" is neither the sandbox's (${SANDBOX_TOKEN_URL}) nor a loopback URL`;
	return { clientId, clientSecret, tokenUrl };
}

interface SideResult {
	tokenStatus: number;
	tokenFields: string[];
	readStatus?: number;
}

async function side(
	tokenUrl: string,
	api: string,
	id: string,
	secret: string,
): Promise<SideResult> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: id,
		client_secret: secret,
	});
	const answer = await fetch(tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
		body: form.toString(),
		signal: AbortSignal.timeout(30_000),
	});
	const body = (await answer.json().catch(() => ({}))) as Record<string, unknown>;
	const token = body.access_token ?? body.accessToken;
	const result: SideResult = { tokenStatus: answer.status, tokenFields: Object.keys(body).sort() };
	if (typeof token !== 'string') return result;
	const read = await fetch(`${api}/v3/login/session`, {
		headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
		signal: AbortSignal.timeout(30_000),
	});
	return { ...result, readStatus: read.status };
}

/** Lines for the console and the report, and how many differences. */
export async function runOAuthLiveCheck(
	setup: OAuthLiveSetup,
	api: string,
): Promise<{ lines: string[]; differences: number }> {
	const emulator = await startEmulator({ limits: false });
	try {
		const bill = await side(setup.tokenUrl, api, setup.clientId, setup.clientSecret);
		const app = OAUTH_FIXTURES.full;
		const emu = await side(
			`${emulator.url}/authx/token`,
			emulator.baseUrl,
			app.clientId,
			app.clientSecret,
		);
		const rows: Array<[string, string, string]> = [
			['token status', String(bill.tokenStatus), String(emu.tokenStatus)],
			['token answer fields', bill.tokenFields.join(', '), emu.tokenFields.join(', ')],
			[
				'GET /v3/login/session with Bearer',
				String(bill.readStatus ?? '-'),
				String(emu.readStatus ?? '-'),
			],
		];
		const differences = rows.filter(([, b, e]) => b !== e).length;
		const lines = [
			'## OAuth client credentials',
			'',
			'| Call | BILL | Emulator |',
			'|---|---|---|',
			...rows.map(([what, b, e]) => `| ${what} | ${b} | ${e}${b === e ? '' : ' (differs)'} |`),
		];
		return { lines, differences };
	} finally {
		await emulator.stop();
	}
}
