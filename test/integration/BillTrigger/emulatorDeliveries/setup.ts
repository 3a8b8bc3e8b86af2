/**
 * Set-up for the tests of the emulator's webhook API (https://developer.bill.com/docs/working-with-bill-webhooks)
 * over plain HTTP, without the node: a bare receiver, sessions, subscriptions and vendors made as BILL's API takes them.
 */
import axios from 'axios';
import { createHmac } from 'crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import { startEmulator, type Emulator } from '../../../../emulator';

export let emulator: Emulator;
export const http = axios.create({ validateStatus: () => true });

/** A bare receiver: records each request and answers with `status`. */
export class Receiver {
	readonly requests: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
	status = 200;
	url = '';
	private server?: Server;

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.writeHead(this.status).end();
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}
}

export let receiver: Receiver;

/** BILL's Postman collection (the contract); the check is skipped where it is not available. */
export const COLLECTION =
	process.env.BILL_POSTMAN_COLLECTION ??
	'/work/shared/bill-api/bill-v3-api.postman_collection.json';

export const events = () => emulator.eventsBaseUrl;

export async function organizationHeaders(organizationId = emulator.fixtures.organizationId) {
	const f = emulator.fixtures;
	const login = await http.post(`${emulator.baseUrl}/v3/login`, {
		username: f.admin.username,
		password: f.admin.password,
		organizationId,
		devKey: f.devKey,
	});
	return { sessionId: login.data.sessionId as string, devKey: f.devKey };
}

export async function partnerHeaders() {
	const f = emulator.fixtures;
	const login = await http.post(`${emulator.baseUrl}/v3/partner/login`, {
		username: f.partner.username,
		password: f.partner.password,
		appKey: f.appKey,
	});
	return { sessionId: login.data.sessionId as string, appKey: f.appKey };
}

export let keys = 0;
/** A fresh UUID4 for X-Idempotent-Key. */
export const uuid4 = () => `4a0b1c2d-${String(++keys).padStart(4, '0')}-4abc-8def-0123456789ab`;

export const subscriptionBody = (url = receiver.url, types = ['vendor.created']) => ({
	name: 'AP automation',
	status: { enabled: true },
	events: types.map((type) => ({ type, version: '1' })),
	notificationUrl: url,
});

export async function createSubscription(
	headers: Record<string, string>,
	body: object = subscriptionBody(),
	key = uuid4(),
) {
	return await http.post(`${events()}/v3/subscriptions`, body, {
		headers: { ...headers, 'X-Idempotent-Key': key },
	});
}

export async function createVendor(headers: Record<string, string>, name: string) {
	const response = await http.post(
		`${emulator.baseUrl}/v3/vendors`,
		{ name, accountType: 'BUSINESS' },
		{ headers },
	);
	expect(response.status).toBe(201);
	return response.data as { id: string; name: string };
}

export const sign = (key: string, body: string) =>
	createHmac('sha256', key).update(body).digest('base64');

/** One emulator with quick retries for the file; before each test it is reset and a new receiver listens, stopped after it. */
export function useWebhookEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator({ webhookAttempts: 3, webhookBackoffMs: 10 });
	});
	afterAll(async () => emulator.stop());
	beforeEach(async () => {
		emulator.reset();
		receiver = await new Receiver().start();
	});
	afterEach(async () => {
		await emulator.deliveriesSettled();
		await receiver.stop();
	});
}
