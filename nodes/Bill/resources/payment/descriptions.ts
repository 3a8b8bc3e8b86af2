import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { buildFilters } from '../../helpers/filters';
import { ID_PREFIX, checkId, getId, getString, invalid } from '../../helpers/validation';
import { billApiRequest, billApiRequestAllItems } from '../../../shared/transport';
import { BANKS_PATH, bankAccountLocator } from '../bankAccount/descriptions';

/** BILL's payments (Postman folder "payments"). */
export const PAYMENTS_PATH = '/v3/payments';

/** BILL pays at most 50 bills with one bulk request (Postman "Create a bulk payment"). */
export const BULK_PAYMENT_LIMIT = 50;

/**
 * Shown with BILL's refusal of an untrusted session (BDC_1361) on a payment: what to do, and
 * where the walk-through is.
 */
export const PAYMENT_MFA_HINT =
	'BILL only creates payments in an MFA-trusted session. Put an MFA ID and its device name in the BILL credential (see "Getting an MFA ID" in the README of n8n-nodes-billcom: MFA → Send Challenge, then MFA → Validate Challenge with "Remember Me" on), or run Session → Step Up first.';

export const paymentIdField: INodeProperties = {
	displayName: 'Payment ID',
	name: 'paymentId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'stp02ABCDEFGHIJKLMNO',
	description: 'The BILL payment (starts with stp)',
};

export const fundingTypeOptions = [
	{
		name: 'Bank Account',
		value: 'BANK_ACCOUNT',
		description: 'A verified bank account of the organization (ACH)',
	},
	{
		name: 'Card Account',
		value: 'CARD_ACCOUNT',
		description: 'A card account; BILL then requires a card funding purpose',
	},
	{
		name: 'AP Card',
		value: 'AP_CARD',
		description: 'A BILL AP card (GET /v3/funding-accounts/ap-cards lists them)',
	},
];

/** Funding type, bank account (searchable) or card account, and the card funding purpose. */
export const fundingFields: INodeProperties[] = [
	{
		displayName: 'Funding Type',
		name: 'fundingType',
		type: 'options',
		options: fundingTypeOptions,
		default: 'BANK_ACCOUNT',
		description: 'What the money comes from',
	},
	{
		...bankAccountLocator('The verified bank account to pay from'),
		name: 'fundingAccountId',
		displayName: 'Funding Bank Account',
		displayOptions: { show: { fundingType: ['BANK_ACCOUNT'] } },
	},
	{
		displayName: 'Card Account ID',
		name: 'cardAccountId',
		type: 'string',
		default: '',
		required: true,
		description: 'The BILL ID of the card account or AP card to pay with',
		displayOptions: { show: { fundingType: ['CARD_ACCOUNT', 'AP_CARD'] } },
	},
	{
		displayName: 'Card Funding Purpose',
		name: 'cardFundingPurpose',
		type: 'string',
		default: '',
		required: true,
		description:
			'What the card payment is for; BILL requires it for card-account payments (changelog 2024-08-15)',
		displayOptions: { show: { fundingType: ['CARD_ACCOUNT'] } },
	},
];

export interface Funding {
	fundingAccount: IDataObject;
	cardFundingPurpose?: string;
}

/** The `fundingAccount` of a payment, from the funding parameters. */
export function getFunding(context: IExecuteFunctions, itemIndex: number): Funding {
	const type = context.getNodeParameter('fundingType', itemIndex, 'BANK_ACCOUNT') as string;
	if (!fundingTypeOptions.some((o) => o.value === type)) {
		throw invalid(
			context,
			itemIndex,
			'Funding Type',
			`"${String(type)}" is not a funding type`,
			'Use BANK_ACCOUNT, CARD_ACCOUNT or AP_CARD.',
		);
	}
	if (type === 'BANK_ACCOUNT') {
		return {
			fundingAccount: {
				type,
				id: getId(
					context,
					itemIndex,
					'fundingAccountId',
					'Funding Bank Account',
					ID_PREFIX.bankAccount,
				),
			},
		};
	}
	const funding: Funding = {
		fundingAccount: {
			type,
			id: checkId(
				context,
				itemIndex,
				'Card Account ID',
				context.getNodeParameter('cardAccountId', itemIndex, ''),
			),
		},
	};
	if (type === 'CARD_ACCOUNT')
		funding.cardFundingPurpose = getString(
			context,
			itemIndex,
			'cardFundingPurpose',
			'Card Funding Purpose',
		);
	return funding;
}

/**
 * A bank account must be VERIFIED to pay from. Checked before the payment is sent, so the user
 * learns what to do (verify it) rather than only that BILL refused.
 */
export async function checkFundingAccount(
	context: IExecuteFunctions,
	itemIndex: number,
	funding: Funding,
): Promise<void> {
	if (funding.fundingAccount.type !== 'BANK_ACCOUNT') return;
	const id = String(funding.fundingAccount.id);
	const account = await billApiRequest.call(context, {
		method: 'GET',
		path: `${BANKS_PATH}/${id}`,
		itemIndex,
	});
	if (account.archived === true || account.status !== 'VERIFIED') {
		throw invalid(
			context,
			itemIndex,
			'Funding Bank Account',
			`bank account ${id} cannot pay: it is ${account.archived === true ? 'archived' : `not verified (status ${String(account.status)})`}`,
			"Pay from a VERIFIED bank account. A new account is verified with Bank Account → Verify and the amount of BILL's test deposit.",
		);
	}
}

export const additionalPaymentFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'A note on the payment',
		},
		{
			displayName: 'Request Pay Faster',
			name: 'requestPayFaster',
			type: 'boolean',
			default: false,
			description:
				'Whether to ask BILL for faster delivery, if the vendor is eligible (a fee may apply)',
		},
	],
};

export function processingOptions(additional: IDataObject): IDataObject {
	return { requestPayFaster: additional.requestPayFaster === true, createBill: false };
}

/** Which bills a payment paid and how much of each, from BILL's `billPayments` (REFERENCE.md §9, 2024-07-22). */
export function paidBills(payment: IDataObject): IDataObject[] {
	const parts = Array.isArray(payment.billPayments) ? (payment.billPayments as IDataObject[]) : [];
	if (parts.length) return parts.map((p) => ({ billId: p.billId, amount: p.amount }));
	return payment.billId ? [{ billId: payment.billId, amount: payment.amount }] : [];
}

/** A payment as the node outputs it: BILL's answer plus `paidBills` and, for creates, `alreadyExisted`. */
export function paymentOutput(payment: IDataObject, alreadyExisted?: boolean): IDataObject {
	const out: IDataObject = { ...payment, paidBills: paidBills(payment) };
	if (alreadyExisted !== undefined) out.alreadyExisted = alreadyExisted;
	return out;
}

/** Payment statuses after which the money no longer moves (they do not count as "already paid"). */
const ENDED = new Set(['CANCELLED', 'CANCELED', 'VOID', 'VOIDED', 'FAILED']);

export interface WantedPayment {
	billId: string;
	amount: number;
	processDate: string;
}

/**
 * The live payments of some vendors (not cancelled, voided or failed), to find a payment made
 * before: after a create whose outcome was unknown, a re-run must return it, not pay again.
 * BILL documents no filterable fields for payments (REFERENCE.md has none); `vendorId` is the one
 * v2's payment list documented, so the list is filtered by vendor and matched here.
 */
export async function livePaymentsOfVendors(
	context: IExecuteFunctions,
	itemIndex: number,
	vendorIds: string[],
): Promise<IDataObject[]> {
	const unique = [...new Set(vendorIds)];
	const filters = buildFilters([
		unique.length === 1
			? { field: 'vendorId', op: 'eq', value: unique[0] }
			: { field: 'vendorId', op: 'in', value: unique },
	]);
	const payments = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: PAYMENTS_PATH, qs: { filters }, itemIndex },
		{ returnAll: true },
	);
	return payments.filter(
		(p) =>
			!ENDED.has(String(p.status ?? '').toUpperCase()) &&
			!ENDED.has(String(p.singleStatus ?? '').toUpperCase()),
	);
}

/** The payment among `payments` that pays exactly this bill, amount and process date. */
export function samePayment(
	payments: IDataObject[],
	wanted: WantedPayment,
): IDataObject | undefined {
	return payments.find((p) => {
		const parts = paidBills(p);
		return (
			String(p.processDate ?? '').slice(0, 10) === wanted.processDate &&
			parts.length === 1 &&
			parts[0].billId === wanted.billId &&
			Number(parts[0].amount) === wanted.amount
		);
	});
}

/** BILL's MFA refusal gets the payment walk-through as its hint. */
export function withPaymentHint(error: unknown): unknown {
	if (error instanceof NodeApiError && error.context.billCode === 'BDC_1361')
		error.description = PAYMENT_MFA_HINT;
	return error;
}
