import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldLocator, pageOptions, returnAllOrLimit } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	customFieldLocator('The custom field whose values to list'),
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['getManyValues'] } },
	properties,
);

/** `GET /v3/spend/custom-fields/{customFieldId}/values` (Postman "Get list of custom field values"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = getSpendId(this, itemIndex, 'customFieldId', 'Custom Field');
	const values = await spendApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/v3/spend/custom-fields/${id}/values`, itemIndex },
		pageOptions(this, itemIndex),
	);
	return values.map((value) => ({ customFieldId: decodeURIComponent(id), ...value }));
}
