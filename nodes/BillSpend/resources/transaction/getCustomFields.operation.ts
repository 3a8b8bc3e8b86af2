import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { transactionIdField } from './descriptions';

const properties: INodeProperties[] = [
	transactionIdField('The card transaction whose custom fields to get'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['getCustomFields'] } },
	properties,
);

/**
 * `GET /v3/spend/transactions/{transactionId}/custom-fields` (Postman "Get list of transaction
 * custom fields"): one item per custom field, with its selected values and note.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Transaction',
		this.getNodeParameter('transactionId', itemIndex),
	);
	const response = await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/transactions/${encodeURIComponent(id)}/custom-fields`,
		itemIndex,
	});
	return (response.results as IDataObject[] | undefined) ?? [];
}
