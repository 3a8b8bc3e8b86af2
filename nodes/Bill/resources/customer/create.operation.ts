import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getString } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { customerBody } from './body';
import { optionalCustomerFields } from './descriptions';
import { createCustomerUnlessExists } from './existing';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: "The customer's name as it appears on invoices (at most 100 characters)",
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Where BILL sends the invoices of this customer',
	},
	{
		displayName: 'Skip Existing Customers',
		name: 'skipExisting',
		type: 'boolean',
		default: false,
		description:
			'Whether to return the active customer with the same name or email (compared ignoring case) instead of creating a second one, so a re-run creates nothing twice. The output then has alreadyExisted: true.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalCustomerFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	properties,
);

/** `POST /v3/customers` → 201 and the customer. Not repeatable: a repeat could create it twice. */
export async function createCustomer(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	return await billApiRequest.call(context, {
		method: 'POST',
		path: '/v3/customers',
		body,
		itemIndex,
		uncertainHint: `Search the customers for "${String(body.name)}" before running it again (Customer → Get Many, Name Starts With), or run it again with "Skip Existing Customers" on.`,
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = customerBody(this, itemIndex, {
		name: getString(this, itemIndex, 'name', 'Name'),
		email: getString(this, itemIndex, 'email', 'Email'),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	});
	const create = async () => await createCustomer(this, itemIndex, body);
	if (!(this.getNodeParameter('skipExisting', itemIndex, false) as boolean)) return await create();
	return await createCustomerUnlessExists(this, itemIndex, body, create);
}
