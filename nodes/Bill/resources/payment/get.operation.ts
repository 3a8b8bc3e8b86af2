import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { getPaymentId } from './body';
import { paymentIdField } from './descriptions';
import { paymentOutput } from './output';
import { PAYMENTS_PATH } from './paths';

const properties: INodeProperties[] = [paymentIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['get'] } },
	properties,
);

/** `GET /v3/payments/{paymentId}`: BILL's answer plus `paidBills` (which bills, how much). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const paymentId = getPaymentId(this, itemIndex);
	return paymentOutput(
		await billApiRequest.call(this, {
			method: 'GET',
			path: `${PAYMENTS_PATH}/${paymentId}`,
			itemIndex,
		}),
	);
}
