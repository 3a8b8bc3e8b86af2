import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bodiesFromJson, classificationBody } from './body';
import {
	finishRepeats,
	listRequest,
	readItems,
	sendAll,
	skipKnown,
	toOutput,
} from '../../helpers/bulk';
import { itemFields } from './create.operation';
import {
	MAIN_FIELDS,
	fieldsCollections,
	inputField,
	jsonField,
	mainFields,
	skipExistingField,
} from './descriptions';
import { activeByName, createHint, nameKey } from './existing';
import { kindOf } from '../../helpers/classificationKinds';

const show = { resource: ['classification'], operation: ['createMany'] };

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, [
		inputField,
		jsonField(
			'One classification or an array of them per input item, as BILL takes them, e.g. [{"name": "Rent", "description": "Office rent"}] ({"firstName": …, "lastName": …} for employees; {"name": …, "account": {"type": "EXPENSE", "number": "6100"}} for chart of accounts)',
		),
		{
			displayName:
				'Classifications are sent 50 per request (BILL\'s limit). When BILL refuses a request, its 50 fail together (with "Continue On Fail" each gets an error item; the other requests go on).',
			name: 'bulkNotice',
			type: 'notice',
			default: '',
		},
	]),
	...updateDisplayOptions({ show, hide: { classificationsInput: ['json'] } }, [
		...mainFields(),
		...fieldsCollections('additionalFields', 'Additional Fields', MAIN_FIELDS),
	]),
	...updateDisplayOptions({ show }, [skipExistingField]),
];

/**
 * `POST /v3/classifications/{type}/bulk` → 201 `{ "<type>": [...] }` (Postman "Create multiple
 * departments" and the like), 50 a request. Every item is checked before anything is sent. BILL
 * does not say whether a bulk create is all or nothing: a refused request fails all of its
 * classifications here, and an answer that leaves one out gives that one an error saying to check
 * in BILL, so the node is right under either reading. Not repeatable; "Skip Existing Names" makes
 * a re-run create only what is missing.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const info = kindOf(this);
	const json = this.getNodeParameter('classificationsInput', 0, 'items') === 'json';
	const skipExisting = this.getNodeParameter('skipExisting', 0, true) as boolean;
	const { slots, entries } = readItems(this, items, (itemIndex) => {
		const bodies = json
			? bodiesFromJson(
					this,
					itemIndex,
					info,
					'Classifications (JSON)',
					this.getNodeParameter('classificationsJson', itemIndex),
					'create',
				)
			: [classificationBody(this, itemIndex, info, itemFields(this, itemIndex), true)];
		return bodies.map((body) => ({ key: nameKey(info, body), body }));
	});

	const { toSend, repeats } =
		skipExisting && entries.length
			? skipKnown(entries, await activeByName(this, info, entries[0].slot.itemIndex))
			: { toSend: entries, repeats: [] };

	await sendAll(this, toSend, {
		plural: info.plural,
		answerKey: info.bulkKey,
		size: 50,
		what: 'create',
		again:
			'Run again with "Skip Existing Names" on to create only the missing ones, or turn on "Continue On Fail" to get one output item per classification.',
		matchKey: (o) => nameKey(info, o),
		send: listRequest(this, {
			method: 'POST',
			path: `/v3/classifications/${info.path}/bulk`,
			hint: (bodies) => createHint(info, bodies),
		}),
	});
	finishRepeats(repeats, 'name');
	return toOutput(slots);
}
