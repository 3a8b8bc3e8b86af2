import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { addressField } from '../vendor/descriptions';
import { organizationPath } from './current';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Account Type',
				name: 'accountType',
				type: 'options',
				options: [
					{ name: 'Business', value: 'BUSINESS' },
					{ name: 'Employee or Individual', value: 'EMPLOYEE_OR_INDIVIDUAL' },
				],
				default: 'BUSINESS',
			},
			{ ...addressField, description: "The organization's physical address" },
			{
				displayName: 'Business Category',
				name: 'businessCategory',
				type: 'string',
				default: '',
				placeholder: 'LLC',
			},
			{
				displayName: 'Industry',
				name: 'industry',
				type: 'string',
				default: '',
				description: 'One of the values of Organization → Get Industries',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			{ displayName: 'Tax ID', name: 'taxId', type: 'string', default: '' },
			{
				displayName: 'Tax ID Type',
				name: 'taxIdType',
				type: 'options',
				options: [
					{ name: 'EIN', value: 'EIN' },
					{ name: 'SSN', value: 'SSN' },
				],
				default: 'EIN',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['organization'], operation: ['update'] } },
	properties,
);

const OPTIONS: Record<string, string[]> = {
	accountType: ['BUSINESS', 'EMPLOYEE_OR_INDIVIDUAL'],
	taxIdType: ['EIN', 'SSN'],
};

const LABELS: Record<string, string> = {
	accountType: 'Account Type',
	address: 'Address',
	businessCategory: 'Business Category',
	industry: 'Industry',
	name: 'Name',
	phone: 'Phone',
	taxId: 'Tax ID',
	taxIdType: 'Tax ID Type',
};

/** A text field as BILL takes it: text (or a number), trimmed; empty means "not given". */
function text(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string {
	if (typeof value !== 'string' && typeof value !== 'number')
		throw invalid(context, itemIndex, parameter, `must be text, not ${JSON.stringify(value)}`);
	const out = String(value).trim();
	if (out.length > 500)
		throw invalid(context, itemIndex, parameter, 'is longer than 500 characters');
	return out;
}

/** The PATCH body: only the fields given, each checked; nested address fields likewise. */
function organizationBody(context: IExecuteFunctions, itemIndex: number, fields: IDataObject) {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		const label = `Update Fields → ${LABELS[key] ?? key}`;
		if (key === 'address') {
			if (!value || typeof value !== 'object' || Array.isArray(value))
				throw invalid(context, itemIndex, label, 'must be a set of address fields');
			const address: IDataObject = {};
			for (const [part, v] of Object.entries(value as IDataObject)) {
				const t = text(context, itemIndex, `${label} → ${part}`, v);
				if (t) address[part] = t;
			}
			if (Object.keys(address).length) body.address = address;
			continue;
		}
		const t = text(context, itemIndex, label, value);
		if (!t) continue;
		if (OPTIONS[key] && !OPTIONS[key].includes(t))
			throw invalid(context, itemIndex, label, `must be one of ${OPTIONS[key].join(', ')}`);
		body[key] = t;
	}
	return body;
}

/** Postman "Update an organization" (PATCH, only the fields given): needs the ADMINISTRATOR role. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = organizationBody(this, itemIndex, fields);
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	if (body.industry !== undefined) {
		// BILL takes only its own industry values (Postman "Get list of organization industries"):
		// checked here, so a typo is named before the organization is changed.
		const known = await billApiRequest.call(this, {
			method: 'GET',
			path: '/v3/organizations/industries',
			itemIndex,
		});
		const industries = (Array.isArray(known.results) ? known.results : []).map(String);
		if (industries.length && !industries.includes(String(body.industry)))
			throw invalid(
				this,
				itemIndex,
				'Update Fields → Industry',
				`"${String(body.industry)}" is not one of BILL's industries`,
				'Organization → Get Industries lists them.',
			);
	}
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: await organizationPath(this, itemIndex),
		body,
		itemIndex,
	});
}
