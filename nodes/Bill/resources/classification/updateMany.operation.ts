import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { bodiesFromJson, classificationBody } from './body';
import { listRequest, readItems, sendAll, toOutput } from '../../helpers/bulk';
import { classificationLocator, fieldsCollections, inputField, jsonField } from './descriptions';
import { classificationId } from './id';
import { kindOf } from '../../helpers/classificationKinds';

const show = { resource: ['classification'], operation: ['updateMany'] };

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, [
		inputField,
		jsonField(
			'One change or an array of changes per input item, each with the "id" of the classification and the fields to change as BILL takes them, e.g. [{"id": "0de02…", "description": "Sales (West)"}]',
		),
		{
			displayName:
				'Changes are sent 50 per request; when BILL refuses a request, its 50 fail together (the other requests go on).',
			name: 'bulkNotice',
			type: 'notice',
			default: '',
		},
	]),
	...updateDisplayOptions({ show, hide: { classificationsInput: ['json'] } }, [
		classificationLocator('The classification to update'),
		...fieldsCollections('updateFields', 'Update Fields', []),
	]),
];

/**
 * `PATCH /v3/classifications/{type}/bulk` with `[{ id, …fields }]` → 200 `{ "<type>": [...] }`
 * (Postman "Update multiple departments" and the like), 50 a request (BILL states no limit for a
 * bulk update; its bulk create's 50 is kept). A repeat writes the same values, so it is repeatable.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const info = kindOf(this);
	const json = this.getNodeParameter('classificationsInput', 0, 'items') === 'json';
	const { slots, entries } = readItems(this, items, (itemIndex) => {
		if (json)
			return bodiesFromJson(
				this,
				itemIndex,
				info,
				'Classifications (JSON)',
				this.getNodeParameter('classificationsJson', itemIndex),
				'update',
			).map((body) => ({ key: String(body.id), body }));
		const id = classificationId(this, itemIndex, info);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = classificationBody(this, itemIndex, info, fields, false);
		if (!Object.keys(body).length)
			throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
		return [{ key: id, body: { id, ...body } }];
	});
	await sendAll(this, entries, {
		plural: info.plural,
		answerKey: info.bulkKey,
		size: 50,
		what: 'update',
		again: 'A run again sends the same changes, which is safe.',
		matchKey: (o) => String(o.id),
		send: listRequest(this, {
			method: 'PATCH',
			path: `/v3/classifications/${info.path}/bulk`,
			repeatable: () => true,
		}),
	});
	return toOutput(slots);
}
