import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { activePage, matchesSearch } from './page';

type BankAccountUser = {
	id: string;
	bankAccountId?: string;
	userId?: string;
	verificationStatus?: string;
};
type ListedUser = { id: string; firstName?: string; lastName?: string; email?: string };

/**
 * Current (not archived) access to bank accounts (Postman "Get list of bank account users"),
 * named by the user and the account: BILL's entries hold only IDs, so one page of the
 * organization's users (`GET /v3/users`) gives the names. The search text is matched here.
 */
export async function searchBankAccountUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await activePage<BankAccountUser>(
		this,
		'/v3/funding-accounts/banks/users',
		'archived:asc',
		paginationToken,
	);
	const users = await activePage<ListedUser>(this, '/v3/users', 'firstName:asc', undefined);
	const nameOf = (id?: string) => {
		const user = users.results.find((u) => u.id === id);
		if (!user) return id ?? '';
		return [[user.firstName, user.lastName].filter(Boolean).join(' '), user.email]
			.filter(Boolean)
			.join(' — ');
	};
	const entries = page.results.map((entry) => ({
		name: [nameOf(entry.userId), entry.bankAccountId, entry.verificationStatus]
			.filter(Boolean)
			.join(' · '),
		value: entry.id,
	}));
	return {
		results: entries.filter((e) => matchesSearch(filter, [e.name, e.value])),
		paginationToken: page.nextPage,
	};
}
