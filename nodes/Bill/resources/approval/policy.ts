// An approval policy: what the editor shows (name, rules in order, approvers in order) and the
// body BILL takes (https://developer.bill.com/reference/createbillapprovalpolicy, Postman "Create a
// bill approval policy": `{ policyName, rules: [{ key, op, values: [text] }], approvers: [id] }`).

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkId, getString, invalid } from '../../helpers/validation';

/** Rule keys BILL shows (BILL_AMOUNT in its guide; the others in Postman's examples). */
const RULE_KEYS = [
	{ name: 'Bill Amount', value: 'BILL_AMOUNT' },
	{ name: 'Chart of Account ID', value: 'CHART_OF_ACCOUNT_ID' },
	{ name: 'Job ID', value: 'JOB_ID' },
	{ name: 'Location ID', value: 'LOCATION_ID' },
	{ name: 'Vendor ID', value: 'VENDOR_ID' },
];

/** BILL shows `gte` (guide) and `lt` (Postman); the rest are its list filter operators (a guess). */
const RULE_OPS = [
	{ name: 'Equals', value: 'eq' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'In List', value: 'in' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
];

const APPROVER_ID = /^(006|agp)[0-9A-Za-z]{17}$/;

export const policyLocator: INodeProperties = {
	displayName: 'Approval Policy',
	name: 'policyId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The approval policy (its ID is the organization ID, a hyphen and its own part)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchApprovalPolicies', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '00802ABCDEFGHIJKLMNO-1A2B3C4D',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[0-9A-Za-z_-]+$', errorMessage: 'Letters, digits and hyphens' },
				},
			],
		},
	],
};

export const policyFields: INodeProperties[] = [
	{
		displayName: 'Policy Name',
		name: 'policyName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Bills of $1,000 or more',
		description: 'The name BILL shows for the policy; Create Policy also knows a re-run by it',
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: {},
		required: true,
		description: 'Which bills the policy applies to; BILL applies the rules in this order',
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{
						displayName: 'Field',
						name: 'key',
						type: 'options',
						options: RULE_KEYS,
						default: 'BILL_AMOUNT',
					},
					{
						displayName: 'Operator',
						name: 'op',
						type: 'options',
						options: RULE_OPS,
						default: 'gte',
					},
					{
						displayName: 'Values',
						name: 'values',
						type: 'string',
						default: '',
						placeholder: '1000',
						description:
							'The value to compare with (an amount, or an ID); several separated by commas for In List',
					},
				],
			},
		],
	},
	{
		displayName: 'Approvers',
		name: 'approvers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Approver',
		default: {},
		required: true,
		description: 'Who approves, in order: BILL asks each approver after the one before approved',
		options: [
			{
				displayName: 'Approver',
				name: 'approver',
				values: [
					{
						displayName: 'User or Approval Group',
						name: 'approverId',
						type: 'resourceLocator',
						default: { mode: 'list', value: '' },
						description:
							"A user (ID starting with 006) or an approval group made in BILL's web app (ID starting with agp)",
						modes: [
							{
								displayName: 'From List',
								name: 'list',
								type: 'list',
								typeOptions: { searchListMethod: 'searchUsers', searchable: true },
							},
							{
								displayName: 'By ID',
								name: 'id',
								type: 'string',
								placeholder: '00602ABCDEFGHIJKLMNO',
								validation: [
									{
										type: 'regex',
										properties: {
											regex: APPROVER_ID.source,
											errorMessage:
												'A user ID (006…) or an approval group ID (agp…), 20 characters',
										},
									},
								],
							},
						],
					},
				],
			},
		],
	},
];

function ruleOf(context: IExecuteFunctions, itemIndex: number, rule: IDataObject, n: number) {
	const label = `Rules → Rule ${n + 1}`;
	const values = String(rule.values ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	if (!values.length) throw invalid(context, itemIndex, `${label} → Values`, 'is required');
	if (rule.op !== 'in' && values.length > 1)
		throw invalid(context, itemIndex, `${label} → Values`, 'give one value, or use In List');
	if (rule.key === 'BILL_AMOUNT' && values.some((v) => !Number.isFinite(Number(v))))
		throw invalid(
			context,
			itemIndex,
			`${label} → Values`,
			`"${values.join(',')}" is not an amount`,
		);
	return { key: rule.key, op: rule.op, values };
}

/** The policy body, in the order given, every part checked before anything is sent. */
export function policyBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const policyName = getString(context, itemIndex, 'policyName', 'Policy Name');
	const rules = context.getNodeParameter('rules.rule', itemIndex, []) as IDataObject[];
	if (!rules.length) throw invalid(context, itemIndex, 'Rules', 'add at least one rule');
	const listed = context.getNodeParameter('approvers.approver', itemIndex, []) as IDataObject[];
	if (!listed.length) throw invalid(context, itemIndex, 'Approvers', 'add at least one approver');
	const approvers = listed.map((a, n) => {
		const parameter = `Approvers → Approver ${n + 1}`;
		const id = checkId(context, itemIndex, parameter, a.approverId);
		if (!APPROVER_ID.test(id))
			throw invalid(
				context,
				itemIndex,
				parameter,
				`"${id}" is not a user (006…) or approval group (agp…)`,
			);
		return id;
	});
	const twice = approvers.find((id, n) => approvers.indexOf(id) !== n);
	if (twice) throw invalid(context, itemIndex, 'Approvers', `${twice} is given twice`);
	return {
		policyName,
		rules: rules.map((rule, n) => ruleOf(context, itemIndex, rule, n)),
		approvers,
	};
}
