import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	createSpendOnce,
	isOf,
	nameKey,
	skipExistingField,
	wantsSkipExisting,
} from '../../helpers/existing';
import { budgetLocator, userLocator } from '../../helpers/fields';
import { checkAmount, getSpendId, getString } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { cardLimitField } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Google Ads – Clark',
		description: 'What the card is for, as shown in BILL',
	},
	userLocator('The user who holds the card'),
	budgetLocator('The budget the card spends from'),
	cardLimitField(true),
	...skipExistingField(
		'Skip Existing Cards',
		'a card of the same user and budget with the same name (ignoring case; deleted cards do not count)',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['create'] } },
	properties,
);

/**
 * `POST /v3/spend/cards` with `{name, userId, budgetId, limit}` (Postman "Create a vendor card";
 * BILL answers 200). The ids go as UUIDs in `userId`/`budgetId` as Postman sends them; BILL's
 * guide (https://developer.bill.com/docs/virtual-cards) names them userUuid/budgetUuid, and BILL
 * takes UUIDs in id fields since 2025-07-09. Not repeated when the answer is lost; with "Skip Existing
 * Cards" the card of the same user, budget and name is returned instead (a re-run makes no second).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = getString(this, itemIndex, 'name', 'Name');
	const userId = decodeURIComponent(getSpendId(this, itemIndex, 'userId', 'User'));
	const budgetId = decodeURIComponent(getSpendId(this, itemIndex, 'budgetId', 'Budget'));
	const limit = checkAmount(
		this,
		itemIndex,
		'Card Limit',
		this.getNodeParameter('cardLimit', itemIndex),
		{
			allowZero: true,
		},
	);
	const create = async () =>
		await spendApiRequest.call(this, {
			method: 'POST',
			path: '/v3/spend/cards',
			body: { name, userId, budgetId, limit },
			itemIndex,
			uncertainHint: `Look for a card named "${name}" (Card → Get Many) before running it again, or run it again with "Skip Existing Cards" on.`,
		});
	if (!wantsSkipExisting(this, itemIndex)) return await create();
	return await createSpendOnce(this, itemIndex, {
		// BILL documents no rule that a card's name is unique (https://developer.bill.com/docs/virtual-cards):
		// our guess (docs/GUESSES.md) is that the user's card of that budget with that name is the
		// same card. Cards are listed by the documented `userIds` and `budgetIds` filters
		// (https://developer.bill.com/hc/reference/cards); the name is compared here.
		scope: `cards|${userId}|${budgetId}`,
		path: '/v3/spend/cards',
		filters: [
			{ field: 'userIds', op: 'eq', value: userId },
			{ field: 'budgetIds', op: 'eq', value: budgetId },
		],
		keep: (card) =>
			card.status !== 'DELETED' && isOf(card, 'user', userId) && isOf(card, 'budget', budgetId),
		keysOf: (card) => nameKey(card.name),
		keys: nameKey(name),
		create,
		parameter: 'Name',
		object: 'card',
	});
}
