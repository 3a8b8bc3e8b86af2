// What the editor shows: the vendor parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const vendorLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'vendorId',
		displayName: 'Vendor',
		object: 'vendor',
		prefix: ID_PREFIX.vendor,
		searchListMethod: 'searchVendors',
		description,
	});

export const accountTypeOptions = [
	{ name: 'Business', value: 'BUSINESS' },
	{ name: 'Person', value: 'PERSON' },
	{ name: 'None', value: 'NONE' },
];

export const addressField: INodeProperties = {
	displayName: 'Address',
	name: 'address',
	type: 'collection',
	placeholder: 'Add Address Field',
	default: {},
	description:
		'Needed to pay the vendor by check or to invite it to the BILL network (line 1, city, ZIP, country)',
	options: [
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: 'US',
			description: 'Two-letter country code (ISO 3166-1 alpha-2), e.g. US',
		},
		{ displayName: 'Line 1', name: 'line1', type: 'string', default: '' },
		{ displayName: 'Line 2', name: 'line2', type: 'string', default: '' },
		{
			displayName: 'State or Province',
			name: 'stateOrProvince',
			type: 'string',
			default: '',
			placeholder: 'CA',
		},
		{ displayName: 'ZIP or Postal Code', name: 'zipOrPostalCode', type: 'string', default: '' },
	],
};

/** Fields that are optional on create and all of them on update. */
export const optionalVendorFields: INodeProperties[] = [
	{ displayName: 'Short Name', name: 'shortName', type: 'string', default: '' },
	{
		displayName: 'Account Number',
		name: 'accountNumber',
		type: 'string',
		default: '',
		description: 'Your account number with the vendor (as printed on their invoices)',
	},
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
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
	{
		displayName: 'Track 1099',
		name: 'track1099',
		type: 'boolean',
		default: false,
		description: 'Whether the vendor is tracked for 1099 reporting',
	},
	{
		displayName: 'Lead Time in Days',
		name: 'leadTimeInDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
	},
	{
		displayName: 'Combine Payments',
		name: 'combinePayments',
		type: 'boolean',
		default: false,
		description: 'Whether to combine payments to this vendor',
	},
	{
		displayName: 'Payment Email',
		name: 'paymentEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Where BILL sends payment notices for this vendor',
	},
];
