/**
 * Approval policies (issue 27 §4): create (under both of BILL's create paths), update, delete,
 * rules and approvers kept in order; bills asking for their approvals (billApprovals); ACH batching.
 */
import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { api, day } from '../payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const policies = () => [...emulator.state.approvalPolicies.values()];
const createPosts = () =>
	emulator.requests({
		method: 'POST',
		route: /^\/v3\/bill-approvals(\/policies)?( \(connection reset after\))?$/,
	});

const policyParameters = (name = 'Big bills', approvers?: string[], extra = {}) => {
	const f = emulator.fixtures;
	return {
		resource: 'approval',
		operation: 'createPolicy',
		policyName: name,
		rules: {
			rule: [
				{ key: 'BILL_AMOUNT', op: 'gte', values: '1000' },
				{ key: 'VENDOR_ID', op: 'in', values: '00902AAAAAAAAAAAAAAA, 00902BBBBBBBBBBBBBBB' },
			],
		},
		approvers: {
			approver: (approvers ?? [f.clerk.userId, f.admin.userId]).map((id) => ({
				approverId: byId(id),
			})),
		},
		...extra,
	};
};

describe('Approval policies', () => {
	it.each(['both', 'guide', 'postman'] as const)(
		'creates a policy with its rules and approvers in order (BILL serving %s create path), once',
		async (reading) => {
			emulator.readings.approvalPolicyCreatePath = reading;
			const f = emulator.fixtures;
			const credentials = billCredentials(emulator);
			const output = await runBillOk(
				credentials,
				(_i, json) => policyParameters(json.name as string),
				{ items: [{ name: 'Big bills' }, { name: 'Other bills' }] },
			);
			expect(output.map((p) => p.alreadyExisted)).toEqual([false, false]);
			expect(output[0].id).toMatch(new RegExp(`^${f.organizationId}-`));
			expect(policies()[0]).toMatchObject({
				policyName: 'Big bills',
				rules: [
					{ key: 'BILL_AMOUNT', op: 'gte', values: [{ value: '1000' }] },
					{
						key: 'VENDOR_ID',
						op: 'in',
						values: [{ value: '00902AAAAAAAAAAAAAAA' }, { value: '00902BBBBBBBBBBBBBBB' }],
					},
				],
				approvers: { users: [{ userId: f.clerk.userId }, { userId: f.admin.userId }] },
			});
			// Under "postman" the guide's path answers 404 once; the run's next create goes straight to Postman's.
			const routes = createPosts().map((e) => `${e.route} ${e.status}`);
			expect(routes).toEqual(
				reading === 'postman'
					? [
							'/v3/bill-approvals 404',
							'/v3/bill-approvals/policies 201',
							'/v3/bill-approvals/policies 201',
						]
					: ['/v3/bill-approvals 201', '/v3/bill-approvals 201'],
			);
			// A re-run creates nothing.
			const [again] = await runBillOk(credentials, policyParameters('big BILLS '));
			expect(again).toMatchObject({ id: output[0].id, alreadyExisted: true });
			expect(policies()).toHaveLength(2);
		},
	);

	it('a lost answer to a create is reported, and neither path is tried again', async () => {
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/bill-approvals' });
		const { output } = await runBill(billCredentials(emulator), policyParameters(), {
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ outcomeUnknown: true });
		expect(String(output[0].json.hint)).toMatch(/Skip Existing Policy Names/);
		expect(createPosts()).toHaveLength(1);
		expect(policies()).toHaveLength(1);
	});

	it('update replaces the rules and approvers in the new order; delete removes the policy', async () => {
		const f = emulator.fixtures;
		const credentials = billCredentials(emulator);
		const [created] = await runBillOk(credentials, policyParameters());
		const [updated] = await runBillOk(credentials, {
			...policyParameters('Renamed', [f.admin.userId, f.clerk.userId]),
			operation: 'updatePolicy',
			policyId: byId(String(created.id)),
			rules: { rule: [{ key: 'BILL_AMOUNT', op: 'lt', values: '50' }] },
		});
		expect(updated).toMatchObject({
			id: created.id,
			policyName: 'Renamed',
			rules: [{ key: 'BILL_AMOUNT', op: 'lt', values: [{ value: '50' }] }],
			approvers: { users: [{ userId: f.admin.userId }, { userId: f.clerk.userId }] },
		});
		const [deleted] = await runBillOk(credentials, {
			resource: 'approval',
			operation: 'deletePolicy',
			policyId: byId(String(created.id)),
		});
		expect(deleted).toMatchObject({ id: created.id, deleted: true, status: 'SUCCESS' });
		expect(
			await runBillOk(credentials, { resource: 'approval', operation: 'getManyPolicies' }),
		).toEqual([]);
	});

	it("approvals are asked in the approvers' order: the second approver sees the bill once the first approved", async () => {
		const f = emulator.fixtures;
		await runBillOk(billCredentials(emulator), {
			...policyParameters('Big bills', [f.clerk.userId, f.admin.userId]),
			rules: { rule: [{ key: 'BILL_AMOUNT', op: 'gte', values: '1000' }] },
		});
		const admin = api(emulator);
		const bill = await admin.bill(await admin.vendor(), 2500, day(emulator, 3));
		const pending = async (clerk: boolean) =>
			(
				await runBillOk(billCredentials(emulator, { clerk }), {
					resource: 'approval',
					operation: 'getManyPending',
				})
			).map((b) => b.billId);
		expect(await pending(true)).toEqual([bill.id]);
		expect(await pending(false)).toEqual([]);
		await runBillOk(billCredentials(emulator, { clerk: true }), {
			resource: 'approval',
			operation: 'approve',
			billId: byId(String(bill.id)),
		});
		expect(await pending(false)).toEqual([bill.id]);
	});

	it('checks the policy before sending: rules, amounts, approvers', async () => {
		const f = emulator.fixtures;
		const cases: Array<[object, RegExp]> = [
			[{ ...policyParameters(), rules: { rule: [] } }, /Rules: add at least one rule/],
			[
				{
					...policyParameters(),
					rules: { rule: [{ key: 'BILL_AMOUNT', op: 'gte', values: 'lots' }] },
				},
				/Rule 1 → Values: "lots" is not an amount/,
			],
			[
				{
					...policyParameters(),
					rules: { rule: [{ key: 'BILL_AMOUNT', op: 'gte', values: '1, 2' }] },
				},
				/give one value, or use In List/,
			],
			[policyParameters('x', [f.admin.userId, f.admin.userId]), /is given twice/],
			[
				policyParameters('x', ['00902AAAAAAAAAAAAAAA']),
				/not a user \(006…\) or approval group|A user ID \(006…\) or an approval group ID/,
			],
			[
				{ ...policyParameters(), approvers: { approver: [] } },
				/Approvers: add at least one approver/,
			],
		];
		for (const [parameters, message] of cases) {
			const { output, error } = await runBill(billCredentials(emulator), parameters as never, {
				continueOnFail: true,
			});
			expect(String(output[0]?.json.error ?? error)).toMatch(message);
		}
		expect(createPosts()).toHaveLength(0);
	});
});

describe('Bills with their approvals (billApprovals)', () => {
	/** A policy asking the clerk, then the administrator, for bills of 1000 or more; a bill of 1500 to create. */
	async function bigBillPolicy() {
		const f = emulator.fixtures;
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, {
			...policyParameters('Big bills', [f.clerk.userId, f.admin.userId]),
			rules: { rule: [{ key: 'BILL_AMOUNT', op: 'gte', values: '1000' }] },
		});
		const vendorId = await api(emulator).vendor();
		const create = (invoiceNumber: string, billApprovals?: boolean) => ({
			resource: 'bill',
			operation: 'create',
			vendorId: byId(vendorId),
			invoiceNumber,
			invoiceDate: day(emulator, 0),
			dueDate: day(emulator, 10),
			lineItems: { lineItem: [{ amount: 1500, description: 'Amp' }] },
			...(billApprovals === undefined ? {} : { billApprovals }),
		});
		return { credentials, create };
	}

	it('create and update with Include Approvals answer with the approvers in order; without it nothing is sent', async () => {
		const f = emulator.fixtures;
		const { credentials, create } = await bigBillPolicy();
		const [plain] = await runBillOk(credentials, create('A-1'));
		expect(plain.approvers).toEqual([]);
		const [withApprovals] = await runBillOk(credentials, create('A-2', true));
		expect(withApprovals).toMatchObject({
			approvalStatus: 'ASSIGNED',
			approvers: [
				{ userId: f.clerk.userId, status: 'WAITING', approverOrder: 0 },
				{ userId: f.admin.userId, status: 'WAITING', approverOrder: 1 },
			],
		});
		const [updated] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'update',
			billId: byId(String(withApprovals.id)),
			updateFields: { description: 'Amplifier' },
			billApprovals: true,
		});
		expect(updated).toMatchObject({
			description: 'Amplifier',
			approvers: [{ approverOrder: 0 }, { approverOrder: 1 }],
		});
	});

	it('the simplified output (the default of new nodes) keeps the approvals Include Approvals asked for', async () => {
		const f = emulator.fixtures;
		const { credentials, create } = await bigBillPolicy();
		const simple = (invoiceNumber: string, billApprovals: boolean) => ({
			...create(invoiceNumber, billApprovals),
			simplify: true,
		});
		const [asked] = await runBillOk(credentials, simple('S-1', true));
		expect(asked).toMatchObject({
			approvalStatus: 'ASSIGNED',
			approvers: [{ userId: f.clerk.userId }, { userId: f.admin.userId }],
		});
		const [plain] = await runBillOk(credentials, simple('S-2', false));
		expect(plain).not.toHaveProperty('approvers');
	});
});

describe('Organization → Update: ACH batching', () => {
	it('sets one ACH transfer per customer payment in processingOptions, leaving the rest', async () => {
		const [organization] = await runBillOk(billCredentials(emulator), {
			resource: 'organization',
			operation: 'update',
			updateFields: { individualTransferIn: true, individualTransferOut: false },
		});
		expect(organization.processingOptions).toEqual({
			mailingAddressSameAsPhysical: true,
			individualTransferOut: false,
			individualTransferIn: true,
		});
	});
});
