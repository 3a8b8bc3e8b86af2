import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { billLocator, simplifyField } from './descriptions';
import { simplifyBill } from './output';
import { wantsSimplified } from '../../helpers/simplify';

const properties: INodeProperties[] = [billLocator('The bill to get'), ...simplifyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['get'] } },
	properties,
);

/** `GET /v3/bills/{id}`: the bill with its line items, total `amount`, due and paid amounts and statuses. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const billId = getId(this, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	const bill = await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/bills/${billId}`,
		itemIndex,
	});
	return wantsSimplified(this, itemIndex) ? simplifyBill(bill) : bill;
}
