import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { recurringInvoiceLocator } from './descriptions';

/** `POST /v3/recurring-invoices/{id}/archive`: idempotent, so a repeat after a lost answer is safe. */
export const { description, effect, execute } = objectAction({
	resource: 'recurringInvoice',
	operation: 'archive',
	locator: recurringInvoiceLocator('The recurring invoice to archive (no more invoices are made)'),
	prefix: ID_PREFIX.recurringInvoice,
	path: (id) => `/v3/recurring-invoices/${id}/archive`,
	method: 'POST',
	repeatable: 'a repeat leaves it archived, as the first request did',
});
