import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { billBodyFromParameters } from './body';
import { billFields, billLocator, simplifyCreatedField } from './descriptions';
import { billOutput } from './simplified';
import { wantsSimplified } from '../../helpers/simplify';
import { sendingCredits, vendorCreditsToSend } from './vendorCredits';

const properties: INodeProperties[] = [
	billLocator('The bill to replace'),
	...billFields(true),
	{
		displayName:
			'Replace sends the whole bill: line items with a Line Item ID are kept and changed, line items without one are added, and existing line items that are not listed are removed. To change a few fields only, use Update.',
		name: 'replaceNotice',
		type: 'notice',
		default: '',
	},
	...simplifyCreatedField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['replace'] } },
	properties,
);

/**
 * `PUT /v3/bills/{id}` (Postman "Replace a bill"): repeating it lands in the same state, so it is
 * repeatable, except when it applies vendor credits (vendorCredits.ts: only those the bill lacks).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const billId = getId(this, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	const body = billBodyFromParameters(this, itemIndex, true);
	const simplify = wantsSimplified(this, itemIndex);
	const credits = await vendorCreditsToSend(this, itemIndex, billId, body);
	const bill = await billApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/bills/${billId}`,
		body,
		...sendingCredits(billId, credits),
		itemIndex,
	});
	return await billOutput(this, itemIndex, bill, simplify);
}
