import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, checkId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { PAYMENTS_PATH, paymentIdField, paymentOutput } from './descriptions';

const properties: INodeProperties[] = [paymentIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['get'] } },
	properties,
);

/** The payment ID parameter, checked (BILL payment ids start with stp). */
export function getPaymentId(context: IExecuteFunctions, itemIndex: number): string {
	return checkId(
		context,
		itemIndex,
		'Payment ID',
		context.getNodeParameter('paymentId', itemIndex, ''),
		ID_PREFIX.payment,
	);
}

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
