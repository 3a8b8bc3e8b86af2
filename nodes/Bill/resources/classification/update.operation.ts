import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { classificationBody } from './body';
import { classificationLocator, fieldsCollections } from './descriptions';
import { classificationId } from './id';
import { kindOf } from '../../helpers/classificationKinds';

const properties: INodeProperties[] = [
	classificationLocator('The classification to update'),
	...fieldsCollections('updateFields', 'Update Fields', []),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['classification'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/classifications/{type}/{id}` (Postman "Update a chart of accounts" and the like). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const info = kindOf(this);
	const id = classificationId(this, itemIndex, info);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = classificationBody(this, itemIndex, info, fields, false);
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/classifications/${info.path}/${id}`,
		body,
		itemIndex,
	});
}
