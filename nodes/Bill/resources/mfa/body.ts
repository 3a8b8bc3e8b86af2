// What goes to BILL: MFA codes and phone numbers, checked before anything is sent.

import type { IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';

/**
 * The code as BILL wants it: exactly 6 digits (spaces and dashes dropped, as people type them).
 * Anything else is refused before sending, so a typo never costs one of BILL's tries. The value
 * is not repeated in the error: it is a one-time code.
 */
export function checkCode(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const text =
		typeof value === 'number'
			? String(value)
			: typeof value === 'string'
				? value.replace(/[\s-]/g, '')
				: '';
	if (!text) throw invalid(context, itemIndex, 'Code', 'is required');
	if (!/^\d{6}$/.test(text)) {
		throw invalid(
			context,
			itemIndex,
			'Code',
			`must be the 6 digits BILL texted (got ${text.length} character${text.length === 1 ? '' : 's'}${/\D/.test(text) ? ', not all digits' : ''})`,
			typeof value === 'number'
				? 'A code that starts with 0 loses it as a number: give the code as text, e.g. "012345".'
				: 'Type the code from the text message exactly, e.g. 123456.',
		);
	}
	return text;
}

/** A phone number as BILL can text it: digits with the usual separators, 10 to 15 digits. */
export function checkPhone(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const text =
		typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (!text) throw invalid(context, itemIndex, 'Phone', 'is required');
	const digits = text.replace(/\D/g, '');
	if (!/^\+?[\d\s().-]+$/.test(text) || digits.length < 10 || digits.length > 15) {
		throw invalid(
			context,
			itemIndex,
			'Phone',
			`"${text.slice(0, 30)}" is not a phone number BILL can text`,
			'Give the mobile number with its country code, e.g. +1 415 555 0123.',
		);
	}
	return text;
}
