// @ts-check
/**
 * Issue 29 in the real n8n of run.mjs: a workflow creates a vendor (BILL) and a reimbursement
 * (BILL Spend & Expense), both nodes added now (typeVersion 1.2, "Skip Existing …" left at its
 * default). The emulator applies each create and cuts the connection; n8n's error says the
 * request may have reached BILL and was not sent again. The same workflow run again, as a user
 * would after reading the error, finds each object: one vendor and one reimbursement in BILL,
 * `alreadyExisted: true`.
 */
import { SPEND_API_TOKEN, SPEND_CREDENTIAL } from '../../scripts/lib/spend.mjs';
import { CREDENTIAL, executeWorkflow, nodeOutput, runFailure } from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { importAll, manualWorkflow } from '../../scripts/lib/e2e.mjs';

const ID = 'billcomE2ERerun';
const VENDOR = 'Rerun E2E Music Supplies';
const MERCHANT = 'Rerun E2E Diner';
const byId = (value) => ({ __rl: true, mode: 'id', value });

async function spendList(emulator, path, filters) {
	const query = filters ? `&filters=${encodeURIComponent(filters)}` : '';
	const response = await fetch(`${emulator.baseUrl}${path}?max=100${query}`, {
		headers: { apiToken: SPEND_API_TOKEN },
	});
	check(response.ok, `GET ${path}: ${response.status}`);
	return (await response.json()).results;
}

function rerunWorkflow(userId, budgetId) {
	const node = (name, type, parameters, credentials, x) => ({
		parameters,
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type,
		typeVersion: 1.2,
		position: [x, 0],
		credentials,
	});
	const vendor = node(
		'Vendor',
		'n8n-nodes-billcom.bill',
		{
			resource: 'vendor',
			operation: 'create',
			name: VENDOR,
			accountType: 'BUSINESS',
			email: 'ap@rerun-e2e.example',
			phone: '555',
		},
		{ billApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		240,
	);
	const reimbursement = node(
		'Reimbursement',
		'n8n-nodes-billcom.billSpend',
		{
			resource: 'reimbursement',
			operation: 'create',
			userId: byId(userId),
			budgetId: byId(budgetId),
			amount: 38.4,
			merchantName: MERCHANT,
			occurredDate: new Date().toISOString().slice(0, 10),
			note: 'Client lunch',
		},
		{ billSpendApi: { id: SPEND_CREDENTIAL.id, name: SPEND_CREDENTIAL.name } },
		480,
	);
	const workflow = manualWorkflow(ID, 'e2e: re-run after lost answers', vendor);
	workflow.nodes.push(reimbursement);
	workflow.connections.Vendor = { main: [[{ node: 'Reimbursement', type: 'main', index: 0 }]] };
	return workflow;
}

export async function rerunTests({ test, env, emulator, workdir }) {
	await test('re-run after lost answers: a vendor and a reimbursement created once each, the re-run finds them (alreadyExisted: true)', async () => {
		const [user] = await spendList(emulator, '/v3/spend/users', 'retired:eq:false');
		const [budget] = await spendList(emulator, '/v3/spend/budgets', 'retired:eq:false');
		await importAll(env, workdir, 'rerun', { workflows: [rerunWorkflow(user.uuid, budget.uuid)] });
		const vendors = async () =>
			(await emulator.control('GET', '/state/vendors')).filter((v) => v.name === VENDOR);
		const reimbursements = async () =>
			(await spendList(emulator, '/v3/spend/reimbursements', `userIds:eq:${user.uuid}`)).filter(
				(r) => r.merchantName === MERCHANT,
			);
		for (const path of ['/v3/vendors', '/v3/spend/reimbursements'])
			await emulator.control('POST', '/faults', { kind: 'resetAfter', method: 'POST', path });
		const messages = [];
		try {
			// 1: the vendor's answer is lost; 2: the vendor is found, the reimbursement's answer is lost.
			for (const [step, node] of [
				[1, 'Vendor'],
				[2, 'Reimbursement'],
			]) {
				const result = await executeWorkflow(env, ID);
				check(!result.ok, `run ${step} should fail at ${node}`);
				const failure = runFailure(result);
				check(
					failure.startsWith(`${node}:`) &&
						/may have reached BILL/.test(failure) &&
						/not sent again/.test(failure),
					`run ${step}: ${failure}`,
				);
				messages.push(failure);
			}
		} finally {
			await emulator.control('DELETE', '/faults');
		}
		equal((await vendors()).length, 1, 'vendors after the lost answers');
		equal((await reimbursements()).length, 1, 'reimbursements after the lost answers');
		const result = await executeWorkflow(env, ID);
		check(result.ok, `the re-run did not succeed: ${runFailure(result)}`);
		const [vendor] = nodeOutput(result.run, 'Vendor');
		const [reimbursement] = nodeOutput(result.run, 'Reimbursement');
		equal(vendor.alreadyExisted, true, 'Vendor → alreadyExisted');
		equal(reimbursement.alreadyExisted, true, 'Reimbursement → alreadyExisted');
		equal((await vendors()).length, 1, 'vendors after the re-run');
		equal((await reimbursements()).length, 1, 'reimbursements after the re-run');
		return `one vendor, one reimbursement; n8n said: ${messages[1].slice(0, 200)}`;
	});
}
