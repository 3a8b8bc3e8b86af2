import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { checkEmail } from '../user/body';
import { emailField } from '../user/descriptions';
import { vendorLocator } from '../vendor/descriptions';

const properties: INodeProperties[] = [
	vendorLocator('The vendor record the invitation is for (it must exist)'),
	emailField('Where BILL sends the invitation to join the BILL network'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['network'], operation: ['emailInvitation'] } },
	properties,
);

/**
 * Postman "Send connection request to a vendor not in the BILL Network": BILL emails a sign-up
 * invitation. Not sent again after a lost answer (it would email twice).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const email = checkEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex, ''));
	await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/network/invitation/vendor/${vendorId}/email`,
		body: { email },
		itemIndex,
		uncertainHint: 'Ask the vendor whether the invitation email arrived before sending it again.',
	});
	return { vendorId, email, sent: true };
}
