/**
 * BILL Spend & Expense Trigger against the emulator: the subscription made, kept and removed as
 * n8n activates and deactivates the workflow, and BILL's signed deliveries turned into executions
 * (a wrong signature refused, a repeated event run once).
 */
import { createHmac } from 'crypto';

import { BillSpendTrigger } from '../../../nodes/BillSpendTrigger/BillSpendTrigger.node';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { startEmulator, type Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { spendDeliveryControl, spendWebhooks } from '../../../emulator/routes/spendWebhooks';
import { byId, runSpendOk, spendCredentials } from '../../harness/spend';
import { startTrigger, type TriggerHarness } from '../../harness/trigger';

const trigger = new BillSpendTrigger();

let emulator: Emulator;
let harness: TriggerHarness;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	resetSpendPacing();
	// n8n's activation, deliveries and deactivation on n8n-core's HookContext / WebhookContext.
	harness = await startTrigger({
		nodeType: trigger,
		credentials: spendCredentials(emulator),
		credentialType: 'billSpendApi',
		parameters: { events: ['spend.transaction.updated', 'spend.reimbursement.updated'] },
		workflowName: 'Receipts',
	});
});
afterEach(async () => {
	await emulator.deliveriesSettled();
	await harness.stop();
});

const subscriptions = () => [...spendWebhooks(emulator).subscriptions.values()];

/** Someone moves the first transaction to another budget: BILL sends spend.transaction.updated. */
async function moveFirstTransaction() {
	const t = [...spendData(emulator).transactions.values()][0];
	const other = [...spendData(emulator).budgets.values()].find((b) => b.uuid !== t.budgetUuid)!;
	await runSpendOk(spendCredentials(emulator), {
		resource: 'transaction',
		operation: 'update',
		transactionId: t.uuid,
		budgetId: byId(other.uuid),
	});
	await emulator.deliveriesSettled();
	return { t, other };
}

describe('BILL Spend & Expense Trigger', () => {
	it('subscribes once on activation (POST /v3/subscriptions on the events host, apiToken, idempotency key) and keeps it', async () => {
		await harness.activate();
		expect(subscriptions()).toEqual([
			expect.objectContaining({
				name: 'n8n: Receipts',
				notificationUrl: harness.webhookUrl,
				events: [
					{ type: 'spend.transaction.updated', version: '1' },
					{ type: 'spend.reimbursement.updated', version: '1' },
				],
			}),
		]);
		expect(harness.staticData).toMatchObject({
			subscriptionId: subscriptions()[0].id,
			path: '/v3/subscriptions',
			securityKey: expect.any(String),
		});
		// The documented call, not the AP/AR one: no session, and no other path tried.
		expect(emulator.state.subscriptions.size).toBe(0);
		expect(emulator.log.filter((e) => e.method === 'POST').map((e) => e.path)).toEqual([
			'/v3/subscriptions',
		]);
		expect(harness.staticData.pendingCreate).toBeUndefined();
		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		expect(emulator.requests({ method: 'POST', route: '/v3/subscriptions' })).toHaveLength(1);
	});

	it('runs the workflow for a signed event, once even when BILL sends it again; refuses a bad signature', async () => {
		await harness.activate();
		const { t, other } = await moveFirstTransaction();
		expect(harness.executions).toHaveLength(1);
		const [[event]] = harness.executions;
		expect(event).toMatchObject({
			eventType: 'spend.transaction.updated',
			metadata: expect.objectContaining({ eventType: 'spend.transaction.updated' }),
			transaction: expect.objectContaining({ uuid: t.uuid, budgetUuid: other.uuid }),
		});
		// Not subscribed: a new reimbursement starts nothing (BILL sends nothing).
		await runSpendOk(spendCredentials(emulator), {
			resource: 'reimbursement',
			operation: 'create',
			userId: byId(t.userUuid),
			budgetId: byId(other.uuid),
			amount: 12,
			merchantName: 'Cafe',
			occurredDate: '2026-11-30',
		});
		await emulator.deliveriesSettled();
		expect(harness.executions).toHaveLength(1);
		// The same delivery again: acknowledged, no second execution.
		const body = JSON.stringify({ metadata: event.metadata, transaction: event.transaction });
		const signature = createHmac('sha256', String(harness.staticData.securityKey))
			.update(body)
			.digest('base64');
		const again = await harness.receive({ 'x-bill-sha-signature': signature }, Buffer.from(body));
		expect(again.status).toBe(200);
		expect(JSON.parse(again.body)).toEqual({ received: true, duplicate: true });
		const forged = await harness.receive({ 'x-bill-sha-signature': 'Zm9yZ2Vk' }, Buffer.from(body));
		expect(forged.status).toBe(401);
		expect(harness.executions).toHaveLength(1);
	});

	it('a repeated delivery starts no second execution even when n8n did not save the static data (n8n 2.41 production webhooks)', async () => {
		await harness.activate();
		await moveFirstTransaction();
		expect(harness.executions).toHaveLength(1);
		// What n8n 2.41 does after a production webhook call: the static data change is not kept.
		harness.staticData.acceptedEventIds = [];
		const [delivery] = spendWebhooks(emulator).deliveries;
		expect(
			spendDeliveryControl(emulator, 'POST', '/spend/deliveries', { eventId: delivery.eventId }),
		).toMatchObject({ body: { attempts: 2 } });
		await emulator.deliveriesSettled();
		expect(delivery).toMatchObject({
			statusCode: 200,
			answer: '{"received":true,"duplicate":true}',
		});
		expect(harness.executions).toHaveLength(1);
	});

	it('replaces a subscription whose events changed, and deletes it on deactivation', async () => {
		await harness.activate();
		const first = subscriptions()[0].id;
		harness.options.parameters = { events: ['spend.reimbursement.created'] };
		await harness.activate();
		expect(subscriptions().map((s) => s.id)).not.toContain(first);
		expect(subscriptions()[0].events).toEqual([
			{ type: 'spend.reimbursement.created', version: '1' },
		]);
		expect(await harness.deactivate()).toBe(true);
		expect(subscriptions()).toHaveLength(0);
		expect(await harness.deactivate()).toBe(true);
	});

	it('a subscription an earlier version made at /v3/spend/subscriptions is replaced by one at /v3/subscriptions', async () => {
		Object.assign(harness.staticData, {
			subscriptionId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
			path: '/v3/spend/subscriptions',
			securityKey: 'old',
		});
		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		expect(harness.staticData).toMatchObject({
			subscriptionId: subscriptions()[0].id,
			path: '/v3/subscriptions',
		});
	});

	it('keeps its idempotency key until BILL answered the create', async () => {
		emulator.addFault({
			method: 'POST',
			path: '/v3/subscriptions',
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'Invalid request',
			times: 2,
		});
		const error = await harness.activate().catch((e: unknown) => e as { httpCode?: string });
		expect(error?.httpCode).toBe('400');
		// n8n does not save the static data of a failed activation (ActiveWorkflowManager).
		expect(harness.staticData.pendingCreate).toBeUndefined();
		// The node itself keeps its idempotency key in the static data until BILL answered: `create`
		// called on n8n's hook context, refused the same way, leaves it there.
		const hooks = harness.hookFunctions();
		await expect(trigger.webhookMethods.default.create.call(hooks)).rejects.toMatchObject({
			httpCode: '400',
		});
		expect(hooks.getWorkflowStaticData('node').pendingCreate).toEqual({
			idempotencyKey: expect.any(String),
		});
	});
});
