import type { Resource } from '../../../Bill/operation';
import { operationSelector } from '../../helpers/selector';
import * as approve from './approve.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as deleteReceipt from './deleteReceipt.operation';
import * as deny from './deny.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as uploadReceipt from './uploadReceipt.operation';

export const reimbursement: Resource = {
	displayName: 'Reimbursement',
	summary: 'Out-of-pocket expenses paid back to employees: submit, approve or deny, receipts',
	description: [
		operationSelector(
			'reimbursement',
			[
				{
					name: 'Approve',
					value: 'approve',
					description: 'Approve a reimbursement awaiting approval (ADMIN users only)',
					action: 'Approve a reimbursement',
				},
				{
					name: 'Create',
					value: 'create',
					description: 'Submit a reimbursement for a user, optionally with a receipt image',
					action: 'Create a reimbursement',
				},
				{
					name: 'Delete',
					value: 'delete',
					description: 'Delete a reimbursement',
					action: 'Delete a reimbursement',
				},
				{
					name: 'Delete Receipt',
					value: 'deleteReceipt',
					description: 'Remove a receipt from a reimbursement',
					action: 'Delete a reimbursement receipt',
				},
				{
					name: 'Deny',
					value: 'deny',
					description: 'Deny a reimbursement awaiting approval (ADMIN users only)',
					action: 'Deny a reimbursement',
				},
				{
					name: 'Get',
					value: 'get',
					description: 'Get a reimbursement with its status history and receipts',
					action: 'Get a reimbursement',
				},
				{
					name: 'Get Many',
					value: 'getMany',
					description: 'List reimbursements, newest first, by status, user or budget',
					action: 'Get many reimbursements',
				},
				{
					name: 'Update',
					value: 'update',
					description: 'Change the amount, merchant, date, note or budget of a reimbursement',
					action: 'Update a reimbursement',
				},
				{
					name: 'Upload Receipt',
					value: 'uploadReceipt',
					description: 'Attach a receipt image (JPG or PNG from binary data) to a reimbursement',
					action: 'Upload a reimbursement receipt',
				},
			],
			'getMany',
		),
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...del.description,
		...approve.description,
		...deny.description,
		...uploadReceipt.description,
		...deleteReceipt.description,
	],
	operations: {
		approve,
		create,
		delete: del,
		deleteReceipt,
		deny,
		get,
		getMany,
		update,
		uploadReceipt,
	},
};
