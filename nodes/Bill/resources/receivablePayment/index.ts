import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as charge from './charge.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['receivablePayment'] } },
	options: [
		{
			name: 'Charge',
			value: 'charge',
			description:
				"Charge a customer's bank account for invoices (the customer must be authorized to charge). A re-run returns the charge made before instead of charging twice.",
			action: 'Charge a customer for invoices',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one payment received from a customer, with the invoices it paid',
			action: 'Get a received payment',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List payments received from customers (online or recorded), e.g. of one customer or since a date',
			action: 'Get many received payments',
		},
	],
	default: 'getMany',
};

export const receivablePayment: Resource = {
	displayName: 'Received Payment',
	summary:
		"Payments customers made on your invoices (receivables): charge a customer's bank account, find and read them",
	description: [
		operationSelector,
		...charge.description,
		...get.description,
		...getMany.description,
	],
	operations: { charge, get, getMany },
};
