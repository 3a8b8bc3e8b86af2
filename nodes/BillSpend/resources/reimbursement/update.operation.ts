import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { reimbursementBody } from './body';
import { optionalReimbursementFields, reimbursementIdField } from './descriptions';

const properties: INodeProperties[] = [
	reimbursementIdField('The reimbursement to change (before it is approved)'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				default: 0,
			},
			{
				displayName: 'Budget Name or ID',
				name: 'budgetId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBudgets' },
				default: '',
				description:
					'The budget to charge instead. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{ displayName: 'Date', name: 'occurredDate', type: 'dateTime', default: '' },
			{ displayName: 'Merchant Name', name: 'merchantName', type: 'string', default: '' },
			...optionalReimbursementFields,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/spend/reimbursements/{reimbursementId}` (Postman "Update a reimbursement", e.g. `{occurredDate}`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Reimbursement',
		this.getNodeParameter('reimbursementId', itemIndex),
	);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = reimbursementBody(this, itemIndex, fields, 'Update Fields');
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	return await spendApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/spend/reimbursements/${encodeURIComponent(id)}`,
		body,
		itemIndex,
	});
}
