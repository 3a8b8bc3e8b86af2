import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildFilters } from '../../../Bill/helpers/filters';
import { pageOptions, returnAllOrLimit } from '../../helpers/fields';
import { checkAmount, checkDateTime, checkIdList } from '../../helpers/validation';
import { spendApiRequestAllItems } from '../../transport';
import { SYNC_STATUSES, TRANSACTION_STATUSES, TRANSACTION_TYPES } from './descriptions';
import { simplifyField, simplifyTransaction } from './output';
import { wantsSimplified } from '../../../shared/simplify';

/** BILL's largest page of transactions (Postman "Get list of transactions": `max` 1 to 50). */
export const TRANSACTIONS_PAGE = 50;

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
				displayName: 'Amount At Least',
				name: 'amountMin',
				type: 'number',
				typeOptions: { numberPrecision: 2 },
				default: 0,
			},
			{
				displayName: 'Amount At Most',
				name: 'amountMax',
				type: 'number',
				typeOptions: { numberPrecision: 2 },
				default: 0,
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
			{
				displayName: 'Budget IDs',
				name: 'budgetIds',
				type: 'string',
				default: '',
				description: 'Comma-separated budget UUIDs',
			},
			{
				displayName: 'Card IDs',
				name: 'cardIds',
				type: 'string',
				default: '',
				description: 'Comma-separated card UUIDs',
			},
			{ displayName: 'Merchant Name Is', name: 'merchantName', type: 'string', default: '' },
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: TRANSACTION_STATUSES,
				default: [],
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
				description:
					'Authorization (money held), Clear (money moved; a negative amount is a refund) or Decline',
			},
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
			{
				displayName: 'User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				description: 'Comma-separated user UUIDs (the card holders)',
			},
		],
	},
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
 * amount and times with `gte`/`lte`. Open question: the reference does not list `status` and
 * `transactionType` among the filterable fields; they are sent as `field:in:"…"` like the others.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const label = (name: string) => `Filters → ${name}`;
	const ids = (key: string, name: string) =>
		f[key] ? checkIdList(this, itemIndex, label(name), f[key]) : [];
	const time = (key: string, name: string) =>
		f[key] ? checkDateTime(this, itemIndex, label(name), f[key]) : undefined;
	const budgetIds = ids('budgetIds', 'Budget IDs');
	const cardIds = ids('cardIds', 'Card IDs');
	const userIds = ids('userIds', 'User IDs');
	const list = (key: string) => ((f[key] as string[] | undefined) ?? []).filter(Boolean);
	const amountMin = f.amountMin
		? checkAmount(this, itemIndex, label('Amount At Least'), f.amountMin, { allowNegative: true })
		: undefined;
	const amountMax = f.amountMax
		? checkAmount(this, itemIndex, label('Amount At Most'), f.amountMax, { allowNegative: true })
		: undefined;
	const ranges: Array<[string, string, 'gte' | 'lte', string]> = [
		['authorizedAfter', 'authorizedTime', 'gte', 'Authorized After'],
		['authorizedBefore', 'authorizedTime', 'lte', 'Authorized Before'],
		['updatedAfter', 'updatedTime', 'gte', 'Updated After'],
		['updatedBefore', 'updatedTime', 'lte', 'Updated Before'],
	];
	const filters = buildFilters([
		budgetIds.length > 0 && { field: 'budgetId', op: 'in', value: budgetIds },
		cardIds.length > 0 && { field: 'cardId', op: 'in', value: cardIds },
		userIds.length > 0 && { field: 'userId', op: 'in', value: userIds },
		!!f.merchantName && { field: 'merchantName', op: 'eq', value: String(f.merchantName) },
		amountMin !== undefined && { field: 'amount', op: 'gte', value: amountMin.toFixed(2) },
		amountMax !== undefined && { field: 'amount', op: 'lte', value: amountMax.toFixed(2) },
		list('statuses').length > 0 && { field: 'status', op: 'in', value: list('statuses') },
		list('transactionTypes').length > 0 && {
			field: 'transactionType',
			op: 'in',
			value: list('transactionTypes'),
		},
		list('syncStatuses').length > 0 && {
			field: 'syncStatus',
			op: 'in',
			value: list('syncStatuses'),
		},
		...ranges.map(([key, field, op, name]) => {
			const value = time(key, name);
			return value !== undefined && { field, op, value };
		}),
	]);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		includeReceipts: options.includeReceipts ?? true,
		sort: options.sort ?? 'occurredTime:desc',
	};
	if (filters) qs.filters = filters;
	const transactions = await spendApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/spend/transactions', qs, itemIndex },
		pageOptions(this, itemIndex, TRANSACTIONS_PAGE),
	);
	return wantsSimplified(this, itemIndex) ? transactions.map(simplifyTransaction) : transactions;
}
