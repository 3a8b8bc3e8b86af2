import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billUnauthenticatedGet } from '../../../shared/transport/unauthenticated';

const properties: INodeProperties[] = [
	{
		displayName:
			'Sends no session or key and does not log in: the credential gives only the environment',
		name: 'healthNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['health'], operation: ['check'] } },
	properties,
);

/**
 * `GET /v3/health` (Postman "Check app health": "Get app details, such as version and deployment
 * location"): `{appId, appEnv, appVersion, bdcRegion}`, plus whether BILL answered and how fast.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body, ms } = await billUnauthenticatedGet.call(this, '/v3/health', itemIndex);
	return { healthy: true, responseTimeMs: ms, ...body };
}
