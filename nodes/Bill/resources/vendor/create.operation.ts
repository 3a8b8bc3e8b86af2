import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getString } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorBody } from './body';
import { simplifyVendor, simplifyVendorField } from './output';
import { wantsSimplified } from '../../helpers/simplify';
import { accountTypeOptions, addressField, optionalVendorFields } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: "The vendor's name as it appears on bills",
	},
	{
		displayName: 'Account Type',
		name: 'accountType',
		description: 'Whether the vendor is a business or a person',
		type: 'options',
		options: accountTypeOptions,
		default: 'BUSINESS',
		required: true,
	},
	{
		displayName: 'Email',
		name: 'email',
		description: "The vendor's email address, where BILL sends payment notices",
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
	},
	{
		displayName: 'Phone',
		name: 'phone',
		description: "The vendor's phone number",
		type: 'string',
		default: '',
		required: true,
	},
	addressField,
	{
		displayName: 'Payee Name',
		name: 'payeeName',
		type: 'string',
		default: '',
		description: 'Name printed on checks; needed to pay by check',
	},
	{
		displayName: 'Bill Currency',
		name: 'billCurrency',
		type: 'string',
		default: 'USD',
		description:
			'Currency the vendor bills in (three letters). Bills of a non-USD vendor are international.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalVendorFields,
	},
	simplifyVendorField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields: IDataObject = {
		name: getString(this, itemIndex, 'name', 'Name'),
		accountType: this.getNodeParameter('accountType', itemIndex),
		email: getString(this, itemIndex, 'email', 'Email'),
		phone: getString(this, itemIndex, 'phone', 'Phone'),
		address: this.getNodeParameter('address', itemIndex, {}),
		payeeName: this.getNodeParameter('payeeName', itemIndex, ''),
		billCurrency: this.getNodeParameter('billCurrency', itemIndex, ''),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	const body = vendorBody(this, itemIndex, fields);
	const simplify = wantsSimplified(this, itemIndex);
	const vendor = await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/vendors',
		body,
		itemIndex,
		uncertainHint: `Search the vendors for "${String(body.name)}" before running it again (Vendor → Get Many, Name Starts With).`,
	});
	return simplify ? simplifyVendor(vendor) : vendor;
}
