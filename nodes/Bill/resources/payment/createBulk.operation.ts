import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildFilters, oneOrMany } from '../../helpers/filters';
import { ID_PREFIX, checkAmount, checkId, getDate, invalid } from '../../helpers/validation';
import { billApiRequestAllItems } from '../../../shared/transport';
import { defaultPayablesAccountId } from '../bankAccount/defaultForPayables';
import { billLocator } from '../bill/descriptions';
import { getExchangeRateBatchId, getFunding, processingOptions } from './body';
import { additionalPaymentFields, fundingFields, simplifyPaymentField } from './descriptions';
import { paymentsOfPaidBill } from './alreadyPaid';
import { sendBulkPayment } from './bulkSend';
import { livePaymentsOfBills } from './duplicates';
import { checkFundingAccount, samePayment, type WantedPayment } from './lookups';
import { paidBills, paymentOutput, simplifyPayment } from './output';
import { wantsSimplified } from '../../helpers/simplify';

/** BILL pays at most 50 bills with one bulk request (Postman "Create a bulk payment"). */
export const BULK_PAYMENT_LIMIT = 50;

const properties: INodeProperties[] = [
	{
		displayName:
			'Pays up to 50 bills (of one or several vendors) in one request from one funding account: all are paid or none. Needs an MFA-trusted session. Bills that already have a payment of the same amount and process date are not paid again.',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Bill Payments',
		name: 'payments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Bill Payment',
		default: {},
		required: true,
		description: 'The bills to pay and how much of each (at most 50)',
		options: [
			{
				displayName: 'Bill Payment',
				name: 'payment',
				values: [
					{ ...billLocator('The bill to pay'), required: false },
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { numberPrecision: 2, minValue: 0 },
						default: 0,
						description: "How much to pay, at most the bill's due amount",
					},
				],
			},
		],
	},
	{
		displayName: 'Process Date',
		name: 'processDate',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'The day BILL takes the money (YYYY-MM-DD), the same for every bill of the request',
	},
	...fundingFields,
	additionalPaymentFields,
	...simplifyPaymentField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['createBulk'] } },
	properties,
);

export const concurrent = false;

/**
 * `POST /v3/payments/bulk` (201, `{ payments: [...] }`). One output item per bill payment. Bills
 * already paid with the same amount and process date are returned (alreadyExisted: true) and left
 * out of the request, so a re-run after an unknown outcome pays nothing twice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const entries = this.getNodeParameter('payments.payment', itemIndex, []) as IDataObject[];
	if (!Array.isArray(entries) || !entries.length)
		throw invalid(this, itemIndex, 'Bill Payments', 'add at least one bill payment');
	if (entries.length > BULK_PAYMENT_LIMIT) {
		throw invalid(
			this,
			itemIndex,
			'Bill Payments',
			`has ${entries.length} bills; BILL pays at most ${BULK_PAYMENT_LIMIT} in one request`,
			'Split them over several items.',
		);
	}
	const processDate = getDate(this, itemIndex, 'processDate', 'Process Date');
	const wanted: WantedPayment[] = entries.map((entry, n) => ({
		billId: checkId(
			this,
			itemIndex,
			`Bill Payments, payment ${n + 1} → Bill`,
			entry.billId,
			ID_PREFIX.bill,
		),
		// 0 is allowed: a re-run mapping a paid bill's dueAmount (alreadyPaid.ts).
		amount: checkAmount(this, itemIndex, `Bill Payments, payment ${n + 1} → Amount`, entry.amount, {
			allowZero: true,
		}),
		processDate,
	}));
	const funding = getFunding(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const exchangeRateBatchId = getExchangeRateBatchId(this, itemIndex, additional);
	const simplify = wantsSimplified(this, itemIndex);

	const billIds = [...new Set(wanted.map((w) => w.billId))];
	const filters = buildFilters([oneOrMany('id', billIds)]);
	const bills = await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/bills', qs: { filters }, itemIndex },
		{ returnAll: true },
	);
	const missing = billIds.filter((id) => !bills.some((b) => b.id === id));
	if (missing.length)
		throw invalid(this, itemIndex, 'Bill Payments', `BILL has no bill ${missing.join(', ')}`);

	const live = await livePaymentsOfBills(this, itemIndex, bills);
	const names = new Map(bills.map((b) => [b.id, b.vendorName]));
	const out = (p: IDataObject) =>
		simplify && p.id ? simplifyPayment(p, names.get(paidBills(p)[0]?.billId)) : p;
	const found = wanted.map((w, n) =>
		w.amount === 0
			? paymentsOfPaidBill(
					this,
					itemIndex,
					bills.find((b) => b.id === w.billId)!,
					live,
					`Bill Payments, payment ${n + 1} → Amount`,
				)
			: samePayment(live, w),
	);
	const results = found.flatMap((p) => (!p ? [] : Array.isArray(p) ? p : [paymentOutput(p, true)]));
	if (found.every(Boolean)) return results.map(out);

	if (funding.defaultForPayables)
		funding.fundingAccount.id = await defaultPayablesAccountId(this, itemIndex);
	await checkFundingAccount(this, itemIndex, funding);
	const common: IDataObject = {
		processDate,
		fundingAccount: funding.fundingAccount,
		processingOptions: processingOptions(additional),
	};
	if (funding.cardFundingPurpose) common.cardFundingPurpose = funding.cardFundingPurpose;
	if (additional.description) common.description = String(additional.description);
	if (exchangeRateBatchId !== undefined) common.exchangeRateBatchId = exchangeRateBatchId;
	const parts = wanted
		.map((w, n) => ({ number: n + 1, billId: w.billId, amount: w.amount, found: found[n] }))
		.filter((p) => !p.found);
	return [...results, ...(await sendBulkPayment(this, itemIndex, parts, common))].map(out);
}
