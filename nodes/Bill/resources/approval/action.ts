import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest, withHint } from '../../../shared/transport';
import { billLocator } from '../bill/descriptions';
import { APPROVAL_ACTIONS_PATH } from './paths';

type Action = 'APPROVE' | 'DENY';

/** Parameters of Approve or Deny: the bill, and a comment BILL keeps with the answer. */
export function actionDescription(operation: string, action: Action): INodeProperties[] {
	const properties: INodeProperties[] = [
		billLocator(action === 'APPROVE' ? 'The bill to approve' : 'The bill to deny'),
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description:
				action === 'APPROVE'
					? 'Why it is approved, kept with the approval in BILL'
					: 'Why it is denied, so the clerk knows what to fix',
		},
	];
	return updateDisplayOptions(
		{ show: { resource: ['approval'], operation: [operation] } },
		properties,
	);
}

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
