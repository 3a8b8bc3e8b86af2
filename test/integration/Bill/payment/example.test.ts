/**
 * The example workflow examples/08-pay-approved-bills-due-this-week.json (USERS.md job 4), run on the
 * emulator step by step as n8n would run its straight chain: each BILL node through the node's
 * code with its expressions evaluated per item, each Code node's JavaScript with `$input` and
 * `$('Node')`. Only approved bills due within 7 days are paid, in full, from the default account;
 * a second run pays nothing twice. (The real-n8n tests on the runtime branch run it in n8n itself.)
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { resources } from '../../../../nodes/Bill/resources';
import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, runBill } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';
import { api, day } from './setup';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const workflow = JSON.parse(
	readFileSync(
		join(__dirname, '..', '..', '..', '..', 'examples', '08-pay-approved-bills-due-this-week.json'),
		'utf8',
	),
) as Workflow;

type Items = IDataObject[];
type Lookup = (name: string) => {
	first: () => { json: IDataObject };
	all: () => Array<{ json: IDataObject }>;
};

/** An n8n expression (`={{ … }}`) of one item, or the value as it is. */
function evaluate(value: unknown, json: IDataObject, $: Lookup): unknown {
	if (typeof value === 'string' && value.startsWith('={{') && value.endsWith('}}')) {
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		return new Function('$json', '$', `return (${value.slice(3, -2)});`)(json, $);
	}
	if (Array.isArray(value)) return value.map((v) => evaluate(v, json, $));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, json, $)]));
	return value;
}

/** Runs the chain from the trigger; returns each node's output items by name. */
async function runWorkflow(credentials: CredentialStore): Promise<Record<string, Items>> {
	const outputs: Record<string, Items> = {};
	const $: Lookup = (name) => ({
		first: () => ({ json: outputs[name][0] }),
		all: () => outputs[name].map((json) => ({ json })),
	});
	let node: WorkflowNode | undefined = workflow.nodes.find(
		(n) => n.type === 'n8n-nodes-base.manualTrigger',
	);
	let input: Items = [];
	while (node) {
		let output: Items;
		if (node.type === 'n8n-nodes-base.manualTrigger') output = [{}];
		else if (node.type === 'n8n-nodes-base.code') {
			const $input = {
				all: () => input.map((json) => ({ json })),
				first: () => ({ json: input[0] }),
			};
			// eslint-disable-next-line @typescript-eslint/no-implied-eval
			const result = new Function('$input', '$', String(node.parameters.jsCode))(
				$input,
				$,
			) as Array<{ json: IDataObject }>;
			output = result.map((item) => item.json);
		} else {
			const parameters = node.parameters;
			const { output: items, error } = await runBill(
				credentials,
				(i) => evaluate(parameters, input[i] ?? {}, $) as INodeParameters,
				{
					items: input,
					continueOnFail: true,
				},
			);
			if (error) throw error;
			output = items.map((item) => item.json);
		}
		outputs[node.name] = output;
		input = output;
		const next: string | undefined = workflow.connections[node.name]?.main[0]?.[0]?.node;
		node = next && output.length ? workflow.nodes.find((n) => n.name === next) : undefined;
	}
	return outputs;
}

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());

describe('Example: pay all approved bills due this week', () => {
	it('uses BILL nodes of type n8n-nodes-billcom.bill with the billApi credential, and only operations the node has', () => {
		const billNodes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-billcom.bill');
		expect(
			billNodes.map((n) => `${String(n.parameters.resource)}.${String(n.parameters.operation)}`),
		).toEqual(['bankAccount.getMany', 'bill.getMany', 'payment.create']);
		for (const n of billNodes) {
			expect(Object.keys(n.credentials ?? {})).toEqual(['billApi']);
			expect(
				resources[String(n.parameters.resource)].operations[String(n.parameters.operation)],
			).toBeDefined();
		}
	});

	it('pays only approved bills due within 7 days, in full, from the default account; a second run pays nothing twice', async () => {
		emulator.reset();
		const admin = api(emulator);
		const f = emulator.fixtures;
		await admin.policy(500, [f.admin.userId]);
		const vendorId = await admin.vendor('Harbor Audio');
		const approvedSoon = String((await admin.bill(vendorId, 900, day(emulator, 3))).id);
		const approvedOverdue = String((await admin.bill(vendorId, 600, day(emulator, -2))).id);
		const approvedLater = String((await admin.bill(vendorId, 700, day(emulator, 20))).id);
		const notApproved = String((await admin.bill(vendorId, 800, day(emulator, 2))).id);
		const noPolicy = String((await admin.bill(vendorId, 100, day(emulator, 2))).id);
		for (const billId of [approvedSoon, approvedOverdue, approvedLater]) {
			expect(
				(
					await admin.call('POST', '/v3/bill-approvals/actions', [
						{ billId, action: 'APPROVE', comment: 'ok' },
					])
				).status,
			).toBe(200);
		}
		await admin.bankAccount();
		const defaultAccount = await admin.bankAccount();
		expect(
			(
				await admin.call('PATCH', `/v3/funding-accounts/banks/${defaultAccount}`, {
					default: { payables: true },
				})
			).status,
		).toBe(200);

		const credentials = billCredentials(emulator);
		const first = await runWorkflow(credentials);
		const paid = first['Pay bill'];
		expect(paid.map((p) => p.billId).sort()).toEqual([approvedSoon, approvedOverdue].sort());
		expect(
			paid.every(
				(p) =>
					p.alreadyExisted === false &&
					(p.fundingAccount as IDataObject).id === defaultAccount &&
					p.processDate === day(emulator, 1),
			),
		).toBe(true);
		expect(first['What was paid'][0]).toMatchObject({
			payments: 2,
			newPayments: 2,
			total: 1500,
			failed: 0,
		});
		for (const billId of [approvedSoon, approvedOverdue])
			expect(emulator.state.bills.get(billId)).toMatchObject({
				dueAmount: 0,
				paymentStatus: 'SCHEDULED',
			});
		for (const billId of [approvedLater, notApproved, noPolicy])
			expect(emulator.state.bills.get(billId)).toMatchObject({ paymentStatus: 'UNPAID' });

		// Scheduled bills are no longer UNPAID/PARTIAL: the second run finds nothing to pay.
		const second = await runWorkflow(credentials);
		expect(second['Approved, still owing']).toEqual([]);
		expect(emulator.state.payments.size).toBe(2);
		expect(emulator.requests({ method: 'POST', route: '/v3/payments' })).toHaveLength(2);
	});
});
