import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { classificationLocator } from './descriptions';
import { classificationId } from './id';
import { kindOf } from '../../helpers/classificationKinds';

const properties: INodeProperties[] = [classificationLocator('The classification to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['classification'], operation: ['get'] } },
	properties,
);

/** `GET /v3/classifications/{type}/{id}` (Postman "Get chart of accounts details" and the like). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const info = kindOf(this);
	const id = classificationId(this, itemIndex, info);
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/classifications/${info.path}/${id}`,
		itemIndex,
	});
}
