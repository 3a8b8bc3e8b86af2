import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { invoiceLocator } from './descriptions';

/** `POST /v3/invoices/{id}/archive`: idempotent, so a repeat after a lost answer is safe. */
export const { description, effect, execute } = objectAction({
	resource: 'invoice',
	operation: 'archive',
	locator: invoiceLocator('The invoice to archive'),
	prefix: ID_PREFIX.invoice,
	path: (id) => `/v3/invoices/${id}/archive`,
	method: 'POST',
	repeatable: 'a repeat leaves it archived, as the first request did',
});
