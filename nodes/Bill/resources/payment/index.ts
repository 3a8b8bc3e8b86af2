import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as createBulk from './createBulk.operation';
import * as get from './get.operation';
import * as getCheckImage from './getCheckImage.operation';
import * as getExchangeRate from './getExchangeRate.operation';
import * as getMany from './getMany.operation';
import * as getOptions from './getOptions.operation';
import * as voidPayment from './void.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['payment'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			description:
				'Cancel a payment BILL has not started processing; its bills owe the amount again',
			action: 'Cancel a payment',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Pay one bill from a funding account on a process date (needs an MFA-trusted session); never pays the same bill, amount and date twice',
			action: 'Create a payment',
		},
		{
			name: 'Create Bulk',
			value: 'createBulk',
			description: 'Pay up to 50 bills in one request from one funding account, all or none',
			action: 'Create a bulk payment',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a payment by ID, with the bills it paid',
			action: 'Get a payment',
		},
		{
			name: 'Get Check Image',
			value: 'getCheckImage',
			description:
				"Download the front and back images of a check BILL sent, as files (once the vendor's bank processed it)",
			action: 'Get the check images of a payment',
		},
		{
			name: 'Get Exchange Rate',
			value: 'getExchangeRate',
			description:
				"BILL's exchange rate and batch ID for paying an international vendor an amount; Create needs the batch ID when the vendor's bill currency is not USD",
			action: 'Get the exchange rate for a vendor payment',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List payments, filtered by vendor, status, process date or creation time',
			action: 'Get many payments',
		},
		{
			name: 'Get Payment Options',
			value: 'getOptions',
			description:
				'How a vendor can be paid an amount: funding accounts, earliest process and delivery dates, fees',
			action: 'Get payment options for a vendor',
		},
		{
			name: 'Void',
			value: 'void',
			description: 'Ask BILL to void a payment it has started processing',
			action: 'Void a payment',
		},
	],
	default: 'getMany',
};

export const payment: Resource = {
	displayName: 'Payment',
	summary:
		'Pay bills from a verified bank account or card (MFA-trusted session), and list, cancel or void payments',
	description: [
		operationSelector,
		...create.description,
		...createBulk.description,
		...get.description,
		...getMany.description,
		...cancel.description,
		...voidPayment.description,
		...getOptions.description,
		...getExchangeRate.description,
		...getCheckImage.description,
	],
	operations: {
		cancel,
		create,
		createBulk,
		get,
		getCheckImage,
		getExchangeRate,
		getMany,
		getOptions,
		void: voidPayment,
	},
};
