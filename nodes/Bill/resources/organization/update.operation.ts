import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { addressField } from '../vendor/descriptions';
import { organizationFields } from './body';
import { organizationPath } from './current';
import { achBatchingFields, organizationOptionalFields } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				{ ...addressField, description: "The organization's physical address" },
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
				...organizationOptionalFields,
				...achBatchingFields,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['organization'], operation: ['update'] } },
	properties,
);

/**
 * ACH batching (https://developer.bill.com/changelog/2025-11-05-organizations-api-improvements):
 * `processingOptions.individualTransferOut` / `individualTransferIn`, BILL's default false = one
 * batched ACH transfer a day. They sit in `processingOptions` as Postman "Get organization details" shows.
 */
function processingOptions(fields: IDataObject): IDataObject | undefined {
	const options: IDataObject = {};
	for (const key of ['individualTransferOut', 'individualTransferIn'])
		if (typeof fields[key] === 'boolean') options[key] = fields[key];
	return Object.keys(options).length ? options : undefined;
}

/** Postman "Update an organization" (PATCH, only the fields given): needs the ADMINISTRATOR role. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const {
		individualTransferOut: _out,
		individualTransferIn: _in,
		...fields
	} = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = organizationFields(this, itemIndex, fields, 'Update Fields → ');
	const batching = processingOptions({ individualTransferOut: _out, individualTransferIn: _in });
	if (batching) body.processingOptions = batching;
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
