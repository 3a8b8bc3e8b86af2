import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as getDetails from './getDetails.operation';
import * as getOrganizations from './getOrganizations.operation';
import * as logOut from './logOut.operation';
import * as stepUp from './stepUp.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['session'] } },
	options: [
		{
			name: 'Get Details',
			value: 'getDetails',
			description:
				"Who the credential is signed in as (organization, user), the organization's MFA status, whether this session is MFA-trusted, and when the credential's MFA ID expires",
			action: 'Get session details',
		},
		{
			name: 'Get Organizations',
			value: 'getOrganizations',
			description:
				'The organizations this sign-in can reach: with the Accountant Console, its client organizations',
			action: 'Get the organizations the sign in can reach',
		},
		{
			name: 'Log Out',
			value: 'logOut',
			description: 'End the current BILL session; the next call logs in again by itself',
			action: 'Log out of BILL',
		},
		{
			name: 'Step Up',
			value: 'stepUp',
			description:
				'Make the current session MFA-trusted with an MFA ID and its device name, for payments and bank accounts when the credential has no MFA ID',
			action: 'Make the session MFA trusted',
		},
	],
	default: 'getDetails',
};

export const session: Resource = {
	displayName: 'Session',
	// The credential's own session: the partner's calls, BILL's health, the session itself.
	actsFor: 'never',
	summary: 'The BILL sign-in: who it is, whether it is MFA-trusted, step up, log out',
	description: [
		operationSelector,
		...getDetails.description,
		...getOrganizations.description,
		...stepUp.description,
		...logOut.description,
	],
	operations: { getDetails, getOrganizations, logOut, stepUp },
};
