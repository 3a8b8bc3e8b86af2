import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as addPhone from './addPhone.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getPhone from './getPhone.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['riskVerification'] } },
	options: [
		{
			name: 'Add Phone',
			value: 'addPhone',
			description:
				"Add the signed-in user's mobile phone, which BILL needs before a risk verification",
			action: 'Add a phone for risk verification',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				"Start BILL's risk verification of the organization (needed before it moves money). Needs an administrator with a phone.",
			action: 'Start a risk verification',
		},
		{
			name: 'Get',
			value: 'get',
			description:
				"Get the organization's risk verification: processing status and decision (in progress, review, hold, approve, decline)",
			action: 'Get the risk verification',
		},
		{
			name: 'Get Phone',
			value: 'getPhone',
			description: 'Whether the signed-in user has the phone BILL needs for a risk verification',
			action: 'Get the risk verification phone status',
		},
	],
	default: 'get',
};

export const riskVerification: Resource = {
	displayName: 'Risk Verification',
	summary: "BILL's risk verification of the organization, before it moves money",
	description: [
		operationSelector,
		...get.description,
		...create.description,
		...getPhone.description,
		...addPhone.description,
	],
	operations: { addPhone, create, get, getPhone },
};
