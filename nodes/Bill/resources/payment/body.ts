// What goes to BILL: the funding and processing options of a payment, and the payment ID, read
// from the parameters and checked before anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ID_PREFIX, checkId, getId, getString, invalid } from '../../helpers/validation';
import { fundingTypeOptions } from './descriptions';

export interface Funding {
	fundingAccount: IDataObject;
	cardFundingPurpose?: string;
	/** "Default for Payables": the bank account's ID is looked up before paying. */
	defaultForPayables?: boolean;
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
			'Use DEFAULT_PAYABLES, BANK_ACCOUNT, CARD_ACCOUNT or AP_CARD.',
		);
	}
	if (type === 'DEFAULT_PAYABLES')
		return { fundingAccount: { type: 'BANK_ACCOUNT', id: '' }, defaultForPayables: true };
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
				'Card Account',
				context.getNodeParameter('cardAccountId', itemIndex, '', { extractValue: true }),
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

export function processingOptions(additional: IDataObject): IDataObject {
	return { requestPayFaster: additional.requestPayFaster === true, createBill: false };
}

/** The payment ID parameter, checked (BILL payment ids start with stp). */
export function getPaymentId(context: IExecuteFunctions, itemIndex: number): string {
	return checkId(
		context,
		itemIndex,
		'Payment',
		context.getNodeParameter('paymentId', itemIndex, '', { extractValue: true }),
		ID_PREFIX.payment,
	);
}

/**
 * "Exchange Rate Batch ID" of Additional Fields: BILL requires it for paying a vendor whose bill
 * currency is not USD (`exchangeRateBatchId`, https://developer.bill.com/changelog/2026-01-20-payments-api-improvements;
 * Payment → Get Exchange Rate gives it). Left empty (or 0), nothing is sent.
 */
export function getExchangeRateBatchId(
	context: IExecuteFunctions,
	itemIndex: number,
	additional: IDataObject,
): number | undefined {
	const value = additional.exchangeRateBatchId;
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	const batch = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isSafeInteger(batch) || batch < 1)
		throw invalid(
			context,
			itemIndex,
			'Exchange Rate Batch ID',
			`"${String(value)}" is not a batch ID`,
			'Map exchangeRateBatchId from Payment → Get Exchange Rate (a whole number).',
		);
	return batch;
}
