import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, checkEmail, getId, getString, invalid } from '../../helpers/validation';
import { billApiRequest, withHint } from '../../../shared/transport';
import { invoiceLocator } from './descriptions';
import { PAYMENT_LINK_HINT } from './hints';

const properties: INodeProperties[] = [
	invoiceLocator('The invoice to get a payment link for'),
	{
		displayName: 'Receipt Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Where BILL sends the receipt when the customer pays',
	},
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/thanks',
		description: 'Where the customer goes after paying (optional)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getPaymentLink'] } },
	properties,
);

/**
 * `POST /v3/invoices/{id}/payment-link` (BILL's "Get invoice payment link") with the invoice's
 * customer, read from the invoice first. Repeatable: a second link pays the same invoice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = getId(this, itemIndex, 'invoiceId', 'Invoice', ID_PREFIX.invoice);
	const email = checkEmail(
		this,
		itemIndex,
		'Receipt Email',
		getString(this, itemIndex, 'email', 'Receipt Email'),
	);
	const returnUrl = String(this.getNodeParameter('returnUrl', itemIndex, '') ?? '').trim();
	if (returnUrl && !/^https?:\/\/\S+$/i.test(returnUrl))
		throw invalid(
			this,
			itemIndex,
			'Return URL',
			`"${returnUrl.slice(0, 60)}" is not an http(s) URL`,
		);
	const invoice = await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/invoices/${invoiceId}`,
		itemIndex,
	});
	const body: IDataObject = { customerId: invoice.customerId, email };
	if (returnUrl) body.returnUrl = returnUrl;
	try {
		const answer = await billApiRequest.call(this, {
			method: 'POST',
			path: `/v3/invoices/${invoiceId}/payment-link`,
			body,
			repeatable: true,
			itemIndex,
		});
		return { invoiceId, customerId: invoice.customerId, ...answer };
	} catch (error) {
		throw withHint(error, PAYMENT_LINK_HINT);
	}
}
