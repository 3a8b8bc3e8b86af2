import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { RECURRING_BILL_PREFIX, recurringBillLocator } from './descriptions';

const properties: INodeProperties[] = [recurringBillLocator('The recurring bill to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringBill'], operation: ['get'] } },
	properties,
);

/** `GET /v3/recurringbills/{id}` (Postman "Get recurring bill details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'recurringBillId', 'Recurring Bill', RECURRING_BILL_PREFIX);
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/recurringbills/${id}`,
		itemIndex,
	});
}
