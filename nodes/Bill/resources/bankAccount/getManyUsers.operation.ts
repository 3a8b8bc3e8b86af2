import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { locatorValue, pageOptions, sortValue } from '../../helpers/listQuery';
import { buildFilters } from '../../helpers/filters';
import { ID_PREFIX, checkId } from '../../helpers/validation';
import { billApiRequestAllItems } from '../../../shared/transport';
import { bankAccountLocator } from './descriptions';
import { BANKS_PATH } from './paths';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Only Current User',
		name: 'currentUser',
		type: 'boolean',
		default: false,
		description: "Whether to list only the signed-in user's access to bank accounts",
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'boolean',
				default: false,
				description: 'Whether to return only removed access (on) or only current access (off)',
			},
			{ ...bankAccountLocator('Only users of this bank account'), required: false },
		],
	},
	sortField([{ name: 'Archived', value: 'archived' }]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['getManyUsers'] } },
	properties,
);

/**
 * `GET /v3/funding-accounts/banks/users` (REFERENCE.md §5.1): who may pay with which bank account,
 * and whether BILL has verified them (`verificationStatus`). BILL documents no filterable fields for
 * bank-account users; `bankAccountId` and `archived` follow the fields of the objects (open question).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const bankValue = locatorValue(f.bankAccountId);
	const bankAccountId = bankValue
		? checkId(this, itemIndex, 'Filters → Bank Account', bankValue, ID_PREFIX.bankAccount)
		: undefined;
	const filters = buildFilters([
		!!bankAccountId && { field: 'bankAccountId', op: 'eq', value: bankAccountId },
		f.archived !== undefined && { field: 'archived', op: 'eq', value: f.archived as boolean },
	]);
	const qs: IDataObject = {
		currentUser: this.getNodeParameter('currentUser', itemIndex, false) === true,
	};
	if (filters) qs.filters = filters;
	const sort = sortValue(this.getNodeParameter('sort', itemIndex, {}) as IDataObject);
	if (sort) qs.sort = sort;
	return await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `${BANKS_PATH}/users`, qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
