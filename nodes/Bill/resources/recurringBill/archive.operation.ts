import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { RECURRING_BILL_PREFIX, recurringBillLocator } from './descriptions';

const properties: INodeProperties[] = [recurringBillLocator('The recurring bill to archive')];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringBill'], operation: ['archive'] } },
	properties,
);

/**
 * `POST /v3/recurringbills/{id}/archive` (Postman "Archive a recurring bill"): a repeat leaves it archived, so a
 * repeat after a lost answer is safe.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'recurringBillId', 'Recurring Bill', RECURRING_BILL_PREFIX);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/recurringbills/${id}/archive`,
		repeatable: true,
		itemIndex,
	});
}
