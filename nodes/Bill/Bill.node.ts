import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BILL_NODE_SIGN_INS, authenticationChoice, credentialsFor } from '../shared/authentication';
import {
	actingForProperties,
	consoleActingForProperties,
	stepUpActingForProperties,
	sessionActingForProperties,
} from './actingFor';
import { listSearch } from './listSearch';
import { actingListSearch } from './listSearch/acting';
import { resources } from './resources';
import { router } from './router';

/**
 * Resources whose operations do not all act for the organization named in the node: the
 * parameters are hidden there (those acting optionally show their own: actingFor.ts).
 */
const notActing = (['never', 'optional'] as const).flatMap((acts) =>
	Object.entries(resources)
		.filter(([, resource]) => resource.actsFor === acts)
		.map(([name]) => name),
);

const resourceOptions = Object.entries(resources)
	.map(([value, resource]) => ({
		name: resource.displayName,
		value,
		description: resource.summary,
	}))
	.sort((a, b) => a.name.localeCompare(b.name));

export class Bill implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BILL',
		name: 'bill',
		icon: { light: 'file:bill.svg', dark: 'file:bill.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify on by default for new nodes; nodes saved at 1 keep it off (nodes/shared/simplify.ts).
		// 1.2: the "Skip Existing …" options added then are on by default (nodes/shared/skipExisting.ts).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Work with BILL (bill.com) accounts payable: bills, vendors, payments, approvals, documents, bank accounts, card accounts and AP cards, sessions and MFA; the organization, its users and roles, a partner's client organizations, the BILL network, risk verification and health",
		defaults: { name: 'BILL' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor(BILL_NODE_SIGN_INS),
		properties: [
			authenticationChoice(BILL_NODE_SIGN_INS, {
				billPartnerApi: 'BILL Partner API (Log In as User)',
			}),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'bill',
			},
			...actingForProperties(notActing),
			...consoleActingForProperties(notActing),
			...sessionActingForProperties,
			...stepUpActingForProperties,
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch: actingListSearch(listSearch, resources) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
