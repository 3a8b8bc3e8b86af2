import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, checkAmount, checkId, getDate, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorLocator } from '../vendor/descriptions';
import { billLocator } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Records a payment made outside BILL (check, wire, cash) against bills of one vendor, so they show as paid. No money moves.',
		name: 'recordPaymentNotice',
		type: 'notice',
		default: '',
	},
	vendorLocator("The vendor who was paid; every bill below must be this vendor's"),
	{
		displayName: 'Process Date',
		name: 'processDate',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'The date the payment was made (YYYY-MM-DD; of a date and time only the date is used)',
	},
	{
		displayName: 'Payments',
		name: 'payments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Bill Payment',
		default: {},
		required: true,
		description: 'The bills paid and how much of each',
		options: [
			{
				displayName: 'Bill Payment',
				name: 'payment',
				values: [
					{ ...billLocator('The bill paid'), required: false },
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { numberPrecision: 2, minValue: 0 },
						default: 0,
						description: 'How much of the bill was paid',
					},
				],
			},
		],
	},
	{
		displayName: 'To Print Check',
		name: 'toPrintCheck',
		type: 'boolean',
		default: false,
		description: 'Whether the payment is a check still to be printed',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['recordPayment'] } },
	properties,
);

/**
 * `POST /v3/bills/record-payment` (Postman "Record AP payment"; https://developer.bill.com/changelog/2025-09-07-new-endpoint-recording-ap-payments). Not repeatable: a repeat would
 * record the payment twice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const processDate = getDate(this, itemIndex, 'processDate', 'Process Date');
	const entries = this.getNodeParameter('payments.payment', itemIndex, []) as IDataObject[];
	if (!Array.isArray(entries) || !entries.length)
		throw invalid(this, itemIndex, 'Payments', 'add at least one bill payment');
	const payments = entries.map((entry, n) => ({
		billId: checkId(
			this,
			itemIndex,
			`Payments, payment ${n + 1} → Bill`,
			entry.billId,
			ID_PREFIX.bill,
		),
		amount: checkAmount(this, itemIndex, `Payments, payment ${n + 1} → Amount`, entry.amount),
	}));
	const body: IDataObject = {
		vendorId,
		processDate,
		toPrintCheck: this.getNodeParameter('toPrintCheck', itemIndex, false) as boolean,
		payments,
	};
	return await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/bills/record-payment',
		body,
		itemIndex,
		uncertainHint: `Check the paid amount of bill${payments.length > 1 ? 's' : ''} ${payments
			.map((p) => p.billId)
			.join(
				', ',
			)} in BILL (Bill → Get) before recording it again: a repeat would record the payment twice.`,
	});
}
