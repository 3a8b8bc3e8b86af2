import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { invitationPath } from './counterparty';
import { counterpartyProperties } from './descriptions';

const properties: INodeProperties[] = counterpartyProperties('cancelInvitation', true);

export const description = updateDisplayOptions(
	{ show: { resource: ['network'], operation: ['cancelInvitation'] } },
	properties,
);

/**
 * Postman "Delete vendor/customer connection": cancels a pending invitation or ends the
 * connection (BILL refuses while payments are scheduled or in process). Repeating lands in the
 * same state. Invitations expire after 60 days; cancel one before inviting again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = invitationPath(this, itemIndex);
	await billApiRequest.call(this, { method: 'DELETE', path, itemIndex });
	return await billApiRequest.call(this, { method: 'GET', path, itemIndex });
}
