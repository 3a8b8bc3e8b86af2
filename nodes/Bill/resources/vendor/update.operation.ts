import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorBody } from './body';
import { simplifyVendor, simplifyVendorField } from './output';
import { wantsSimplified } from '../../helpers/simplify';
import {
	accountTypeOptions,
	addressField,
	optionalVendorFields,
	vendorLocator,
} from './descriptions';

const properties: INodeProperties[] = [
	vendorLocator('The vendor to update'),
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
					displayName: 'Account Type',
					name: 'accountType',
					description: 'Whether the vendor is a business or a person',
					type: 'options',
					options: accountTypeOptions,
					default: 'BUSINESS',
				},
				{
					displayName: 'Email',
					name: 'email',
					description: "The vendor's email address, where BILL sends payment notices",
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
				},
				{
					displayName: 'Phone',
					name: 'phone',
					description: "The vendor's phone number",
					type: 'string',
					default: '',
				},
				addressField,
				{ displayName: 'Payee Name', name: 'payeeName', type: 'string', default: '' },
				{ displayName: 'Bill Currency', name: 'billCurrency', type: 'string', default: '' },
				...optionalVendorFields,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName:
			'BILL does not change vendor bank details through an update; that needs the vendor bank-account endpoints.',
		name: 'bankNotice',
		type: 'notice',
		default: '',
	},
	...simplifyVendorField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = vendorBody(this, itemIndex, fields);
	if (!Object.keys(body).length) {
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	}
	const simplify = wantsSimplified(this, itemIndex);
	const vendor = await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/vendors/${vendorId}`,
		body,
		itemIndex,
	});
	return simplify ? simplifyVendor(vendor) : vendor;
}
