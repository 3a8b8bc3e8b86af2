import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { organizationPath } from './current';

const properties: INodeProperties[] = [
	{
		displayName: 'Billing Statement',
		name: 'billingStatementId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: "One of BILL's monthly statements of the organization",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchBillingStatements', searchable: true },
			},
			// BILL documents no prefix for billing statement IDs: any ID is sent as it is.
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'The statement ID' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['organization'], operation: ['getBillingStatement'] } },
	properties,
);

/** Postman "Get billing statement details": adds `downloadLink` (csv, pdf) and `statementDetails`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'billingStatementId', 'Billing Statement');
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `${await organizationPath(this, itemIndex)}/billing-statements/${encodeURIComponent(id)}`,
		itemIndex,
	});
}
