// The reimbursement a re-run would submit a second time, found first (helpers/existing.ts).
//
// BILL gives a reimbursement no reference of the submitter's and documents no rule for a
// duplicate (https://developer.bill.com/docs/reimbursements, Postman "Create a reimbursement"):
// our guess (docs/GUESSES.md) is that one user's reimbursement with the same amount, merchant
// and date is the same expense, or, when the workflow gives its own reference in the note (an
// expense-report number), the user's reimbursement with that note. Deleted ones are gone from
// the list; retired ones do not count.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { matchKey } from '../../../shared/createOnce';
import { createSpendOnce, isOf } from '../../helpers/existing';

export const matchByField: INodeProperties = {
	displayName: 'Match Existing By',
	name: 'matchBy',
	type: 'options',
	options: [
		{
			name: 'User, Amount, Merchant and Date',
			value: 'details',
			description:
				'The same expense of the same user: amount to the cent, merchant ignoring case, date',
		},
		{
			name: 'User and Note',
			value: 'note',
			description:
				"The user's reimbursement whose note is this one's (ignoring case): put your own reference, e.g. an expense-report number, in the note",
		},
	],
	default: 'details',
	description: 'Which existing reimbursement counts as this one',
	displayOptions: { show: { skipExisting: [true] } },
};

const merchant = (value: unknown) => String(value ?? '').replace(/\s+/g, ' ');

/** The same expense: amount to the cent, merchant, date (`yyyy-MM-dd`). */
function detailsKey(r: IDataObject): string | undefined {
	const amount = Number(r.amount);
	const date = String(r.occurredDate ?? '').slice(0, 10);
	if (!Number.isFinite(amount) || !date) return undefined;
	return matchKey('details', `${amount.toFixed(2)}|${date}|${merchant(r.merchantName)}`);
}

const keysOf = (r: IDataObject): string[] =>
	[detailsKey(r), matchKey('note', r.note)].filter((key): key is string => !!key);

/**
 * Returns the user's reimbursement with this one's key (`alreadyExisted: true`), or creates it.
 * Listed with the documented `userIds` and `retired` filters
 * (https://developer.bill.com/hc/reference/listreimbursements), every page; the key is compared
 * here.
 */
export async function createReimbursementOnce(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	create: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const userId = String(body.userId);
	const byNote = context.getNodeParameter('matchBy', itemIndex, 'details') === 'note';
	const key = byNote ? matchKey('note', body.note) : detailsKey(body);
	if (!key) {
		// An empty note is no reference: nothing to match on, so it is said before anything is sent.
		throw new NodeOperationError(
			context.getNode(),
			`Note: is empty, so it cannot tell whether this reimbursement exists (Match Existing By is "User and Note") [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'Give the reimbursement your own reference in Note, or match by user, amount, merchant and date.',
			},
		);
	}
	return await createSpendOnce(context, itemIndex, {
		scope: `reimbursements|${userId}`,
		path: '/v3/spend/reimbursements',
		filters: [
			{ field: 'userIds', op: 'eq', value: userId },
			{ field: 'retired', op: 'eq', value: false },
		],
		keep: (r) => r.retired !== true && isOf(r, 'user', userId),
		keysOf,
		keys: [key],
		create,
		parameter: byNote ? 'Note' : 'Amount, Merchant Name and Date',
		object: 'reimbursement',
	});
}
