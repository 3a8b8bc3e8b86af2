import type { Resource } from '../../Bill/operation';
import { budget } from './budget';
import { card } from './card';
import { customField } from './customField';
import { reimbursement } from './reimbursement';
import { transaction } from './transaction';
import { user } from './user';

/**
 * Every resource of the BILL Spend & Expense node, by the value of its "Resource" parameter.
 * A new resource is a folder under resources/ and one line here.
 */
export const resources: Record<string, Resource> = {
	budget,
	card,
	customField,
	reimbursement,
	transaction,
	user,
};
