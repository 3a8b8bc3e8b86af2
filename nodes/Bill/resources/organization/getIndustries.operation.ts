import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['organization'], operation: ['getIndustries'] } },
	properties,
);

/** Postman "Get list of organization industries": `{results: [string]}`, one item per industry. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const answer = await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/organizations/industries',
		itemIndex,
	});
	const results = Array.isArray(answer.results) ? answer.results : [];
	return results.map((industry) => ({ industry }));
}
