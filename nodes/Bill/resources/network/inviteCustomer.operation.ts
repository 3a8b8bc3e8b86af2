import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { invitationPath } from './counterparty';
import { counterpartyProperties } from './descriptions';
import { networkTarget, networkTargetProperties } from './target';

const properties: INodeProperties[] = [
	...counterpartyProperties('inviteCustomer', false),
	...networkTargetProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['network'], operation: ['inviteCustomer'] } },
	properties,
);

/**
 * Postman "Send connection request to a customer": BILL connects at once where the other side has
 * auto-connections on, else emails an invitation (it counts toward BILL's 5 emails a minute).
 * Not sent again after a lost answer: Get Invitation tells whether it went.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = invitationPath(this, itemIndex, 'customer');
	const body = networkTarget(this, itemIndex);
	await billApiRequest.call(this, {
		method: 'POST',
		path,
		body,
		itemIndex,
		uncertainHint: 'Network → Get Invitation shows whether the invitation was sent.',
	});
	return await billApiRequest.call(this, { method: 'GET', path, itemIndex });
}
