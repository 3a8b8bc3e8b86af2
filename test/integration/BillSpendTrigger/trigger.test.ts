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
	it('subscribes once on activation (S&E path, apiToken, idempotency key) and keeps it', async () => {
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
			path: '/v3/spend/subscriptions',
			securityKey: expect.any(String),
		});
		expect(harness.staticData.pendingCreate).toBeUndefined();
		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		expect(emulator.requests({ method: 'POST', route: '/v3/spend/subscriptions' })).toHaveLength(1);
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

	it('falls back to /v3/subscriptions when BILL does not know the S&E path (404)', async () => {
		emulator.addFault({
			method: 'POST',
			path: '/v3/spend/subscriptions',
			kind: 'status',
			status: 404,
			code: 'BDC_1121',
			message: 'API not supported',
			times: 2,
		});
		const error = await harness.activate().catch((e: unknown) => e as { httpCode?: string });
		// The emulator's /v3/subscriptions is the AP/AR one (a session, not a token): refused there.
		expect(error?.httpCode).toBe('401');
		// (n8n sends a request refused with 401 once more after refreshing the credential.)
		expect([
			...new Set(emulator.log.filter((e) => e.method === 'POST').map((e) => e.path)),
		]).toEqual(['/v3/spend/subscriptions', '/v3/subscriptions']);
		// n8n does not save the static data of a failed activation (ActiveWorkflowManager).
		expect(harness.staticData.pendingCreate).toBeUndefined();
		// The node itself keeps its idempotency key in the static data until BILL answered: `create`
		// called on n8n's hook context, refused the same way, leaves it there.
		const hooks = harness.hookFunctions();
		await expect(trigger.webhookMethods.default.create.call(hooks)).rejects.toMatchObject({
			httpCode: '401',
		});
		expect(hooks.getWorkflowStaticData('node').pendingCreate).toEqual({
			idempotencyKey: expect.any(String),
		});
	});
});
