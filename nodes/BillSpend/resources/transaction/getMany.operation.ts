import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/descriptions';
import { returnAllOrLimit } from '../../helpers/fields';
import { idListOption, keepLocal, spendFilters, spendGetMany } from '../../helpers/getMany';
import { SYNC_STATUSES, TRANSACTION_STATUSES, TRANSACTION_TYPES } from './descriptions';
import { simplifyField, simplifyTransaction } from './output';
import { wantsSimplified } from '../../../shared/simplify';

/** BILL's largest page of transactions (Postman "Get list of transactions": `max` 1 to 50). */
export const TRANSACTIONS_PAGE = 50;

/** How the options BILL's list does not have are described. */
const LOCAL =
	"BILL's list has no such filter, so n8n reads the list and drops the others itself (with a Limit, it reads on until it has that many)";

const filters = filtersCollection([
	{
		displayName: 'Amount At Least',
		name: 'amountMin',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: `Keep only transactions of at least this amount. ${LOCAL}.`,
	},
	{
		displayName: 'Amount At Most',
		name: 'amountMax',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: `Keep only transactions of at most this amount. ${LOCAL}.`,
	},
	{
		displayName: 'Authorized After',
		name: 'authorizedAfter',
		type: 'dateTime',
		default: '',
		description: 'Only transactions authorized at or after this time',
	},
	{
		displayName: 'Authorized Before',
		name: 'authorizedBefore',
		type: 'dateTime',
		default: '',
		description: 'Only transactions authorized at or before this time',
	},
	idListOption('Budget IDs', 'budgetIds', 'Comma-separated budget UUIDs'),
	idListOption('Card IDs', 'cardIds', 'Comma-separated card UUIDs'),
	{ displayName: 'Merchant Name Is', name: 'merchantName', type: 'string', default: '' },
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: TRANSACTION_STATUSES,
		default: [],
		description: `Keep only transactions in these statuses. ${LOCAL}.`,
	},
	{
		displayName: 'Sync Statuses',
		name: 'syncStatuses',
		type: 'multiOptions',
		options: SYNC_STATUSES,
		default: [],
		description: 'Sync with your accounting system',
	},
	{
		displayName: 'Transaction Types',
		name: 'transactionTypes',
		type: 'multiOptions',
		options: TRANSACTION_TYPES,
		default: [],
		description: `Authorization (money held), Clear (money moved; a negative amount is a refund) or Decline. ${LOCAL}.`,
	},
	{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
	{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
	idListOption('User IDs', 'userIds', 'Comma-separated user UUIDs (the card holders)'),
]);

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filters,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Receipts',
				name: 'includeReceipts',
				type: 'boolean',
				default: true,
				description: 'Whether each transaction comes with its receipts',
			},
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				options: [
					{ name: 'Amount (Largest First)', value: 'amount:desc' },
					{ name: 'Amount (Smallest First)', value: 'amount:asc' },
					{ name: 'Merchant Name', value: 'merchantName:asc' },
					{ name: 'Occurred Time (Newest First)', value: 'occurredTime:desc' },
					{ name: 'Occurred Time (Oldest First)', value: 'occurredTime:asc' },
				],
				default: 'occurredTime:desc',
			},
		],
	},
	...simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v3/spend/transactions` (Postman "Get list of transactions"; parent transactions only),
 * filtered as https://developer.bill.com/reference/listtransactions lists: ids with `in`,
 * times with `gte`/`lte`. The reference lists no `amount`, `status` or `transactionType` filter:
 * those are applied to the transactions BILL returns.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = spendFilters(this, itemIndex, filters, [
		{ kind: 'ids', option: 'budgetIds', field: 'budgetId' },
		{ kind: 'ids', option: 'cardIds', field: 'cardId' },
		{ kind: 'ids', option: 'userIds', field: 'userId' },
		{ kind: 'text', option: 'merchantName', field: 'merchantName' },
		{ kind: 'list', option: 'syncStatuses', field: 'syncStatus' },
		{ kind: 'time', option: 'authorizedAfter', field: 'authorizedTime', op: 'gte' },
		{ kind: 'time', option: 'authorizedBefore', field: 'authorizedTime', op: 'lte' },
		{ kind: 'time', option: 'updatedAfter', field: 'updatedTime', op: 'gte' },
		{ kind: 'time', option: 'updatedBefore', field: 'updatedTime', op: 'lte' },
	]);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		includeReceipts: options.includeReceipts ?? true,
		sort: options.sort ?? 'occurredTime:desc',
		...query,
	};
	// Not among BILL's filters (https://developer.bill.com/reference/listtransactions): applied here.
	const keep = keepLocal(this, itemIndex, filters, [
		{ kind: 'amount', option: 'amountMin', field: 'amount', op: 'gte' },
		{ kind: 'amount', option: 'amountMax', field: 'amount', op: 'lte' },
		{ kind: 'list', option: 'statuses', field: 'status' },
		{ kind: 'list', option: 'transactionTypes', field: 'transactionType' },
	]);
	const transactions = await spendGetMany(
		this,
		itemIndex,
		'/v3/spend/transactions',
		qs,
		TRANSACTIONS_PAGE,
		keep,
	);
	return wantsSimplified(this, itemIndex) ? transactions.map(simplifyTransaction) : transactions;
}
