/** `/__emulator/spend/*` (control.ts): the Spend & Expense limits, extra tokens, seeding and stats. */
import { randomUUID } from 'crypto';

import type { Emulator } from '../server';
import {
	SPEND_FIXTURES,
	seedSpendTransactions,
	spendData,
	spendLimits,
	type SpendLimits,
} from './spendState';

/** `/__emulator/spend/*`: the limits switch, seeding, and the 429 count (control.ts). */
export function spendControl(
	emulator: Emulator,
	method: string,
	path: string,
	input: Record<string, unknown>,
): { status?: number; body?: unknown } | undefined {
	if (path === '/spend/limits' && method === 'POST') {
		const change: Partial<SpendLimits> = {};
		if (input.perWindow !== undefined) change.perWindow = Number(input.perWindow);
		if (input.windowMs !== undefined) change.windowMs = Number(input.windowMs);
		if (input.enforce !== undefined) change.enforce = Boolean(input.enforce);
		return { body: spendLimits(emulator, change) };
	}
	if (path === '/spend/tokens' && method === 'POST') {
		// Another API token of the ADMIN user ("Only ADMIN users can generate API tokens",
		// https://developer.bill.com/docs/authentication-with-api-token): one per integration,
		// each with its own 60 calls a minute.
		const data = spendData(emulator);
		const admin = [...data.users.values()].find((u) => u.role === 'ADMIN' && !u.retired)!;
		const apiToken = `se-sandbox-admin-token-${randomUUID().slice(0, 8)}`;
		const label = String(input.label ?? `token-${data.usage.size + 1}`);
		data.tokens.set(apiToken, String(admin.uuid));
		data.usage.set(apiToken, { label, calls: 0, refused: 0, peak: 0 });
		return { body: { apiToken, label } };
	}
	if (path === '/spend/seed' && method === 'POST') {
		seedSpendTransactions(emulator, Number(input.transactions ?? 0));
		return { body: { transactions: spendData(emulator).transactions.size } };
	}
	if (path === '/spend/stats' && method === 'GET') {
		const data = spendData(emulator);
		return {
			body: {
				refused: data.refused,
				usage: Object.fromEntries(
					[...data.usage.values()].map(({ label, ...u }) => [label, u] as const),
				),
				users: data.users.size,
				budgets: data.budgets.size,
				cards: data.cards.size,
				transactions: data.transactions.size,
				reimbursements: data.reimbursements.size,
				customFields: data.customFields.size,
				apiToken: SPEND_FIXTURES.apiToken,
			},
		};
	}
	return undefined;
}
