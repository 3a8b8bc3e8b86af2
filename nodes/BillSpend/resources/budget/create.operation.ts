import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	createSpendOnce,
	nameKey,
	skipExistingField,
	wantsSkipExisting,
} from '../../helpers/existing';
import { userLocator } from '../../helpers/fields';
import { checkIdList, getSpendId, getString } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { budgetBody } from './body';
import {
	RECURRING_INTERVALS,
	budgetLabel,
	limitField,
	optionalBudgetFields,
	peopleFields,
} from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		description: "The budget's name, as people see it in BILL Spend & Expense",
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Marketing – monthly',
	},
	userLocator('The user who owns (manages) the budget', 'ownerId', 'Owner'),
	{
		displayName: 'Recurring Interval',
		name: 'recurringInterval',
		type: 'options',
		options: RECURRING_INTERVALS,
		default: 'MONTHLY',
		required: true,
		description: 'When the limit starts again',
	},
	limitField(true),
	...skipExistingField(
		'Skip Existing Budgets',
		'an active (not retired) budget with the same name (ignoring case and extra spaces)',
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...optionalBudgetFields, ...peopleFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['create'] } },
	properties,
);

/**
 * `POST /v3/spend/budgets` (Postman "Create a budget"; BILL answers 200). Not repeated blindly;
 * with "Skip Existing Budgets" an active budget of the same name is returned instead.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = getString(this, itemIndex, 'name', 'Name');
	const owner = decodeURIComponent(getSpendId(this, itemIndex, 'ownerId', 'Owner'));
	const { additionalOwners, ...additional } = this.getNodeParameter(
		'additionalFields',
		itemIndex,
		{},
	) as IDataObject;
	const owners = [
		owner,
		...(additionalOwners
			? checkIdList(this, itemIndex, 'Additional Fields → Additional Owner IDs', additionalOwners)
			: []),
	];
	const body = budgetBody(
		this,
		itemIndex,
		{
			name,
			recurringInterval: this.getNodeParameter('recurringInterval', itemIndex),
			budgetLimit: this.getNodeParameter('budgetLimit', itemIndex),
			...additional,
		},
		(key) => budgetLabel(key === 'budgetLimit' ? '' : 'Additional Fields')(key),
	);
	body.owners = [...new Set(owners)];
	const create = async () =>
		await spendApiRequest.call(this, {
			method: 'POST',
			path: '/v3/spend/budgets',
			body,
			itemIndex,
			uncertainHint: `Look for a budget named "${name}" (Budget → Get Many) before running it again, or run it again with "Skip Existing Budgets" on.`,
		});
	if (!wantsSkipExisting(this, itemIndex)) return await create();
	return await createSpendOnce(this, itemIndex, {
		// BILL documents no rule that a budget's name is unique (https://developer.bill.com/docs/budgets-and-users):
		// our guess (docs/GUESSES.md) is that an active budget with the name is the one meant.
		// Listed with the documented `name:sw` and `retired:eq` filters
		// (https://developer.bill.com/hc/reference/budgets); BILL does not say whether `sw` ignores
		// case, so the whole name is compared here.
		scope: `budgets|${nameKey(name).join()}`,
		path: '/v3/spend/budgets',
		filters: [
			{ field: 'name', op: 'sw', value: name },
			{ field: 'retired', op: 'eq', value: false },
		],
		keep: (budget) => budget.retired !== true,
		keysOf: (budget) => nameKey(budget.name),
		keys: nameKey(name),
		create,
		parameter: 'Name',
		object: 'budget',
	});
}
