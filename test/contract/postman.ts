/**
 * BILL's own Postman collection of the v3 API, read from ../shared (the contract): its requests
 * as method + host + path template (`/v3/bills/:billId`), with headers, query, body and the
 * documented success code and example response.
 */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

export interface PostmanRequest {
	name: string;
	folder: string;
	method: string;
	host: 'api' | 'events';
	path: string;
	headers: Record<string, string>;
	query: Array<{ key: string; value: string }>;
	pathVariables: Record<string, string>;
	body?: string;
	successCode?: number;
	successBody?: string;
}

interface RawItem {
	name: string;
	item?: RawItem[];
	request?: {
		method: string;
		header?: Array<{ key: string; value: string; disabled?: boolean }>;
		url:
			| string
			| {
					raw: string;
					path?: string[];
					query?: Array<{ key: string; value: string; disabled?: boolean }>;
					variable?: Array<{ key: string; value: string }>;
			  };
		body?: { raw?: string };
	};
	response?: Array<{ code: number; body?: string }>;
}

export const COLLECTION_PATH =
	process.env.BILL_POSTMAN_COLLECTION ??
	resolve(__dirname, '..', '..', '..', 'shared', 'bill-api', 'bill-v3-api.postman_collection.json');

export function collectionAvailable(): boolean {
	return existsSync(COLLECTION_PATH);
}

export function loadCollection(): PostmanRequest[] {
	const raw = JSON.parse(readFileSync(COLLECTION_PATH, 'utf8')) as { item: RawItem[] };
	const out: PostmanRequest[] = [];
	const walk = (items: RawItem[], folder: string) => {
		for (const item of items) {
			if (item.item) walk(item.item, join(folder, item.name));
			if (!item.request) continue;
			const request = item.request;
			const url = typeof request.url === 'string' ? { raw: request.url } : request.url;
			const [base] = url.raw.split('?');
			const host = base.startsWith('{{webhookBaseUrl}}') ? 'events' : 'api';
			const path = base.replace(/^\{\{\w+\}\}/, '');
			const success = (item.response ?? []).find((r) => r.code >= 200 && r.code < 300);
			out.push({
				name: item.name,
				folder,
				method: request.method.toUpperCase(),
				host,
				path,
				headers: Object.fromEntries(
					(request.header ?? []).filter((h) => !h.disabled).map((h) => [h.key, h.value]),
				),
				query: (url.query ?? [])
					.filter((q) => !q.disabled)
					.map((q) => ({ key: q.key, value: q.value })),
				pathVariables: Object.fromEntries((url.variable ?? []).map((v) => [v.key, v.value])),
				body: request.body?.raw,
				successCode: success?.code,
				successBody: success?.body,
			});
		}
	};
	walk(raw.item, '');
	return out;
}

/** `/v3/bills/:billId` matches `/v3/bills/:id` and `/v3/bills/00n02…`. */
export function templateMatches(template: string, path: string): boolean {
	const a = template.split('/');
	const b = path.split('/');
	return (
		a.length === b.length &&
		a.every((part, i) => part === b[i] || part.startsWith(':') || b[i].startsWith(':'))
	);
}
