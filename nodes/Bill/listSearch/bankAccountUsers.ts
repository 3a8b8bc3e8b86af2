import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList, wholeList } from '../../shared/searchList';
import { activePage } from './page';

type BankAccountUser = {
	id: string;
	bankAccountId?: string;
	userId?: string;
	verificationStatus?: string;
};
type ListedUser = { id: string; firstName?: string; lastName?: string; email?: string };

/**
 * Current (not archived) access to bank accounts (Postman "Get list of bank account users"),
 * named by the user and the account: BILL's entries hold only IDs, so the organization's users
 * (`GET /v3/users`, read once for the request) give the names. The search text is matched here,
 * through the list up to the search's bound.
 */
export async function searchBankAccountUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const users = await wholeList<ListedUser>(
		this,
		'users',
		async (token) => await activePage(this, '/v3/users', 'firstName:asc', token),
	);
	const nameOf = (id?: string) => {
		const user = users.find((u) => u.id === id);
		if (!user) return id ?? '';
		return [[user.firstName, user.lastName].filter(Boolean).join(' '), user.email]
			.filter(Boolean)
			.join(' — ');
	};
	const nameOfEntry = (entry: BankAccountUser) =>
		[nameOf(entry.userId), entry.bankAccountId, entry.verificationStatus]
			.filter(Boolean)
			.join(' · ');
	return await searchList<BankAccountUser>(
		{
			page: async (token) =>
				await activePage(this, '/v3/funding-accounts/banks/users', 'archived:asc', token),
			texts: (entry) => [nameOfEntry(entry), entry.id],
			item: (entry) => ({ name: nameOfEntry(entry), value: entry.id }),
		},
		filter,
		paginationToken,
	);
}
