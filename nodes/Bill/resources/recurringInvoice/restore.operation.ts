import { objectAction } from '../../helpers/objectAction';
import { ID_PREFIX } from '../../helpers/validation';
import { recurringInvoiceLocator } from './descriptions';

/** `POST /v3/recurring-invoices/{id}/restore`: idempotent, so a repeat after a lost answer is safe. */
export const { description, effect, execute } = objectAction({
	resource: 'recurringInvoice',
	operation: 'restore',
	locator: recurringInvoiceLocator('The recurring invoice to restore'),
	prefix: ID_PREFIX.recurringInvoice,
	path: (id) => `/v3/recurring-invoices/${id}/restore`,
	method: 'POST',
	repeatable: 'a repeat leaves it active, as the first request did',
});
