import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as addRiskPhone from './addRiskPhone.operation';
import * as archiveUser from './archiveUser.operation';
import * as createOrganization from './createOrganization.operation';
import * as createUser from './createUser.operation';
import * as getManyOrganizations from './getManyOrganizations.operation';
import * as getManyRoles from './getManyRoles.operation';
import * as getManyUsers from './getManyUsers.operation';
import * as getRole from './getRole.operation';
import * as getUser from './getUser.operation';
import * as restoreUser from './restoreUser.operation';
import * as updatePricePlan from './updatePricePlan.operation';
import * as updateUser from './updateUser.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['partner'] } },
	options: [
		{
			name: 'Add Risk Verification Phone',
			value: 'addRiskPhone',
			description:
				"Add the mobile phone BILL needs on a user of one of the partner's organizations before its risk verification",
			action: 'Add a risk verification phone for a partner organization user',
		},
		{
			name: 'Archive User',
			value: 'archiveUser',
			description: "Archive a user of one of the partner's organizations",
			action: 'Archive a partner organization user',
		},
		{
			name: 'Create Organization',
			value: 'createOrganization',
			description:
				'Create a client organization under the partner (name, address, phone, owner); one with the same name is returned, not made twice',
			action: 'Create a partner organization',
		},
		{
			name: 'Create User',
			value: 'createUser',
			description:
				"Add a user to one of the partner's organizations (Administrator unless a role is given)",
			action: 'Create a partner organization user',
		},
		{
			name: 'Get Many Organizations',
			value: 'getManyOrganizations',
			description:
				"List the partner's client organizations, for a workflow that acts for each in turn",
			action: 'Get many partner organizations',
		},
		{
			name: 'Get Many Roles',
			value: 'getManyRoles',
			description: "List the user roles of one of the partner's organizations",
			action: 'Get many partner organization roles',
		},
		{
			name: 'Get Many Users',
			value: 'getManyUsers',
			description:
				"List the users of one of the partner's organizations, each with its organizationId",
			action: 'Get many partner organization users',
		},
		{
			name: 'Get Role',
			value: 'getRole',
			description: "Get a user role of one of the partner's organizations",
			action: 'Get a partner organization role',
		},
		{
			name: 'Get User',
			value: 'getUser',
			description: "Get a user of one of the partner's organizations",
			action: 'Get a partner organization user',
		},
		{
			name: 'Restore User',
			value: 'restoreUser',
			description: "Restore an archived user of one of the partner's organizations",
			action: 'Restore a partner organization user',
		},
		{
			name: 'Update Price Plan',
			value: 'updatePricePlan',
			description: "Set the BILL price plan (PricePlan1–5) of one of the partner's organizations",
			action: 'Update a partner organization price plan',
		},
		{
			name: 'Update User',
			value: 'updateUser',
			description: "Change the name, email or role of a user of one of the partner's organizations",
			action: 'Update a partner organization user',
		},
	],
	default: 'getManyOrganizations',
};

export const partner: Resource = {
	displayName: 'Partner',
	// The credential's own session: the partner's calls, BILL's health, the session itself.
	actsFor: 'never',
	summary:
		'Partner level (BILL Partner API credential, scope Partner): client organizations, their users and roles, price plans',
	description: [
		operationSelector,
		...createOrganization.description,
		...getManyOrganizations.description,
		...updatePricePlan.description,
		...createUser.description,
		...getUser.description,
		...getManyUsers.description,
		...updateUser.description,
		...archiveUser.description,
		...restoreUser.description,
		...getRole.description,
		...getManyRoles.description,
		...addRiskPhone.description,
	],
	operations: {
		addRiskPhone,
		archiveUser,
		createOrganization,
		createUser,
		getManyOrganizations,
		getManyRoles,
		getManyUsers,
		getRole,
		getUser,
		restoreUser,
		updatePricePlan,
		updateUser,
	},
};
