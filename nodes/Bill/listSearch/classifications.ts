import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { billApiRequest } from '../../shared/transport';
import { KINDS, nameOf, type Kind, type KindInfo } from '../resources/classification/kinds';
import type { BillList } from '../types';
import { matchesSearch } from './page';

type Classification = Record<string, unknown> & { id: string; archived?: boolean };

/**
 * One page (100) of a kind's active classifications, by name, the search text matched here on
 * their name, short name, account number and ID: BILL's collection shows no filter but `id` on
 * classification lists, so archived ones are dropped here too.
 */
export async function searchKind(
	context: ILoadOptionsFunctions,
	info: KindInfo,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const sort = info.naming === 'person' ? 'lastName:asc' : 'name:asc';
	const qs: Record<string, string | number> = { max: 100, sort };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(context, {
		method: 'GET',
		path: `/v3/classifications/${info.path}`,
		qs,
	})) as unknown as BillList<Classification>;
	const label = (c: Classification) => {
		const number = (c.account as { number?: string } | undefined)?.number;
		return number ? `${number} · ${nameOf(info, c)}` : nameOf(info, c) || c.id;
	};
	return {
		results: (page.results ?? [])
			.filter((c) => c.archived !== true)
			.filter((c) =>
				matchesSearch(filter, [
					nameOf(info, c),
					c.shortName,
					(c.account as { number?: string } | undefined)?.number,
					c.id,
				]),
			)
			.map((c) => ({ name: label(c), value: c.id })),
		paginationToken: page.nextPage || undefined,
	};
}

/** The classifications of the type chosen in the node's "Type" parameter. */
export async function searchClassifications(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const kind = this.getCurrentNodeParameter('classificationType') as Kind;
	return await searchKind(this, KINDS[kind] ?? KINDS.chartOfAccount, filter, paginationToken);
}
