// What the editor shows: the customer parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';
import { accountTypeOptions, addressField } from '../vendor/descriptions';

export const customerLocator = (description?: string, name = 'customerId'): INodeProperties =>
	idLocator({
		name,
		displayName: 'Customer',
		object: 'customer',
		prefix: ID_PREFIX.customer,
		searchListMethod: 'searchCustomers',
		description,
	});

export { accountTypeOptions };

const address = (name: string, displayName: string, description: string): INodeProperties => ({
	...addressField,
	name,
	displayName,
	description,
});

/** Fields that are optional on create and all of them on update (BILL's "Create a customer"). */
export const optionalCustomerFields: INodeProperties[] = [
	{
		displayName: 'Account Number',
		name: 'accountNumber',
		type: 'string',
		default: '',
		description: "The customer's account number with you, printed on invoices",
	},
	{
		displayName: 'Account Type',
		name: 'accountType',
		type: 'options',
		options: accountTypeOptions,
		default: 'BUSINESS',
	},
	address('billingAddress', 'Billing Address', 'Where invoices are addressed'),
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
	{ displayName: 'Contact First Name', name: 'contactFirstName', type: 'string', default: '' },
	{ displayName: 'Contact Last Name', name: 'contactLastName', type: 'string', default: '' },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
	},
	{ displayName: 'Fax', name: 'fax', type: 'string', default: '' },
	{
		displayName: 'Invoice Currency',
		name: 'invoiceCurrency',
		type: 'string',
		default: '',
		placeholder: 'USD',
		description:
			'Three-letter currency the customer is invoiced in; BILL requires it for an international customer',
	},
	{
		displayName: 'Payment Term ID',
		name: 'paymentTermId',
		type: 'string',
		default: '',
		description: 'The payment term (ID starting with 00p) invoices of this customer get',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	address('shippingAddress', 'Shipping Address', 'Where goods are shipped'),
];

/** The "Customer" option of a Get Many's filters (invoices, payments, credit memos…). */
export const customerFilterField = (description: string): INodeProperties => ({
	...customerLocator(description),
	required: false,
	default: { mode: 'list', value: '' },
});

/** How that option goes to BILL: `customerId:eq:0cu…`, the ID checked. */
export const CUSTOMER_FILTER = {
	kind: 'locator' as const,
	option: 'customerId',
	field: 'customerId',
	prefix: ID_PREFIX.customer,
};
