import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { creditMemoLocator } from './descriptions';

/** `POST /v3/credit-memos/{id}/archive`: idempotent, so a repeat after a lost answer is safe. */
export const { description, effect, execute } = objectAction({
	resource: 'creditMemo',
	operation: 'archive',
	locator: creditMemoLocator('The credit memo to archive'),
	prefix: ID_PREFIX.creditMemo,
	path: (id) => `/v3/credit-memos/${id}/archive`,
	method: 'POST',
	repeatable: 'a repeat leaves it archived, as the first request did',
});
