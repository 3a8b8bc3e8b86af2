import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { customerLocator } from './descriptions';

const properties: INodeProperties[] = [customerLocator('The customer to restore')];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['restore'] } },
	properties,
);

/** `POST /v3/customers/{id}/restore`: idempotent, so a repeat after a lost answer is safe. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = getId(this, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/customers/${customerId}/restore`,
		repeatable: true,
		itemIndex,
	});
}
