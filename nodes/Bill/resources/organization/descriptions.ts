// What the editor shows: an organization's optional fields (Organization → Update, Partner → Create Organization).

import type { INodeProperties } from 'n8n-workflow';

/** The choices BILL's organization fields take (Postman "Create an organization", https://developer.bill.com/docs/partner-organizations). */
export const ORGANIZATION_CHOICES: Record<string, string[]> = {
	accountType: ['BUSINESS', 'EMPLOYEE_OR_INDIVIDUAL'],
	taxIdType: ['EIN', 'SSN'],
};

export const organizationOptionalFields: INodeProperties[] = [
	{
		displayName: 'Account Type',
		name: 'accountType',
		type: 'options',
		options: [
			{ name: 'Business', value: 'BUSINESS' },
			{ name: 'Employee or Individual', value: 'EMPLOYEE_OR_INDIVIDUAL' },
		],
		default: 'BUSINESS',
	},
	{
		displayName: 'Business Category',
		name: 'businessCategory',
		type: 'string',
		default: '',
		placeholder: 'LLC',
	},
	{
		displayName: 'Industry',
		name: 'industry',
		type: 'string',
		default: '',
		description: 'One of the values of Organization → Get Industries',
	},
	{ displayName: 'Tax ID', name: 'taxId', type: 'string', default: '' },
	{
		displayName: 'Tax ID Type',
		name: 'taxIdType',
		type: 'options',
		options: [
			{ name: 'EIN', value: 'EIN' },
			{ name: 'SSN', value: 'SSN' },
		],
		default: 'EIN',
	},
];

/** Organization → Update's ACH batching (BILL's processingOptions): off is BILL's default, one batched transfer a day. */
export const achBatchingFields: INodeProperties[] = [
	{
		displayName: 'One ACH Transfer per Vendor Payment',
		name: 'individualTransferOut',
		type: 'boolean',
		default: false,
		description:
			"Whether each ACH payment to a vendor leaves your bank account as its own transfer (BILL's individualTransferOut). Off: BILL's default, the day's payments leave as one batched transfer.",
	},
	{
		displayName: 'One ACH Transfer per Customer Payment',
		name: 'individualTransferIn',
		type: 'boolean',
		default: false,
		description:
			"Whether each ACH payment from a customer (e.g. Received Payment → Charge) arrives as its own transfer (BILL's individualTransferIn). Off: BILL's default, the day's payments arrive as one batched transfer.",
	},
];
