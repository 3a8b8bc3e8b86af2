import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { invitationPath } from './counterparty';
import { counterpartyProperties } from './descriptions';

const properties: INodeProperties[] = counterpartyProperties('getInvitation', true);

export const description = updateDisplayOptions(
	{ show: { resource: ['network'], operation: ['getInvitation'] } },
	properties,
);

/** Postman "Get vendor/customer connection request status": `{id, status, networkId}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await billApiRequest.call(this, {
		method: 'GET',
		path: invitationPath(this, itemIndex),
		itemIndex,
	});
}
