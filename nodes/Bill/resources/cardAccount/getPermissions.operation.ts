import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { PERMISSIONS_PATH } from './paths';

const properties: INodeProperties[] = [
	{
		displayName:
			'Whether the organization may pay by card (and with American Express), fund with a card or wallet, and whether the signed-in user may pay online.',
		name: 'permissionsNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['cardAccount'], operation: ['getPermissions'] } },
	properties,
);

/** `GET /v3/funding-accounts/permissions` (Postman "Get funding account permissions"), as BILL answers. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await billApiRequest.call(this, { method: 'GET', path: PERMISSIONS_PATH, itemIndex });
}
