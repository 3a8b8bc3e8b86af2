/** S&E cards (Postman "Get list of cards" … "Unfreeze a vendor card"; no PAN JWT: see README). */
import { errors } from '../../errors';
import type { RequestContext } from '../../server';
import { spendListRules } from '../../spendLists';
import type { Json } from '../../state';
import { newCard, type SpendContext } from '../spendState';
import { amount, body, onlyFields, required, spendPage } from '../spendRequest';
import { cardOf, patch, type SpendRoutes } from './objects';

const DELETE_REASONS = ['CANCELLED', 'LOST', 'STOLEN', 'MISPLACED'];

export const cardsRoutes: SpendRoutes = [
	[
		'GET',
		'/v3/spend/cards',
		(context, { data }) => ({
			body: spendPage(
				[...data.cards.values()].filter((c) => !c.deletedReason),
				context.query,
				{
					...spendListRules('cards'),
					// `budgetIds`, `userIds` take "string IDs or UUIDs" (https://developer.bill.com/reference/listcards).
					view: (c) => ({
						...c,
						cardIds: [c.uuid, c.id],
						budgetIds: [c.budgetUuid, c.budgetId],
						userIds: [c.userUuid, c.userId],
						// Cards made here are vendor cards ("Create a vendor card"): VIRTUAL in BILL's
						// example answer, VIRTUAL_VENDOR among the filter's values.
						types: c.type === 'VIRTUAL' ? 'VIRTUAL_VENDOR' : c.type,
					}),
				},
			),
		}),
	],
	[
		'POST',
		'/v3/spend/cards',
		(context, { data, now }) => {
			const b = body(context);
			// Open question: Postman "Create a vendor card" sends userId/budgetId, the guide
			// (https://developer.bill.com/docs/virtual-cards) userUuid/budgetUuid; both are taken.
			onlyFields(b, [
				'name',
				'userId',
				'userUuid',
				'budgetId',
				'budgetUuid',
				'limit',
				'recurringLimit',
			]);
			required(b, 'name');
			if (!b.userId && !b.userUuid) throw errors.invalid('userId: must not be null');
			if (!b.budgetId && !b.budgetUuid) throw errors.invalid('budgetId: must not be null');
			amount(b, 'limit', { required: true });
			return { body: newCard(data, b, now) };
		},
	],
	[
		'GET',
		'/v3/spend/cards/:cardId',
		(context, { data }) => ({
			body: cardOf(data, context.params.cardId),
		}),
	],
	[
		'PATCH',
		'/v3/spend/cards/:cardId',
		(context, { data, now }) => {
			const card = cardOf(data, context.params.cardId);
			const b = body(context);
			const { limit, ...rest } = b;
			if (limit !== undefined) (card.currentPeriod as Json).limit = amount(b, 'limit');
			if (rest.recurringLimit !== undefined) {
				rest.recurringLimit = amount(b, 'recurringLimit');
				card.recurring = true;
			}
			patch(card, rest, ['name', 'recurringLimit', 'shareBudgetFunds']);
			card.updatedTime = now;
			return { body: card };
		},
	],
	[
		'DELETE',
		'/v3/spend/cards/:cardId',
		(context, { data, now }) => {
			const card = cardOf(data, context.params.cardId);
			const reason = context.query.reason ?? 'CANCELLED';
			if (!DELETE_REASONS.includes(reason))
				throw errors.invalid(`reason: must be one of ${DELETE_REASONS.join(', ')}`);
			card.deletedReason = reason;
			card.updatedTime = now;
			return { status: 200 };
		},
	],
	...(
		[
			['freeze', 'FROZEN'],
			['unfreeze', 'ACTIVATED'],
		] as const
	).map(
		([action, status]) =>
			[
				'POST',
				`/v3/spend/cards/:cardId/${action}`,
				(context: RequestContext, { data, now }: SpendContext) => {
					const card = cardOf(data, context.params.cardId);
					if (card.status !== status) {
						card.status = status;
						card.updatedTime = now;
					}
					return { body: card };
				},
			] as const,
	),
];
