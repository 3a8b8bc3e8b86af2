import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { invoiceLocator } from './descriptions';

/** `POST /v3/invoices/{id}/restore`: idempotent, so a repeat after a lost answer is safe. */
export const { description, effect, execute } = objectAction({
	resource: 'invoice',
	operation: 'restore',
	locator: invoiceLocator('The invoice to restore'),
	prefix: ID_PREFIX.invoice,
	path: (id) => `/v3/invoices/${id}/restore`,
	method: 'POST',
	repeatable: 'a repeat leaves it active, as the first request did',
});
