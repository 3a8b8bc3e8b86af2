import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as approve from './approve.operation';
import * as deny from './deny.operation';
import * as getManyPending from './getManyPending.operation';
import * as getManyPolicies from './getManyPolicies.operation';

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
	],
	default: 'getManyPending',
};

export const approval: Resource = {
	displayName: 'Approval',
	summary:
		'Bill approvals: bills waiting for my approval, approve or deny a bill with a comment, approval policies',
	description: [
		operationSelector,
		...approve.description,
		...deny.description,
		...getManyPending.description,
		...getManyPolicies.description,
	],
	operations: { approve, deny, getManyPending, getManyPolicies },
};
