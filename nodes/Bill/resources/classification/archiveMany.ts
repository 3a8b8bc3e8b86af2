// Archive Many and Restore Many: one request per 50 IDs (`?ids=`, no body).

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendIds } from '../../helpers/bulk';
import { classificationLocator } from './descriptions';
import { classificationId } from './id';
import { kindOf } from '../../helpers/classificationKinds';

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
 * "Archive multiple departments", "Restore multiple departments" and the like).
 */
export async function bulkAction(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	action: 'archive' | 'restore',
): Promise<INodeExecutionData[]> {
	const info = kindOf(context);
	return await sendIds(context, items, {
		plural: info.plural,
		answerKey: info.bulkKey,
		what: action,
		path: `/v3/classifications/${info.path}/bulk/${action}`,
		readId: (itemIndex) => classificationId(context, itemIndex, info),
	});
}
