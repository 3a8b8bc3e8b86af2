/**
 * BILL Spend & Expense routes (`/v3/spend/*`, Postman folder "Spend & Expense"): users, budgets
 * and their members, cards, transactions with receipts and custom fields, reimbursements,
 * custom fields and their values. Data, token check and the per-minute limit: spendState.ts.
 */
import { randomUUID } from 'crypto';

import { BillError, errors } from '../errors';
import type { FilterableFields } from '../list';
import type { Emulator, RequestContext } from '../server';
import type { Json } from '../state';
import {
	amount,
	body,
	find,
	identity,
	newBudget,
	newCard,
	notFound,
	oneOf,
	required,
	setMember,
	spendData,
	spendPage,
	spendRoute,
	type SpendContext,
	type SpendData,
	type SpendHandler,
} from './spendState';
import { threeDsRoute } from './spendThreeDs';
import { emitSpend, registerSpendWebhooks } from './spendWebhooks';

const ROLES = ['ADMIN', 'AUDITOR', 'BOOKKEEPER', 'MEMBER'];
const INTERVALS = ['NONE', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'];
const BUDGET_ROLES = ['OWNER', 'MEMBER', 'OBSERVER'];
const DELETE_REASONS = ['CANCELLED', 'LOST', 'STOLEN', 'MISPLACED'];
/** The path of the upload URLs the emulator hands out (BILL's are storage addresses, not API). */
export const UPLOAD_PATH = '/v3/spend/__uploads';

const ids: FilterableFields[string] = ['eq', 'in'];

function must<T>(value: T | undefined, what: string, id: string): T {
	if (!value) throw notFound(what, id);
	return value;
}

const userOf = (data: SpendData, id: string) => must(find(data.users, id), 'User', id);
const budgetOf = (data: SpendData, id: string) => must(find(data.budgets, id), 'Budget', id);
const cardOf = (data: SpendData, id: string) => {
	const card = must(find(data.cards, id), 'Card', id);
	if (card.deletedReason) throw notFound('Card', id);
	return card;
};
const transactionOf = (data: SpendData, id: string) =>
	must(find(data.transactions, id), 'Transaction', id);
const reimbursementOf = (data: SpendData, id: string) =>
	must(find(data.reimbursements, id), 'Reimbursement', id);
const customFieldOf = (data: SpendData, id: string) =>
	must(find(data.customFields, id), 'Custom field', id);

function patch(target: Json, changes: Json, allowed: string[]): void {
	for (const [key, value] of Object.entries(changes)) {
		if (!allowed.includes(key)) throw errors.invalid(`${key}: cannot be changed`);
		target[key] = value;
	}
}

function adminOnly(spend: SpendContext, what: string): void {
	if (spend.user.role !== 'ADMIN')
		throw new BillError(403, 'BDC_1146', `Only ADMIN users can ${what}.`, 'APPLICATION');
}

/** A receipt URL must be one this emulator handed out, with an image PUT to it. */
function uploadedUrl(data: SpendData, url: unknown): string {
	const text = String(url ?? '');
	const id = text.split(`${UPLOAD_PATH}/`)[1];
	if (!id || !data.uploads.has(id)) throw errors.invalid('url: is not an upload URL from BILL');
	if (!data.uploads.get(id)) throw errors.invalid('url: no image was uploaded to this URL');
	return text;
}

function receipt(url: string, filename?: unknown): Json {
	return { filename: String(filename ?? url.split('/').pop()), url, uuid: randomUUID() };
}

export function registerSpend(emulator: Emulator): void {
	registerSpendWebhooks(emulator);
	const transactionUpdated = (t: Json) =>
		emitSpend(emulator, 'spend.transaction.updated', 'transaction', t);
	const reimbursementEvent = (what: 'created' | 'updated' | 'deleted', r: Json) =>
		emitSpend(emulator, `spend.reimbursement.${what}`, 'reimbursement', r);
	const route = (method: string, path: string, handler: SpendHandler) =>
		emulator.add(method, path, spendRoute(emulator, handler), { auth: 'none' });
	const uploadUrl = (context: RequestContext, data: SpendData) => {
		const id = randomUUID();
		data.uploads.set(id, undefined);
		const origin = `http://${String(context.headers.host ?? '127.0.0.1')}`;
		return { url: `${origin}/connect${UPLOAD_PATH}/${id}` };
	};

	// The storage side of an upload URL: takes a JPG or PNG, as BILL's receipt flow wants.
	emulator.add(
		'PUT',
		`${UPLOAD_PATH}/:uploadId`,
		(context) => {
			const data = spendData(emulator);
			if (!data.uploads.has(context.params.uploadId))
				throw notFound('Upload', context.params.uploadId);
			const type = String(context.headers['content-type'] ?? '');
			if (!['image/jpeg', 'image/png'].includes(type))
				throw errors.invalid(`Content-Type: must be image/jpeg or image/png, was ${type}`);
			const size = Buffer.isBuffer(context.body) ? context.body.length : context.rawBody.length;
			if (!size) throw errors.invalid('The image is empty');
			data.uploads.set(context.params.uploadId, { contentType: type, size });
			return { status: 200 };
		},
		{ auth: 'none' },
	);

	// Users (Postman "Get list of users" … "Delete a user")
	route('GET', '/v3/spend/users', (context, { data }) => ({
		body: spendPage([...data.users.values()], context.query, {
			filterable: { retired: ['eq'], role: ['eq', 'in'], userIds: ids, email: ['eq'] },
			sortable: ['firstName', 'lastName', 'createdTime'],
			view: (u) => ({ ...u, userIds: u.uuid }),
		}),
	}));
	route('GET', '/v3/spend/users/current', (_context, { user }) => ({ body: user }));
	route('GET', '/v3/spend/users/:userId', (context, { data }) => ({
		body: userOf(data, context.params.userId),
	}));
	route('POST', '/v3/spend/users', (context, { data, now }) => {
		const b = body(context);
		required(b, 'firstName', 'lastName', 'email', 'role');
		oneOf(b, 'role', ROLES);
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(b.email)))
			throw errors.invalid('email: must be a well-formed email address');
		if ([...data.users.values()].some((u) => u.email === b.email && !u.retired))
			throw errors.invalid(`email: a user with ${String(b.email)} exists`);
		const user: Json = {
			...identity(),
			firstName: b.firstName,
			lastName: b.lastName,
			email: b.email,
			retired: false,
			useCompanyMailingAddress: true,
			smsOptIn: false,
			hasDateOfBirth: !!b.dateOfBirth,
			role: b.role,
			createdTime: now,
		};
		data.users.set(String(user.uuid), user);
		return { body: user };
	});
	route('PATCH', '/v3/spend/users/:userId', (context, { data }) => {
		const user = userOf(data, context.params.userId);
		const b = body(context);
		oneOf(b, 'role', ROLES);
		const { dateOfBirth, ...rest } = b;
		patch(user, rest, ['firstName', 'lastName', 'email', 'role', 'phone']);
		delete user.phone;
		if (dateOfBirth) user.hasDateOfBirth = true;
		return { body: user };
	});
	route('DELETE', '/v3/spend/users/:userId', (context, { data }) => {
		const user = userOf(data, context.params.userId);
		data.users.delete(String(user.uuid));
		return { status: 200 };
	});

	// Budgets (Postman "Get list of budgets" … "Delete a budget member")
	route('GET', '/v3/spend/budgets', (context, { data }) => ({
		body: spendPage([...data.budgets.values()], context.query, {
			// `name` eq and sw: https://developer.bill.com/hc/reference/budgets
			filterable: {
				budgetIds: ids,
				retired: ['eq'],
				name: ['eq', 'sw'],
				recurringInterval: ['eq', 'in'],
			},
			sortable: ['name', 'spent', 'startDate'],
			view: (b) => ({
				...b,
				budgetIds: b.uuid,
				spent: ((b.currentPeriod as Json).spent as Json).total,
			}),
		}),
	}));
	route('POST', '/v3/spend/budgets', (context, { data, now }) => {
		const b = body(context);
		required(b, 'name', 'recurringInterval');
		oneOf(b, 'recurringInterval', INTERVALS);
		amount(b, 'limit');
		amount(b, 'recurringLimit');
		const owners = b.owners as unknown[] | undefined;
		if (!Array.isArray(owners) || owners.length === 0)
			throw errors.invalid('owners: must name at least one user');
		const people = (list: unknown, role: string) =>
			((list as unknown[] | undefined) ?? []).map((id) => {
				const user = find(data.users, String(id));
				if (!user) throw errors.invalid(`${role.toLowerCase()}s: no such user ${String(id)}`);
				return user;
			});
		const owners_ = people(owners, 'OWNER');
		const members = people(b.members, 'MEMBER');
		const observers = people(b.observers, 'OBSERVER');
		if (b.recurMonth !== undefined) {
			if (!['QUARTERLY', 'YEARLY'].includes(String(b.recurringInterval)))
				throw errors.invalid('recurMonth: only with QUARTERLY or YEARLY');
			const month = Number(b.recurMonth);
			if (!Number.isInteger(month) || month < 1 || month > 12)
				throw errors.invalid('recurMonth: must be 1 to 12');
		}
		const budget = newBudget(data, b, now);
		for (const u of owners_) setMember(data, budget, u, { role: 'OWNER' });
		for (const u of members) setMember(data, budget, u, { role: 'MEMBER' });
		for (const u of observers) setMember(data, budget, u, { role: 'OBSERVER' });
		return { body: budget };
	});
	route('GET', '/v3/spend/budgets/:budgetId', (context, { data }) => ({
		body: budgetOf(data, context.params.budgetId),
	}));
	route('PATCH', '/v3/spend/budgets/:budgetId', (context, { data }) => {
		const budget = budgetOf(data, context.params.budgetId);
		const b = body(context);
		oneOf(b, 'recurringInterval', INTERVALS);
		const { limit, ...rest } = b;
		if (limit !== undefined) (budget.currentPeriod as Json).limit = amount(b, 'limit');
		if (rest.recurringLimit !== undefined) rest.recurringLimit = amount(b, 'recurringLimit');
		patch(budget, rest, [
			'name',
			'description',
			'recurringInterval',
			'recurringLimit',
			'expirationDate',
			'timezone',
			'shareFunds',
			'receiptRequired',
			'autoAddUsers',
		]);
		return { body: budget };
	});
	route('DELETE', '/v3/spend/budgets/:budgetId', (context, { data }) => {
		const budget = budgetOf(data, context.params.budgetId);
		data.budgets.delete(String(budget.uuid));
		data.members.delete(String(budget.uuid));
		return { status: 200 };
	});
	route('GET', '/v3/spend/budgets/:budgetId/members', (context, { data }) => {
		const budget = budgetOf(data, context.params.budgetId);
		return {
			body: spendPage([...data.members.get(String(budget.uuid))!.values()], context.query, {
				filterable: { retired: ['eq'], budgetRole: ['eq', 'in'] },
				sortable: ['spent', 'name', 'limit'],
			}),
		};
	});
	route('PUT', '/v3/spend/budgets/:budgetId/members/bulk', (context, { data }) => {
		const budget = budgetOf(data, context.params.budgetId);
		const list = body(context).members;
		if (!Array.isArray(list) || list.length === 0)
			throw errors.invalid('members: must list at least one member');
		// All checked before any is applied.
		const plan = (list as Json[]).map((m, i) => {
			const user = find(data.users, String(m.userId ?? m.userUuid));
			if (!user) throw errors.invalid(`members[${i}].userId: no such user`);
			oneOf(m, 'role', BUDGET_ROLES);
			amount(m, 'limit');
			amount(m, 'recurringLimit');
			return { user, m };
		});
		for (const { user, m } of plan) setMember(data, budget, user, m);
		// BILL processes more than 5 members asynchronously (Postman "Update multiple budget members"); the emulator at once.
		return { body: { status: plan.length > 5 ? 'IN_PROGRESS' : 'SUCCESS' } };
	});
	route('GET', '/v3/spend/budgets/:budgetId/members/:userId', (context, { data }) => {
		const budget = budgetOf(data, context.params.budgetId);
		const user = userOf(data, context.params.userId);
		return {
			body: must(
				data.members.get(String(budget.uuid))!.get(String(user.uuid)),
				'Budget member',
				context.params.userId,
			),
		};
	});
	route('PUT', '/v3/spend/budgets/:budgetId/members/:userId', (context, { data }) => {
		const budget = budgetOf(data, context.params.budgetId);
		const user = userOf(data, context.params.userId);
		const b = body(context);
		oneOf(b, 'role', BUDGET_ROLES);
		amount(b, 'limit');
		amount(b, 'recurringLimit');
		return { body: setMember(data, budget, user, b) };
	});
	route('DELETE', '/v3/spend/budgets/:budgetId/members/:userId', (context, { data }) => {
		const budget = budgetOf(data, context.params.budgetId);
		const user = userOf(data, context.params.userId);
		const members = data.members.get(String(budget.uuid))!;
		if (!members.delete(String(user.uuid))) throw notFound('Budget member', context.params.userId);
		return { status: 200 };
	});

	// Cards (Postman "Get list of cards" … "Unfreeze a vendor card"; no PAN JWT: see README)
	route('GET', '/v3/spend/cards', (context, { data }) => ({
		body: spendPage(
			[...data.cards.values()].filter((c) => !c.deletedReason),
			context.query,
			{
				filterable: {
					cardIds: ids,
					budgetId: ids,
					userId: ids,
					status: ['eq', 'in'],
					type: ['eq'],
				},
				sortable: ['status', 'name', 'createdTime'],
				view: (c) => ({ ...c, cardIds: c.uuid, budgetId: c.budgetUuid, userId: c.userUuid }),
			},
		),
	}));
	route('POST', '/v3/spend/cards', (context, { data, now }) => {
		const b = body(context);
		// Open question: Postman "Create a vendor card" sends userId/budgetId, the guide
		// (https://developer.bill.com/docs/virtual-cards) userUuid/budgetUuid; both are taken.
		required(b, 'name');
		if (!b.userId && !b.userUuid) throw errors.invalid('userId: must not be null');
		if (!b.budgetId && !b.budgetUuid) throw errors.invalid('budgetId: must not be null');
		amount(b, 'limit', { required: true });
		return { body: newCard(data, b, now) };
	});
	route('GET', '/v3/spend/cards/:cardId', (context, { data }) => ({
		body: cardOf(data, context.params.cardId),
	}));
	route('PATCH', '/v3/spend/cards/:cardId', (context, { data, now }) => {
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
	});
	route('DELETE', '/v3/spend/cards/:cardId', (context, { data, now }) => {
		const card = cardOf(data, context.params.cardId);
		const reason = context.query.reason ?? 'CANCELLED';
		if (!DELETE_REASONS.includes(reason))
			throw errors.invalid(`reason: must be one of ${DELETE_REASONS.join(', ')}`);
		card.deletedReason = reason;
		card.updatedTime = now;
		return { status: 200 };
	});
	for (const [action, status] of [
		['freeze', 'FROZEN'],
		['unfreeze', 'ACTIVE'],
	] as const) {
		route('POST', `/v3/spend/cards/:cardId/${action}`, (context, { data, now }) => {
			const card = cardOf(data, context.params.cardId);
			if (card.status !== status) {
				card.status = status;
				card.updatedTime = now;
			}
			return { body: card };
		});
	}

	// Transactions (Postman "Get list of transactions" … "Delete a transaction receipt")
	route('GET', '/v3/spend/transactions', (context, { data }) => {
		const page = spendPage([...data.transactions.values()], context.query, {
			maxPage: 50,
			// https://developer.bill.com/reference/listtransactions and the changelogs of
			// 2025-11-05 (syncStatus) and 2026-01-26 (updatedTime, authorizedTime).
			filterable: {
				cardId: ids,
				userId: ids,
				budgetId: ids,
				transactionIds: ids,
				merchantName: ['eq'],
				amount: ['gte', 'lte'],
				fees: ['gte', 'lte'],
				updatedTime: ['gte', 'lte'],
				authorizedTime: ['gte', 'lte'],
				occurredTime: ['gte', 'lte'],
				syncStatus: ['eq', 'ne', 'in', 'nin'],
				status: ['eq', 'in'],
				transactionType: ['eq', 'in'],
			},
			sortable: ['amount', 'merchantName', 'occurredTime'],
			view: (t) => ({
				...t,
				cardId: t.cardUuid,
				userId: t.userUuid,
				budgetId: t.budgetUuid,
				transactionIds: t.uuid,
				syncStatus: t.syncStatus ?? 'NOT_SYNCED',
			}),
		});
		if (context.query.includeReceipts !== 'true')
			page.results = (page.results as Json[]).map(({ receipts: _r, ...t }) => t);
		return { body: page };
	});
	route('POST', '/v3/spend/transactions/receipt-upload-url', (context, { data }) => ({
		body: uploadUrl(context, data),
	}));
	route('GET', '/v3/spend/transactions/:transactionId', (context, { data }) => ({
		body: transactionOf(data, context.params.transactionId),
	}));
	route('PUT', '/v3/spend/transactions/:transactionId', (context, { data, now }) => {
		const t = transactionOf(data, context.params.transactionId);
		const b = body(context);
		required(b, 'budgetId');
		const budget = find(data.budgets, String(b.budgetId));
		if (!budget) throw errors.invalid(`budgetId: no such budget ${String(b.budgetId)}`);
		Object.assign(t, {
			budgetId: budget.id,
			budgetUuid: budget.uuid,
			budgetName: budget.name,
			updatedTime: now,
		});
		transactionUpdated(t);
		return { body: t };
	});
	route('GET', '/v3/spend/transactions/:transactionId/custom-fields', (context, { data }) => ({
		body: { results: transactionOf(data, context.params.transactionId).customFields },
	}));
	route('PUT', '/v3/spend/transactions/:transactionId/custom-fields', (context, { data, now }) => {
		const t = transactionOf(data, context.params.transactionId);
		const list = body(context).customFields;
		if (!Array.isArray(list) || list.length === 0)
			throw errors.invalid('customFields: must list at least one custom field');
		const set = (list as Json[]).map((entry, i) => {
			const field = find(data.customFields, String(entry.customFieldId));
			if (!field) throw errors.invalid(`customFields[${i}].customFieldId: no such custom field`);
			const values = data.values.get(String(field.uuid)) ?? [];
			const selected = ((entry.selectedValues as unknown[] | undefined) ?? []).map((v) => {
				const value = values.find((x) => (x.uuid === v || x.id === v) && !x.deleted);
				if (value) return { id: value.id, uuid: value.uuid, value: value.value };
				if (!field.allowCustomValues)
					throw errors.invalid(`customFields[${i}].selectedValues: no such value ${String(v)}`);
				return { ...identity(), value: String(v) };
			});
			return {
				id: field.id,
				uuid: field.uuid,
				name: field.name,
				note: entry.note ?? null,
				isRequired: field.required,
				selectedValues: selected,
			};
		});
		const current = (t.customFields as Json[]).filter((c) => !set.some((s) => s.uuid === c.uuid));
		t.customFields = [...current, ...set];
		t.updatedTime = now;
		transactionUpdated(t);
		return { body: { status: 'SUCCESS' } };
	});
	route(
		'GET',
		'/v3/spend/transactions/:transactionId/custom-fields/:customFieldId/values',
		(context, { data }) => {
			const t = transactionOf(data, context.params.transactionId);
			const field = customFieldOf(data, context.params.customFieldId);
			const set = (t.customFields as Json[]).find((c) => c.uuid === field.uuid);
			return {
				body: spendPage((set?.selectedValues as Json[]) ?? [], context.query, {
					filterable: {},
					sortable: [],
				}),
			};
		},
	);
	route('POST', '/v3/spend/transactions/:transactionId/receipts', (context, { data, now }) => {
		const t = transactionOf(data, context.params.transactionId);
		const url = uploadedUrl(data, body(context).url);
		const r = receipt(url);
		(t.receipts as Json[]).push(r);
		t.receiptStatus = 'ATTACHED';
		t.updatedTime = now;
		transactionUpdated(t);
		return { body: r };
	});
	route(
		'DELETE',
		'/v3/spend/transactions/:transactionId/receipts/:receiptId',
		(context, { data }) => {
			const t = transactionOf(data, context.params.transactionId);
			const receipts = t.receipts as Json[];
			const index = receipts.findIndex((r) => r.uuid === context.params.receiptId);
			if (index < 0) throw notFound('Receipt', context.params.receiptId);
			receipts.splice(index, 1);
			if (!receipts.length) t.receiptStatus = 'NOT_ATTACHED';
			transactionUpdated(t);
			return { status: 200 };
		},
	);

	// 3-D Secure (Postman "Accept or reject a transaction"): spendThreeDs.ts
	route('POST', '/v3/spend/transactions/:acsTransactionId/3ds-challenge', threeDsRoute(emulator));

	// Reimbursements (Postman "Get list of reimbursements" … "Delete a reimbursement receipt")
	route('GET', '/v3/spend/reimbursements', (context, { data }) => ({
		body: spendPage([...data.reimbursements.values()], context.query, {
			filterable: {
				reimbursementIds: ids,
				status: ['eq', 'in'],
				userId: ids,
				budgetId: ids,
				amount: ['gte', 'lte'],
				submittedTime: ['gte', 'lte'],
				retired: ['eq'],
			},
			sortable: ['submittedTime', 'amount', 'occurredDate'],
			view: (r) => ({
				...r,
				reimbursementIds: r.uuid,
				userId: r.userUuid,
				budgetId: r.budgetUuid,
			}),
		}),
	}));
	route('POST', '/v3/spend/reimbursements/image-upload-url', (context, { data }) => ({
		body: uploadUrl(context, data),
	}));
	route('POST', '/v3/spend/reimbursements', (context, { data, user: submitter }) => {
		const b = body(context);
		required(b, 'budgetId', 'userId', 'occurredDate', 'merchantName');
		amount(b, 'amount', { required: true });
		if (Number(b.amount) <= 0) throw errors.invalid('amount: must be more than 0');
		if (!/^\d{4}-\d{2}-\d{2}$/.test(String(b.occurredDate)))
			throw errors.invalid('occurredDate: must be yyyy-MM-dd');
		const budget = find(data.budgets, String(b.budgetId));
		const user = find(data.users, String(b.userId));
		if (!budget) throw errors.invalid(`budgetId: no such budget ${String(b.budgetId)}`);
		if (!user) throw errors.invalid(`userId: no such user ${String(b.userId)}`);
		const receipts = ((b.receipts as Json[] | undefined) ?? []).map((r) =>
			receipt(uploadedUrl(data, r.url), r.filename),
		);
		const now = new Date(context.clock.ms()).toISOString();
		const r: Json = {
			...identity(),
			amount: Number(b.amount),
			merchantName: b.merchantName,
			note: b.note ?? '',
			submittedTime: now,
			occurredDate: b.occurredDate,
			retired: false,
			// Open question: BILL's examples show no status for a new submission; the emulator
			// says AWAITING_APPROVAL until an ADMIN approves (APPROVED) or denies (DENIED) it.
			status: 'AWAITING_APPROVAL',
			type: 'REIMBURSEMENT',
			statusHistory: [
				{
					actorId: submitter.id,
					actorRole: 'SUBMITTER',
					occurredTime: now,
					note: b.note ?? '',
					status: 'AWAITING_APPROVAL',
				},
			],
			budgetId: budget.id,
			budgetUuid: budget.uuid,
			userId: user.id,
			userUuid: user.uuid,
			receipts,
			customFields: [],
		};
		data.reimbursements.set(String(r.uuid), r);
		reimbursementEvent('created', r);
		return { body: r };
	});
	route('GET', '/v3/spend/reimbursements/:reimbursementId', (context, { data }) => ({
		body: reimbursementOf(data, context.params.reimbursementId),
	}));
	route('PATCH', '/v3/spend/reimbursements/:reimbursementId', (context, { data }) => {
		const r = reimbursementOf(data, context.params.reimbursementId);
		if (['APPROVED', 'PAID', 'READY_TO_PAY'].includes(String(r.status)))
			throw errors.invalid(`Reimbursement is ${String(r.status)} and can no longer be changed`);
		const b = body(context);
		if (b.amount !== undefined) b.amount = amount(b, 'amount');
		if (b.occurredDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(b.occurredDate)))
			throw errors.invalid('occurredDate: must be yyyy-MM-dd');
		if (b.budgetId !== undefined) {
			const budget = find(data.budgets, String(b.budgetId));
			if (!budget) throw errors.invalid(`budgetId: no such budget ${String(b.budgetId)}`);
			delete b.budgetId;
			r.budgetId = budget.id;
			r.budgetUuid = budget.uuid;
		}
		patch(r, b, ['amount', 'merchantName', 'note', 'occurredDate']);
		reimbursementEvent('updated', r);
		return { body: r };
	});
	route('DELETE', '/v3/spend/reimbursements/:reimbursementId', (context, { data }) => {
		const r = reimbursementOf(data, context.params.reimbursementId);
		data.reimbursements.delete(String(r.uuid));
		reimbursementEvent('deleted', r);
		return { status: 200 };
	});
	route('POST', '/v3/spend/reimbursements/:reimbursementId/action', (context, spend) => {
		adminOnly(spend, 'approve or deny reimbursements');
		const r = reimbursementOf(spend.data, context.params.reimbursementId);
		const b = body(context);
		// Open question: Postman "Approve or deny a reimbursement" shows APPROVE; DENY is the emulator's
		// (and the node's) word for the other.
		oneOf(b, 'action', ['APPROVE', 'DENY']);
		required(b, 'action');
		if (r.status !== 'AWAITING_APPROVAL')
			throw errors.invalid(`Reimbursement is ${String(r.status)}, not awaiting approval`);
		const status = b.action === 'APPROVE' ? 'APPROVED' : 'DENIED';
		r.status = status;
		(r.statusHistory as Json[]).push({
			actorId: spend.user.id,
			actorRole: 'MANAGER',
			occurredTime: spend.now,
			note: b.note ?? '',
			status,
		});
		reimbursementEvent('updated', r);
		return { body: r };
	});
	route('POST', '/v3/spend/reimbursements/:reimbursementId/receipts', (context, { data }) => {
		const r = reimbursementOf(data, context.params.reimbursementId);
		const b = body(context);
		const added = receipt(uploadedUrl(data, b.url), b.filename);
		(r.receipts as Json[]).push(added);
		reimbursementEvent('updated', r);
		return { body: added };
	});
	route(
		'DELETE',
		'/v3/spend/reimbursements/:reimbursementId/receipts/:receiptId',
		(context, { data }) => {
			const r = reimbursementOf(data, context.params.reimbursementId);
			const receipts = r.receipts as Json[];
			const index = receipts.findIndex((x) => x.uuid === context.params.receiptId);
			if (index < 0) throw notFound('Receipt', context.params.receiptId);
			receipts.splice(index, 1);
			return { status: 200 };
		},
	);

	// Custom fields (Postman "Get list of custom fields" … "Get custom field value details")
	route('GET', '/v3/spend/custom-fields', (context, { data }) => ({
		body: spendPage([...data.customFields.values()], context.query, {
			// `name` eq and sw: https://developer.bill.com/hc/reference/listcustomfields
			filterable: {
				customFieldIds: ids,
				retired: ['eq'],
				global: ['eq'],
				type: ['eq'],
				name: ['eq', 'sw'],
			},
			sortable: ['createdTime', 'name'],
			view: (f) => ({ ...f, customFieldIds: f.uuid }),
		}),
	}));
	route('POST', '/v3/spend/custom-fields', (context, { data, now }) => {
		const b = body(context);
		required(b, 'name');
		const type =
			b.type ?? (Array.isArray(b.values) && b.values.length ? 'CUSTOM_SELECTOR' : 'NOTE');
		oneOf({ type }, 'type', ['NOTE', 'CUSTOM_SELECTOR']);
		const budgets = ((b.selectedBudgetIds as unknown[] | undefined) ?? []).map((id) => {
			const budget = find(data.budgets, String(id));
			if (!budget) throw errors.invalid(`selectedBudgetIds: no such budget ${String(id)}`);
			return budget;
		});
		const field: Json = {
			...identity(),
			name: b.name,
			description: b.description ?? '',
			type,
			multiSelect: Boolean(b.multiSelect),
			allowCustomValues: Boolean(b.allowCustomValues),
			minimumAmountForRequirement: b.minimumAmountForRequirement ?? null,
			required: Boolean(b.required),
			global: b.global === undefined ? budgets.length === 0 : Boolean(b.global),
			retired: false,
			createdTime: now,
			selectedBudgetIds: budgets.map((x) => x.id),
			selectedBudgetUuids: budgets.map((x) => x.uuid),
			requiredBudgetIds: [],
			requiredBudgetUuids: [],
		};
		data.customFields.set(String(field.uuid), field);
		data.values.set(
			String(field.uuid),
			((b.values as unknown[] | undefined) ?? []).map((v) => ({
				...identity(),
				value: String(v),
				deleted: false,
			})),
		);
		return { body: field };
	});
	route('GET', '/v3/spend/custom-fields/:customFieldId', (context, { data }) => ({
		body: customFieldOf(data, context.params.customFieldId),
	}));
	route('PATCH', '/v3/spend/custom-fields/:customFieldId', (context, { data }) => {
		const field = customFieldOf(data, context.params.customFieldId);
		patch(field, body(context), [
			'name',
			'description',
			'required',
			'allowCustomValues',
			'multiSelect',
			'minimumAmountForRequirement',
			'global',
		]);
		return { body: field };
	});
	route('DELETE', '/v3/spend/custom-fields/:customFieldId', (context, { data }) => {
		const field = customFieldOf(data, context.params.customFieldId);
		data.customFields.delete(String(field.uuid));
		data.values.delete(String(field.uuid));
		return { status: 200 };
	});
	route('GET', '/v3/spend/custom-fields/:customFieldId/values', (context, { data }) => {
		const field = customFieldOf(data, context.params.customFieldId);
		return {
			body: spendPage(
				(data.values.get(String(field.uuid)) ?? []).filter((v) => !v.deleted),
				context.query,
				{ filterable: { value: ['eq'] }, sortable: ['value'] },
			),
		};
	});
	route('POST', '/v3/spend/custom-fields/:customFieldId/values', (context, { data }) => {
		const field = customFieldOf(data, context.params.customFieldId);
		const list = body(context).values;
		if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || !v))
			throw errors.invalid('values: must list at least one text value');
		const values = data.values.get(String(field.uuid))!;
		const added = (list as string[]).map((value) => {
			const v: Json = { ...identity(), value, deleted: false };
			values.push(v);
			return v;
		});
		// Postman's example shows one value object; with several values the emulator answers the list.
		return { body: added.length === 1 ? added[0] : added };
	});
	route('DELETE', '/v3/spend/custom-fields/:customFieldId/values', (context, { data }) => {
		const field = customFieldOf(data, context.params.customFieldId);
		const idsToDelete = body(context).customFieldValueIds;
		if (!Array.isArray(idsToDelete) || idsToDelete.length === 0)
			throw errors.invalid('customFieldValueIds: must list at least one value');
		const values = data.values.get(String(field.uuid))!;
		const found = idsToDelete.map((id) => {
			const value = values.find((v) => v.uuid === id || v.id === id);
			if (!value) throw errors.invalid(`customFieldValueIds: no such value ${String(id)}`);
			return value;
		});
		// Deleted values stay on past transactions (https://developer.bill.com/docs/transaction-management).
		for (const value of found) value.deleted = true;
		return { status: 200 };
	});
	route(
		'GET',
		'/v3/spend/custom-fields/:customFieldId/values/:customFieldValueId',
		(context, { data }) => {
			const field = customFieldOf(data, context.params.customFieldId);
			const value = (data.values.get(String(field.uuid)) ?? []).find(
				(v) =>
					v.uuid === context.params.customFieldValueId ||
					v.id === context.params.customFieldValueId,
			);
			return { body: must(value, 'Custom field value', context.params.customFieldValueId) };
		},
	);
}
