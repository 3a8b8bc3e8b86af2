// Archive Many and Restore Many over BILL's `POST …/bulk/{action}?ids=a,b,c` (no body).

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { type Entry, readItems, toOutput } from './entries';
import { sendAll } from './send';

/**
 * `POST {path}?ids=a,b,c` for the IDs the input items name (`readId`), 50 a request, no body
 * (BILL's bulk archive and restore). BILL's examples have one ID; several go comma-separated, as
 * BILL's other `ids` parameters take them (Postman "Get document upload status"). An ID named
 * twice goes once; both items get its answer. Idempotent, so a repeat after a lost answer is safe.
 */
export async function sendIds(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	options: {
		plural: string;
		answerKey: string;
		what: string;
		path: string;
		readId: (itemIndex: number) => string;
	},
): Promise<INodeExecutionData[]> {
	const { slots, entries } = readItems(context, items, (itemIndex) => {
		const id = options.readId(itemIndex);
		return [{ key: id, body: { id } }];
	});
	const first = new Map<string, Entry>();
	const unique = entries.filter((e) => !first.has(e.key) && !!first.set(e.key, e));
	await sendAll(context, unique, {
		plural: options.plural,
		what: options.what,
		size: 50,
		answerKey: options.answerKey,
		matchKey: (o) => String(o.id),
		again: 'A run again is safe: what is done stays so.',
		send: async (bodies, itemIndex) =>
			await billApiRequest.call(context, {
				method: 'POST',
				path: options.path,
				qs: { ids: bodies.map((b) => String(b.id)).join(',') },
				repeatable: true,
				itemIndex,
			}),
	});
	for (const entry of entries)
		if (!unique.includes(entry)) entry.slot.json = first.get(entry.key)!.slot.json;
	return toOutput(slots);
}
