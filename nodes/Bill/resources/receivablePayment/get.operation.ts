import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';

// Picked from the newest received payments (by customer, amount and date), or by ID (from Get
// Many, or the `id` Invoice → Record Payment outputs).
const properties: INodeProperties[] = [
	{
		...idLocator({
			name: 'receivablePaymentId',
			displayName: 'Received Payment',
			object: 'received payment',
			prefix: ID_PREFIX.receivablePayment,
			searchListMethod: 'searchReceivablePayments',
			description: 'The received payment to get',
		}),
		// "By ID" stays the default it was (saved workflows and the fixture keep it).
		default: { mode: 'id', value: '' },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['receivablePayment'], operation: ['get'] } },
	properties,
);

/** `GET /v3/receivable-payments/{id}` (BILL's "Get received payment details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(
		this,
		itemIndex,
		'receivablePaymentId',
		'Received Payment',
		ID_PREFIX.receivablePayment,
	);
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/receivable-payments/${id}`,
		itemIndex,
	});
}
