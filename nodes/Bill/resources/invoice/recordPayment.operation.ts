import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	ID_PREFIX,
	checkAmount,
	checkId,
	getAmount,
	getDate,
	getId,
	invalid,
} from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { customerLocator } from '../customer/descriptions';
import { invoiceLocator } from './descriptions';
import { RECORD_PAYMENT_HINT } from './hints';

/** BILL's payment types for a payment received outside BILL (https://developer.bill.com/docs/recording-an-ar-payment). */
const PAYMENT_TYPES = [
	{ name: 'ACH', value: 'ACH' },
	{ name: 'Cash', value: 'CASH' },
	{ name: 'Check', value: 'CHECK' },
	{ name: 'Credit Card', value: 'CREDIT_CARD' },
	{ name: 'Other', value: 'OTHER' },
	{ name: 'PayPal', value: 'PAYPAL' },
];

const properties: INodeProperties[] = [
	customerLocator('The customer who paid; every invoice must be theirs'),
	{
		displayName: 'Payment Date',
		name: 'paymentDate',
		description: 'The date the customer paid (yyyy-MM-dd)',
		type: 'dateTime',
		default: '',
		required: true,
	},
	{
		displayName: 'Payment Type',
		name: 'paymentType',
		description: 'How the customer paid outside BILL (check, cash, card…)',
		type: 'options',
		options: PAYMENT_TYPES,
		default: 'CHECK',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { numberPrecision: 2, minValue: 0 },
		default: 0,
		required: true,
		description:
			'The whole amount received; what is not applied to the invoices below becomes a credit of the customer',
	},
	{
		displayName: 'Invoices',
		name: 'invoices',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Invoice',
		default: {},
		required: true,
		options: [
			{
				displayName: 'Invoice',
				name: 'invoice',
				values: [
					{
						...invoiceLocator("An invoice of this customer's that the payment pays"),
						required: false,
					},
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { numberPrecision: 2, minValue: 0 },
						default: 0,
						description: 'The part of the payment applied to this invoice',
					},
				],
			},
		],
	},
	{
		displayName: 'Description',
		name: 'description',
		description: 'A note kept with the payment in BILL',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Skip Paid Invoices',
		name: 'skipPaid',
		type: 'boolean',
		default: true,
		description:
			'Whether to record nothing when every invoice is already paid in full (its due amount is 0), so a re-run records no second payment. The output then has alreadyPaid: true.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['recordPayment'] } },
	properties,
);

/** Reads the invoices; true when all are paid in full. Refuses an invoice of another customer. */
async function allPaid(
	context: IExecuteFunctions,
	itemIndex: number,
	customerId: string,
	invoiceIds: string[],
): Promise<boolean> {
	let paid = true;
	for (const id of invoiceIds) {
		const invoice = await billApiRequest.call(context, {
			method: 'GET',
			path: `/v3/invoices/${id}`,
			itemIndex,
		});
		if (invoice.customerId && invoice.customerId !== customerId)
			throw invalid(
				context,
				itemIndex,
				'Invoices',
				`invoice ${id} belongs to customer ${String(invoice.customerId)}, not ${customerId}`,
				'BILL records one payment against invoices of one customer.',
			);
		if (!(Number(invoice.dueAmount) === 0 || invoice.status === 'PAID_IN_FULL')) paid = false;
	}
	return paid;
}

/**
 * `POST /v3/invoices/record-payment` (BILL's "Record AR payment", 200): a payment received
 * outside BILL; no money moves. Not repeatable: a repeat would record the payment twice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = getId(this, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer);
	const paymentDate = getDate(this, itemIndex, 'paymentDate', 'Payment Date');
	const amount = getAmount(this, itemIndex, 'amount', 'Amount');
	const entries = this.getNodeParameter('invoices.invoice', itemIndex, []) as IDataObject[];
	if (!Array.isArray(entries) || !entries.length)
		throw invalid(this, itemIndex, 'Invoices', 'add at least one invoice');
	const invoices = entries.map((entry, n) => ({
		id: checkId(
			this,
			itemIndex,
			`Invoices, invoice ${n + 1} → Invoice`,
			entry.invoiceId,
			ID_PREFIX.invoice,
		),
		amount: checkAmount(this, itemIndex, `Invoices, invoice ${n + 1} → Amount`, entry.amount),
	}));
	const applied = invoices.reduce((sum, invoice) => sum + invoice.amount, 0);
	if (applied - amount > 0.004)
		throw invalid(
			this,
			itemIndex,
			'Amount',
			`${amount} is less than the ${Math.round(applied * 100) / 100} applied to the invoices`,
		);
	const ids = invoices.map((invoice) => invoice.id);
	if (this.getNodeParameter('skipPaid', itemIndex, true) as boolean) {
		if (await allPaid(this, itemIndex, customerId, ids))
			return { alreadyPaid: true, customerId, invoiceIds: ids };
	}
	const body: IDataObject = {
		customerId,
		paymentDate,
		paymentType: this.getNodeParameter('paymentType', itemIndex, 'CHECK') as string,
		amount,
		invoices,
	};
	const text = String(this.getNodeParameter('description', itemIndex, '') ?? '').trim();
	if (text) body.description = text;
	return await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/invoices/record-payment',
		body,
		itemIndex,
		uncertainHint: RECORD_PAYMENT_HINT(ids),
	});
}
