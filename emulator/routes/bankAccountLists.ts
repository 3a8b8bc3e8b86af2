/** What the organization's bank accounts and their users can be filtered and sorted by. */
import type { FilterableFields } from '../list';

/**
 * BILL's filterable fields for bank accounts (https://developer.bill.com/docs/filterable-fields),
 * plus `bankAccountId`, the name Postman's "Get list of bank accounts" example filters by.
 */
export const BANK_FILTERS: FilterableFields = {
	id: ['eq', 'ne', 'in'],
	bankAccountId: ['eq', 'ne', 'in'],
	archived: ['eq', 'ne'],
	status: ['eq', 'ne', 'in', 'nin'],
	type: ['eq', 'ne'],
	ownerType: ['eq', 'ne'],
	accessToAdmins: ['eq', 'ne'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
};
export const BANK_SORTS = [
	'archived',
	'nameOnAccount',
	'bankName',
	'accessToAdmins',
	'createdTime',
	'updatedTime',
	'type',
	'ownerType',
];

/**
 * BILL documents no filterable fields for bank-account users (open question); Postman filters by
 * `id`, and the object's own fields are accepted too. Sortable by `archived` (https://developer.bill.com/docs/sortable-fields).
 */
export const USER_FILTERS: FilterableFields = {
	id: ['eq', 'ne', 'in'],
	bankAccountId: ['eq', 'ne', 'in'],
	userId: ['eq', 'ne', 'in'],
	archived: ['eq', 'ne'],
	verificationStatus: ['eq', 'ne', 'in', 'nin'],
};
export const USER_SORTS = ['archived'];
