import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { patchFieldsFromParameters } from './body';
import {
	billApprovalsField,
	billLocator,
	optionalBillFields,
	simplifyCreatedField,
} from './descriptions';
import { billOutput } from './simplified';
import { wantsSimplified } from '../../helpers/simplify';
import { lineItemChangesField } from './lineItemDescriptions';
import { getLineItemChanges } from './lineItems';
import { linePositionsToIds } from './linePositions';
import { sendingCredits, vendorCreditsToSend } from './vendorCredits';

const properties: INodeProperties[] = [
	billLocator('The bill to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				{ displayName: 'Invoice Number', name: 'invoiceNumber', type: 'string', default: '' },
				{
					displayName: 'Invoice Date',
					name: 'invoiceDate',
					type: 'dateTime',
					default: '',
					description: 'YYYY-MM-DD',
				},
				{
					displayName: 'Due Date',
					name: 'dueDate',
					type: 'dateTime',
					default: '',
					description: 'YYYY-MM-DD',
				},
				...optionalBillFields,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	lineItemChangesField,
	billApprovalsField,
	...simplifyCreatedField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['update'] } },
	properties,
);

/**
 * `PATCH /v3/bills/{id}` with only what changes; repeating it lands in the same state, except when
 * it applies vendor credits (vendorCredits.ts: only those the bill lacks are sent, never repeated).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const billId = getId(this, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	const body = patchFieldsFromParameters(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	const lines = getLineItemChanges(this, itemIndex);
	if (lines.length) body.billLineItems = lines;
	if (!Object.keys(body).length) {
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field or line item change');
	}
	const approvals = this.getNodeParameter('billApprovals', itemIndex, false) === true;
	const simplify = wantsSimplified(this, itemIndex);
	await linePositionsToIds(this, itemIndex, billId, lines);
	const credits = await vendorCreditsToSend(this, itemIndex, billId, body);
	if (approvals && Object.keys(body).length) body.billApprovals = true;
	// Every credit named is on the bill already and nothing else changes: the bill as it is.
	const bill = !Object.keys(body).length
		? await billApiRequest.call(this, { method: 'GET', path: `/v3/bills/${billId}`, itemIndex })
		: await billApiRequest.call(this, {
				method: 'PATCH',
				path: `/v3/bills/${billId}`,
				body,
				...sendingCredits(billId, credits),
				itemIndex,
			});
	return await billOutput(this, itemIndex, bill, simplify, approvals);
}
