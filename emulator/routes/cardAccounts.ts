/**
 * Funding accounts beyond bank accounts (BILL's Postman folder "funding accounts"): card accounts
 * (list, needing `cardUserStatus`, and get), card-account users, card funding purposes, AP cards
 * and the funding-account permissions. BILL offers these read-only: card accounts are added in
 * BILL's web app, AP cards come from BILL, so every organization starts with seeded ones.
 *
 * Choices where BILL's documents are silent (the node is written to work either way):
 * - ID prefixes: https://developer.bill.com/docs/bill-generated-ids lists none for card accounts or
 *   AP cards; the emulator uses `crd` and `apc` (the node checks these ids for shape only).
 * - Card and AP card `status` values beyond Postman's examples (PENDING, UNDEFINED; INACTIVE,
 *   DRAFT): a card the user can pay with is `VERIFIED`, an AP card in use `ACTIVE`.
 * - Which vendors' industry BILL knows (Postman "Get card funding purpose": then an empty 200,
 *   readings.ts `fundingPurposesEmpty`, and
 *   no `cardFundingPurpose` is needed): vendors connected in the BILL network.
 * - `user.payOnline` of the permissions: true for the ADMINISTRATOR and PAYER roles.
 */
import { errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import type { Emulator, RequestContext } from '../server';
import { newId, type Json, type State } from '../state';

export interface CardData {
	/** Per organization: its card accounts, card users, AP cards (seeded on first use). */
	cards: Map<string, Json[]>;
	cardUsers: Map<string, Json[]>;
	apCards: Map<string, Json[]>;
}

const data = new WeakMap<State, CardData>();

export const CARD_USER_FILTERS: FilterableFields = {
	cardAccountId: ['eq', 'ne', 'in'],
	userId: ['eq', 'ne', 'in'],
	archived: ['eq', 'ne'],
	verificationStatus: ['eq', 'ne', 'in', 'nin'],
};
export const CARD_USER_SORTS = ['archived'];
/** Postman "Get list of card accounts": `cardUserStatus` "can only be one of VERIFIED,NOMINATED". */
export const CARD_USER_STATUSES = ['VERIFIED', 'NOMINATED'];

/** Purposes BILL offers for a card payment to a vendor whose industry it does not know. */
export const FUNDING_PURPOSES: Json[] = [
	{ category: 'Goods', subCategories: ['Inventory', 'Equipment', 'Office supplies'] },
	{ category: 'Services', subCategories: ['Professional services', 'Rent', 'Utilities'] },
];

function seed(context: RequestContext, organizationId: string): void {
	const store = cardData(context.state);
	if (store.cards.has(organizationId)) return;
	const now = context.clock.timestamp();
	const f = context.state.fixtures;
	const card = (fields: Json): Json => ({
		archived: false,
		id: newId('crd'),
		createdTime: now,
		updatedTime: now,
		createdBy: f.admin.userId,
		issuingBankName: 'Chase',
		nameOnAccount: 'Emulator Music Co',
		brand: 'visa',
		type: 'CREDIT_CARD',
		status: 'VERIFIED',
		last4: '4242',
		expiration: { year: '2029', month: '08' },
		default: { payables: false, receivables: false, funding: false, disbursement: false },
		...fields,
	});
	const visa = card({
		default: { payables: true, receivables: false, funding: true, disbursement: false },
	});
	const amex = card({
		brand: 'amex',
		issuingBankName: 'American Express',
		last4: '1005',
		status: 'PENDING',
	});
	const old = card({ brand: 'mastercard', type: 'PREPAID_CARD', last4: '4444', archived: true });
	store.cards.set(organizationId, [visa, amex, old]);
	const user = (cardAccountId: unknown, userId: string, verificationStatus: string): Json => ({
		cardAccountId,
		userId,
		archived: false,
		verificationStatus,
	});
	store.cardUsers.set(organizationId, [
		user(visa.id, f.admin.userId, 'VERIFIED'),
		user(amex.id, f.admin.userId, 'NOMINATED'),
		user(visa.id, f.clerk.userId, 'NOMINATED'),
	]);
	const apCard = (fields: Json): Json => ({
		id: newId('apc'),
		status: 'ACTIVE',
		nameOnAccount: 'Emulator Music Co',
		createdTime: now,
		updatedTime: now,
		balance: 1250,
		limit: 25000,
		...fields,
	});
	store.apCards.set(organizationId, [
		apCard({}),
		apCard({ status: 'DRAFT', balance: 0, limit: 5000 }),
	]);
}

export function cardData(state: State): CardData {
	let found = data.get(state);
	if (!found) {
		found = { cards: new Map(), cardUsers: new Map(), apCards: new Map() };
		data.set(state, found);
	}
	return found;
}

/** The organization's card accounts, card users and AP cards (seeded on first use). */
export function cardsOf(context: RequestContext): {
	cards: Json[];
	cardUsers: Json[];
	apCards: Json[];
} {
	const organizationId = context.organization!.id;
	seed(context, organizationId);
	const store = cardData(context.state);
	return {
		cards: store.cards.get(organizationId)!,
		cardUsers: store.cardUsers.get(organizationId)!,
		apCards: store.apCards.get(organizationId)!,
	};
}

export function cardAccountOf(context: RequestContext, cardAccountId: string): Json {
	const card = cardsOf(context).cards.find((c) => c.id === cardAccountId);
	if (!card) throw errors.notFound('Card account', cardAccountId);
	return card;
}

/** The signed-in user's status for a card account (Postman: NOMINATED users must verify before paying). */
export function cardUserStatus(context: RequestContext, cardAccountId: string): string | undefined {
	return cardsOf(context).cardUsers.find(
		(u) => u.cardAccountId === cardAccountId && u.userId === context.user?.id && !u.archived,
	)?.verificationStatus as string | undefined;
}

/** Whether BILL knows the vendor's industry (then a card payment needs no funding purpose). */
export function knowsVendorIndustry(vendor: Json | undefined): boolean {
	return vendor?.networkStatus === 'CONNECTED';
}

export function registerCardAccounts(emulator: Emulator): void {
	// Fixed paths first: `/cards/users` would otherwise match `/cards/:cardAccountId`.
	emulator.add('GET', '/v3/funding-accounts/cards/users', (context) => {
		const mine = cardsOf(context).cardUsers.filter(
			(u) => context.query.currentUser !== 'true' || u.userId === context.user?.id,
		);
		return {
			body: listPage(mine, context.query, {
				filterable: CARD_USER_FILTERS,
				sortable: CARD_USER_SORTS,
			}),
		};
	});

	emulator.add('GET', '/v3/funding-accounts/cards/funding-purposes', (context) => {
		const { vendorId, brand } = context.query;
		if (!vendorId) throw errors.invalid('vendorId: must not be null');
		if (!brand) throw errors.invalid('brand: must not be null');
		const vendor = context.state.vendors.get(vendorId);
		if (!vendor || context.state.owner.get(vendorId) !== context.organization!.id)
			throw errors.notFound('Vendor', vendorId);
		// Postman "Get card funding purpose": "If you get an empty 200 response, BILL has
		// information about the vendor industry".
		if (knowsVendorIndustry(vendor))
			return context.emulator.readings.fundingPurposesEmpty === 'noBody'
				? { status: 200 }
				: { body: { results: [] } };
		const last = [...context.state.payments.values()]
			.filter((p) => p.vendorId === vendorId && typeof p.cardFundingPurpose === 'string')
			.pop();
		const body: Json = { results: structuredClone(FUNDING_PURPOSES) };
		if (last) body.lastUsedPurpose = last.cardFundingPurpose;
		return { body };
	});

	emulator.add('GET', '/v3/funding-accounts/cards', (context) => {
		const status = context.query.cardUserStatus;
		if (!CARD_USER_STATUSES.includes(String(status)))
			throw errors.invalid(`cardUserStatus: must be one of ${CARD_USER_STATUSES.join(', ')}`);
		const { cards } = cardsOf(context);
		const visible = cards.filter((c) => cardUserStatus(context, String(c.id)) === status);
		const defaultCard = cards.find((c) => !c.archived && (c.default as Json).payables === true);
		return {
			body: {
				rates: {
					defaultCardAccountId: defaultCard?.id,
					funding: { creditCardRate: 2.99, debitCardRate: 2.99 },
				},
				cards: visible,
			},
		};
	});

	emulator.add('GET', '/v3/funding-accounts/cards/:cardAccountId', (context) => ({
		body: cardAccountOf(context, context.params.cardAccountId),
	}));

	emulator.add('GET', '/v3/funding-accounts/ap-cards', (context) => ({
		body: cardsOf(context).apCards,
	}));

	emulator.add('GET', '/v3/funding-accounts/permissions', (context) => ({
		body: {
			organization: {
				card: { payByCard: true, fundingEnabled: true, amexAllowed: false },
				wallet: { fundingEnabled: false },
			},
			user: { payOnline: ['ADMINISTRATOR', 'PAYER'].includes(String(context.user?.role)) },
		},
	}));
}
