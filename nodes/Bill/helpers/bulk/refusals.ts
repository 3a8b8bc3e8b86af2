// Bulk requests: which entry of a request BILL refused, and that refusal as the error of the
// input item the entry came from (every bulk operation, through send.ts).

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { billApiError, hintFor } from '../../../shared/transport';

/** One entry of a bulk request that BILL named in its refusal. */
export interface BulkRefusal {
	/** The entry's position in the request (0-based), as BILL gives it. */
	index: number;
	/** The field BILL names, relative to the entry (`vendorId`, `billLineItems[0].amount`). */
	field?: string;
	/** BILL's reason, as it words it. */
	reason: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The entries a bulk refusal names. BILL's gateway words a bad field as "<field>: <reason>"
 * (https://developer.bill.com/docs/error-handling: one message per field). For a request whose
 * body is an array (Postman "Create bulk bills") the field starts with the entry's index,
 * "[37] vendorId: …" or "[37].vendorId: …" (or the entry alone, "[37] Vendor not found: …", as
 * for an object it names that does not exist); for one whose entries are in a list field (Postman
 * "Create a bulk payment": `payments`), with that field, "payments[3].amount: …". BILL does not
 * document that its bulk refusals carry an index; when a message has none, nothing is returned
 * and the caller keeps failing the whole request, as before.
 *
 * @param list the list field of the request body (`payments`), or undefined for an array body
 * @param size how many entries the request had: an index outside it is not trusted
 */
export function bulkRefusals(error: unknown, size: number, list?: string): BulkRefusal[] {
	if (!(error instanceof NodeApiError) || error.context.outcomeUnknown === true) return [];
	const status = Number(error.httpCode ?? 0);
	if (status < 400 || status >= 500) return [];
	const prefix = list ? `${escape(list)}\\[(\\d+)\\]\\.` : '\\[(\\d+)\\]\\.?\\s*';
	// "[1] name: taken" names a field; "[1] Customer not found: 0cu…" names only the entry.
	const pattern = new RegExp(
		`(?:^|[:;]\\s*)${prefix}(?:([A-Za-z][\\w.\\[\\]]*)\\s*:\\s*)?([^;]*)`,
		'g',
	);
	const found = new Map<number, BulkRefusal>();
	for (const match of String(error.message).matchAll(pattern)) {
		const index = Number(match[1]);
		if (!Number.isInteger(index) || index < 0 || index >= size) return [];
		if (!found.has(index))
			found.set(index, { index, field: match[2] || undefined, reason: match[3].trim() });
	}
	return [...found.values()];
}

/** The value at a field path of an entry: `vendorId`, `invoice.invoiceNumber`, `billLineItems[0].amount`. */
export function valueAt(entry: unknown, field: string | undefined): unknown {
	if (!field) return undefined;
	let value: unknown = entry;
	for (const part of field.split(/[.[\]]+/).filter(Boolean)) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[part];
	}
	return value;
}

function shown(value: unknown): string {
	if (value === undefined) return 'not given';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * BILL's refusal of one entry as the error of the item it came from: BILL's code, the parameter
 * and the value sent, BILL's reason, and which request it was refused in.
 *
 * @param parameter the node parameter the field came from (e.g. "Vendor"), or BILL's field name
 * @param request e.g. "the bulk create of items 100–199 (100 bills)", for the hint
 * @param resent whether the other entries of the request are sent again without this one
 */
export function refusalError(
	context: IExecuteFunctions,
	error: NodeApiError,
	refusal: BulkRefusal,
	options: {
		itemIndex: number;
		entry: unknown;
		parameter?: string;
		request: string;
		resent: boolean;
	},
): NodeApiError {
	const code = error.context.billCode as string | undefined;
	const field = refusal.field;
	const what =
		options.parameter && field ? `${options.parameter} (${field})` : (options.parameter ?? field);
	const value = field ? ` (sent: ${shown(valueAt(options.entry, field))})` : '';
	const text = `item ${options.itemIndex}: ${what ? `${what}: ` : ''}${refusal.reason}${value}`;
	const refused = billApiError(
		context.getNode(),
		{
			httpCode: Number(error.httpCode) || undefined,
			code,
			message: code ? `${code}: ${text}` : `BILL refused ${text}`,
			hint: [
				`BILL refused ${options.request} because of this entry (entry ${refusal.index} of that request) and made none of it${
					options.resent
						? '; the other entries were sent again without this one.'
						: '. Fix this entry and run again, or turn on "Continue On Fail" to send the others without it.'
				}`,
				hintFor(code),
			]
				.filter(Boolean)
				.join(' '),
		},
		options.itemIndex,
	);
	return refused;
}
