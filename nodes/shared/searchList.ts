// How a resource locator's searchable list finds what the user types wherever it sits in the list.
//
// n8n's editor asks for the next page only when the user scrolls, and an empty list cannot be
// scrolled: a search that looked at one page of 100 showed "No results" for a match on page 2.
// So, with search text, the list asks BILL's own filter first where BILL documents one (a name
// that starts with the text), then reads the list page by page, up to a bound, and keeps every
// entry that holds the text anywhere; past the bound, scrolling reads on from where it stopped.

import type { INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

/** One page of a list as BILL answers it (AP/AR and Spend & Expense alike). */
export interface ListPage<T> {
	results?: T[];
	nextPage?: string;
}

/** How many pages one search reads at most before it hands the rest to scrolling. */
export const SEARCH_PAGES = 10;

export interface SearchableList<T> {
	/** One page of the list from the start (no token) or from a page token. */
	page: (token: string | undefined) => Promise<ListPage<T>>;
	/** BILL's own filter for the search text, where BILL documents one (e.g. `name:sw:`). */
	search?: (text: string) => Promise<ListPage<T>>;
	/** The texts the search text is looked for in. */
	texts: (entry: T) => unknown[];
	/** How an entry is shown. */
	item: (entry: T) => INodeListSearchItems;
	/** Entries to show at all (e.g. not archived, where BILL cannot filter them out). */
	keep?: (entry: T) => boolean;
	/** Pages one search reads at most (default SEARCH_PAGES). */
	pages?: number;
}

/** Whether the search text is in one of the texts, ignoring case; no search text matches all. */
export function matchesSearch(filter: string | undefined, texts: unknown[]): boolean {
	const needle = filter?.trim().toLowerCase();
	return (
		!needle ||
		texts.some((text) =>
			String(text ?? '')
				.toLowerCase()
				.includes(needle),
		)
	);
}

/** A page of the list without search text; with it, every match within the bound. */
export async function searchList<T>(
	list: SearchableList<T>,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const keep = list.keep ?? (() => true);
	const text = filter?.trim() ?? '';
	if (!text) {
		const page = await list.page(paginationToken || undefined);
		return {
			results: (page.results ?? []).filter(keep).map(list.item),
			paginationToken: page.nextPage || undefined,
		};
	}
	const found = new Map<string, INodeListSearchItems>();
	const add = (entries: T[] | undefined) => {
		for (const entry of entries ?? []) {
			if (!keep(entry) || !matchesSearch(text, list.texts(entry))) continue;
			const item = list.item(entry);
			if (!found.has(String(item.value))) found.set(String(item.value), item);
		}
	};
	if (list.search && !paginationToken) add((await list.search(text)).results);
	let next = paginationToken || undefined;
	for (let read = 0; read < (list.pages ?? SEARCH_PAGES); read++) {
		const page = await list.page(next);
		add(page.results);
		next = page.nextPage || undefined;
		if (!next) break;
	}
	return { results: [...found.values()], paginationToken: next };
}

/**
 * Every entry of a list, up to the bound, read once per `holder` (one editor request, or one
 * run of the node): names shown beside IDs (a received payment's customer) come from here.
 */
export async function wholeList<T>(
	holder: object,
	key: string,
	page: (token: string | undefined) => Promise<ListPage<T>>,
	pages = SEARCH_PAGES,
): Promise<T[]> {
	let lists = wholeLists.get(holder);
	if (!lists) wholeLists.set(holder, (lists = new Map()));
	let entries = lists.get(key) as Promise<T[]> | undefined;
	if (!entries) {
		entries = (async () => {
			const all: T[] = [];
			let token: string | undefined;
			for (let read = 0; read < pages; read++) {
				const answer = await page(token);
				all.push(...(answer.results ?? []));
				token = answer.nextPage || undefined;
				if (!token) break;
			}
			return all;
		})();
		lists.set(key, entries);
	}
	return await entries;
}

const wholeLists = new WeakMap<object, Map<string, Promise<unknown[]>>>();
