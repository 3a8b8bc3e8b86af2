import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { customerBody } from './body';
import { customerLocator, optionalCustomerFields } from './descriptions';

const properties: INodeProperties[] = [
	customerLocator('The customer to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
				},
				...optionalCustomerFields,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/customers/{id}`: only the fields given change (BILL's "Update a customer"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = getId(this, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = customerBody(this, itemIndex, fields);
	if (!Object.keys(body).length) {
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	}
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/customers/${customerId}`,
		body,
		itemIndex,
	});
}
