import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { pageOptions } from '../../helpers/getMany';
import { checkDate } from '../../helpers/validation';
import { billApiRequest, billApiRequestAllItems } from '../../../shared/transport';
import { organizationPath } from './current';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Invoice Date From',
				name: 'invoiceDateFrom',
				type: 'dateTime',
				default: '',
			},
			{ displayName: 'Invoice Date To', name: 'invoiceDateTo', type: 'dateTime', default: '' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['organization'], operation: ['getManyBillingStatements'] } },
	properties,
);

/**
 * Postman "Get list of billing statements": "You can set `max` and `page` in the request only when
 * both `invoiceDateFrom` and `invoiceDateTo` are not set." With a date range the node asks once,
 * without them, and applies the limit itself; without one it reads page by page.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [name, label] of [
		['invoiceDateFrom', 'Filters → Invoice Date From'],
		['invoiceDateTo', 'Filters → Invoice Date To'],
	]) {
		if (filters[name]) qs[name] = checkDate(this, itemIndex, label, filters[name]);
	}
	const page = pageOptions(this, itemIndex);
	const request = {
		method: 'GET' as const,
		path: `${await organizationPath(this, itemIndex)}/billing-statements`,
		qs,
		itemIndex,
	};
	if (!Object.keys(qs).length) return await billApiRequestAllItems.call(this, request, page);
	const answer = await billApiRequest.call(this, request);
	const results = (Array.isArray(answer.results) ? answer.results : []) as IDataObject[];
	return page.returnAll ? results : results.slice(0, page.limit);
}
