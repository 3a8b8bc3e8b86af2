/**
 * 3-D Secure challenges of BILL Spend & Expense card transactions in the emulator.
 *
 * BILL: "When a transaction is created, a 3DS challenge may trigger to verify the identity of the
 * cardholder"; BILL sends `spend.three-ds-challenge.created` and an ADMIN answers with
 * `POST /v3/spend/transactions/{acsTransactionId}/3ds-challenge` `{action}` (Postman "Accept or
 * reject a transaction"; https://developer.bill.com/reference/threedschallenge: the path takes
 * "BILL-generated ID or UUID of the transaction. You receive this transaction ID in the
 * spend.three-ds-challenge.created webhook notification", and `action` is "ACCEPT or REJECT").
 * The answer is `{id, status}` (Postman shows `"ACCEPTED"`; `"REJECTED"` is the emulator's
 * reading of a rejection, which BILL's pages do not show).
 *
 * The emulator's readings where BILL is silent: the notification carries the challenged
 * transaction under `transaction` (https://developer.bill.com/docs/spend-expense-3ds-challenge-notification-payload
 * points at the transaction's fields); a challenge is answered once, a second answer is refused
 * with 400 BDC_1002 (BILL's collection lists 400 as its error answer); a transaction with no
 * challenge is 404 BDC_1121, as for any missing S&E object. A rejected challenge declines the
 * transaction (and `spend.transaction.updated` tells so).
 *
 * Challenges are made by tests: `createThreeDsChallenge(emulator)` in-process, or
 * POST /__emulator/spend/3ds-challenges `{cardId?, amount?, merchantName?}` (control.ts).
 */
import { errors } from '../errors';
import type { Emulator } from '../server';
import type { Json } from '../state';
import { find, identity, spendData, type SpendData, type SpendHandler } from './spendState';
import { body, notFound } from './spendRequest';
import { emitSpend } from './spendWebhooks';

export const THREE_DS_ACTIONS = ['ACCEPT', 'REJECT'];
const ANSWERED: Record<string, string> = { ACCEPT: 'ACCEPTED', REJECT: 'REJECTED' };

export interface ThreeDsChallenge {
	transactionUuid: string;
	status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
	createdTime: string;
	answeredTime?: string;
}

const challengesOf = new WeakMap<SpendData, Map<string, ThreeDsChallenge>>();

export function threeDsChallenges(emulator: Emulator): Map<string, ThreeDsChallenge> {
	const data = spendData(emulator);
	let challenges = challengesOf.get(data);
	if (!challenges) {
		challenges = new Map();
		challengesOf.set(data, challenges);
	}
	return challenges;
}

/** A new online card payment that asks for 3-D Secure: the transaction, its challenge, the event. */
export function createThreeDsChallenge(
	emulator: Emulator,
	input: { cardId?: unknown; amount?: unknown; merchantName?: unknown } = {},
): Json {
	const data = spendData(emulator);
	const cards = [...data.cards.values()].filter((c) => !c.deletedReason);
	const card = input.cardId ? find(data.cards, String(input.cardId)) : cards[0];
	if (!card) throw notFound('Card', String(input.cardId));
	const user = find(data.users, String(card.userUuid))!;
	const budget = find(data.budgets, String(card.budgetUuid))!;
	const now = new Date(emulator.clock.ms()).toISOString();
	const merchant = String(input.merchantName ?? 'Online Music Store');
	const transaction: Json = {
		...identity(),
		transactionType: 'AUTHORIZATION',
		status: 'APPROVED',
		userId: user.id,
		userUuid: user.uuid,
		userName: `${String(user.firstName)} ${String(user.lastName)}`,
		rawMerchantName: merchant.toUpperCase(),
		merchantName: merchant,
		budgetId: budget.id,
		budgetUuid: budget.uuid,
		budgetName: budget.name,
		isCredit: false,
		receiptRequired: false,
		occurredTime: now,
		updatedTime: now,
		authorizedTime: now,
		complete: false,
		customFields: [],
		receipts: [],
		isParent: true,
		amount: Number(input.amount ?? 129.99),
		receiptStatus: 'NOT_ATTACHED',
		cardId: card.id,
		cardUuid: card.uuid,
		cardLastFour: card.lastFour,
		cardType: card.type,
		cardPresent: false,
		merchantCategoryCode: '5733',
	};
	data.transactions.set(String(transaction.uuid), transaction);
	threeDsChallenges(emulator).set(String(transaction.uuid), {
		transactionUuid: String(transaction.uuid),
		status: 'PENDING',
		createdTime: now,
	});
	emitSpend(emulator, 'spend.three-ds-challenge.created', 'transaction', transaction);
	return transaction;
}

/** `POST /v3/spend/transactions/{acsTransactionId}/3ds-challenge`, registered by spend.ts. */
export function threeDsRoute(emulator: Emulator): SpendHandler {
	return (context, { data, user, now }) => {
		if (user.role !== 'ADMIN')
			throw errors.forbidden('Only ADMIN users can accept or reject 3D Secure challenges.');
		const b = body(context);
		if (!THREE_DS_ACTIONS.includes(String(b.action)))
			throw errors.invalid(`action: must be one of ${THREE_DS_ACTIONS.join(', ')}`);
		const id = context.params.acsTransactionId;
		const transaction = find(data.transactions, id);
		const challenge = transaction && threeDsChallenges(emulator).get(String(transaction.uuid));
		if (!transaction || !challenge) throw notFound('3D Secure challenge', id);
		if (challenge.status !== 'PENDING')
			throw errors.invalid(
				`The 3D Secure challenge of transaction ${id} was already answered: ${challenge.status}`,
			);
		challenge.status = ANSWERED[String(b.action)] as ThreeDsChallenge['status'];
		challenge.answeredTime = now;
		if (challenge.status === 'REJECTED') {
			Object.assign(transaction, { transactionType: 'DECLINE', status: 'DECLINED', amount: 0 });
			transaction.updatedTime = now;
			emitSpend(emulator, 'spend.transaction.updated', 'transaction', transaction);
		}
		return { body: { id: transaction.uuid, status: challenge.status } };
	};
}

/** `/__emulator/spend/3ds-challenges`: make one (POST), or list them (GET). control.ts. */
export function threeDsControl(
	emulator: Emulator,
	method: string,
	path: string,
	input: Record<string, unknown>,
): { status?: number; body?: unknown } | undefined {
	if (path !== '/spend/3ds-challenges') return undefined;
	if (method === 'GET') return { body: [...threeDsChallenges(emulator).values()] };
	if (method === 'POST') return { body: createThreeDsChallenge(emulator, input) };
	return undefined;
}
