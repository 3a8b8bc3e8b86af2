import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { reimbursementIdField } from './descriptions';

export const actionProperties = (verb: string): INodeProperties[] => [
	reimbursementIdField(`The reimbursement to ${verb}`),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		description: `Why it is ${verb === 'approve' ? 'approved' : 'denied'}; the submitter sees it`,
	},
];

/**
 * `POST /v3/spend/reimbursements/{reimbursementId}/action` with `{action, note}` (Postman
 * "Approve or deny a reimbursement"; only ADMIN users may). Postman shows APPROVE; DENY is the
 * other value (open question: BILL's pages do not spell it). Not repeated when the answer is
 * lost: a second approval could count as the next approval tier.
 */
export async function reimbursementAction(
	context: IExecuteFunctions,
	itemIndex: number,
	action: 'APPROVE' | 'DENY',
): Promise<IDataObject> {
	const id = checkSpendId(
		context,
		itemIndex,
		'Reimbursement',
		context.getNodeParameter('reimbursementId', itemIndex),
	);
	const body: IDataObject = { action };
	const note = String(context.getNodeParameter('note', itemIndex, '') ?? '').trim();
	if (note) body.note = note;
	return await spendApiRequest.call(context, {
		method: 'POST',
		path: `/v3/spend/reimbursements/${encodeURIComponent(id)}/action`,
		body,
		itemIndex,
		uncertainHint:
			'Get the reimbursement (Reimbursement → Get) and look at its status before running it again.',
	});
}
