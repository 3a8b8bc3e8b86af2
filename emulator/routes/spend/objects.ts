/**
 * What the Spend & Expense route groups share: finding an object by the ID a path names, the
 * fields a PATCH may change, the ADMIN-only check, receipt uploads and the `name:sw:` reading.
 */
import { randomUUID } from 'crypto';

import { BillError, errors } from '../../errors';
import type { Emulator, RequestContext } from '../../server';
import type { Json } from '../../state';
import {
	find,
	spendData,
	type SpendContext,
	type SpendData,
	type SpendHandler,
} from '../spendState';
import { notFound } from '../spendRequest';

/** One route of a group: method, path, handler (the token check and limit are spendRoute's). */
export type SpendRoutes = Array<readonly [method: string, path: string, handler: SpendHandler]>;

/** The path of the upload URLs the emulator hands out (BILL's are storage addresses, not API). */
export const UPLOAD_PATH = '/v3/spend/__uploads';

export function must<T>(value: T | undefined, what: string, id: string): T {
	if (!value) throw notFound(what, id);
	return value;
}

export const userOf = (data: SpendData, id: string) => must(find(data.users, id), 'User', id);
export const budgetOf = (data: SpendData, id: string) => must(find(data.budgets, id), 'Budget', id);
export const cardOf = (data: SpendData, id: string) => {
	const card = must(find(data.cards, id), 'Card', id);
	if (card.deletedReason) throw notFound('Card', id);
	return card;
};
export const transactionOf = (data: SpendData, id: string) =>
	must(find(data.transactions, id), 'Transaction', id);
export const reimbursementOf = (data: SpendData, id: string) =>
	must(find(data.reimbursements, id), 'Reimbursement', id);
export const customFieldOf = (data: SpendData, id: string) =>
	must(find(data.customFields, id), 'Custom field', id);

export function patch(target: Json, changes: Json, allowed: string[]): void {
	for (const [key, value] of Object.entries(changes)) {
		if (!allowed.includes(key)) throw errors.invalid(`${key}: cannot be changed`);
		target[key] = value;
	}
}

export function adminOnly(spend: SpendContext, what: string): void {
	if (spend.user.role !== 'ADMIN')
		throw new BillError(403, 'BDC_1146', `Only ADMIN users can ${what}.`, 'APPLICATION');
}

/** A new upload URL on this emulator's storage path, with nothing uploaded yet. */
export function uploadUrl(context: RequestContext, data: SpendData): { url: string } {
	const id = randomUUID();
	data.uploads.set(id, undefined);
	const origin = `http://${String(context.headers.host ?? '127.0.0.1')}`;
	return { url: `${origin}/connect${UPLOAD_PATH}/${id}` };
}

/** A receipt URL must be one this emulator handed out, with an image PUT to it. */
export function uploadedUrl(data: SpendData, url: unknown): string {
	const text = String(url ?? '');
	const id = text.split(`${UPLOAD_PATH}/`)[1];
	if (!id || !data.uploads.has(id)) throw errors.invalid('url: is not an upload URL from BILL');
	if (!data.uploads.get(id)) throw errors.invalid('url: no image was uploaded to this URL');
	return text;
}

export function receipt(url: string, filename?: unknown): Json {
	return { filename: String(filename ?? url.split('/').pop()), url, uuid: randomUUID() };
}

/**
 * Under the `spendNameStartsWith: 'matchCase'` reading (readings.ts), a `name:sw:` filter keeps
 * only names starting with the value in the same case (the list's own `sw` ignores case).
 */
export function byNameCase(context: RequestContext, all: Json[]): Json[] {
	if (context.emulator.readings.spendNameStartsWith !== 'matchCase') return all;
	const prefixes = [
		...String(context.query.filters ?? '').matchAll(/name:sw:("(?:[^"\\]|\\.)*"|[^,]*)/g),
	].map(([, value]) => (value.startsWith('"') ? value.slice(1, -1).replace(/\\"/g, '"') : value));
	return all.filter((o) => prefixes.every((prefix) => String(o.name ?? '').startsWith(prefix)));
}

/** The storage side of an upload URL: takes a JPG or PNG, as BILL's receipt flow wants. */
export function registerUploads(emulator: Emulator): void {
	emulator.add(
		'PUT',
		`${UPLOAD_PATH}/:uploadId`,
		(context) => {
			const data = spendData(emulator);
			if (!data.uploads.has(context.params.uploadId))
				throw notFound('Upload', context.params.uploadId);
			const type = String(context.headers['content-type'] ?? '');
			if (!['image/jpeg', 'image/png'].includes(type))
				throw errors.invalid(`Content-Type: must be image/jpeg or image/png, was ${type}`);
			const size = Buffer.isBuffer(context.body) ? context.body.length : context.rawBody.length;
			if (!size) throw errors.invalid('The image is empty');
			data.uploads.set(context.params.uploadId, { contentType: type, size });
			return { status: 200 };
		},
		{ auth: 'none' },
	);
}
