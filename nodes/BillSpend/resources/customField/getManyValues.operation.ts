import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldLocator, returnAllOrLimit } from '../../helpers/fields';
import { spendGetMany } from '../../helpers/getMany';
import { getSpendId } from '../../helpers/validation';

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
	const values = await spendGetMany(this, itemIndex, `/v3/spend/custom-fields/${id}/values`);
	return values.map((value) => ({ customFieldId: decodeURIComponent(id), ...value }));
}
