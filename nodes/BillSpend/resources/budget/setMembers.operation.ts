import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator } from '../../helpers/fields';
import { checkAmount, checkSpendId, getSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { BUDGET_ROLES } from './descriptions';

const properties: INodeProperties[] = [
	budgetLocator('The budget'),
	{
		displayName: 'Members',
		name: 'members',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Member',
		default: {},
		required: true,
		options: [
			{
				displayName: 'Member',
				name: 'member',
				values: [
					{
						displayName: 'Member Limit',
						name: 'memberLimit',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 0,
					},
					{
						displayName: 'Recurring Limit',
						name: 'recurringLimit',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 0,
					},
					{
						displayName: 'Role',
						name: 'role',
						type: 'options',
						options: BUDGET_ROLES,
						default: 'MEMBER',
					},
					{
						displayName: 'Share Budget Funds',
						name: 'shareBudgetFunds',
						type: 'boolean',
						default: false,
						description: "Whether the member spends from the budget's shared funds",
					},
					{
						displayName: 'User Name or ID',
						name: 'userId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getUsers' },
						default: '',
						required: true,
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
				],
			},
		],
	},
	{
		displayName:
			'BILL applies more than 5 members in the background: Budget → Get Many Members shows them once done',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['setMembers'] } },
	properties,
);

/**
 * `PUT /v3/spend/budgets/{budgetId}/members/bulk` with `{members: [{userId, limit,
 * recurringLimit, role, shareBudgetFunds}]}` (Postman "Update multiple budget members") → `{status}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const budgetId = getSpendId(this, itemIndex, 'budgetId', 'Budget');
	const given = this.getNodeParameter('members.member', itemIndex, []) as IDataObject[];
	if (!Array.isArray(given) || given.length === 0)
		throw invalid(this, itemIndex, 'Members', 'add at least one member');
	const members = given.map((m, i) => {
		const label = `Members → ${i + 1}`;
		return {
			userId: checkSpendId(this, itemIndex, `${label} → User`, m.userId),
			role: m.role ?? 'MEMBER',
			limit: checkAmount(this, itemIndex, `${label} → Member Limit`, m.memberLimit ?? 0, {
				allowZero: true,
			}),
			recurringLimit: checkAmount(
				this,
				itemIndex,
				`${label} → Recurring Limit`,
				m.recurringLimit ?? 0,
				{
					allowZero: true,
				},
			),
			shareBudgetFunds: Boolean(m.shareBudgetFunds),
		};
	});
	const response = await spendApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/spend/budgets/${budgetId}/members/bulk`,
		body: { members },
		itemIndex,
	});
	return { budgetId: decodeURIComponent(budgetId), members: members.length, ...response };
}
