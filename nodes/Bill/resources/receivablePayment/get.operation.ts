import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';

// BILL offers no way to search received payments by text, so the ID is given (e.g. from Get
// Many, or the `id` Invoice → Record Payment outputs).
const properties: INodeProperties[] = [
	idLocator({
		name: 'receivablePaymentId',
		displayName: 'Received Payment',
		object: 'received payment',
		prefix: ID_PREFIX.receivablePayment,
		description: 'The received payment to get (ID starting with 0rp)',
	}),
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
