import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { recurringInvoiceLocator } from './descriptions';

/** `GET /v3/recurring-invoices/{id}`. */
export const { description, effect, execute } = objectAction({
	resource: 'recurringInvoice',
	operation: 'get',
	locator: recurringInvoiceLocator('The recurring invoice to get'),
	prefix: ID_PREFIX.recurringInvoice,
	path: (id) => `/v3/recurring-invoices/${id}`,
});
