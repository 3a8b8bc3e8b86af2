/**
 * Approval resource against the emulator (issue 10): a policy gives new bills approvers; the
 * approver lists what waits for them, approves or denies with a comment; refusals (not an
 * approver, changing an answer) reach the user with what to do; an approved bill can be paid.
 */
import { startEmulator, type Emulator } from '../../../emulator';
import { billCredentials, byId, expr, runBill, runBillOk } from '../../harness/bill';
import { api, day, type Api } from './payment/setup';

let emulator: Emulator;
let admin: Api;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	admin = api(emulator);
});

const approvalOf = (billId: string) => emulator.state.billApprovals.get(billId);
const statusOf = (billId: string) => emulator.state.bills.get(billId)?.approvalStatus;

describe('Approval', () => {
	it('lists the approval policies as BILL returns them', async () => {
		const policyId = await admin.policy(1000, [
			emulator.fixtures.admin.userId,
			emulator.fixtures.clerk.userId,
		]);
		const policies = await runBillOk(billCredentials(emulator), {
			resource: 'approval',
			operation: 'getManyPolicies',
		});
		expect(policies).toHaveLength(1);
		expect(policies[0]).toMatchObject({
			id: policyId,
			status: 'ACTIVE',
			rules: [{ key: 'BILL_AMOUNT', op: 'gte', values: [{ value: '1000', displayName: '1000' }] }],
		});
		expect((policies[0].approvers as { users: unknown[] }).users).toHaveLength(2);
	});

	it('a bill the policy covers waits for my approval; one under its amount does not', async () => {
		await admin.policy(1000, [emulator.fixtures.admin.userId]);
		const vendorId = await admin.vendor();
		const big = await admin.bill(vendorId, 2500, day(emulator, 3));
		const small = await admin.bill(vendorId, 99);
		expect(statusOf(String(big.id))).toBe('ASSIGNED');
		expect(statusOf(String(small.id))).toBe('UNASSIGNED');
		const pending = await runBillOk(billCredentials(emulator), {
			resource: 'approval',
			operation: 'getManyPending',
		});
		expect(pending).toEqual([
			{ billId: big.id, vendorId, amount: 2500, dueDate: day(emulator, 3) },
		]);
	});

	it('approving with a comment: APPROVING until every approver has approved, then APPROVED, and the bill can be paid', async () => {
		const f = emulator.fixtures;
		await admin.policy(1000, [f.admin.userId, f.clerk.userId]);
		const vendorId = await admin.vendor();
		const billId = String((await admin.bill(vendorId, 1500)).id);
		const accountId = await admin.bankAccount();

		const [mine] = await runBillOk(billCredentials(emulator), {
			resource: 'approval',
			operation: 'approve',
			billId: byId(billId),
			comment: 'Matches the PO',
		});
		expect(mine).toEqual({
			billId,
			action: 'APPROVE',
			comment: 'Matches the PO',
			status: 'SUCCESS',
		});
		expect(statusOf(billId)).toBe('APPROVING');
		expect(approvalOf(billId)?.approvers).toContainEqual({
			userId: f.admin.userId,
			status: 'APPROVED',
			comment: 'Matches the PO',
		});

		// The clerk (the other approver) sees it waiting, approves, and the bill is approved.
		const clerk = billCredentials(emulator, { clerk: true });
		expect(
			(await runBillOk(clerk, { resource: 'approval', operation: 'getManyPending' })).map(
				(b) => b.billId,
			),
		).toEqual([billId]);
		await runBillOk(clerk, { resource: 'approval', operation: 'approve', billId: byId(billId) });
		expect(statusOf(billId)).toBe('APPROVED');
		expect(await runBillOk(clerk, { resource: 'approval', operation: 'getManyPending' })).toEqual(
			[],
		);

		const [payment] = await runBillOk(billCredentials(emulator), {
			resource: 'payment',
			operation: 'create',
			billId: byId(billId),
			amount: 1500,
			processDate: day(emulator, 1),
			fundingAccountId: byId(accountId),
		});
		expect(payment).toMatchObject({ status: 'SCHEDULED', paidBills: [{ billId, amount: 1500 }] });
	});

	it('approving again changes nothing (safe to repeat); denying an approved bill is refused with a hint', async () => {
		await admin.policy(1000, [emulator.fixtures.admin.userId]);
		const billId = String((await admin.bill(await admin.vendor(), 1200)).id);
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, {
			resource: 'approval',
			operation: 'approve',
			billId: byId(billId),
		});
		await runBillOk(credentials, {
			resource: 'approval',
			operation: 'approve',
			billId: byId(billId),
		});
		expect(statusOf(billId)).toBe('APPROVED');
		const { error } = await runBill(credentials, {
			resource: 'approval',
			operation: 'deny',
			billId: byId(billId),
			comment: 'Changed my mind',
		});
		expect(error?.message).toMatch(/already APPROVED/);
		expect(error?.description).toMatch(/approvalStatus/);
		expect(statusOf(billId)).toBe('APPROVED');
	});

	it('denying with a comment makes the bill DENIED; it cannot then be paid', async () => {
		await admin.policy(1000, [emulator.fixtures.clerk.userId]);
		const billId = String((await admin.bill(await admin.vendor(), 4000)).id);
		const [denied] = await runBillOk(billCredentials(emulator, { clerk: true }), {
			resource: 'approval',
			operation: 'deny',
			billId: byId(billId),
			comment: 'Duplicate of INV-7',
		});
		expect(denied).toMatchObject({ action: 'DENY', comment: 'Duplicate of INV-7' });
		expect(statusOf(billId)).toBe('DENIED');
		expect(approvalOf(billId)?.approvers[0]).toMatchObject({
			status: 'DENIED',
			comment: 'Duplicate of INV-7',
		});
		const paid = await admin.call('POST', '/v3/payments', {
			billId,
			amount: 4000,
			processDate: day(emulator, 1),
			fundingAccount: { type: 'BANK_ACCOUNT', id: await admin.bankAccount() },
		});
		expect(paid.status).toBe(400);
		expect(JSON.stringify(paid.data)).toMatch(/not approved \(approval status DENIED\)/);
	});

	it("a user who is not an approver (and not an administrator) is refused with BILL's error and a hint", async () => {
		await admin.policy(1000, [emulator.fixtures.admin.userId]);
		const billId = String((await admin.bill(await admin.vendor(), 1000)).id);
		const { output } = await runBill(
			billCredentials(emulator, { clerk: true }),
			{ resource: 'approval', operation: 'approve', billId: byId(billId) },
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'BDC_1146', httpCode: '403' });
		expect(String(output[0].json.hint)).toMatch(/approvers/);
		expect(statusOf(billId)).toBe('ASSIGNED');
	});

	it('refuses a bill ID that is not one before sending', async () => {
		const { error } = await runBill(billCredentials(emulator), {
			resource: 'approval',
			operation: 'approve',
			billId: byId(expr('00902ABCDEFGHIJKLMNO')),
		});
		expect(error?.message).toMatch(/^Bill: "00902ABCDEFGHIJKLMNO" is not a BILL bill/);
		expect(emulator.requests({ route: '/v3/bill-approvals/actions' })).toEqual([]);
	});
});
