/**
 * BILL Spend & Expense Trigger against the emulator: the subscription made, kept and removed as
 * n8n activates and deactivates the workflow, and BILL's signed deliveries turned into executions
 * (a wrong signature refused, a repeated event run once).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { BillSpendTrigger } from '../../nodes/BillSpendTrigger/BillSpendTrigger.node';
import { resetSpendPacing } from '../../nodes/BillSpend/transport';
import { startEmulator, type Emulator } from '../emulator';
import { spendData } from '../emulator/routes/spendState';
import { spendWebhooks } from '../emulator/routes/spendWebhooks';
import { createContext } from '../harness/context';
import { byId, runSpendOk, spendCredentials } from '../harness/spend';

const trigger = new BillSpendTrigger();

interface Received {
	status: number;
	execution?: IDataObject[];
	response?: unknown;
}

/** The hook and webhook functions n8n gives the trigger, with one static data object, and a receiver. */
class SpendTriggerHarness {
	staticData: IDataObject = {};
	received: Received[] = [];
	url = '';
	private server?: Server;

	constructor(
		private readonly emulator: Emulator,
		public parameters: IDataObject,
	) {}

	async start() {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				void this.receive(req.headers, Buffer.concat(chunks)).then((r) => {
					res.writeHead(r.status, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify(r.response ?? {}));
				});
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
		this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/webhook/spend-test/webhook`;
		return this;
	}

	async stop() {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	hook(): IHookFunctions {
		const base = createContext({
			node: trigger,
			parameters: this.parameters as never,
			credentials: spendCredentials(this.emulator),
		});
		return {
			...base,
			getNodeParameter: (name: string, fallback?: unknown) =>
				base.getNodeParameter(name, 0, fallback),
			getNodeWebhookUrl: () => this.url,
			getWorkflowStaticData: () => this.staticData,
			getWorkflow: () => ({ id: 'wf1', name: 'Receipts', active: true }),
		} as unknown as IHookFunctions;
	}

	async activate() {
		const methods = trigger.webhookMethods.default;
		if (!(await methods.checkExists.call(this.hook()))) await methods.create.call(this.hook());
	}

	async deactivate() {
		return await trigger.webhookMethods.default.delete.call(this.hook());
	}

	async receive(headers: IncomingHttpHeaders, rawBody: Buffer): Promise<Received> {
		let status = 200;
		let response: unknown;
		const res = {
			status(code: number) {
				status = code;
				return res;
			},
			json(value: unknown) {
				response = value;
				return res;
			},
		};
		const base = createContext({
			node: trigger,
			parameters: this.parameters as never,
			credentials: spendCredentials(this.emulator),
		});
		const context = {
			...base,
			getNodeParameter: (name: string, fallback?: unknown) =>
				base.getNodeParameter(name, 0, fallback),
			getWorkflowStaticData: () => this.staticData,
			getRequestObject: () => ({ headers, rawBody, body: JSON.parse(rawBody.toString() || '{}') }),
			getHeaderData: () => headers,
			getBodyData: () => JSON.parse(rawBody.toString() || '{}'),
			getResponseObject: () => res,
		} as unknown as IWebhookFunctions;
		const result = await trigger.webhook.call(context);
		const received: Received = { status, response: result.webhookResponse ?? response };
		if (result.workflowData)
			received.execution = (result.workflowData[0] as INodeExecutionData[]).map((i) => i.json);
		this.received.push(received);
		return received;
	}

	get executions() {
		return this.received.filter((r) => r.execution).map((r) => r.execution!);
	}
}

let emulator: Emulator;
let harness: SpendTriggerHarness;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	resetSpendPacing();
	harness = await new SpendTriggerHarness(emulator, {
		events: ['spend.transaction.updated', 'spend.reimbursement.updated'],
	}).start();
});
afterEach(async () => harness.stop());

const subscriptions = () => [...spendWebhooks(emulator).subscriptions.values()];

describe('BILL Spend & Expense Trigger', () => {
	it('subscribes once on activation (S&E path, apiToken, idempotency key) and keeps it', async () => {
		await harness.activate();
		expect(subscriptions()).toEqual([
			expect.objectContaining({
				name: 'n8n: Receipts',
				notificationUrl: harness.url,
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
		const t = [...spendData(emulator).transactions.values()][0];
		const other = [...spendData(emulator).budgets.values()].find((b) => b.uuid !== t.budgetUuid)!;
		await runSpendOk(spendCredentials(emulator), {
			resource: 'transaction',
			operation: 'update',
			transactionId: t.uuid,
			budgetId: byId(other.uuid),
		});
		await emulator.deliveriesSettled();
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
		const { createHmac } = await import('crypto');
		const signature = createHmac('sha256', String(harness.staticData.securityKey))
			.update(body)
			.digest('base64');
		const again = await harness.receive({ 'x-bill-sha-signature': signature }, Buffer.from(body));
		expect(again).toMatchObject({ status: 200, response: { received: true, duplicate: true } });
		const forged = await harness.receive({ 'x-bill-sha-signature': 'Zm9yZ2Vk' }, Buffer.from(body));
		expect(forged.status).toBe(401);
		expect(harness.executions).toHaveLength(1);
	});

	it('replaces a subscription whose events changed, and deletes it on deactivation', async () => {
		await harness.activate();
		const first = subscriptions()[0].id;
		harness.parameters = { events: ['spend.reimbursement.created'] };
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
		});
		const error = await harness.activate().catch((e: unknown) => e as { httpCode?: string });
		// The emulator's /v3/subscriptions is the AP/AR one (a session, not a token): refused there.
		expect(error?.httpCode).toBe('401');
		// (n8n sends a request refused with 401 once more after refreshing the credential.)
		expect([
			...new Set(emulator.log.filter((e) => e.method === 'POST').map((e) => e.path)),
		]).toEqual(['/v3/spend/subscriptions', '/v3/subscriptions']);
		expect(harness.staticData.pendingCreate).toBeDefined();
	});
});
