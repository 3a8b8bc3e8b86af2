import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, checkAmount, getDate, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { defaultPayablesAccountId } from '../bankAccount/defaultForPayables';
import { billLocator } from '../bill/descriptions';
import { getExchangeRateBatchId, getFunding, processingOptions } from './body';
import { additionalPaymentFields, fundingFields, simplifyPaymentField } from './descriptions';
import { paymentsOfPaidBill } from './alreadyPaid';
import { withPaymentHint } from './hints';
import { livePaymentsOfBills } from './duplicates';
import { checkFundingAccount, samePayment } from './lookups';
import { paymentOutput, simplifyPayment } from './output';
import { wantsSimplified } from '../../helpers/simplify';
import { PAYMENTS_PATH } from './paths';

const properties: INodeProperties[] = [
	{
		displayName:
			'Moves money: BILL pays the vendor on the process date. Needs an MFA-trusted session (MFA ID in the credential). A payment of the same bill, amount and process date that already exists is returned (alreadyExisted: true) instead of paying twice.',
		name: 'paymentNotice',
		type: 'notice',
		default: '',
	},
	billLocator('The bill to pay; BILL pays its vendor'),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { numberPrecision: 2, minValue: 0 },
		default: 0,
		required: true,
		description:
			"How much to pay, at most the bill's due amount (map the bill's dueAmount to pay it in full; when a re-run finds that 0, the bill is paid already and its payment is returned)",
	},
	{
		displayName: 'Process Date',
		name: 'processDate',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'The day BILL takes the money from the funding account (YYYY-MM-DD; of a date and time only the date is used). Payment → Get Payment Options gives the earliest.',
	},
	...fundingFields,
	additionalPaymentFields,
	...simplifyPaymentField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['create'] } },
	properties,
);

/** Items run one after another, so two items paying the same bill see each other's payment. */
export const concurrent = false;

/**
 * `POST /v3/payments` (201). Before paying: the bill is read (its vendor and what is still due),
 * a live payment of the same bill, amount and process date is looked for (a re-run after an
 * unknown outcome returns it), and a bank account must be verified. The create itself is never
 * repeated when its outcome is unknown.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const billId = getId(this, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	// 0 is allowed here: on a re-run that maps the bill's dueAmount, the bill is paid (alreadyPaid.ts).
	const amount = checkAmount(
		this,
		itemIndex,
		'Amount',
		this.getNodeParameter('amount', itemIndex, 0),
		{
			allowZero: true,
		},
	);
	const processDate = getDate(this, itemIndex, 'processDate', 'Process Date');
	const funding = getFunding(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const exchangeRateBatchId = getExchangeRateBatchId(this, itemIndex, additional);
	const simplify = wantsSimplified(this, itemIndex);

	const bill = await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/bills/${billId}`,
		itemIndex,
	});
	const out = (p: IDataObject) => (simplify ? simplifyPayment(p, bill.vendorName) : p);
	const vendorId = String(bill.vendorId);
	const live = await livePaymentsOfBills(this, itemIndex, [bill]);
	if (amount === 0) return paymentsOfPaidBill(this, itemIndex, bill, live).map(out);
	const existing = samePayment(live, { billId, amount, processDate });
	if (existing) return out(paymentOutput(existing, true));

	const due = Number(bill.dueAmount ?? bill.amount ?? 0);
	if (amount > due) {
		throw invalid(
			this,
			itemIndex,
			'Amount',
			`${amount} is more than the ${due} still due on bill ${billId}`,
			"Pay at most the bill's due amount (dueAmount); scheduled payments already count against it.",
		);
	}
	if (funding.defaultForPayables)
		funding.fundingAccount.id = await defaultPayablesAccountId(this, itemIndex);
	await checkFundingAccount(this, itemIndex, funding);

	const body: IDataObject = {
		vendorId,
		billId,
		amount,
		processDate,
		fundingAccount: funding.fundingAccount,
		processingOptions: processingOptions(additional),
	};
	if (funding.cardFundingPurpose) body.cardFundingPurpose = funding.cardFundingPurpose;
	if (additional.description) body.description = String(additional.description);
	if (exchangeRateBatchId !== undefined) body.exchangeRateBatchId = exchangeRateBatchId;
	try {
		const payment = await billApiRequest.call(this, {
			method: 'POST',
			path: PAYMENTS_PATH,
			body,
			itemIndex,
			uncertainHint: `Running it again is safe: the node first looks for a payment of bill ${billId} with this amount and process date and returns it instead of paying twice.`,
		});
		return out(paymentOutput(payment, false));
	} catch (error) {
		throw withPaymentHint(error);
	}
}
