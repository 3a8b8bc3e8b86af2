import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as check from './check.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['health'] } },
	options: [
		{
			name: 'Check',
			value: 'check',
			description:
				"Check that BILL's API answers, with its version and region, without logging in (for a monitoring workflow)",
			action: 'Check the health of the API',
		},
	],
	default: 'check',
};

export const health: Resource = {
	displayName: 'Health',
	// The credential's own session: the partner's calls, BILL's health, the session itself.
	actsFor: 'never',
	summary: "Whether BILL's API is up, without logging in",
	description: [operationSelector, ...check.description],
	operations: { check },
};
