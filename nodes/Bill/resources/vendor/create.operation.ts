import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getString } from '../../helpers/validation';
import { skipExistingByVersion, wantsSkipExisting } from '../../../shared/skipExisting';
import { billApiRequest } from '../../../shared/transport';
import { createVendorOnce } from './existing';
import { vendorBody } from './body';
import { simplifyVendor, simplifyVendorField } from './output';
import { wantsSimplified } from '../../helpers/simplify';
import { accountTypeOptions, addressField, optionalVendorFields } from './descriptions';

/** The fields of one vendor (Create, and Create Many per item). */
export const vendorFields: INodeProperties[] = [
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
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['create'] } },
	[
		...vendorFields,
		...simplifyVendorField,
		...skipExistingByVersion(
			'Skip Existing Names',
			'Whether to first look for an active vendor with the same name (ignoring case and extra spaces), as Create Many does, and, if there is one, output it with "alreadyExisted": true instead of creating a second vendor, so running the workflow again creates nothing twice. Created vendors get "alreadyExisted": false.',
		),
	],
);

/** One item's vendor as BILL takes it, checked. */
export function vendorFromItem(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields: IDataObject = {
		name: getString(context, itemIndex, 'name', 'Name'),
		accountType: context.getNodeParameter('accountType', itemIndex),
		email: getString(context, itemIndex, 'email', 'Email'),
		phone: getString(context, itemIndex, 'phone', 'Phone'),
		address: context.getNodeParameter('address', itemIndex, {}),
		payeeName: context.getNodeParameter('payeeName', itemIndex, ''),
		billCurrency: context.getNodeParameter('billCurrency', itemIndex, ''),
		...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	return vendorBody(context, itemIndex, fields);
}

/**
 * `POST /v3/vendors` → 201 and the vendor. Not repeated when the answer is lost; with "Skip
 * Existing Names" the active vendor of the same name is returned instead (./existing.ts).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = vendorFromItem(this, itemIndex);
	const simplify = wantsSimplified(this, itemIndex);
	const create = async () =>
		await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/vendors',
			body,
			itemIndex,
			uncertainHint: `Search the vendors for "${String(body.name)}" before running it again (Vendor → Get Many, Name Starts With), or run it again with "Skip Existing Names" on.`,
		});
	if (!wantsSkipExisting(this, itemIndex)) {
		const vendor = await create();
		return simplify ? simplifyVendor(vendor) : vendor;
	}
	const { alreadyExisted, ...vendor } = await createVendorOnce(this, itemIndex, body, create);
	return { ...(simplify ? simplifyVendor(vendor) : vendor), alreadyExisted };
}
