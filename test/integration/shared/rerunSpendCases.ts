/** The Spend & Expense creates of rerunCases.ts: how to run each once. */
import type { Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { byId } from '../../harness/spend';
import type { RerunCase } from './rerunCases';

/** The fixture MEMBER user and the first budget, by UUID. */
export const spendFixtures = (emulator: Emulator) => {
	const data = spendData(emulator);
	const user = [...data.users.values()].find((u) => u.role === 'MEMBER')!;
	const budget = [...data.budgets.values()][0];
	return { userId: String(user.uuid), budgetId: String(budget.uuid) };
};

const spend = async (emulator: Emulator) => spendFixtures(emulator);

export const SPEND_CASES: Record<string, RerunCase> = {
	'billSpend:reimbursement:create': {
		route: { method: 'POST', path: '/v3/spend/reimbursements' },
		prepare: spend,
		parameters: (p) => ({
			resource: 'reimbursement',
			operation: 'create',
			userId: byId(String(p.userId)),
			budgetId: byId(String(p.budgetId)),
			amount: 42.5,
			merchantName: 'Jasmine Thai',
			occurredDate: '2026-11-20',
			note: 'Team lunch',
		}),
	},
	'billSpend:card:create': {
		route: { method: 'POST', path: '/v3/spend/cards' },
		prepare: spend,
		parameters: (p) => ({
			resource: 'card',
			operation: 'create',
			name: 'Google Ads – Rerun',
			userId: byId(String(p.userId)),
			budgetId: byId(String(p.budgetId)),
			cardLimit: 250,
		}),
	},
	'billSpend:budget:create': {
		route: { method: 'POST', path: '/v3/spend/budgets' },
		prepare: spend,
		parameters: (p) => ({
			resource: 'budget',
			operation: 'create',
			name: 'Rerun Events',
			ownerId: byId(String(p.userId)),
			recurringInterval: 'MONTHLY',
			budgetLimit: 1000,
		}),
	},
	'billSpend:user:create': {
		route: { method: 'POST', path: '/v3/spend/users' },
		parameters: () => ({
			resource: 'user',
			operation: 'create',
			firstName: 'Rita',
			lastName: 'Rerun',
			email: 'rita.rerun@example.com',
			role: 'MEMBER',
		}),
	},
	'billSpend:customField:create': {
		route: { method: 'POST', path: '/v3/spend/custom-fields' },
		parameters: () => ({
			resource: 'customField',
			operation: 'create',
			name: 'Rerun Project',
			values: 'Alpha, Beta',
		}),
	},
};
