import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest, withHint } from '../../../shared/transport';
import { paymentIdField } from './descriptions';
import { paymentOutput } from './output';
import { PAYMENTS_PATH } from './paths';
import { getPaymentId } from './body';

const properties: INodeProperties[] = [
	{
		displayName:
			'Only a payment BILL has not started processing (status Scheduled) can be cancelled; after that, void it.',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
	},
	paymentIdField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['cancel'] } },
	properties,
);

/** `POST /v3/payments/{paymentId}/cancel`: the cancelled payment; its bills owe the amount again. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const paymentId = getPaymentId(this, itemIndex);
	try {
		const payment = await billApiRequest.call(this, {
			method: 'POST',
			path: `${PAYMENTS_PATH}/${paymentId}/cancel`,
			itemIndex,
			uncertainHint: `Check the payment's status with Payment → Get before cancelling it again.`,
		});
		return paymentOutput(payment);
	} catch (error) {
		throw withHint(
			error,
			'BILL cancels only a payment it has not started processing (singleStatus SCHEDULED). Check it with Payment → Get; a payment already processing can be voided (Payment → Void).',
			(status) => status === 400,
		);
	}
}
