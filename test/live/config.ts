/**
 * What `npm run test:live` runs against, from the environment (BILL_LIVE_*), and the refusals
 * that keep it on BILL's sandbox: a production URL, or any URL that is neither BILL's sandbox
 * nor this machine's loopback (an emulator, a local proxy), is refused before anything is sent.
 */
import { SANDBOX_BASE_URL } from '../../nodes/shared/transport/environment';

export { SANDBOX_BASE_URL };

/** A URL that cannot receive anything (`.invalid` never resolves, RFC 2606). */
export const DEFAULT_NOTIFICATION_URL = 'https://example.invalid/n8n-live-check';
export const DEFAULT_REPORT_PATH = 'test/live/REPORT.md';

export const REQUIRED_VARIABLES = [
	'BILL_LIVE_USERNAME',
	'BILL_LIVE_PASSWORD',
	'BILL_LIVE_ORGANIZATION_ID',
	'BILL_LIVE_DEV_KEY',
] as const;

export interface LiveCredentials {
	username: string;
	password: string;
	organizationId: string;
	devKey: string;
	/** MFA ID (`rememberMeId`) and its device name: both or neither. */
	mfaId?: string;
	device?: string;
}

export interface BillUrls {
	/** e.g. https://gateway.stage.bill.com/connect */
	api: string;
	/** e.g. https://gateway.stage.bill.com/connect-events */
	events: string;
}

export interface LiveConfig {
	urls: BillUrls;
	credentials: LiveCredentials;
	notificationUrl: string;
	reportPath: string;
	/** Whether the base URL is BILL's sandbox (false: a loopback URL, e.g. an emulator). */
	sandbox: boolean;
}

export type LiveSetup =
	| { kind: 'skip'; reason: string }
	| { kind: 'refuse'; reason: string }
	| { kind: 'run'; config: LiveConfig };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The two BILL hosts for a base URL, or why it is refused. Allowed: BILL's sandbox exactly,
 * or http(s) on loopback ending in `/connect`. Never anything with BILL's production gateway.
 */
export function checkBaseUrl(raw: string): { urls: BillUrls; sandbox: boolean } | string {
	const trimmed = raw.trim().replace(/\/+$/, '');
	if (/gateway\.prod\.bill\.com/i.test(trimmed) || /(^|[/.])bill\.com/i.test(trimmed)) {
		if (trimmed.toLowerCase() !== SANDBOX_BASE_URL.toLowerCase())
			return `BILL_LIVE_BASE_URL "${trimmed}" is not BILL's sandbox (${SANDBOX_BASE_URL}). The live check never runs against production or any other BILL host.`;
	}
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return `BILL_LIVE_BASE_URL "${trimmed}" is not a URL.`;
	}
	const sandbox = trimmed.toLowerCase() === SANDBOX_BASE_URL.toLowerCase();
	const loopback =
		LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:');
	if (!sandbox && !loopback) {
		return `BILL_LIVE_BASE_URL "${trimmed}" is neither BILL's sandbox (${SANDBOX_BASE_URL}) nor a loopback URL (an emulator or a proxy on this machine); the live check refuses it.`;
	}
	if (url.search || url.hash || !url.pathname.endsWith('/connect')) {
		return `BILL_LIVE_BASE_URL "${trimmed}" must end in /connect (like ${SANDBOX_BASE_URL}).`;
	}
	return { urls: { api: trimmed, events: `${trimmed}-events` }, sandbox };
}

function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
	const v = env[name]?.trim();
	return v ? v : undefined;
}

/** Skip (no credentials at all), refuse (incomplete or unsafe), or run, from the environment. */
export function readLiveSetup(env: NodeJS.ProcessEnv = process.env): LiveSetup {
	const missing = REQUIRED_VARIABLES.filter((name) => !value(env, name));
	if (missing.length === REQUIRED_VARIABLES.length) {
		return {
			kind: 'skip',
			reason: `no BILL sandbox credentials in the environment (${REQUIRED_VARIABLES.join(', ')} are not set)`,
		};
	}
	if (missing.length) {
		return {
			kind: 'refuse',
			reason: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set (the live check needs ${REQUIRED_VARIABLES.join(', ')})`,
		};
	}
	const mfaId = value(env, 'BILL_LIVE_MFA_ID');
	const device = value(env, 'BILL_LIVE_DEVICE');
	if (Boolean(mfaId) !== Boolean(device)) {
		return {
			kind: 'refuse',
			reason:
				'set both BILL_LIVE_MFA_ID and BILL_LIVE_DEVICE (the device name the MFA ID was obtained with), or neither',
		};
	}
	const base = checkBaseUrl(value(env, 'BILL_LIVE_BASE_URL') ?? SANDBOX_BASE_URL);
	if (typeof base === 'string') return { kind: 'refuse', reason: base };
	const notificationUrl = value(env, 'BILL_LIVE_NOTIFICATION_URL') ?? DEFAULT_NOTIFICATION_URL;
	if (/gateway\.prod\.bill\.com/i.test(notificationUrl)) {
		return { kind: 'refuse', reason: 'BILL_LIVE_NOTIFICATION_URL must not be a BILL URL' };
	}
	return {
		kind: 'run',
		config: {
			urls: base.urls,
			sandbox: base.sandbox,
			credentials: {
				username: value(env, 'BILL_LIVE_USERNAME')!,
				password: env.BILL_LIVE_PASSWORD!,
				organizationId: value(env, 'BILL_LIVE_ORGANIZATION_ID')!,
				devKey: value(env, 'BILL_LIVE_DEV_KEY')!,
				...(mfaId && device ? { mfaId, device } : {}),
			},
			notificationUrl,
			reportPath: value(env, 'BILL_LIVE_REPORT') ?? DEFAULT_REPORT_PATH,
		},
	};
}
