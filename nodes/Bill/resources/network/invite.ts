// Invite Vendor and Invite Customer: one operation for either side of a connection.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import type { ItemOperation } from '../../../shared/operation';
import { invitationPath } from './counterparty';
import { counterpartyProperties } from './descriptions';
import { networkTarget, networkTargetProperties } from './target';

/**
 * Postman "Send connection request to a vendor/customer": BILL connects at once where the other
 * side has auto-connections on, else emails an invitation (it counts toward BILL's 5 emails a
 * minute). Not sent again after a lost answer: Get Invitation tells whether it went. Answers with
 * the invitation's status.
 */
export function inviteOperation(kind: 'vendor' | 'customer'): ItemOperation {
	const operation = kind === 'vendor' ? 'inviteVendor' : 'inviteCustomer';
	return {
		description: updateDisplayOptions({ show: { resource: ['network'], operation: [operation] } }, [
			...counterpartyProperties(operation, false),
			...networkTargetProperties,
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const path = invitationPath(this, itemIndex, kind);
			const body = networkTarget(this, itemIndex);
			await billApiRequest.call(this, {
				method: 'POST',
				path,
				body,
				itemIndex,
				uncertainHint: 'Network → Get Invitation shows whether the invitation was sent.',
			});
			return await billApiRequest.call(this, { method: 'GET', path, itemIndex });
		},
	};
}
