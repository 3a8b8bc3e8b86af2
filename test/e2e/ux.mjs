// @ts-check
/**
 * End-to-end checks of "What a new user tripped over", in the real n8n: workflows built here (not
 * examples) with the BILL node as a user sets it up in the editor, run with `n8n execute`.
 * - Create Many with a vendor BILL does not have: that item's error names it, the others are made;
 *   Simplify gives flat invoice numbers and vendor names.
 * - Payment → Create from "Default for Payables", Amount mapped to the bill's dueAmount; run
 *   again (dueAmount is 0 then), it returns the payment.
 * - Bill → Update changes a line named by its position.
 * - Simplify by node version: a new node (typeVersion 1.1) left at its defaults outputs the flat
 *   bill on Create and Update; a node saved at typeVersion 1 outputs BILL's object.
 */
import {
	executeWorkflow,
	importWorkflow,
	nodeOutput,
	runFailure,
} from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';

const CREDENTIALS = { billApi: { id: 'billEmulatorCred', name: 'BILL (emulator)' } };

function workflow(id, name, nodes) {
	const all = [
		{
			parameters: {},
			id: 'run',
			name: 'Run',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 300],
		},
		...nodes.map((node, n) => ({
			id: `step-${n}`,
			typeVersion: node.type === 'n8n-nodes-base.code' ? 2 : 1,
			position: [220 * (n + 1), 300],
			...(node.type === 'n8n-nodes-billcom.bill' ? { credentials: CREDENTIALS } : {}),
			...node,
		})),
	];
	const connections = {};
	for (let n = 0; n + 1 < all.length; n++)
		connections[all[n].name] = { main: [[{ node: all[n + 1].name, type: 'main', index: 0 }]] };
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: all,
		connections,
		pinData: {},
	};
}

async function run(env, id) {
	const result = await executeWorkflow(env, id);
	check(result.ok, `workflow ${id} did not succeed: ${runFailure(result)}`);
	return result.run;
}

/**
 * Create Many with a refused item (Continue On Fail), and Simplify.
 * @param {{ test: any, env: any, workdir: string, state: any }} ctx
 * @param {string} tag marks what this run made
 * @param {Record<string, string>} made the bills one test leaves for the next
 */
async function bulkAndSimplify({ test, env, workdir, state }, tag, made) {
	await test('ux: Create Many names the item BILL refused (Continue On Fail) and creates the others; Simplify gives flat bills with the vendor name', async () => {
		const vendor = (await state('vendors')).find((v) => v.name && !v.archived);
		check(vendor, 'no vendor in the emulator');
		const rows = [
			{ vendorId: vendor.id, invoice: `${tag}-1` },
			{ vendorId: '00902NOSUCHVENDOR000', invoice: `${tag}-2` },
			{ vendorId: vendor.id, invoice: `${tag}-3` },
		];
		await importWorkflow(
			env,
			workflow('uxBulkSimplify', 'ux: bulk refusal and simplify', [
				{
					name: 'Rows',
					type: 'n8n-nodes-base.code',
					parameters: { jsCode: `return ${JSON.stringify(rows.map((json) => ({ json })))};` },
				},
				{
					name: 'Create bills',
					type: 'n8n-nodes-billcom.bill',
					onError: 'continueRegularOutput',
					parameters: {
						authentication: 'billApi',
						resource: 'bill',
						operation: 'createMany',
						vendorId: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
						invoiceNumber: '={{ $json.invoice }}',
						invoiceDate: '2026-11-01',
						dueDate: '2026-12-01',
						lineItemsInput: 'fields',
						lineItems: {
							lineItem: [
								{ pricedBy: 'amount', amount: 40, description: 'Strings' },
								{ pricedBy: 'amount', amount: 10, description: 'Picks' },
							],
						},
						simplify: true,
					},
				},
			]),
			workdir,
		);
		const out = nodeOutput(await run(env, 'uxBulkSimplify'), 'Create bills');
		equal(out.length, 3, 'output items');
		check(
			/item 1: Vendor \(vendorId\): .*00902NOSUCHVENDOR000/.test(String(out[1].error)),
			`item 1's error does not name it: ${out[1].error}`,
		);
		equal(out[1].code, 'BDC_1002', "item 1's code");
		for (const n of [0, 2]) {
			equal(
				[out[n].invoiceNumber, out[n].vendorName, out[n].amount, out[n].alreadyExisted],
				[`${tag}-${n + 1}`, vendor.name, 50, false],
				`simplified bill ${n}`,
			);
		}
		const stored = (await state('bills')).filter((b) =>
			String(b.invoice?.invoiceNumber).startsWith(tag),
		);
		equal(stored.length, 2, 'bills made in the emulator');
		made.paid = out[0].id;
		made.lines = out[2].id;
	});
}

/**
 * Type versions 1 and 1.1: flat bills on Create and Update for new nodes, BILL's object for saved ones.
 * @param {{ test: any, env: any, workdir: string, state: any }} ctx
 * @param {string} tag marks what this run made
 * @param {Record<string, string>} made the bills one test leaves for the next
 */
async function typeVersions({ test, env, workdir, state }, tag, made) {
	await test("ux: a new BILL node (typeVersion 1.1) without Simplify outputs flat bills on Create and Update; a saved one (typeVersion 1) BILL's object", async () => {
		const vendor = (await state('vendors')).find((v) => v.name && !v.archived);
		check(vendor, 'no vendor in the emulator');
		const create = (invoiceNumber) => ({
			authentication: 'billApi',
			resource: 'bill',
			operation: 'create',
			vendorId: { __rl: true, mode: 'id', value: vendor.id },
			invoiceNumber,
			invoiceDate: '2026-11-01',
			dueDate: '2026-12-01',
			lineItemsInput: 'fields',
			lineItems: { lineItem: [{ pricedBy: 'amount', amount: 30, description: 'Reeds' }] },
		});
		await importWorkflow(
			env,
			workflow('uxSimplifyVersions', 'ux: Simplify by node version', [
				{
					name: 'New create',
					type: 'n8n-nodes-billcom.bill',
					typeVersion: 1.1,
					parameters: create(`${tag}-v11`),
				},
				{
					name: 'Saved create',
					type: 'n8n-nodes-billcom.bill',
					typeVersion: 1,
					parameters: create(`${tag}-v1`),
				},
				{
					name: 'New update',
					type: 'n8n-nodes-billcom.bill',
					typeVersion: 1.1,
					parameters: {
						authentication: 'billApi',
						resource: 'bill',
						operation: 'update',
						billId: { __rl: true, mode: 'id', value: "={{ $('New create').item.json.id }}" },
						updateFields: { description: 'Updated by a new node' },
					},
				},
			]),
			workdir,
		);
		const result = await run(env, 'uxSimplifyVersions');
		const [created] = nodeOutput(result, 'New create');
		equal(
			[created.invoiceNumber, created.vendorName, created.amount, created.alreadyExisted],
			[`${tag}-v11`, vendor.name, 30, false],
			'typeVersion 1.1 create: flat invoice number, vendor name, amount',
		);
		equal([created.invoice, created.billLineItems], [undefined, undefined], 'no raw fields at 1.1');
		const [saved] = nodeOutput(result, 'Saved create');
		equal(saved.invoice?.invoiceNumber, `${tag}-v1`, "typeVersion 1 create: BILL's invoice object");
		equal(saved.invoiceNumber, undefined, 'no flat invoice number at 1');
		check(Array.isArray(saved.billLineItems), 'typeVersion 1 create: no billLineItems');
		const [updated] = nodeOutput(result, 'New update');
		equal(
			[updated.id, updated.invoiceNumber, updated.billLineItems],
			[created.id, `${tag}-v11`, undefined],
			'typeVersion 1.1 update: the flat bill',
		);
	});
}

/**
 * Bill → Update names a line by its position.
 * @param {{ test: any, env: any, workdir: string, state: any }} ctx
 * @param {string} tag marks what this run made
 * @param {Record<string, string>} made the bills one test leaves for the next
 */
async function lineByPosition({ test, env, workdir, state }, tag, made) {
	await test('ux: Bill → Update changes line 1 named by its position', async () => {
		await importWorkflow(
			env,
			workflow('uxLinePosition', 'ux: line by position', [
				{
					name: 'Update line 1',
					type: 'n8n-nodes-billcom.bill',
					parameters: {
						authentication: 'billApi',
						resource: 'bill',
						operation: 'update',
						billId: { __rl: true, mode: 'id', value: made.lines },
						lineItemChanges: {
							lineItem: [{ lineBy: 'position', position: 1, pricedBy: 'amount', amount: 99 }],
						},
						simplify: true,
					},
				},
			]),
			workdir,
		);
		const [updated] = nodeOutput(await run(env, 'uxLinePosition'), 'Update line 1');
		equal(updated.amount, 109, 'amount of the updated bill');
		const stored = (await state('bills')).find((b) => b.id === made.lines);
		equal(
			stored.billLineItems.map((l) => l.amount),
			[99, 10],
			'line amounts in the emulator',
		);
	});
}

/**
 * Payment → Create from the default account for payables, run again.
 * @param {{ test: any, env: any, workdir: string, state: any }} ctx
 * @param {string} tag marks what this run made
 * @param {Record<string, string>} made the bills one test leaves for the next
 */
async function paymentFromDefault({ test, env, workdir, state }, tag, made) {
	await test('ux: Payment → Create from "Default for Payables", Amount = dueAmount; run again, the payment is returned', async () => {
		await importWorkflow(
			env,
			workflow('uxPayDefault', 'ux: pay from the default account', [
				{
					name: 'Bill',
					type: 'n8n-nodes-billcom.bill',
					parameters: {
						authentication: 'billApi',
						resource: 'bill',
						operation: 'get',
						billId: { __rl: true, mode: 'id', value: made.paid },
					},
				},
				{
					name: 'Pay',
					type: 'n8n-nodes-billcom.bill',
					parameters: {
						authentication: 'billApi',
						resource: 'payment',
						operation: 'create',
						billId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						amount: '={{ $json.dueAmount }}',
						processDate: "={{ $today.plus({ days: 1 }).toFormat('yyyy-MM-dd') }}",
						fundingType: 'DEFAULT_PAYABLES',
						simplify: true,
					},
				},
			]),
			workdir,
		);
		const account = (await state('bankAccounts')).find((a) => a.default?.payables && !a.archived);
		check(account, 'no default bank account for payables (example 05 makes one)');
		const [first] = nodeOutput(await run(env, 'uxPayDefault'), 'Pay');
		equal(
			[first.amount, first.fundingAccountId, first.alreadyExisted],
			[50, account.id, false],
			'first run: amount, funding account, alreadyExisted',
		);
		const count = (await state('payments')).length;
		const [again] = nodeOutput(await run(env, 'uxPayDefault'), 'Pay');
		equal(
			[again.id, again.alreadyExisted, again.billAlreadyPaid],
			[first.id, true, true],
			'second run: the same payment, already existed, bill already paid',
		);
		equal((await state('payments')).length, count, 'payments after the second run');
	});
}

/**
 * What a new user tripped over, in the order its tests need (each uses the bills the earlier made).
 * @param {{ test: any, record: any, env: any, workdir: string, state: any, bankWhy: any }} ctx from run.mjs
 */
export async function uxTests(ctx) {
	const { record, bankWhy } = ctx;
	const tag = `UX-${Date.now().toString(36)}`;
	/** @type {Record<string, string>} */
	const made = {};
	await bulkAndSimplify(ctx, tag, made);
	await typeVersions(ctx, tag, made);
	if (!made.paid) return;
	await lineByPosition(ctx, tag, made);
	if (bankWhy) {
		record('ux: pay from the default account, re-run by dueAmount', 'pending', bankWhy);
		return;
	}
	await paymentFromDefault(ctx, tag, made);
}
