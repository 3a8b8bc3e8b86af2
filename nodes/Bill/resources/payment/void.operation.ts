import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getString, invalid } from '../../helpers/validation';
import { billApiRequest, withHint } from '../../../shared/transport';
import { paymentIdField } from './descriptions';
import { paymentOutput } from './output';
import { PAYMENTS_PATH } from './paths';
import { getPaymentId } from './body';

const voidTypes = [
	{
		name: 'Void and Credit',
		value: 'VOID_AND_CREDIT',
		description: 'Void it and keep the amount as a credit',
	},
	{
		name: 'Void and Reissue',
		value: 'VOID_AND_REISSUE',
		description: 'Void it and send the payment again',
	},
	{
		name: 'Void and Reissue as Virtual Card',
		value: 'VOID_AND_REISSUE_VCARD',
		description: 'Void it and pay again by virtual card',
	},
	{
		name: 'Void Only',
		value: 'VOID_ONLY',
		description: 'Void it; the bills owe the amount again once BILL completes the void',
	},
];

const properties: INodeProperties[] = [
	{
		displayName:
			'Voids a payment BILL has started processing (one still Scheduled is cancelled instead). BILL reviews the request; the payment shows it in voidInfo.',
		name: 'voidNotice',
		type: 'notice',
		default: '',
	},
	paymentIdField,
	{
		displayName: 'Void Type',
		name: 'voidType',
		description: 'Why the payment is voided, as BILL records it',
		type: 'options',
		options: voidTypes,
		default: 'VOID_ONLY',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		required: true,
		description: 'Why the payment is voided (BILL requires a reason)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['void'] } },
	properties,
);

/** `POST /v3/payments/{paymentId}/void` with `{ type, reason }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const paymentId = getPaymentId(this, itemIndex);
	const type = this.getNodeParameter('voidType', itemIndex, 'VOID_ONLY') as string;
	if (!voidTypes.some((t) => t.value === type))
		throw invalid(this, itemIndex, 'Void Type', `"${String(type)}" is not a void type`);
	const reason = getString(this, itemIndex, 'reason', 'Reason');
	try {
		const payment = await billApiRequest.call(this, {
			method: 'POST',
			path: `${PAYMENTS_PATH}/${paymentId}/void`,
			body: { type, reason },
			itemIndex,
			uncertainHint: `Check the payment's voidInfo with Payment → Get before asking again.`,
		});
		return paymentOutput(payment);
	} catch (error) {
		throw withHint(
			error,
			'BILL voids only a payment it has started processing; a Scheduled payment is cancelled instead (Payment → Cancel). Check it with Payment → Get.',
			(status) => status === 400,
		);
	}
}
