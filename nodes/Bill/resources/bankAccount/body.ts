// What goes to BILL: bank account numbers, chart of accounts and default flags, checked before
// anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { notGiven } from '../../helpers/getMany';
import {
	ID_PREFIX,
	checkId,
	checkRoutingNumber,
	getId,
	getString,
	invalid,
} from '../../helpers/validation';

/** Chart of accounts id, checked for shape and prefix; empty means "not given". */
export function chartOfAccountId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string | undefined {
	if (notGiven(value)) return undefined;
	return checkId(context, itemIndex, parameter, value, ID_PREFIX.chartOfAccount);
}

/**
 * A US bank account number: 4 to 17 digits (the ACH limit), spaces and hyphens dropped.
 * The number itself never appears in an error: only what is wrong with it.
 */
export function checkAccountNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string {
	const text =
		typeof value === 'number'
			? String(value)
			: typeof value === 'string'
				? value.replace(/[\s-]+/g, '')
				: '';
	if (!text) throw invalid(context, itemIndex, parameter, 'is required');
	const hint =
		"A US bank account number has 4 to 17 digits, without letters; it is printed on the account's checks and statements.";
	if (!/^\d+$/.test(text))
		throw invalid(context, itemIndex, parameter, 'must contain digits only', hint);
	if (text.length < 4 || text.length > 17) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			`has ${text.length} digits; it must have 4 to 17`,
			hint,
		);
	}
	return text;
}

/** The default-account flags BILL keeps under `default` (https://developer.bill.com/docs/bank-account-webhook-notification-payloads). */
export function defaultFlags(fields: IDataObject): IDataObject | undefined {
	const flags: IDataObject = {};
	if (typeof fields.defaultForPayables === 'boolean') flags.payables = fields.defaultForPayables;
	if (typeof fields.defaultForReceivables === 'boolean')
		flags.receivables = fields.defaultForReceivables;
	return Object.keys(flags).length ? flags : undefined;
}

/** The Bank Account parameter, checked (BILL bank account ids start with bac). */
export function getBankAccountId(context: IExecuteFunctions, itemIndex: number): string {
	return getId(context, itemIndex, 'bankAccountId', 'Bank Account', ID_PREFIX.bankAccount);
}

/** The fields of accountNumberFields as BILL names them, each checked before anything is sent. */
export function accountNumbersBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		nameOnAccount: getString(context, itemIndex, 'nameOnAccount', 'Name on Account'),
		routingNumber: checkRoutingNumber(
			context,
			itemIndex,
			'Routing Number',
			context.getNodeParameter('routingNumber', itemIndex, ''),
		),
		accountNumber: checkAccountNumber(
			context,
			itemIndex,
			'Account Number',
			context.getNodeParameter('accountNumber', itemIndex, ''),
		),
		type: context.getNodeParameter('bankAccountType', itemIndex),
		ownerType: context.getNodeParameter('ownerType', itemIndex),
	};
}
