import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { BankAccount } from '../types';
import { searchList } from '../../shared/searchList';
import { activePage } from './page';

/** Only the last four digits of an account number are ever shown in a list. */
function lastFour(accountNumber: string | undefined): string | undefined {
	const digits = String(accountNumber ?? '').replace(/\D/g, '');
	return digits.length >= 4 ? `…${digits.slice(-4)}` : undefined;
}

/**
 * Active bank accounts, newest first, a page of 100 at a time. BILL cannot filter bank accounts by
 * name (https://developer.bill.com/docs/filterable-fields), so the search text is matched here, through the list up to the search's bound,
 * against the nickname, the name on the account and the ID.
 */
export async function searchBankAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<BankAccount>(
		{
			page: async (token) =>
				await activePage<BankAccount>(
					this,
					'/v3/funding-accounts/banks',
					'createdTime:desc',
					token,
				),
			texts: (account) => [account.bankName, account.nameOnAccount, account.id],
			item: (account) => ({
				name: [
					account.bankName ?? account.id,
					account.nameOnAccount,
					lastFour(account.accountNumber),
					account.status,
				]
					.filter(Boolean)
					.join(' · '),
				value: account.id,
			}),
		},
		filter,
		paginationToken,
	);
}
