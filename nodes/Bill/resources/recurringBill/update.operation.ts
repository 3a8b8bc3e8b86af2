import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { recurringUpdateBody } from './body';
import {
	RECURRING_BILL_PREFIX,
	optionalRecurringFields,
	recurringBillLocator,
	recurringLinesField,
	scheduleFields,
} from './descriptions';

const properties: INodeProperties[] = [
	recurringBillLocator('The recurring bill to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...scheduleFields(false), ...optionalRecurringFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	{
		...recurringLinesField('lineItemChanges', 'Line Item Changes', true),
		description:
			'Existing lines to change, by ID (Recurring Bill → Get shows them); other lines stay (to add or remove lines, use Replace). An amount of 0 keeps the amount.',
	},
	{
		displayName: 'Changes apply to the bills BILL makes from now on, not to bills already made.',
		name: 'futureNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringBill'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/recurringbills/{id}` (Postman "Update a recurring bill"). Repeatable: same values. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'recurringBillId', 'Recurring Bill', RECURRING_BILL_PREFIX);
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/recurringbills/${id}`,
		body: recurringUpdateBody(this, itemIndex),
		itemIndex,
	});
}
