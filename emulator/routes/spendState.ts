/**
 * BILL Spend & Expense in the emulator: its data, its token check and its per-minute limit
 * (https://developer.bill.com/docs/spend-expense-api, BILL's Postman folder "Spend & Expense"). The data hangs off the emulator's State, so
 * `emulator.reset()` brings the fixtures back; the limit's settings hang off the emulator.
 *
 * - `apiToken` header, no session: a token stands for the S&E user who generated it.
 * - 60 calls a minute per token, enforced; `spendLimits(emulator)` (or POST
 *   /__emulator/spend/limits) lowers or raises it and shortens the minute for tests.
 * - Creates answer 200; lists `{nextPage, prevPage, results}`, next page asked for with the
 *   `nextPage`/`prevPage` query parameter; `max` ≤ 100, transactions ≤ 50.
 * - Every object has `id` (older) and `uuid`; paths take either.
 */
import { randomUUID } from 'crypto';

import { BillError, errors } from '../errors';
import type { Emulator, Handler, RequestContext } from '../server';
import { bearerSession } from './authOAuth';
import type { Json, State } from '../state';

export const SPEND_FIXTURES = {
	/** The token of the ADMIN user who "generated" it (Get current user details). */
	apiToken: 'se-sandbox-admin-token-7f3c2a91',
	/** A token of a MEMBER user: may read, may not approve reimbursements. */
	memberApiToken: 'se-sandbox-member-token-1b8e44d0',
};

export interface SpendLimits {
	/** Calls allowed per token in one window (BILL: 60). */
	perWindow: number;
	/** The window's length (BILL: one minute). */
	windowMs: number;
	enforce: boolean;
}

export interface SpendData {
	users: Map<string, Json>;
	budgets: Map<string, Json>;
	/** Budget uuid → user uuid → member. */
	members: Map<string, Map<string, Json>>;
	cards: Map<string, Json>;
	transactions: Map<string, Json>;
	reimbursements: Map<string, Json>;
	customFields: Map<string, Json>;
	/** Custom field uuid → its values. */
	values: Map<string, Json[]>;
	/** Token → uuid of the user it belongs to. */
	tokens: Map<string, string>;
	/** Upload URLs handed out, and the image PUT to each (undefined until then). */
	uploads: Map<string, { contentType: string; size: number } | undefined>;
	/** Arrival times of calls, per token (the per-minute limit). */
	calls: Map<string, number[]>;
	/** 429s answered, per token, since the last reset. */
	refused: number;
	/**
	 * Per token (named by its label: `admin`, `member`, or what POST /__emulator/spend/tokens
	 * gave): calls served, calls refused, and the most calls seen in one window (the limit kept).
	 */
	usage: Map<string, { label: string; calls: number; refused: number; peak: number }>;
}

const limitsOf = new WeakMap<Emulator, SpendLimits>();
const dataOf = new WeakMap<State, SpendData>();

export function spendLimits(emulator: Emulator, change: Partial<SpendLimits> = {}): SpendLimits {
	const limits = limitsOf.get(emulator) ?? { perWindow: 60, windowMs: 60_000, enforce: true };
	Object.assign(limits, change);
	limitsOf.set(emulator, limits);
	return limits;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** The older S&E `id`: an opaque string (base64-looking in BILL's examples). */
export function legacyId(): string {
	let out = '';
	for (let i = 0; i < 16; i++) out += ALNUM[Math.floor(Math.random() * ALNUM.length)];
	return `${out}==`;
}

export function identity(): { id: string; uuid: string } {
	return { id: legacyId(), uuid: randomUUID() };
}

/** Finds by uuid or by the older id, as S&E paths take either. */
export function find(map: Map<string, Json>, key: string): Json | undefined {
	return map.get(key) ?? [...map.values()].find((o) => o.id === key);
}

export function spendData(emulator: Emulator): SpendData {
	const state = emulator.state;
	let data = dataOf.get(state);
	if (!data) {
		data = seed(emulator);
		dataOf.set(state, data);
	}
	return data;
}

export interface SpendContext {
	data: SpendData;
	/** The user the token belongs to. */
	user: Json;
	now: string;
}

export type SpendHandler = (
	context: RequestContext,
	spend: SpendContext,
) => { status?: number; body?: unknown; headers?: Record<string, string> };

/** Open question: S&E's answer to a bad token is undocumented (https://developer.bill.com/docs/authentication-with-api-token). */
const badToken = () => new BillError(401, 'BDC_1109', 'API token is invalid.', 'DOWNSTREAM');

/** Token check and the per-minute limit, then the route. */
export function spendRoute(emulator: Emulator, handler: SpendHandler): Handler {
	return (context) => {
		const data = spendData(emulator);
		const raw = context.headers.apitoken;
		// OAuth: one token serves AP, AR and S&E; the emulator's apps are the S&E admin's.
		const token = bearerSession(emulator, context)
			? SPEND_FIXTURES.apiToken
			: Array.isArray(raw)
				? raw[0]
				: raw;
		const userUuid = token ? data.tokens.get(token) : undefined;
		const user = userUuid ? data.users.get(userUuid) : undefined;
		if (!token || !user || user.retired) throw badToken();
		const limits = spendLimits(emulator);
		const usage = data.usage.get(token) ?? { label: 'token', calls: 0, refused: 0, peak: 0 };
		data.usage.set(token, usage);
		if (limits.enforce) {
			const now = Date.now();
			const calls = (data.calls.get(token) ?? []).filter((t) => t > now - limits.windowMs);
			if (calls.length >= limits.perWindow) {
				data.refused++;
				usage.refused++;
				data.calls.set(token, calls);
				const waitMs = calls[0] + limits.windowMs - now;
				// BILL documents 60 calls a minute (https://developer.bill.com/docs/spend-expense-api)
				// but not its answer: readings.ts spendRateLimit.
				const message = `Max number of allowed requests per minute reached: ${limits.perWindow}.`;
				if (emulator.readings.spendRateLimit === 'bdc1144') {
					const error = new BillError(400, 'BDC_1144', message, 'DOWNSTREAM');
					return { status: 400, body: error.body(context.clock.now()) };
				}
				const error = new BillError(429, 'BDC_1144', message);
				return {
					status: 429,
					body: error.body(context.clock.now()),
					headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
				};
			}
			calls.push(now);
			data.calls.set(token, calls);
			usage.peak = Math.max(usage.peak, calls.length);
		}
		usage.calls++;
		return handler(context, { data, user, now: new Date(context.clock.ms()).toISOString() });
	};
}

function seed(emulator: Emulator): SpendData {
	const now = new Date(emulator.clock.ms()).toISOString();
	const data: SpendData = {
		users: new Map(),
		budgets: new Map(),
		members: new Map(),
		cards: new Map(),
		transactions: new Map(),
		reimbursements: new Map(),
		customFields: new Map(),
		values: new Map(),
		tokens: new Map(),
		uploads: new Map(),
		calls: new Map(),
		refused: 0,
		usage: new Map(),
	};
	const user = (firstName: string, lastName: string, role: string) => {
		const u: Json = {
			...identity(),
			firstName,
			lastName,
			email: `${firstName.toLowerCase()}@happymusicsupplies.example`,
			retired: false,
			useCompanyMailingAddress: true,
			smsOptIn: false,
			hasDateOfBirth: false,
			role,
			createdTime: now,
		};
		data.users.set(String(u.uuid), u);
		return u;
	};
	const admin = user('Ada', 'Admin', 'ADMIN');
	const member = user('Clark', 'Spenderson', 'MEMBER');
	user('Bea', 'Bookkeeper', 'BOOKKEEPER');
	data.tokens.set(SPEND_FIXTURES.apiToken, String(admin.uuid));
	data.tokens.set(SPEND_FIXTURES.memberApiToken, String(member.uuid));
	data.usage.set(SPEND_FIXTURES.apiToken, { label: 'admin', calls: 0, refused: 0, peak: 0 });
	data.usage.set(SPEND_FIXTURES.memberApiToken, { label: 'member', calls: 0, refused: 0, peak: 0 });
	const marketing = newBudget(
		data,
		{ name: 'Marketing', recurringInterval: 'MONTHLY', limit: 5000 },
		now,
	);
	const travel = newBudget(
		data,
		{ name: 'Travel', recurringInterval: 'QUARTERLY', limit: 20000 },
		now,
	);
	for (const budget of [marketing, travel]) {
		setMember(data, budget, admin, { role: 'OWNER', limit: 0 });
		setMember(data, budget, member, { role: 'MEMBER', limit: 1000 });
	}
	newCard(
		data,
		{ name: 'Ads card', userId: member.uuid, budgetId: marketing.uuid, limit: 500 },
		now,
	);
	newCard(
		data,
		{ name: 'Travel card', userId: member.uuid, budgetId: travel.uuid, limit: 2000 },
		now,
	);
	seedTransactions(data, 12, Date.parse(now));
	return data;
}

export function newBudget(data: SpendData, b: Json, now: string): Json {
	const limit = Number(b.limit ?? b.recurringLimit ?? 0);
	const today = now.slice(0, 10);
	const budget: Json = {
		...identity(),
		name: b.name,
		description: b.description ?? '',
		retired: false,
		startDate: today,
		expirationDate: b.expirationDate ?? null,
		recurringInterval: b.recurringInterval ?? 'NONE',
		timezone: b.timezone ?? 'US/Pacific',
		autoAddUsers: false,
		receiptRequired: true,
		maxTxSize: null,
		carryOver: false,
		default: false,
		parentBudgetId: null,
		parentBudgetUuid: null,
		budgetGroup: false,
		shareFunds: b.shareFunds ?? 'SHARE_MANUALLY',
		recurringLimit: Number(b.recurringLimit ?? limit),
		limitlessOverspend: false,
		limitlessGoal: 0,
		currentPeriod: {
			startDate: today,
			endDate: b.expirationDate ?? null,
			limit,
			overspendBuffer: 0,
			assigned: 0,
			spent: { cleared: 0, pending: 0, total: 0 },
		},
	};
	data.budgets.set(String(budget.uuid), budget);
	data.members.set(String(budget.uuid), new Map());
	return budget;
}

export function setMember(
	data: SpendData,
	budget: Json,
	user: Json,
	m: { role?: string; limit?: unknown; recurringLimit?: unknown; shareBudgetFunds?: unknown },
): Json {
	const members = data.members.get(String(budget.uuid))!;
	const existing = members.get(String(user.uuid));
	const member: Json = existing ?? {
		userId: user.id,
		userUuid: user.uuid,
		spent: 0,
		limit: 0,
		recurringLimit: 0,
		recurring: budget.recurringInterval !== 'NONE',
		budgetRole: 'MEMBER',
		name: `${String(user.firstName)} ${String(user.lastName)}`,
		retired: false,
		shareBudgetFunds: false,
	};
	if (m.role !== undefined) member.budgetRole = m.role;
	if (m.limit !== undefined) member.limit = Number(m.limit);
	if (m.recurringLimit !== undefined) member.recurringLimit = Number(m.recurringLimit);
	if (m.shareBudgetFunds !== undefined) member.shareBudgetFunds = Boolean(m.shareBudgetFunds);
	members.set(String(user.uuid), member);
	return member;
}

export function newCard(data: SpendData, c: Json, now: string): Json {
	const user = find(data.users, String(c.userId ?? c.userUuid));
	const budget = find(data.budgets, String(c.budgetId ?? c.budgetUuid));
	if (!user) throw errors.invalid(`userId: no such user ${String(c.userId ?? c.userUuid)}`);
	if (!budget)
		throw errors.invalid(`budgetId: no such budget ${String(c.budgetId ?? c.budgetUuid)}`);
	const expires = new Date(Date.parse(now) + 3 * 365 * 86_400_000);
	const card: Json = {
		...identity(),
		name: c.name,
		userId: user.id,
		userUuid: user.uuid,
		budgetId: budget.id,
		budgetUuid: budget.uuid,
		lastFour: String(1000 + Math.floor(Math.random() * 9000)),
		validThru: `${String(expires.getUTCMonth() + 1).padStart(2, '0')}/${String(expires.getUTCFullYear()).slice(2)}`,
		expirationDate: expires.toISOString().slice(0, 10),
		// The card statuses of https://developer.bill.com/reference/listcards: ACTIVATED, NOT_ACTIVATED, FROZEN, DELETED.
		status: 'ACTIVATED',
		type: 'VIRTUAL',
		shareBudgetFunds: false,
		recurring: c.recurringLimit !== undefined,
		recurringLimit: c.recurringLimit !== undefined ? Number(c.recurringLimit) : null,
		currentPeriod: { limit: Number(c.limit), spent: 0 },
		createdTime: now,
		updatedTime: now,
	};
	data.cards.set(String(card.uuid), card);
	return card;
}

const MERCHANTS = ['Jasmine Thai', 'Delta Air Lines', 'Google Ads', 'Staples', 'Uber', 'AWS'];
const TYPES = ['AUTHORIZATION', 'CLEAR', 'CLEAR', 'CLEAR', 'DECLINE'];
const STATUS_OF: Record<string, string> = {
	AUTHORIZATION: 'APPROVED',
	CLEAR: 'COMPLETE',
	DECLINE: 'DECLINED',
};

/** Adds `count` card transactions spread over the last 90 days, on the existing cards. */
export function seedTransactions(data: SpendData, count: number, nowMs: number): void {
	const cards = [...data.cards.values()];
	for (let i = 0; i < count; i++) {
		const card = cards[i % cards.length];
		const user = find(data.users, String(card.userUuid))!;
		const budget = find(data.budgets, String(card.budgetUuid))!;
		const type = TYPES[i % TYPES.length];
		const occurred = new Date(nowMs - ((i * 7_919_000) % (90 * 86_400_000))).toISOString();
		const amountValue = Math.round(((i * 3779) % 100_000) + 100) / 100;
		const t: Json = {
			...identity(),
			transactionType: type,
			status: STATUS_OF[type],
			userId: user.id,
			userUuid: user.uuid,
			userName: `${String(user.firstName)} ${String(user.lastName)}`,
			rawMerchantName: MERCHANTS[i % MERCHANTS.length].toUpperCase(),
			merchantName: MERCHANTS[i % MERCHANTS.length],
			budgetId: budget.id,
			budgetUuid: budget.uuid,
			budgetName: budget.name,
			isCredit: false,
			receiptRequired: amountValue >= 75,
			occurredTime: occurred,
			updatedTime: occurred,
			authorizedTime: occurred,
			complete: type === 'CLEAR',
			customFields: [],
			receipts: [],
			isParent: true,
			amount: type === 'DECLINE' ? 0 : amountValue,
			receiptStatus: 'NOT_ATTACHED',
			cardId: card.id,
			cardUuid: card.uuid,
			cardLastFour: card.lastFour,
			cardType: card.type,
			merchantCategoryCode: '5812',
		};
		data.transactions.set(String(t.uuid), t);
	}
}

/** Seeds `count` more transactions (for tests of long lists); in-process or POST /__emulator/spend/seed. */
export function seedSpendTransactions(emulator: Emulator, count: number): void {
	seedTransactions(spendData(emulator), count, emulator.clock.ms());
}
