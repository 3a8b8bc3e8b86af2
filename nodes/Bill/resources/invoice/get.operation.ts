import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { invoiceLocator } from './descriptions';

/** `GET /v3/invoices/{id}`. */
export const { description, effect, execute } = objectAction({
	resource: 'invoice',
	operation: 'get',
	locator: invoiceLocator('The invoice to get'),
	prefix: ID_PREFIX.invoice,
	path: (id) => `/v3/invoices/${id}`,
});
