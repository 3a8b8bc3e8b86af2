import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { RECURRING_BILL_PREFIX, recurringBillLocator } from './descriptions';

const properties: INodeProperties[] = [recurringBillLocator('The recurring bill to restore')];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringBill'], operation: ['restore'] } },
	properties,
);

/**
 * `POST /v3/recurringbills/{id}/restore` (Postman "Restore an archived recurring bill"): a repeat leaves it restored, so a
 * repeat after a lost answer is safe.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'recurringBillId', 'Recurring Bill', RECURRING_BILL_PREFIX);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/recurringbills/${id}/restore`,
		repeatable: true,
		itemIndex,
	});
}
