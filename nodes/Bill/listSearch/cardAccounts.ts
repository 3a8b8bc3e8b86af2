import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { billApiRequest } from '../../shared/transport';
import type { ApCard, CardAccount, CardAccountList } from '../types';
import { matchesSearch } from './page';

/**
 * The card accounts the signed-in user may pay with, then those they must still verify (BILL
 * lists card accounts by the user's status, `cardUserStatus` required: Postman "Get list of card
 * accounts"), archived ones left out. BILL answers each list whole, so the search text is matched
 * here against the brand, bank, name on the account, last four digits and ID.
 */
export async function searchCardAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await cardAccountList(this, filter, ['VERIFIED', 'NOMINATED']);
}

async function cardAccountList(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	statuses: string[],
): Promise<INodeListSearchResult> {
	const cards: CardAccount[] = [];
	for (const cardUserStatus of statuses) {
		const list = (await billApiRequest.call(context, {
			method: 'GET',
			path: '/v3/funding-accounts/cards',
			qs: { cardUserStatus },
		})) as CardAccountList;
		for (const card of list.cards ?? [])
			if (!card.archived && !cards.some((c) => c.id === card.id)) cards.push(card);
	}
	return {
		results: cards
			.filter((c) =>
				matchesSearch(filter, [c.brand, c.issuingBankName, c.nameOnAccount, c.last4, c.id]),
			)
			.map((c) => ({
				name: [c.brand, c.last4 ? `…${c.last4}` : undefined, c.nameOnAccount, c.status]
					.filter(Boolean)
					.join(' · '),
				value: c.id,
			})),
	};
}

/** The organization's AP cards (a bare array, Postman "Get list of AP Cards"), matched here. */
export async function searchApCards(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const list = await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/funding-accounts/ap-cards',
	});
	const cards = Array.isArray(list) ? (list as ApCard[]) : [];
	return {
		results: cards
			.filter((c) => matchesSearch(filter, [c.nameOnAccount, c.status, c.id]))
			.map((c) => ({
				name: [`AP card ${c.nameOnAccount ?? c.id}`, c.status].filter(Boolean).join(' · '),
				value: c.id,
			})),
	};
}

/**
 * The cards a payment can be funded from (Payment → Create, Create Bulk): with Funding Type "AP
 * Card" the organization's AP cards, otherwise the card accounts the signed-in user may pay with
 * (VERIFIED: Postman "Get list of card account users" says a NOMINATED user must verify first).
 */
export async function searchPaymentCards(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	if (this.getCurrentNodeParameter('fundingType') === 'AP_CARD')
		return await searchApCards.call(this, filter);
	return await cardAccountList(this, filter, ['VERIFIED']);
}
