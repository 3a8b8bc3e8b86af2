// Looking BILL objects up by name, for the resource locators' "By Name" mode (nodes/shared/byName.ts):
// vendors and customers through BILL's `name` filter (`sw`, https://developer.bill.com/docs/filterable-fields),
// users and classifications through their lists (BILL documents no name filter for them), each list
// read once for the node's run.

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NameKind, Named } from '../../shared/byName';
import { namedParameters } from '../../shared/byName';
import { wholeList } from '../../shared/searchList';
import { type ListedUser, userPage } from '../listSearch/organization';
import { activePage, classificationPage, type Classification } from '../listSearch/page';
import { KINDS, nameOf } from './classificationKinds';
import { ID_PREFIX } from './validation';

/**
 * Active objects at `path` whose name starts with `name` (BILL's `sw`), every page up to the
 * bound; when none of those carries the name exactly (BILL does not say whether `sw` ignores
 * case: docs/GUESSES.md), the whole active list up to the bound, read once for the run.
 */
function byNameFilter(path: string, kind: string, key: string): NameKind {
	type Entry = { id: string; name?: string };
	const named = (entries: Entry[]) => entries.map((o) => ({ id: o.id, names: [o.name ?? ''] }));
	return {
		key,
		kind,
		candidates: async (context, name) => {
			const starting = await wholeList<Entry>(
				{},
				path,
				async (token) =>
					await activePage(context, path, 'name:asc', token, [
						{ field: 'name', op: 'sw', value: name },
					]),
			);
			if (starting.some((o) => (o.name ?? '').trim().toLowerCase() === name.toLowerCase()))
				return named(starting);
			return named(
				await wholeList<Entry>(
					context,
					path,
					async (token) => await activePage(context, path, 'name:asc', token),
				),
			);
		},
	};
}

/** The organization's active users, known by full name and by email. */
const users: NameKind = {
	key: ID_PREFIX.user,
	kind: 'user',
	candidates: async (context) =>
		(await wholeList<ListedUser>(context, 'users', async (token) => await userPage(context, token)))
			.filter((u) => !u.archived)
			.map((u) => ({
				id: u.id,
				names: [[u.firstName, u.lastName].filter(Boolean).join(' '), u.email ?? ''],
			})),
};

/** Each kind of classification: its active ones, known by name (an employee by full name). */
const classifications: NameKind[] = Object.values(KINDS).map((info) => ({
	key: info.prefix,
	kind: info.displayName.toLowerCase(),
	candidates: async (context: IExecuteFunctions): Promise<Named[]> =>
		(
			await wholeList<Classification>(
				context,
				`classifications/${info.path}`,
				async (token) => await classificationPage(context, info, token),
			)
		)
			.filter((c) => c.archived !== true)
			.map((c) => ({ id: c.id, names: [nameOf(info, c)] })),
}));

/** Every kind a BILL locator may name, by its ID prefix. */
export const NAME_KINDS: Record<string, NameKind> = Object.fromEntries(
	[
		byNameFilter('/v3/vendors', 'vendor', ID_PREFIX.vendor),
		byNameFilter('/v3/customers', 'customer', ID_PREFIX.customer),
		users,
		...classifications,
	].map((kind) => [kind.key, kind]),
);

/** The ID prefix of a locator (from its "By ID" mode's check). */
function prefixOf(locator: INodeProperties): string | undefined {
	const regex = locator.modes?.find((m) => m.name === 'id')?.validation?.[0];
	const pattern =
		regex && typeof regex === 'object' && 'properties' in regex
			? String((regex.properties as { regex?: string }).regex ?? '')
			: '';
	return /^\^([0-9A-Za-z]{3})\[/.exec(pattern)?.[1];
}

/** Every parameter (at any depth) that is a locator with "By Name", and the kind it names. */
export const namedLocators = (properties: INodeProperties[]): Record<string, NameKind> =>
	namedParameters(properties, (locator) => NAME_KINDS[prefixOf(locator) ?? '']);
