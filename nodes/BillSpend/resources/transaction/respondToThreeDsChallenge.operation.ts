import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { transactionIdField } from './descriptions';

/**
 * BILL's values for `action`: "Set this field as ACCEPT or REJECT"
 * (https://developer.bill.com/reference/threedschallenge; Postman "Accept or reject a
 * transaction" shows ACCEPT).
 */
const ACTIONS = ['ACCEPT', 'REJECT'];

const properties: INodeProperties[] = [
	transactionIdField(
		'The UUID of the transaction that asks for 3D Secure: the transaction\'s UUID in the BILL Spend & Expense Trigger\'s "3D Secure Challenge Created" event',
	),
	{
		displayName: 'Response',
		name: 'threeDsAction',
		type: 'options',
		options: [
			{
				name: 'Accept',
				value: 'ACCEPT',
				description: 'The cardholder made this payment: let it go through',
			},
			{
				name: 'Reject',
				value: 'REJECT',
				description: 'The cardholder did not make this payment: decline it',
			},
		],
		default: 'ACCEPT',
		description: 'Whether the card payment goes through (Accept) or is declined (Reject)',
	},
	{
		displayName:
			"Only an ADMIN user's API token may answer, and BILL takes one answer per challenge. BILL sends 3D Secure challenges in production only.",
		name: 'threeDsNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['respondToThreeDsChallenge'] } },
	properties,
);

/**
 * `POST /v3/spend/transactions/{acsTransactionId}/3ds-challenge` with `{action}` → `{id, status}`
 * (Postman "Accept or reject a transaction"). Not repeated when the answer is lost: BILL takes one
 * answer per challenge, so the user checks the transaction before answering again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Transaction ID',
		this.getNodeParameter('transactionId', itemIndex),
	);
	const action = String(this.getNodeParameter('threeDsAction', itemIndex, 'ACCEPT') ?? '');
	if (!ACTIONS.includes(action))
		throw invalid(this, itemIndex, 'Response', `must be Accept or Reject, not "${action}"`);
	return await spendApiRequest.call(this, {
		method: 'POST',
		path: `/v3/spend/transactions/${encodeURIComponent(id)}/3ds-challenge`,
		body: { action },
		itemIndex,
		uncertainHint:
			'Get the transaction (Transaction → Get) and look at its status before answering again: BILL takes one answer per challenge.',
	});
}
