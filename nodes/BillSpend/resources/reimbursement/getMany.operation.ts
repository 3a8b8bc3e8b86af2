import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/descriptions';
import { returnAllOrLimit } from '../../helpers/fields';
import { idListOption, keepLocal, spendFilters, spendGetMany } from '../../helpers/getMany';
import { REIMBURSEMENT_STATUSES } from './descriptions';

const filters = filtersCollection([
	idListOption('Budget IDs', 'budgetIds', 'Comma-separated budget UUIDs'),
	idListOption(
		'Custom Field Value IDs',
		'customFieldValueIds',
		'Comma-separated UUIDs of custom field values the reimbursements carry',
	),
	idListOption('Reimbursement IDs', 'reimbursementIds', 'Comma-separated reimbursement UUIDs'),
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: REIMBURSEMENT_STATUSES,
		default: [],
		description:
			"Keep only reimbursements in these statuses. BILL's list has no status filter, so n8n reads the list and drops the others itself (with a Limit, it reads on until it has that many).",
	},
	{
		displayName: 'Submitted After',
		name: 'submittedAfter',
		type: 'dateTime',
		default: '',
		description: 'Only reimbursements submitted at or after this time',
	},
	{
		displayName: 'Submitted Before',
		name: 'submittedBefore',
		type: 'dateTime',
		default: '',
		description: 'Only reimbursements submitted at or before this time',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Mileage', value: 'MILEAGE' },
			{ name: 'Purchase', value: 'PURCHASE' },
		],
		default: '',
	},
	idListOption('User IDs', 'userIds', 'Comma-separated UUIDs of the users paid back'),
]);

/** BILL's sort fields for reimbursements (https://developer.bill.com/reference/listreimbursements). */
const sort: INodeProperties = {
	displayName: 'Sort By',
	name: 'sort',
	type: 'options',
	options: [
		{ name: 'Amount (Largest First)', value: 'amount:desc' },
		{ name: 'Batch', value: 'batchId:asc' },
		{ name: 'Batch Amount (Largest First)', value: 'batchAmount:desc' },
		{ name: 'Fulfillment Type', value: 'fulfillmentType:asc' },
		{ name: 'Receipt Added (Newest First)', value: 'receiptAddedTime:desc' },
		{ name: 'Status', value: 'status:asc' },
		{ name: 'Submitted (Newest First)', value: 'submittedTime:desc' },
		{ name: 'Submitted (Oldest First)', value: 'submittedTime:asc' },
	],
	default: 'submittedTime:desc',
	description: 'The field the reimbursements are sorted by',
};

const properties: INodeProperties[] = [...returnAllOrLimit(), filters, sort];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v3/spend/reimbursements`, newest first, with the filters of
 * https://developer.bill.com/reference/listreimbursements: `reimbursementIds`, `budgetIds`,
 * `userIds`, `customFieldValueIds` (eq, in), `type` (eq), `submittedTime` (gte, lte). BILL has no
 * status filter: the statuses chosen are kept from what BILL returns.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs: IDataObject = {
		sort: this.getNodeParameter('sort', itemIndex, 'submittedTime:desc') || 'submittedTime:desc',
		...spendFilters(this, itemIndex, filters, [
			{ kind: 'ids', option: 'reimbursementIds', field: 'reimbursementIds' },
			{ kind: 'ids', option: 'budgetIds', field: 'budgetIds' },
			{ kind: 'ids', option: 'userIds', field: 'userIds' },
			{ kind: 'ids', option: 'customFieldValueIds', field: 'customFieldValueIds' },
			{ kind: 'text', option: 'type', field: 'type' },
			{ kind: 'time', option: 'submittedAfter', field: 'submittedTime', op: 'gte' },
			{ kind: 'time', option: 'submittedBefore', field: 'submittedTime', op: 'lte' },
		]),
	};
	const keep = keepLocal(this, itemIndex, filters, [
		{ kind: 'list', option: 'statuses', field: 'status' },
	]);
	return await spendGetMany(this, itemIndex, '/v3/spend/reimbursements', qs, undefined, keep);
}
