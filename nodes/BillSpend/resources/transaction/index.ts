import type { Resource } from '../../../shared/operation';
import { operationSelector } from '../../helpers/selector';
import * as deleteReceipt from './deleteReceipt.operation';
import * as get from './get.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getMany from './getMany.operation';
import * as respondToThreeDsChallenge from './respondToThreeDsChallenge.operation';
import * as setCustomFields from './setCustomFields.operation';
import * as update from './update.operation';
import * as uploadReceipt from './uploadReceipt.operation';

export const transaction: Resource = {
	displayName: 'Transaction',
	summary:
		'Card transactions: find by date, status, budget or card; move to a budget; receipts and custom fields; 3D Secure challenges',
	description: [
		operationSelector(
			'transaction',
			[
				{
					name: 'Delete Receipt',
					value: 'deleteReceipt',
					description: 'Remove a receipt from a card transaction',
					action: 'Delete a transaction receipt',
				},
				{
					name: 'Get',
					value: 'get',
					description: 'Get one card transaction by its UUID',
					action: 'Get a transaction',
				},
				{
					name: 'Get Custom Fields',
					value: 'getCustomFields',
					description: 'Get the custom fields (e.g. GL code, project) set on a card transaction',
					action: 'Get custom fields of a transaction',
				},
				{
					name: 'Get Many',
					value: 'getMany',
					description:
						'List card transactions, filtered by date, status, type, amount, budget, card or user',
					action: 'Get many transactions',
				},
				{
					name: 'Respond to 3D Secure Challenge',
					value: 'respondToThreeDsChallenge',
					description:
						'Accept or reject a card payment that asks for 3D Secure verification (ADMIN token only)',
					action: 'Respond to a 3D Secure challenge',
				},
				{
					name: 'Set Custom Fields',
					value: 'setCustomFields',
					description: 'Set custom field values or notes on a card transaction',
					action: 'Set custom fields of a transaction',
				},
				{
					name: 'Update',
					value: 'update',
					description: 'Move a card transaction to another budget',
					action: 'Update a transaction',
				},
				{
					name: 'Upload Receipt',
					value: 'uploadReceipt',
					description: 'Attach a receipt image (JPG or PNG from binary data) to a card transaction',
					action: 'Upload a transaction receipt',
				},
			],
			'getMany',
		),
		...get.description,
		...getMany.description,
		...update.description,
		...getCustomFields.description,
		...setCustomFields.description,
		...uploadReceipt.description,
		...deleteReceipt.description,
		...respondToThreeDsChallenge.description,
	],
	operations: {
		deleteReceipt,
		get,
		getCustomFields,
		getMany,
		respondToThreeDsChallenge,
		setCustomFields,
		update,
		uploadReceipt,
	},
};
