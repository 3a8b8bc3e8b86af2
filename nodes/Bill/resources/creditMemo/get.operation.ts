import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { creditMemoLocator } from './descriptions';

/** `GET /v3/credit-memos/{id}`. */
export const { description, effect, execute } = objectAction({
	resource: 'creditMemo',
	operation: 'get',
	locator: creditMemoLocator('The credit memo to get'),
	prefix: ID_PREFIX.creditMemo,
	path: (id) => `/v3/credit-memos/${id}`,
});
