import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildFilters } from '../../../Bill/helpers/filters';
import { pageOptions, returnAllOrLimit } from '../../helpers/fields';
import { checkIdList } from '../../helpers/validation';
import { spendApiRequestAllItems } from '../../transport';
import { REIMBURSEMENT_STATUSES } from './descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Budget IDs',
				name: 'budgetIds',
				type: 'string',
				default: '',
				description: 'Comma-separated budget UUIDs',
			},
			{
				displayName: 'Reimbursement IDs',
				name: 'reimbursementIds',
				type: 'string',
				default: '',
				description: 'Comma-separated reimbursement UUIDs',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: REIMBURSEMENT_STATUSES,
				default: [],
			},
			{
				displayName: 'User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				description: 'Comma-separated UUIDs of the users paid back',
			},
		],
	},
];

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
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const ids = (key: string, label: string) =>
		f[key] ? checkIdList(this, itemIndex, `Filters → ${label}`, f[key]) : [];
	const reimbursementIds = ids('reimbursementIds', 'Reimbursement IDs');
	const budgetIds = ids('budgetIds', 'Budget IDs');
	const userIds = ids('userIds', 'User IDs');
	const statuses = ((f.statuses as string[] | undefined) ?? []).filter(Boolean);
	const filters = buildFilters([
		reimbursementIds.length > 0 && { field: 'reimbursementIds', op: 'in', value: reimbursementIds },
		budgetIds.length > 0 && { field: 'budgetId', op: 'in', value: budgetIds },
		userIds.length > 0 && { field: 'userId', op: 'in', value: userIds },
		statuses.length > 0 && { field: 'status', op: 'in', value: statuses },
	]);
	const qs: IDataObject = { sort: 'submittedTime:desc' };
	if (filters) qs.filters = filters;
	return await spendApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/spend/reimbursements', qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
