/**
 * BILL Spend & Expense routes (`/v3/spend/*`, Postman folder "Spend & Expense"): the route table.
 * Each group is one file: users, budgets and their members, cards, transactions with receipts and
 * custom fields, reimbursements, custom fields and their values. Data, token check and the
 * per-minute limit: ../spendState.ts; subscriptions: ../spendWebhooks.ts; 3-D Secure: ../spendThreeDs.ts.
 * The storage side of receipt upload URLs: objects.ts.
 */
import type { Emulator } from '../../server';
import { spendRoute } from '../spendState';
import { registerSpendWebhooks } from '../spendWebhooks';
import { budgetsRoutes } from './budgets';
import { cardsRoutes } from './cards';
import { customFieldsRoutes } from './customFields';
import { registerUploads, type SpendRoutes } from './objects';
import { reimbursementsRoutes } from './reimbursements';
import { transactionsRoutes } from './transactions';
import { usersRoutes } from './users';

export { UPLOAD_PATH } from './objects';

/** Every S&E route, group by group, in the order the emulator matches them. */
export const SPEND_ROUTES: SpendRoutes = [
	...usersRoutes,
	...budgetsRoutes,
	...cardsRoutes,
	...transactionsRoutes,
	...reimbursementsRoutes,
	...customFieldsRoutes,
];

export function registerSpend(emulator: Emulator): void {
	registerSpendWebhooks(emulator);
	registerUploads(emulator);
	for (const [method, path, handler] of SPEND_ROUTES)
		emulator.add(method, path, spendRoute(emulator, handler), { auth: 'none' });
}
