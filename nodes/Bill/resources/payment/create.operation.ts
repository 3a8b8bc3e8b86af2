import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getAmount, getDate, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { billLocator } from '../bill/descriptions';
import { getFunding, processingOptions } from './body';
import { additionalPaymentFields, fundingFields } from './descriptions';
import { withPaymentHint } from './hints';
import { existingPayments } from './duplicates';
import { checkFundingAccount } from './lookups';
import { paymentOutput } from './output';
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
			"How much to pay, at most the bill's due amount (map the bill's dueAmount to pay it in full)",
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
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const billId = getId(this, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	const amount = getAmount(this, itemIndex, 'amount', 'Amount');
	const processDate = getDate(this, itemIndex, 'processDate', 'Process Date');
	const funding = getFunding(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const bill = await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/bills/${billId}`,
		itemIndex,
	});
	const vendorId = String(bill.vendorId);
	const [existing] = await existingPayments(
		this,
		itemIndex,
		[bill],
		[{ billId, amount, processDate }],
	);
	if (existing) return paymentOutput(existing, true);

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
	try {
		const payment = await billApiRequest.call(this, {
			method: 'POST',
			path: PAYMENTS_PATH,
			body,
			itemIndex,
			uncertainHint: `Running it again is safe: the node first looks for a payment of bill ${billId} with this amount and process date and returns it instead of paying twice.`,
		});
		return paymentOutput(payment, false);
	} catch (error) {
		throw withPaymentHint(error);
	}
}
