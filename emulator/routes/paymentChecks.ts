/**
 * What a payment request must carry before BILL takes it (Postman folder "payments";
 * https://developer.bill.com/docs/notification-payloads-reference): an MFA-trusted session, a funding
 * account the organization may pay from, a process date, and a card funding purpose where BILL
 * asks for one. The routes are in payments.ts.
 */
import { errors } from '../errors';
import type { RequestContext } from '../server';
import type { Json } from '../state';
import { cardAccountOf, cardUserStatus, cardsOf, knowsVendorIndustry } from './cardAccounts';
import { FUNDING_TYPES } from './payments';

const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);

export function checkTrusted(context: RequestContext, what: string): void {
	if (!context.session!.trusted) throw errors.untrusted(what);
}

/** `fundingAccount {type, id}`: a bank account must be the organization's, active and VERIFIED. */
export function checkFunding(context: RequestContext, body: Json): Json {
	const funding = body.fundingAccount as Json | undefined;
	if (!funding || typeof funding !== 'object') throw bad('fundingAccount', 'must not be null');
	if (!FUNDING_TYPES.includes(String(funding.type)))
		throw bad('fundingAccount.type', `must be one of ${FUNDING_TYPES.join(', ')}`);
	if (typeof funding.id !== 'string' || !funding.id)
		throw bad('fundingAccount.id', 'must not be null');
	if (funding.type === 'BANK_ACCOUNT') {
		const account = context.state.bankAccounts.get(funding.id);
		if (!account || context.state.owner.get(funding.id) !== context.organization!.id) {
			throw errors.notFound('Bank account', funding.id);
		}
		if (account.archived) throw bad('fundingAccount.id', `bank account ${funding.id} is archived`);
		if (account.status !== 'VERIFIED') {
			throw bad(
				'fundingAccount.id',
				`bank account ${funding.id} is not verified (status ${String(account.status)}); verify it before paying from it`,
			);
		}
	}
	if (funding.type === 'CARD_ACCOUNT') {
		const card = cardAccountOf(context, funding.id);
		if (card.archived) throw bad('fundingAccount.id', `card account ${funding.id} is archived`);
		// Postman "Get list of card account users": a NOMINATED user must finish verification
		// before paying with the card account.
		const status = cardUserStatus(context, funding.id);
		if (status !== 'VERIFIED')
			throw bad(
				'fundingAccount.id',
				`you cannot pay with card account ${funding.id} (your card user status: ${status ?? 'not a user'}); finish BILL's card verification first`,
			);
	}
	if (funding.type === 'AP_CARD') {
		const apCard = cardsOf(context).apCards.find((c) => c.id === funding.id);
		if (!apCard) throw errors.notFound('AP card', funding.id);
		if (apCard.status !== 'ACTIVE')
			throw bad(
				'fundingAccount.id',
				`AP card ${funding.id} is not active (status ${String(apCard.status)})`,
			);
	}
	return { type: funding.type, id: funding.id };
}

export function checkProcessDate(value: unknown): string {
	if (
		typeof value !== 'string' ||
		!/^\d{4}-\d{2}-\d{2}$/.test(value) ||
		Number.isNaN(Date.parse(`${value}T00:00:00Z`))
	) {
		throw bad('processDate', 'must be a date as yyyy-MM-dd');
	}
	return value;
}

/**
 * https://developer.bill.com/changelog/2024-08-15-new-req-for-vendor-payments-with-card_account-funding-type:
 * CARD_ACCOUNT payments need `cardFundingPurpose`, unless BILL knows the vendor's industry
 * (Postman "Get card funding purpose": an empty answer means the field is not required).
 */
export function checkCardPurpose(
	context: RequestContext,
	body: Json,
	bill: Json,
	field = '',
): void {
	if ((body.fundingAccount as Json).type !== 'CARD_ACCOUNT') return;
	if (typeof body.cardFundingPurpose === 'string' && body.cardFundingPurpose) return;
	if (knowsVendorIndustry(context.state.vendors.get(String(bill.vendorId)))) return;
	throw bad(
		`${field}cardFundingPurpose`,
		`is required when fundingAccount.type is CARD_ACCOUNT (vendor ${String(bill.vendorId)}); GET /v3/funding-accounts/cards/funding-purposes lists the values`,
	);
}
