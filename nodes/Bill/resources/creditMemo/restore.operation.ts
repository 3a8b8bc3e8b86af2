import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { creditMemoLocator } from './descriptions';

/** `POST /v3/credit-memos/{id}/restore`: idempotent, so a repeat after a lost answer is safe. */
export const { description, effect, execute } = objectAction({
	resource: 'creditMemo',
	operation: 'restore',
	locator: creditMemoLocator('The credit memo to restore'),
	prefix: ID_PREFIX.creditMemo,
	path: (id) => `/v3/credit-memos/${id}/restore`,
	method: 'POST',
	repeatable: 'a repeat leaves it active, as the first request did',
});
