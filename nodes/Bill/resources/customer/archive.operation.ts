import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { customerLocator } from './descriptions';

/** `POST /v3/customers/{id}/archive`: idempotent, so a repeat after a lost answer is safe. */
export const { description, effect, execute } = objectAction({
	resource: 'customer',
	operation: 'archive',
	locator: customerLocator('The customer to archive'),
	prefix: ID_PREFIX.customer,
	path: (id) => `/v3/customers/${id}/archive`,
	method: 'POST',
	repeatable: 'a repeat leaves it archived, as the first request did',
});
