import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { recurringBillBody } from './body';
import { RECURRING_BILL_PREFIX, recurringBillLocator, recurringFields } from './descriptions';

const properties: INodeProperties[] = [
	recurringBillLocator('The recurring bill to replace'),
	...recurringFields(true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringBill'], operation: ['replace'] } },
	properties,
);

/**
 * `PUT /v3/recurringbills/{id}` (Postman "Replace a recurring bill"): it becomes what is sent
 * (lines with an ID kept, others added, the rest removed). Not repeated after a lost answer when
 * it adds lines (a repeat could add them twice).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'recurringBillId', 'Recurring Bill', RECURRING_BILL_PREFIX);
	const body = recurringBillBody(this, itemIndex, true);
	const addsLines = (body.recurringBillLineItems as IDataObject[]).some((line) => !line.id);
	return await billApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/recurringbills/${id}`,
		body,
		repeatable: !addsLines,
		itemIndex,
		uncertainHint:
			'Check the recurring bill in BILL (Recurring Bill → Get) before running it again.',
	});
}
