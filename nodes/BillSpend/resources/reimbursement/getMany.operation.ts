import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../Bill/helpers/descriptions';
import { returnAllOrLimit } from '../../helpers/fields';
import { idListOption, spendFilters, spendGetMany } from '../../helpers/getMany';
import { REIMBURSEMENT_STATUSES } from './descriptions';

const filters = filtersCollection([
	idListOption('Budget IDs', 'budgetIds', 'Comma-separated budget UUIDs'),
	idListOption('Reimbursement IDs', 'reimbursementIds', 'Comma-separated reimbursement UUIDs'),
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: REIMBURSEMENT_STATUSES,
		default: [],
	},
	idListOption('User IDs', 'userIds', 'Comma-separated UUIDs of the users paid back'),
]);

const properties: INodeProperties[] = [...returnAllOrLimit(), filters];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v3/spend/reimbursements`, newest first (Postman "Get list of reimbursements":
 * `filters=reimbursementIds:eq:…`, `sort=submittedTime:desc`). Open question: BILL shows only
 * `reimbursementIds`; status, user and budget are sent as `field:in:"…"` like the other lists.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs: IDataObject = {
		sort: 'submittedTime:desc',
		...spendFilters(this, itemIndex, filters, [
			{ kind: 'ids', option: 'reimbursementIds', field: 'reimbursementIds' },
			{ kind: 'ids', option: 'budgetIds', field: 'budgetId' },
			{ kind: 'ids', option: 'userIds', field: 'userId' },
			{ kind: 'list', option: 'statuses', field: 'status' },
		]),
	};
	return await spendGetMany(this, itemIndex, '/v3/spend/reimbursements', qs);
}
