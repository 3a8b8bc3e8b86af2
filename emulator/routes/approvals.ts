/**
 * Bill approvals (BILL's Postman folder "bill-approvals"): approval policies (list, create),
 * the bills pending the signed-in user's approval, and approve/deny actions with a comment.
 *
 * The emulator's rules where BILL's docs are silent:
 * - A policy applies to a bill when the bill is created (`bill.created`): the first ACTIVE policy
 *   whose rules all match (BILL_AMOUNT with gt/gte/lt/lte/eq, VENDOR_ID with eq/in) assigns its
 *   approvers, all of whom must approve (approvalStatus ASSIGNED → APPROVING → APPROVED); one
 *   denial makes it DENIED. Bills made before a policy keep their status.
 * - An approver answers for themself; a user with the ADMINISTRATOR role may approve or deny any
 *   bill (as BILL's web app lets administrators do); anyone else gets 403.
 * - Repeating the same answer changes nothing and succeeds; changing an answer is refused.
 */
import { BillError, errors } from '../errors';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json, type State } from '../state';

const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);
const RULE_KEYS = ['BILL_AMOUNT', 'VENDOR_ID'];
const RULE_OPS = ['eq', 'in', 'gt', 'gte', 'lt', 'lte'];

function ruleMatches(rule: Json, bill: Json): boolean {
	const values = (rule.values as Json[]).map((v) => String(v.value));
	if (rule.key === 'VENDOR_ID') return values.includes(String(bill.vendorId));
	const amount = Number(bill.amount ?? 0);
	const limit = Number(values[0]);
	switch (rule.op) {
		case 'gt':
			return amount > limit;
		case 'gte':
			return amount >= limit;
		case 'lt':
			return amount < limit;
		case 'lte':
			return amount <= limit;
		default:
			return values.map(Number).includes(amount);
	}
}

/** Gives a new bill the approvers of the first active policy that matches it. */
export function assignApprovers(state: State, bill: Json): void {
	const organizationId = state.owner.get(String(bill.id));
	if (
		!organizationId ||
		bill.approvalStatus !== 'UNASSIGNED' ||
		state.billApprovals.has(String(bill.id))
	)
		return;
	const policy = state
		.ofOrganization(state.approvalPolicies, organizationId)
		.find(
			(p) => p.status === 'ACTIVE' && (p.rules as Json[]).every((rule) => ruleMatches(rule, bill)),
		);
	if (!policy) return;
	const users = (policy.approvers as { users: Json[] }).users;
	state.billApprovals.set(String(bill.id), {
		policyId: String(policy.id),
		approvers: users.map((u) => ({ userId: String(u.userId), status: 'PENDING' as const })),
	});
	bill.approvalStatus = 'ASSIGNED';
}

function fullName(state: State, userId: string): string {
	const user = state.users.get(userId);
	return user ? user.username.split('@')[0] : userId;
}

function createPolicy(context: RequestContext): Json {
	const body = objectBody(context);
	if (typeof body.policyName !== 'string' || !body.policyName.trim())
		throw bad('policyName', 'must not be blank');
	if (!Array.isArray(body.rules) || !body.rules.length) throw bad('rules', 'must not be empty');
	const rules = body.rules.map((raw, n) => {
		const rule = (raw ?? {}) as Json;
		if (!RULE_KEYS.includes(String(rule.key)))
			throw bad(`rules[${n}].key`, `must be one of ${RULE_KEYS.join(', ')} in the emulator`);
		if (!RULE_OPS.includes(String(rule.op)))
			throw bad(`rules[${n}].op`, `must be one of ${RULE_OPS.join(', ')}`);
		if (!Array.isArray(rule.values) || !rule.values.length)
			throw bad(`rules[${n}].values`, 'must not be empty');
		return {
			key: rule.key,
			op: rule.op,
			values: rule.values.map((v) => ({ value: String(v), displayName: String(v) })),
		};
	});
	if (!Array.isArray(body.approvers) || !body.approvers.length)
		throw bad('approvers', 'must not be empty');
	const users = body.approvers.map((userId, n) => {
		const user = context.state.users.get(String(userId));
		if (!user || user.organizationId !== context.organization!.id)
			throw bad(`approvers[${n}]`, `user ${String(userId)} does not exist`);
		return { userId: user.id, fullName: fullName(context.state, user.id) };
	});
	const policy: Json = {
		id: newId('app'),
		policyName: body.policyName,
		status: 'ACTIVE',
		rules,
		approvers: { users, groups: [] },
	};
	context.state.approvalPolicies.set(String(policy.id), policy);
	context.state.owner.set(String(policy.id), context.organization!.id);
	return policy;
}

function pendingForUser(context: RequestContext): Json[] {
	const userId = context.user!.id;
	return context.state
		.ofOrganization(context.state.bills, context.organization!.id)
		.filter((bill) => {
			if (bill.archived || !['ASSIGNED', 'APPROVING'].includes(String(bill.approvalStatus)))
				return false;
			const approval = context.state.billApprovals.get(String(bill.id));
			return (
				approval?.approvers.some((a) => a.userId === userId && a.status === 'PENDING') ?? false
			);
		})
		.map((bill) => ({
			billId: bill.id,
			vendorId: bill.vendorId,
			amount: bill.amount,
			dueDate: bill.dueDate,
		}));
}

/** One approve/deny of one bill, checked and applied (the list is checked whole first). */
function act(context: RequestContext, raw: unknown, n: number, apply: boolean): void {
	const field = `[${n}]`;
	if (!raw || typeof raw !== 'object') throw bad(field, 'must be an object');
	const { billId, action, comment } = raw as Json;
	if (action !== 'APPROVE' && action !== 'DENY')
		throw bad(`${field}.action`, 'must be APPROVE or DENY');
	const bill = context.state.bills.get(String(billId));
	if (!bill || context.state.owner.get(String(billId)) !== context.organization!.id)
		throw errors.notFound('Bill', String(billId));
	const user = context.user!;
	const approval = context.state.billApprovals.get(String(bill.id));
	const mine = approval?.approvers.find((a) => a.userId === user.id);
	const wanted = action === 'APPROVE' ? 'APPROVED' : 'DENIED';
	if (!mine && user.role !== 'ADMINISTRATOR') {
		throw new BillError(
			403,
			'BDC_1146',
			`User ${user.id} is not an approver of bill ${String(bill.id)}.`,
			'APPLICATION',
		);
	}
	const current = mine
		? mine.status
		: ['APPROVED', 'DENIED'].includes(String(bill.approvalStatus))
			? String(bill.approvalStatus)
			: 'PENDING';
	if (current === wanted) return;
	if (
		current !== 'PENDING' ||
		bill.approvalStatus === 'DENIED' ||
		(bill.approvalStatus === 'APPROVED' && !mine)
	) {
		throw bad(
			`${field}.action`,
			`bill ${String(bill.id)} is already ${bill.approvalStatus === 'DENIED' ? 'DENIED' : current}`,
		);
	}
	if (!apply) return;
	if (mine) {
		mine.status = wanted;
		if (typeof comment === 'string') mine.comment = comment;
	}
	if (wanted === 'DENIED') bill.approvalStatus = 'DENIED';
	else if (!approval || !mine || approval.approvers.every((a) => a.status === 'APPROVED'))
		bill.approvalStatus = 'APPROVED';
	else bill.approvalStatus = 'APPROVING';
	bill.updatedTime = context.clock.timestamp();
	context.emulator.emit('bill.updated', context.organization!.id, 'bill', structuredClone(bill));
}

export function registerApprovals(emulator: Emulator): void {
	emulator.onEvent((event) => {
		if (event.type !== 'bill.created') return;
		const bill = emulator.state.bills.get(String(event.entity.id));
		if (bill) assignApprovers(emulator.state, bill);
	});

	emulator.add('GET', '/v3/bill-approvals/policies', (context) => ({
		body: context.state.ofOrganization(context.state.approvalPolicies, context.organization!.id),
	}));
	emulator.add('POST', '/v3/bill-approvals/policies', (context) => ({
		status: 201,
		body: createPolicy(context),
	}));
	emulator.add('GET', '/v3/bill-approvals/pending-user-approvals', (context) => ({
		body: { bills: pendingForUser(context) },
	}));
	emulator.add('POST', '/v3/bill-approvals/actions', (context) => {
		const list = context.body;
		if (!Array.isArray(list) || !list.length)
			throw errors.invalid('Request body must be a non-empty JSON array of bill actions');
		list.forEach((raw, n) => act(context, raw, n, false));
		list.forEach((raw, n) => act(context, raw, n, true));
		return { body: { status: 'SUCCESS' } };
	});
}
