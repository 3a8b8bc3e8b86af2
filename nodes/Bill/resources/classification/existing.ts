// Re-runs that create nothing twice (helpers/createOnce.ts): a classification is matched by its
// type and name.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { createOnce } from '../../helpers/createOnce';
import { billApiRequestAllItems } from '../../../shared/transport';
import { nameOf, type KindInfo } from '../../helpers/classificationKinds';

/** Names are compared trimmed, ignoring case and repeated spaces. */
export function nameKey(info: KindInfo, object: IDataObject): string {
	return nameOf(info, object).trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The active classifications of a kind, by name. BILL's collection shows no filter but `id` on
 * these lists, so all of them are read (pages of 100) and the archived ones dropped here; a BILL
 * that also filters by `archived` answers the same.
 */
export async function activeByName(
	context: IExecuteFunctions,
	info: KindInfo,
	itemIndex: number,
): Promise<Map<string, IDataObject>> {
	const all = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: `/v3/classifications/${info.path}`, itemIndex },
		{ returnAll: true },
	);
	const found = new Map<string, IDataObject>();
	for (const object of all) {
		if (object.archived === true) continue;
		const key = nameKey(info, object);
		if (key && !found.has(key)) found.set(key, object);
	}
	return found;
}

/** Creates it unless an active one of the kind has its name, returned with `alreadyExisted: true`. */
export async function createUnlessExists(
	context: IExecuteFunctions,
	itemIndex: number,
	info: KindInfo,
	body: IDataObject,
	create: () => Promise<IDataObject>,
): Promise<IDataObject> {
	return await createOnce(context, itemIndex, {
		scope: `/v3/classifications/${info.path}`,
		load: async () => [...(await activeByName(context, info, itemIndex)).values()],
		keysOf: (object) => [nameKey(info, object)].filter(Boolean),
		keys: [nameKey(info, body)].filter(Boolean),
		create,
		parameter: 'Name',
		object: info.displayName.toLowerCase(),
	});
}

/** How a user checks whether an uncertain create made them. */
export function createHint(info: KindInfo, bodies: IDataObject[]): string {
	const names = bodies.map((b) => `"${nameOf(info, b)}"`);
	const shown =
		names.length > 5
			? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`
			: names.join(', ');
	return `Check in BILL whether the ${info.plural} ${shown} exist (Classification → Get Many), or run it again with "Skip Existing Names" on, which creates only what is missing.`;
}
