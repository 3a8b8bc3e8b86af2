/** BILL Spend & Expense → Reimbursement, in-process against the emulator over HTTP. */
import { startEmulator, type Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { queriesSent } from '../../harness/queries';
import { PNG, byId, expr, runSpend, runSpendOk, spendCredentials } from '../../harness/spend';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

const data = () => spendData(emulator);
const member = () => [...data().users.values()].find((u) => u.role === 'MEMBER')!;
const budget = () => [...data().budgets.values()][0];

const createParameters = (extra: Record<string, unknown> = {}) => ({
	resource: 'reimbursement',
	operation: 'create',
	userId: byId(member().uuid),
	budgetId: byId(budget().uuid),
	amount: 42.5,
	merchantName: 'Jasmine Thai',
	occurredDate: '2026-11-20',
	note: 'Team lunch',
	...extra,
});

describe('BILL Spend & Expense: Reimbursement', () => {
	it('creates a reimbursement with a receipt uploaded from binary data first', async () => {
		const [created] = await runSpendOk(
			spendCredentials(emulator),
			createParameters({ attachReceipt: true }),
			{ binary: [PNG] },
		);
		expect(created).toMatchObject({
			amount: 42.5,
			merchantName: 'Jasmine Thai',
			occurredDate: '2026-11-20',
			userUuid: member().uuid,
			budgetUuid: budget().uuid,
			receipts: [expect.objectContaining({ filename: 'receipt.png' })],
		});
		expect(emulator.log.map((e) => `${e.method} ${e.route} ${e.status}`)).toEqual([
			'POST /v3/spend/reimbursements/image-upload-url 200',
			'PUT /v3/spend/__uploads/:uploadId 200',
			'POST /v3/spend/reimbursements 200',
		]);
	});

	it('gets, lists by status, updates, approves and denies (ADMIN), deletes', async () => {
		const credentials = spendCredentials(emulator);
		const [a] = await runSpendOk(credentials, createParameters());
		const [b] = await runSpendOk(
			credentials,
			createParameters({ amount: 900, merchantName: 'Hotel' }),
		);
		const [got] = await runSpendOk(credentials, {
			resource: 'reimbursement',
			operation: 'get',
			reimbursementId: a.uuid,
		});
		expect(got.uuid).toBe(a.uuid);
		const [updated] = await runSpendOk(credentials, {
			resource: 'reimbursement',
			operation: 'update',
			reimbursementId: a.uuid,
			updateFields: { occurredDate: '2026-11-21', amount: 40 },
		});
		expect(updated).toMatchObject({ occurredDate: '2026-11-21', amount: 40 });
		const [approved] = await runSpendOk(credentials, {
			resource: 'reimbursement',
			operation: 'approve',
			reimbursementId: a.uuid,
			note: 'Under the limit',
		});
		expect(approved.status).toBe('APPROVED');
		expect(
			emulator.requests({ route: '/v3/spend/reimbursements/:reimbursementId/action' }),
		).toHaveLength(1);
		const [denied] = await runSpendOk(credentials, {
			resource: 'reimbursement',
			operation: 'deny',
			reimbursementId: b.uuid,
		});
		expect(denied.status).toBe('DENIED');
		const approvedOnly = await runSpendOk(credentials, {
			resource: 'reimbursement',
			operation: 'getMany',
			returnAll: true,
			filters: { statuses: ['APPROVED'], userIds: String(member().uuid) },
		});
		expect(approvedOnly.map((r) => r.uuid)).toEqual([a.uuid]);
		const [deleted] = await runSpendOk(credentials, {
			resource: 'reimbursement',
			operation: 'delete',
			reimbursementId: b.uuid,
		});
		expect(deleted).toEqual({ reimbursementId: b.uuid, deleted: true });
		expect(data().reimbursements.size).toBe(1);
	});

	it("Get Many sends BILL's reimbursement filters and keeps the statuses chosen itself (BILL has no status filter)", async () => {
		const credentials = spendCredentials(emulator);
		const made = [];
		for (let i = 0; i < 5; i++) made.push((await runSpendOk(credentials, createParameters()))[0]);
		await runSpendOk(credentials, {
			resource: 'reimbursement',
			operation: 'approve',
			reimbursementId: made[1].uuid,
		});
		let out: Awaited<ReturnType<typeof runSpendOk>> = [];
		const sent = await queriesSent(emulator, async () => {
			out = await runSpendOk(credentials, {
				resource: 'reimbursement',
				operation: 'getMany',
				returnAll: false,
				limit: 1,
				filters: {
					statuses: ['APPROVED'],
					userIds: String(member().uuid),
					budgetIds: String(budget().uuid),
					type: 'PURCHASE',
					submittedAfter: '2000-01-01T00:00:00Z',
				},
				sort: 'amount:desc',
			});
		});
		expect(out.map((r) => r.uuid)).toEqual([made[1].uuid]);
		expect(sent).toHaveLength(1);
		expect(sent[0].query).toEqual({
			sort: 'amount:desc',
			filters: `budgetIds:in:"${String(budget().uuid)}",userIds:in:"${String(member().uuid)}",type:eq:PURCHASE,submittedTime:gte:"2000-01-01T00:00:00.000Z"`,
			max: '100',
		});
		// A saved workflow (no Sort By) still reads newest first.
		const [newest] = await queriesSent(emulator, () =>
			runSpendOk(credentials, { resource: 'reimbursement', operation: 'getMany', returnAll: true }),
		);
		expect(newest.query.sort).toBe('submittedTime:desc');
	});

	it('uploads and deletes a receipt of a reimbursement', async () => {
		const credentials = spendCredentials(emulator);
		const [r] = await runSpendOk(credentials, createParameters());
		const [receipt] = await runSpendOk(
			credentials,
			{ resource: 'reimbursement', operation: 'uploadReceipt', reimbursementId: r.uuid },
			{ binary: [PNG] },
		);
		expect(receipt).toMatchObject({ reimbursementId: r.uuid, filename: 'receipt.png' });
		const [deleted] = await runSpendOk(credentials, {
			resource: 'reimbursement',
			operation: 'deleteReceipt',
			reimbursementId: r.uuid,
			receiptId: receipt.uuid,
		});
		expect(deleted.deleted).toBe(true);
		expect(data().reimbursements.get(r.uuid as string)!.receipts).toEqual([]);
	});

	it("gives BILL's 403 when a MEMBER's token approves, with a hint about ADMIN", async () => {
		const [r] = await runSpendOk(spendCredentials(emulator), createParameters());
		const { error } = await runSpend(spendCredentials(emulator, { member: true }), {
			resource: 'reimbursement',
			operation: 'approve',
			reimbursementId: r.uuid,
		});
		expect(error?.message).toBe(
			'BILL error BDC_1146: Only ADMIN users can approve or deny reimbursements.',
		);
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toMatch(/ADMIN/);
	});

	it('does not repeat an approval whose answer was lost', async () => {
		const [r] = await runSpendOk(spendCredentials(emulator), createParameters());
		emulator.addFault({
			method: 'POST',
			path: `/v3/spend/reimbursements/${String(r.uuid)}/action`,
			kind: 'resetAfter',
		});
		const { error } = await runSpend(spendCredentials(emulator), {
			resource: 'reimbursement',
			operation: 'approve',
			reimbursementId: r.uuid,
		});
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(emulator.requests({ route: /\/action/ })).toHaveLength(1);
		expect(data().reimbursements.get(r.uuid as string)!.status).toBe('APPROVED');
	});

	it('refuses bad input naming the parameter and the item, before anything is sent', async () => {
		const credentials = spendCredentials(emulator);
		const cases: Array<[Record<string, unknown>, string]> = [
			[createParameters({ amount: 0 }), 'Amount: must be more than 0 [item 0]'],
			[createParameters({ merchantName: expr('') }), 'Merchant Name: is required [item 0]'],
			[createParameters({ occurredDate: 'last week' }), 'Date: "last week" is not a date [item 0]'],
			[createParameters({ occurredDate: expr('') }), 'Date: is required [item 0]'],
			[
				createParameters({ attachReceipt: true }),
				'Input Binary Field: the item has no binary field "data" [item 0]',
			],
			[
				{ resource: 'reimbursement', operation: 'update', reimbursementId: 'r1', updateFields: {} },
				'Update Fields: add at least one field to change [item 0]',
			],
			[
				{
					resource: 'reimbursement',
					operation: 'update',
					reimbursementId: 'r1',
					updateFields: { amount: -3 },
				},
				'Update Fields → Amount: must not be negative [item 0]',
			],
			[
				{ resource: 'reimbursement', operation: 'approve', reimbursementId: expr('') },
				'Reimbursement: is required [item 0]',
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runSpend(credentials, parameters);
			expect(error?.message).toBe(message);
		}
		// n8n itself refuses a required value left empty in the workflow, before the node runs.
		const { error: issues } = await runSpend(credentials, createParameters({ merchantName: '' }));
		expect(issues?.message).toBe(
			`The 'BILL Spend & Expense' node has issues:\n- Parameter "Merchant Name" is required.`,
		);
		expect(emulator.log).toHaveLength(0);
	});
});
