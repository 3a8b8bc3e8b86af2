// Sends an approval or a denial to BILL (Approve, Deny).

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest, withHint } from '../../../shared/transport';
import { APPROVAL_ACTIONS_PATH } from './paths';

type Action = 'APPROVE' | 'DENY';

/**
 * `POST /v3/bill-approvals/actions` with `[{ billId, action, comment }]` → `{ status: "SUCCESS" }`.
 * Giving the same answer again changes nothing, so the request may be repeated when its outcome
 * is unknown.
 */
export async function act(
	context: IExecuteFunctions,
	itemIndex: number,
	action: Action,
): Promise<IDataObject> {
	const billId = getId(context, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	const comment = String(context.getNodeParameter('comment', itemIndex, '') ?? '').trim();
	const entry: IDataObject = { billId, action };
	if (comment) entry.comment = comment;
	try {
		const answer = await billApiRequest.call(context, {
			method: 'POST',
			path: APPROVAL_ACTIONS_PATH,
			body: [entry],
			repeatable: true,
			itemIndex,
		});
		return { billId, action, comment, status: answer.status ?? 'SUCCESS' };
	} catch (error) {
		throw withHint(
			error,
			"BILL takes an approval or denial only from one of the bill's approvers (or an administrator), and only once: check the bill's approvalStatus with Bill → Get, and Approval → Get Many Pending for the bills waiting for you.",
		);
	}
}
