import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { createUnlessExists } from './existing';
import { billBodyFromParameters } from './body';
import {
	billApprovalsField,
	billFields,
	simplifyCreatedField,
	skipExistingField,
} from './descriptions';
import { createHint } from './hints';
import { billOutput } from './simplified';
import { wantsSimplified } from '../../helpers/simplify';

const properties: INodeProperties[] = [
	...billFields(false),
	skipExistingField,
	billApprovalsField,
	...simplifyCreatedField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['create'] } },
	properties,
);

/** `POST /v3/bills` → 201 and the bill. Not repeatable: a blind repeat could create it twice. */
export async function createBill(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	return await billApiRequest.call(context, {
		method: 'POST',
		path: '/v3/bills',
		body,
		itemIndex,
		uncertainHint: createHint([body]),
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = billBodyFromParameters(this, itemIndex, false);
	const approvals = this.getNodeParameter('billApprovals', itemIndex, false) === true;
	if (approvals) body.billApprovals = true;
	const skipExisting = this.getNodeParameter('skipExisting', itemIndex, true) as boolean;
	const simplify = wantsSimplified(this, itemIndex);
	const bill = skipExisting
		? await createUnlessExists(
				this,
				itemIndex,
				body,
				async () => await createBill(this, itemIndex, body),
			)
		: await createBill(this, itemIndex, body);
	return await billOutput(this, itemIndex, bill, simplify, approvals);
}
