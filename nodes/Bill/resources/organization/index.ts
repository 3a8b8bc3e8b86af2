import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as get from './get.operation';
import * as getBillingStatement from './getBillingStatement.operation';
import * as getIndustries from './getIndustries.operation';
import * as getManyBillingStatements from './getManyBillingStatements.operation';
import * as getPricePlan from './getPricePlan.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['organization'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description:
				'Get the details of the organization the session is for (name, address, tax ID, industry). Needs an administrator.',
			action: 'Get the organization',
		},
		{
			name: 'Get Billing Statement',
			value: 'getBillingStatement',
			description:
				"Get one of BILL's monthly statements of the organization, with its lines and download links",
			action: 'Get a billing statement',
		},
		{
			name: 'Get Industries',
			value: 'getIndustries',
			description: "List BILL's industry values, one item each, for the organization's Industry",
			action: 'Get organization industries',
		},
		{
			name: 'Get Many Billing Statements',
			value: 'getManyBillingStatements',
			description:
				"List BILL's monthly billing statements of the organization, optionally within invoice dates",
			action: 'Get many billing statements',
		},
		{
			name: 'Get Price Plan',
			value: 'getPricePlan',
			description:
				"Get the organization's BILL price plan: monthly price and tiers. Needs an administrator.",
			action: 'Get the organization price plan',
		},
		{
			name: 'Update',
			value: 'update',
			description:
				'Change some fields of the organization (name, address, phone, tax ID, industry). Needs an administrator.',
			action: 'Update the organization',
		},
	],
	default: 'get',
};

export const organization: Resource = {
	displayName: 'Organization',
	summary: 'The organization you act for: details, price plan, billing statements',
	description: [
		operationSelector,
		...get.description,
		...update.description,
		...getIndustries.description,
		...getPricePlan.description,
		...getManyBillingStatements.description,
		...getBillingStatement.description,
	],
	operations: {
		get,
		getBillingStatement,
		getIndustries,
		getManyBillingStatements,
		getPricePlan,
		update,
	},
};
