import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getPaymentLink from './getPaymentLink.operation';
import * as recordPayment from './recordPayment.operation';
import * as replace from './replace.operation';
import * as restore from './restore.operation';
import * as sendEmail from './sendEmail.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['invoice'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: "Archive an invoice: BILL's way to delete one (it can be restored)",
			action: 'Archive an invoice',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Create an invoice to a customer (existing, or new by name and email) with line items. By default skips invoice numbers the customer already has, so a re-run creates nothing twice.',
			action: 'Create an invoice',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one invoice by ID, with its total, due amount, status and payments',
			action: 'Get an invoice',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List invoices, e.g. the open invoices of one customer; filter by customer, status, created or updated time',
			action: 'Get many invoices',
		},
		{
			name: 'Get Payment Link',
			value: 'getPaymentLink',
			description:
				'Get a link where the customer pays the invoice without a BILL account (not for customers connected in the BILL network)',
			action: 'Get a payment link for an invoice',
		},
		{
			name: 'Record Payment',
			value: 'recordPayment',
			description:
				'Record a payment received outside BILL (cash, check, card in store) against invoices of one customer; no money moves',
			action: 'Record a payment of invoices',
		},
		{
			name: 'Replace',
			value: 'replace',
			description: 'Replace a whole invoice, adding or removing line items',
			action: 'Replace an invoice',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived invoice',
			action: 'Restore an invoice',
		},
		{
			name: 'Send by Email',
			value: 'sendEmail',
			description:
				"Email an invoice to the customer (again), e.g. a reminder for an overdue invoice; BILL's limit of 5 emails a minute is waited out",
			action: 'Send an invoice by email',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields of an invoice, or some of its line items by ID',
			action: 'Update an invoice',
		},
	],
	default: 'create',
};

export const invoice: Resource = {
	displayName: 'Invoice',
	summary:
		'Invoices to customers (receivables): create, skip duplicates, find what is open, send by email, payment links, record payments received',
	description: [
		operationSelector,
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...replace.description,
		...archive.description,
		...restore.description,
		...sendEmail.description,
		...getPaymentLink.description,
		...recordPayment.description,
	],
	operations: {
		archive,
		create,
		get,
		getMany,
		getPaymentLink,
		recordPayment,
		replace,
		restore,
		sendEmail,
		update,
	},
};
