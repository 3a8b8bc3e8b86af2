import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { customerLocator } from './descriptions';

/** `GET /v3/customers/{id}`. */
export const { description, effect, execute } = objectAction({
	resource: 'customer',
	operation: 'get',
	locator: customerLocator('The customer to get'),
	prefix: ID_PREFIX.customer,
	path: (id) => `/v3/customers/${id}`,
});
