// Re-runs that create nothing twice (helpers/createOnce.ts): a vendor credit is matched by its
// vendor and reference number among the active ones.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { createOnce } from '../../helpers/createOnce';
import { billApiRequestAllItems } from '../../../shared/transport';

/** Reference numbers are compared trimmed and ignoring case. */
export const creditKey = (credit: IDataObject) =>
	`${String(credit.vendorId)}|${String(credit.referenceNumber ?? '')
		.trim()
		.toLowerCase()}`;

/**
 * The active vendor credits by vendor and reference number. BILL's collection shows no filter
 * but `id` on this list, so all are read (pages of 100) and archived ones dropped here.
 */
export async function activeCredits(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<Map<string, IDataObject>> {
	const all = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: '/v3/vendor-credits', itemIndex },
		{ returnAll: true },
	);
	const found = new Map<string, IDataObject>();
	for (const credit of all) {
		if (credit.archived === true) continue;
		if (!found.has(creditKey(credit))) found.set(creditKey(credit), credit);
	}
	return found;
}

export async function createUnlessExists(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	create: () => Promise<IDataObject>,
): Promise<IDataObject> {
	return await createOnce(context, itemIndex, {
		scope: '/v3/vendor-credits',
		load: async () => [...(await activeCredits(context, itemIndex)).values()],
		keysOf: (credit) => [creditKey(credit)],
		keys: [creditKey(body)],
		create,
		parameter: 'Reference Number',
		object: 'vendor credit',
	});
}

/** How a user checks whether an uncertain create made them. */
export function createHint(bodies: IDataObject[]): string {
	const numbers = bodies.map((b) => `"${String(b.referenceNumber)}"`);
	const shown =
		numbers.length > 5
			? `${numbers.slice(0, 5).join(', ')} and ${numbers.length - 5} more`
			: numbers.join(', ');
	return `Check in BILL whether vendor credits with reference numbers ${shown} exist (Vendor Credit → Get Many), or run it again with "Skip Existing Reference Numbers" on, which creates only what is missing.`;
}
