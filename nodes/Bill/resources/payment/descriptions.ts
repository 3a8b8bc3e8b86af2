// What the editor shows: the payment parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { simplifyOutputField } from '../../helpers/simplify';
import { ID_PREFIX } from '../../helpers/validation';
import { bankAccountLocator } from '../bankAccount/descriptions';

export const paymentIdField: INodeProperties = idLocator({
	name: 'paymentId',
	displayName: 'Payment',
	object: 'payment',
	prefix: ID_PREFIX.payment,
	searchListMethod: 'searchPayments',
	description: 'The BILL payment, picked by vendor, amount and date',
});

export const fundingTypeOptions = [
	{
		name: 'Default for Payables (Bank Account)',
		value: 'DEFAULT_PAYABLES',
		description:
			"The organization's default bank account for payables (set in BILL or with Bank Account → Update); the node finds it once per run",
	},
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
		// The default stays Bank Account: n8n stores only values other than the default, so a
		// saved workflow that pays from a picked account relies on it.
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
		// Was a text field: a saved ID still works (the node reads both shapes).
		...idLocator({
			name: 'cardAccountId',
			displayName: 'Card Account',
			object: 'card account',
			prefix: '',
			searchListMethod: 'searchPaymentCards',
			description:
				'The card account (or, with Funding Type AP Card, the AP card) to pay with; the list shows those you may pay with',
		}),
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
			displayName: 'Exchange Rate Batch ID',
			name: 'exchangeRateBatchId',
			type: 'number',
			default: 0,
			description:
				'Needed to pay a vendor whose bill currency is not USD: map exchangeRateBatchId from Payment → Get Exchange Rate (valid about 20 minutes; the process date must be the next US business day)',
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

export const simplifyPaymentField = simplifyOutputField(
	'ID, vendor ID and name, amount, process date, status, bills paid, funding account, confirmation number',
);
