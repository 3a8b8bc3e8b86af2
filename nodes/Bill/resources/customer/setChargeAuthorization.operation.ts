import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { getCustomerId } from './bankAccounts';
import { customerLocator } from './descriptions';

const properties: INodeProperties[] = [
	customerLocator('The customer who authorized you to charge their bank account'),
	{
		displayName: 'Authorized to Charge',
		name: 'authorizedToCharge',
		type: 'boolean',
		default: true,
		description:
			"Whether the customer has authorized you to take invoice payments from their bank account. BILL charges only authorized customers (Received Payment → Charge); customers are not authorized until this is set. Turning it off is sent as BILL's false, which BILL's documents do not describe.",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['setChargeAuthorization'] } },
	properties,
);

/**
 * `POST /v3/customers/{id}/charge-authorization` with `{ authorizedToCharge }`
 * (https://developer.bill.com/reference/authorizetochargecustomer). Setting the same value again
 * changes nothing, so the request may be repeated. BILL documents no answer: whatever it sends is
 * kept, under the customer ID and the value set.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = getCustomerId(this, itemIndex);
	const authorizedToCharge = this.getNodeParameter('authorizedToCharge', itemIndex, true) === true;
	const answer = await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/customers/${customerId}/charge-authorization`,
		body: { authorizedToCharge },
		repeatable: true,
		itemIndex,
	});
	return { ...answer, id: answer.id ?? customerId, authorizedToCharge };
}
