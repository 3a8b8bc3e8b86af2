import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { transactionIdField } from './descriptions';
import { simplifyField, simplifyTransaction } from './output';
import { wantsSimplified } from '../../../shared/simplify';

const properties: INodeProperties[] = [
	transactionIdField('The card transaction to get'),
	...simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['get'] } },
	properties,
);

/** `GET /v3/spend/transactions/{transactionId}` (Postman "Get transaction details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Transaction',
		this.getNodeParameter('transactionId', itemIndex),
	);
	const transaction = await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/transactions/${encodeURIComponent(id)}`,
		itemIndex,
	});
	return wantsSimplified(this, itemIndex) ? simplifyTransaction(transaction) : transaction;
}
