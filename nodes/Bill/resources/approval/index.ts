import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as approve from './approve.operation';
import * as createPolicy from './createPolicy.operation';
import * as deletePolicy from './deletePolicy.operation';
import * as deny from './deny.operation';
import * as getManyPending from './getManyPending.operation';
import * as getManyPolicies from './getManyPolicies.operation';
import * as updatePolicy from './updatePolicy.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['approval'] } },
	options: [
		{
			name: 'Approve',
			value: 'approve',
			description: 'Approve a bill, with a comment; approved bills can be paid',
			action: 'Approve a bill',
		},
		{
			name: 'Create Policy',
			value: 'createPolicy',
			description:
				'Create an approval policy: which bills (rules, in order) need whose approval (approvers, in order)',
			action: 'Create an approval policy',
		},
		{
			name: 'Delete Policy',
			value: 'deletePolicy',
			description: 'Delete an approval policy for good',
			action: 'Delete an approval policy',
		},
		{
			name: 'Deny',
			value: 'deny',
			description: 'Deny a bill, with a comment',
			action: 'Deny a bill',
		},
		{
			name: 'Get Many Pending',
			value: 'getManyPending',
			description: 'List the bills waiting for my approval',
			action: 'Get many bills pending my approval',
		},
		{
			name: 'Get Many Policies',
			value: 'getManyPolicies',
			description: 'List the approval policies: which bills need whose approval',
			action: 'Get many approval policies',
		},
		{
			name: 'Update Policy',
			value: 'updatePolicy',
			description: 'Replace an approval policy: its name, rules and approvers',
			action: 'Update an approval policy',
		},
	],
	default: 'getManyPending',
};

export const approval: Resource = {
	displayName: 'Approval',
	summary:
		'Bill approvals: bills waiting for my approval, approve or deny a bill with a comment, approval policies (create, list, update, delete)',
	description: [
		operationSelector,
		...approve.description,
		...deny.description,
		...getManyPending.description,
		...getManyPolicies.description,
		...createPolicy.description,
		...updatePolicy.description,
		...deletePolicy.description,
	],
	operations: {
		approve,
		createPolicy,
		deletePolicy,
		deny,
		getManyPending,
		getManyPolicies,
		updatePolicy,
	},
};
