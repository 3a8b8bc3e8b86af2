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
// BILL_AMOUNT in BILL's guide; the other keys in Postman's examples (https://developer.bill.com/reference/createbillapprovalpolicy).
const RULE_KEYS = ['BILL_AMOUNT', 'VENDOR_ID', 'CHART_OF_ACCOUNT_ID', 'LOCATION_ID', 'JOB_ID'];
const RULE_OPS = ['eq', 'in', 'gt', 'gte', 'lt', 'lte'];

/** The classification of a bill's lines a rule key compares (CHART_OF_ACCOUNT_ID, LOCATION_ID, JOB_ID). */
const LINE_FIELD: Record<string, string> = {
	CHART_OF_ACCOUNT_ID: 'chartOfAccountId',
	LOCATION_ID: 'locationId',
	JOB_ID: 'jobId',
};

function ruleMatches(rule: Json, bill: Json): boolean {
	const values = (rule.values as Json[]).map((v) => String(v.value));
	if (rule.key === 'VENDOR_ID') return values.includes(String(bill.vendorId));
	const field = LINE_FIELD[String(rule.key)];
	if (field)
		return ((bill.billLineItems as Json[] | undefined) ?? []).some((line) =>
			values.includes(String((line.classifications as Json | undefined)?.[field] ?? '')),
		);
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

/** A bill's approvers in order, as bills show them: `{ userId, status (WAITING, APPROVED, DENIED), approverOrder }`. */
export function billApprovers(state: State, billId: string): Json[] {
	return (state.billApprovals.get(billId)?.approvers ?? []).map((a, n) => ({
		userId: a.userId,
		status: a.status === 'PENDING' ? 'WAITING' : a.status,
		approverOrder: n,
	}));
}

function fullName(state: State, userId: string): string {
	const user = state.users.get(userId);
	return user ? user.username.split('@')[0] : userId;
}

/** A policy from a create or update body (PUT replaces everything): rules and approvers kept in order. */
function policyFrom(context: RequestContext, id: string): Json {
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
	// The emulator has no approval groups (BILL's web app makes them): an `agp…` id is refused as unknown.
	const users = body.approvers.map((userId, n) => {
		const user = context.state.users.get(String(userId));
		if (!user || user.organizationId !== context.organization!.id)
			throw bad(`approvers[${n}]`, `user or approval group ${String(userId)} does not exist`);
		return { userId: user.id, fullName: fullName(context.state, user.id) };
	});
	if (new Set(users.map((u) => u.userId)).size < users.length)
		throw bad('approvers', 'an approver is given twice');
	return {
		id,
		policyName: body.policyName,
		status: 'ACTIVE',
		rules,
		approvers: { users, groups: [] },
	};
}

function createPolicy(context: RequestContext): Json {
	// https://developer.bill.com/reference/updatebillapprovalpolicy: `{organization_id}-{unique_id}`.
	const policy = policyFrom(context, `${context.organization!.id}-${newId('').slice(2, 14)}`);
	context.state.approvalPolicies.set(String(policy.id), policy);
	context.state.owner.set(String(policy.id), context.organization!.id);
	return policy;
}

function policyOf(context: RequestContext): Json {
	const id = context.params.policyId;
	const policy = context.state.approvalPolicies.get(id);
	if (!policy || context.state.owner.get(id) !== context.organization!.id)
		throw errors.notFound('Approval policy', id);
	return policy;
}

function pendingForUser(context: RequestContext): Json[] {
	const userId = context.user!.id;
	return context.state
		.ofOrganization(context.state.bills, context.organization!.id)
		.filter((bill) => {
			if (bill.archived || !['ASSIGNED', 'APPROVING'].includes(String(bill.approvalStatus)))
				return false;
			// Approvals are requested in the policy's order: a bill waits for an approver once all
			// before them approved (https://developer.bill.com/reference/createbillapprovalpolicy).
			const approvers = context.state.billApprovals.get(String(bill.id))?.approvers ?? [];
			const mine = approvers.findIndex((a) => a.userId === userId && a.status === 'PENDING');
			return mine >= 0 && approvers.slice(0, mine).every((a) => a.status === 'APPROVED');
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
	// BILL's guide (https://developer.bill.com/docs/ap-bill-approvals) creates with POST /v3/bill-approvals,
	// Postman's "Create a bill approval policy" with POST /v3/bill-approvals/policies: reading
	// approvalPolicyCreatePath serves both (default) or one; the other is then an unknown route.
	const create = (path: 'guide' | 'postman') => (context: RequestContext) => {
		const served = context.emulator.readings.approvalPolicyCreatePath;
		if (served !== 'both' && served !== path) throw errors.notSupported('POST', context.path);
		return { status: 201, body: createPolicy(context) };
	};
	emulator.add('POST', '/v3/bill-approvals', create('guide'));
	emulator.add('POST', '/v3/bill-approvals/policies', create('postman'));
	emulator.add('PUT', '/v3/bill-approvals/policies/:policyId', (context) => {
		const policy = policyOf(context);
		const replaced = policyFrom(context, String(policy.id));
		for (const key of Object.keys(policy)) delete policy[key];
		Object.assign(policy, replaced);
		return { body: policy };
	});
	emulator.add('DELETE', '/v3/bill-approvals/policies/:policyId', (context) => {
		const policy = policyOf(context);
		context.state.approvalPolicies.delete(String(policy.id));
		return { body: { status: 'SUCCESS' } };
	});
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
