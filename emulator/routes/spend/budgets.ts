/** S&E budgets and their members (Postman "Get list of budgets" … "Delete a budget member"). */
import { errors } from '../../errors';
import { spendListRules } from '../../spendLists';
import type { Json } from '../../state';
import { find, newBudget, setMember } from '../spendState';
import { amount, body, notFound, oneOf, onlyFields, required, spendPage } from '../spendRequest';
import { budgetOf, byNameCase, must, patch, userOf, type SpendRoutes } from './objects';

const INTERVALS = ['NONE', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'];
const BUDGET_ROLES = ['OWNER', 'MEMBER', 'OBSERVER'];

export const budgetsRoutes: SpendRoutes = [
	[
		'GET',
		'/v3/spend/budgets',
		(context, { data }) => ({
			body: spendPage(byNameCase(context, [...data.budgets.values()]), context.query, {
				...spendListRules('budgets'),
				view: (b) => ({
					...b,
					budgetIds: b.uuid,
					isBudgetGroup: b.budgetGroup,
					parentBudgetId: b.parentBudgetUuid ?? b.parentBudgetId,
					assigned: (b.currentPeriod as Json).assigned,
					limit: (b.currentPeriod as Json).limit,
					spent: ((b.currentPeriod as Json).spent as Json).total,
				}),
			}),
		}),
	],
	[
		'POST',
		'/v3/spend/budgets',
		(context, { data, now }) => {
			const b = body(context);
			// Postman "Create a budget" and https://developer.bill.com/reference/createbudget.
			onlyFields(b, [
				'name',
				'description',
				'recurringInterval',
				'limit',
				'recurringLimit',
				'owners',
				'members',
				'observers',
				'recurMonth',
				'expirationDate',
				'timezone',
				'shareFunds',
			]);
			required(b, 'name', 'recurringInterval');
			oneOf(b, 'recurringInterval', INTERVALS);
			amount(b, 'limit');
			amount(b, 'recurringLimit');
			const owners = b.owners as unknown[] | undefined;
			if (!Array.isArray(owners) || owners.length === 0)
				throw errors.invalid('owners: must name at least one user');
			const people = (list: unknown, role: string) =>
				((list as unknown[] | undefined) ?? []).map((id) => {
					const user = find(data.users, String(id));
					if (!user) throw errors.invalid(`${role.toLowerCase()}s: no such user ${String(id)}`);
					return user;
				});
			const owners_ = people(owners, 'OWNER');
			const members = people(b.members, 'MEMBER');
			const observers = people(b.observers, 'OBSERVER');
			if (b.recurMonth !== undefined) {
				if (!['QUARTERLY', 'YEARLY'].includes(String(b.recurringInterval)))
					throw errors.invalid('recurMonth: only with QUARTERLY or YEARLY');
				const month = Number(b.recurMonth);
				if (!Number.isInteger(month) || month < 1 || month > 12)
					throw errors.invalid('recurMonth: must be 1 to 12');
			}
			const budget = newBudget(data, b, now);
			for (const u of owners_) setMember(data, budget, u, { role: 'OWNER' });
			for (const u of members) setMember(data, budget, u, { role: 'MEMBER' });
			for (const u of observers) setMember(data, budget, u, { role: 'OBSERVER' });
			return { body: budget };
		},
	],
	[
		'GET',
		'/v3/spend/budgets/:budgetId',
		(context, { data }) => ({
			body: budgetOf(data, context.params.budgetId),
		}),
	],
	[
		'PATCH',
		'/v3/spend/budgets/:budgetId',
		(context, { data }) => {
			const budget = budgetOf(data, context.params.budgetId);
			const b = body(context);
			oneOf(b, 'recurringInterval', INTERVALS);
			const { limit, ...rest } = b;
			if (limit !== undefined) (budget.currentPeriod as Json).limit = amount(b, 'limit');
			if (rest.recurringLimit !== undefined) rest.recurringLimit = amount(b, 'recurringLimit');
			patch(budget, rest, [
				'name',
				'description',
				'recurringInterval',
				'recurringLimit',
				'expirationDate',
				'timezone',
				'shareFunds',
				'receiptRequired',
				'autoAddUsers',
			]);
			return { body: budget };
		},
	],
	[
		'DELETE',
		'/v3/spend/budgets/:budgetId',
		(context, { data }) => {
			const budget = budgetOf(data, context.params.budgetId);
			data.budgets.delete(String(budget.uuid));
			data.members.delete(String(budget.uuid));
			return { status: 200 };
		},
	],
	[
		'GET',
		'/v3/spend/budgets/:budgetId/members',
		(context, { data }) => {
			const budget = budgetOf(data, context.params.budgetId);
			return {
				body: spendPage([...data.members.get(String(budget.uuid))!.values()], context.query, {
					...spendListRules('budgetMembers'),
				}),
			};
		},
	],
	[
		'PUT',
		'/v3/spend/budgets/:budgetId/members/bulk',
		(context, { data }) => {
			const budget = budgetOf(data, context.params.budgetId);
			const list = body(context).members;
			if (!Array.isArray(list) || list.length === 0)
				throw errors.invalid('members: must list at least one member');
			// All checked before any is applied.
			const plan = (list as Json[]).map((m, i) => {
				const user = find(data.users, String(m.userId ?? m.userUuid));
				if (!user) throw errors.invalid(`members[${i}].userId: no such user`);
				oneOf(m, 'role', BUDGET_ROLES);
				amount(m, 'limit');
				amount(m, 'recurringLimit');
				return { user, m };
			});
			for (const { user, m } of plan) setMember(data, budget, user, m);
			// BILL processes more than 5 members asynchronously (Postman "Update multiple budget members"); the emulator at once.
			return { body: { status: plan.length > 5 ? 'IN_PROGRESS' : 'SUCCESS' } };
		},
	],
	[
		'GET',
		'/v3/spend/budgets/:budgetId/members/:userId',
		(context, { data }) => {
			const budget = budgetOf(data, context.params.budgetId);
			const user = userOf(data, context.params.userId);
			return {
				body: must(
					data.members.get(String(budget.uuid))!.get(String(user.uuid)),
					'Budget member',
					context.params.userId,
				),
			};
		},
	],
	[
		'PUT',
		'/v3/spend/budgets/:budgetId/members/:userId',
		(context, { data }) => {
			const budget = budgetOf(data, context.params.budgetId);
			const user = userOf(data, context.params.userId);
			const b = body(context);
			oneOf(b, 'role', BUDGET_ROLES);
			amount(b, 'limit');
			amount(b, 'recurringLimit');
			return { body: setMember(data, budget, user, b) };
		},
	],
	[
		'DELETE',
		'/v3/spend/budgets/:budgetId/members/:userId',
		(context, { data }) => {
			const budget = budgetOf(data, context.params.budgetId);
			const user = userOf(data, context.params.userId);
			const members = data.members.get(String(budget.uuid))!;
			if (!members.delete(String(user.uuid)))
				throw notFound('Budget member', context.params.userId);
			return { status: 200 };
		},
	],
];
