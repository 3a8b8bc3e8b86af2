import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	customFieldLocator('The custom field to delete (permanent)'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['delete'] } },
	properties,
);

/** `DELETE /v3/spend/custom-fields/{customFieldId}` (Postman "Delete a custom field"; permanent). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getSpendId(this, itemIndex, 'customFieldId', 'Custom Field');
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/custom-fields/${id}`,
		itemIndex,
	});
	return { customFieldId: decodeURIComponent(id), deleted: true };
}
