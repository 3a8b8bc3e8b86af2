// Archive Many and Restore Many: one request per 50 IDs (`?ids=`, no body).

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { readItems, sendAll, toOutput } from '../../helpers/bulkRequests';
import { classificationLocator } from './descriptions';
import { classificationId } from './id';
import { kindOf } from './kinds';

export function manyDescription(operation: string, verb: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['classification'], operation: [operation] } }, [
		classificationLocator(`The classification to ${verb}; each input item names one`),
		{
			displayName: `The IDs of the input items are sent 50 per request to BILL's bulk ${verb}.`,
			name: 'bulkNotice',
			type: 'notice',
			default: '',
		},
	]);
}

/**
 * `POST /v3/classifications/{type}/bulk/{action}?ids=a,b,c` → 200 `{ "<type>": [...] }` (Postman
 * "Archive multiple departments", "Restore multiple departments" and the like). BILL's example has
 * one ID; it does not say how several are given: they go comma-separated, as BILL's other `ids`
 * parameters take them (Postman "Get document upload status"). The same IDs twice in one run go
 * once. Idempotent, so a repeat after a lost answer is safe.
 */
export async function bulkAction(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	action: 'archive' | 'restore',
): Promise<INodeExecutionData[]> {
	const info = kindOf(context);
	const { slots, entries } = readItems(context, items, (itemIndex) => {
		const id = classificationId(context, itemIndex, info);
		return [{ key: id, body: { id } }];
	});
	const seen = new Map<string, (typeof entries)[number]>();
	const unique = entries.filter((entry) => {
		if (seen.has(entry.key)) return false;
		seen.set(entry.key, entry);
		return true;
	});
	await sendAll(context, info, slots, unique, {
		what: action,
		again: 'A run again is safe: what is done already stays so.',
		keyOf: (o) => String(o.id),
		send: async (bodies, itemIndex) =>
			await billApiRequest.call(context, {
				method: 'POST',
				path: `/v3/classifications/${info.path}/bulk/${action}`,
				qs: { ids: bodies.map((b) => String(b.id)).join(',') },
				repeatable: true,
				itemIndex,
			}),
	});
	for (const entry of entries)
		if (!unique.includes(entry)) entry.slot.json = seen.get(entry.key)!.slot.json;
	return toOutput(slots);
}
