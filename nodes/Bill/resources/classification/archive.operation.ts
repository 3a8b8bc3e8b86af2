import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { classificationLocator } from './descriptions';
import { classificationId } from './id';
import { kindOf } from '../../helpers/classificationKinds';

const properties: INodeProperties[] = [classificationLocator('The classification to archive')];

export const description = updateDisplayOptions(
	{ show: { resource: ['classification'], operation: ['archive'] } },
	properties,
);

/**
 * `POST /v3/classifications/{type}/{id}/archive` (Postman "Archive an accounting class" and the
 * like): a repeat leaves it archived, so a repeat after a lost answer is safe.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const info = kindOf(this);
	const id = classificationId(this, itemIndex, info);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/classifications/${info.path}/${id}/archive`,
		repeatable: true,
		itemIndex,
	});
}
