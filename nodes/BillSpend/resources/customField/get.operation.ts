import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [customFieldLocator('The custom field to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['get'] } },
	properties,
);

/** `GET /v3/spend/custom-fields/{customFieldId}` (Postman "Get custom field details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getSpendId(this, itemIndex, 'customFieldId', 'Custom Field');
	return await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/custom-fields/${id}`,
		itemIndex,
	});
}
