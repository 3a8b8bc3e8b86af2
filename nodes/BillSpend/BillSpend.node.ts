import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	SPEND_NODE_SIGN_INS,
	authenticationChoice,
	credentialsFor,
} from '../shared/authentication';
import { listSearch, loadOptions } from './listSearch';
import { resources } from './resources';
import { router } from './router';

const resourceOptions = Object.entries(resources)
	.map(([value, resource]) => ({
		name: resource.displayName,
		value,
		description: resource.summary,
	}))
	.sort((a, b) => a.name.localeCompare(b.name));

export class BillSpend implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BILL Spend & Expense',
		name: 'billSpend',
		icon: { light: 'file:billSpend.svg', dark: 'file:billSpend.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify on by default for new nodes; nodes saved at 1 keep it off (nodes/shared/simplify.ts).
		// 1.2: the "Skip Existing …" options added then are on by default (nodes/shared/skipExisting.ts).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with BILL Spend & Expense (formerly Divvy): card transactions, budgets, cards, reimbursements, users and custom fields',
		defaults: { name: 'BILL Spend & Expense' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor(SPEND_NODE_SIGN_INS),
		properties: [
			authenticationChoice(SPEND_NODE_SIGN_INS),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'transaction',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
