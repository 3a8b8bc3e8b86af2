import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const SANDBOX_BASE_URL = 'https://gateway.stage.bill.com/connect';
export const PRODUCTION_BASE_URL = 'https://gateway.prod.bill.com/connect';

export interface BillBaseUrls {
	/** AP/AR and partner API, e.g. https://gateway.stage.bill.com/connect */
	api: string;
	/** Webhook ("Connect Events") API, e.g. https://gateway.stage.bill.com/connect-events */
	events: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The two BILL hosts of a credential. Sandbox and production are BILL's documented gateways
 * (https://developer.bill.com/docs/get-started-in-production); a custom base URL (an emulator, a proxy) must be HTTPS, except on this
 * machine's loopback where plain HTTP is allowed. The webhook host is always the API host with
 * `/connect` replaced by `/connect-events`, as on BILL's own gateways.
 */
export function resolveBaseUrls(credentials: ICredentialDataDecryptedObject): BillBaseUrls {
	const environment = (credentials.environment as string | undefined) ?? 'sandbox';
	let api: string;
	if (environment === 'production') api = PRODUCTION_BASE_URL;
	else if (environment === 'custom')
		api = checkCustomBaseUrl(String(credentials.customBaseUrl ?? ''));
	else api = SANDBOX_BASE_URL;
	const events = api.endsWith('/connect')
		? `${api}-events`
		: `${api.replace(/\/connect$/, '')}/connect-events`;
	return { api, events };
}

function checkCustomBaseUrl(raw: string): string {
	const trimmed = raw.trim().replace(/\/+$/, '');
	let url: URL | undefined;
	try {
		url = new URL(trimmed);
	} catch {
		url = undefined;
	}
	if (!url) {
		throw new Error(
			`The credential's Custom Base URL "${trimmed}" is not a URL. Use the form https://host/connect.`,
		);
	}
	if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
		throw new Error(
			"The credential's Custom Base URL must use HTTPS. Plain HTTP is allowed only for localhost (e.g. the BILL emulator).",
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new Error("The credential's Custom Base URL must start with https://");
	}
	return trimmed;
}
