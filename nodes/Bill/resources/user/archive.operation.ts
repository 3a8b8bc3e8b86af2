import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { userLocator } from './descriptions';

const properties: INodeProperties[] = [userLocator('The user to archive')];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['archive'] } },
	properties,
);

/** `POST /v3/users/{id}/archive`: idempotent, so a repeat after a lost answer is safe. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = getId(this, itemIndex, 'userId', 'User', ID_PREFIX.user);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/users/${userId}/archive`,
		repeatable: true,
		itemIndex,
	});
}
