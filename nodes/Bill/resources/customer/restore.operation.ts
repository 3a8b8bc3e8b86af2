import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { customerLocator } from './descriptions';

/** `POST /v3/customers/{id}/restore`: idempotent, so a repeat after a lost answer is safe. */
export const { description, effect, execute } = objectAction({
	resource: 'customer',
	operation: 'restore',
	locator: customerLocator('The customer to restore'),
	prefix: ID_PREFIX.customer,
	path: (id) => `/v3/customers/${id}/restore`,
	method: 'POST',
	repeatable: 'a repeat leaves it active, as the first request did',
});
