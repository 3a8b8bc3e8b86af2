import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkDate, invalid } from '../../helpers/validation';
import { addressBody, organizationFields, text } from '../organization/body';
import { organizationOptionalFields } from '../organization/descriptions';
import { addressField } from '../vendor/descriptions';
import { partnerList, partnerRequest } from './request';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		description:
			"The new organization's name; an organization of the partner with this name is returned instead of a second one",
		type: 'string',
		default: '',
		required: true,
	},
	{
		...addressField,
		required: true,
		description: 'BILL needs line 1, city, ZIP or postal code and country',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		description: "The organization's phone number",
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...organizationOptionalFields,
				{
					displayName: 'Company Owner Date of Birth',
					name: 'companyOwnerDateOfBirth',
					type: 'dateTime',
					default: '',
				},
				{
					displayName: 'Company Owner Name',
					name: 'companyOwnerName',
					type: 'string',
					default: '',
					description:
						'BILL strongly advises it: it avoids risk-verification and funding errors later',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Return Existing Organization With This Name',
		name: 'returnExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether an organization of the partner with this name already is returned (with alreadyExisted: true) instead of created, so a re-run creates nothing twice',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['createOrganization'] } },
	properties,
);

function organizationBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const name = text(context, itemIndex, 'Name', context.getNodeParameter('name', itemIndex, ''));
	if (!name) throw invalid(context, itemIndex, 'Name', 'is required');
	const address = addressBody(
		context,
		itemIndex,
		'Address',
		context.getNodeParameter('address', itemIndex, {}),
	);
	for (const part of ['line1', 'city', 'zipOrPostalCode', 'country'])
		if (!address[part]) throw invalid(context, itemIndex, `Address → ${part}`, 'is required');
	const phone = text(
		context,
		itemIndex,
		'Phone',
		context.getNodeParameter('phone', itemIndex, ''),
		30,
	);
	const body: IDataObject = { name, address, phone };
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	Object.assign(
		body,
		organizationFields(context, itemIndex, extra, 'Additional Fields → ', [
			'taxId',
			'taxIdType',
			'industry',
			'businessCategory',
			'accountType',
		]),
	);
	if (extra.companyOwnerName !== undefined || extra.companyOwnerDateOfBirth) {
		const owner: IDataObject = {};
		if (extra.companyOwnerName !== undefined)
			owner.name = text(
				context,
				itemIndex,
				'Additional Fields → Company Owner Name',
				extra.companyOwnerName,
			);
		if (extra.companyOwnerDateOfBirth)
			owner.dateOfBirth = checkDate(
				context,
				itemIndex,
				'Additional Fields → Company Owner Date of Birth',
				extra.companyOwnerDateOfBirth,
			);
		body.companyOwner = owner;
	}
	return body;
}

/** Postman "Create an organization" (201), made with the partner's app key. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = organizationBody(this, itemIndex);
	if (this.getNodeParameter('returnExisting', itemIndex, true) === true) {
		const organizations = await partnerList(
			this,
			{ method: 'GET', path: '/v3/partner/organizations', itemIndex },
			{ returnAll: true },
		);
		const name = String(body.name).toLowerCase();
		const existing = organizations.find((o) => String(o.name ?? '').toLowerCase() === name);
		if (existing) return { ...existing, alreadyExisted: true };
	}
	return await partnerRequest(this, {
		method: 'POST',
		path: '/v3/partner/organizations',
		body,
		itemIndex,
		uncertainHint: `Look for an organization named "${String(body.name)}" (Partner → Get Many Organizations) before running it again, or leave "Return Existing Organization With This Name" on.`,
	});
}
