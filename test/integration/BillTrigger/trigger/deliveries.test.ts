/**
 * BILL Trigger: signed deliveries of real changes, refused forgeries and BILL's repeated deliveries.
 */
import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { resendEvent } from '../../../../emulator/routes/webhookDeliveries';
import { billCredentials, partnerCredentials, runBillOk } from '../../../harness/bill';
import { TriggerHarness } from '../../../harness/trigger';
import { emulator, http, trigger, createVendor, subscriptions, useTriggerEmulator } from './setup';

useTriggerEmulator();

describe('BILL Trigger: deliveries', () => {
	it("a vendor created with the BILL node arrives signed, is verified and starts one execution with BILL's event", async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		const vendor = await createVendor(credentials, 'San Jose Music Supplies');
		const [delivery] = await emulator.waitForDeliveries(1);
		expect(delivery).toMatchObject({ statusCode: 200, eventType: 'vendor.created', attempt: 1 });
		expect(harness.received[0].headers['x-bill-sha-signature']).toBeTruthy();
		expect(harness.executions).toHaveLength(1);
		const [[item]] = harness.executions;
		expect(item.metadata).toEqual({
			eventId: delivery.eventId,
			subscriptionId: harness.staticData.subscriptionId,
			organizationId: emulator.fixtures.organizationId,
			eventType: 'vendor.created',
			version: '1',
		});
		expect(item.organization).toEqual({ id: emulator.fixtures.organizationId });
		expect(item.vendor).toMatchObject({ id: vendor.id, name: 'San Jose Music Supplies' });
		expect(harness.staticData.acceptedEventIds).toEqual([delivery.eventId]);
	});

	it('a bill event (as the bills routes emit it) arrives; "Output Entity Only" gives the bill alone', async () => {
		const harness = await trigger(billCredentials(emulator), {
			events: ['bill.*'],
			options: { outputEntityOnly: true },
		});
		await harness.activate();
		const bill = {
			id: '00n02TESTBILL000001',
			vendorId: '00902TESTVENDOR0001',
			amount: 125.5,
			invoice: { invoiceNumber: 'INV-7' },
		};
		emulator.emit('bill.created', emulator.fixtures.organizationId, 'bill', bill);
		emulator.emit('vendor.created', emulator.fixtures.organizationId, 'vendor', {
			id: '00902NOTSUBSCRIBED01',
		});
		await emulator.deliveriesSettled();
		expect(emulator.deliveries).toHaveLength(1);
		expect(harness.executions).toEqual([[bill]]);
	});

	it('a bill created with the BILL node reaches the trigger as bill.created with its total amount', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials, { events: ['bill.created'] });
		await harness.activate();
		const vendor = await createVendor(credentials, 'Harbor Freight');
		const [bill] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'create',
			vendorId: { __rl: true, mode: 'id', value: String(vendor.id) },
			invoiceNumber: 'HF-1001',
			invoiceDate: '2026-11-20',
			dueDate: '2026-12-20',
			lineItemsInput: 'fields',
			lineItems: {
				lineItem: [
					{ pricedBy: 'amount', amount: 149 },
					{ pricedBy: 'quantityPrice', quantity: 2, price: 79.99 },
				],
			},
		});
		await emulator.waitForDeliveries(1);
		await emulator.deliveriesSettled();
		expect(emulator.deliveries.map((d) => d.eventType)).toEqual(['bill.created']);
		expect(harness.executions).toHaveLength(1);
		const [[item]] = harness.executions;
		expect(item.metadata).toMatchObject({
			eventType: 'bill.created',
			organizationId: emulator.fixtures.organizationId,
		});
		expect(item.bill).toMatchObject({
			id: bill.id,
			amount: 308.98,
			invoice: { invoiceNumber: 'HF-1001' },
		});
	});

	it("BILL's repeated delivery of an event ID already accepted gets 200 and starts no second execution", async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await createVendor(credentials, 'Maple Leaf Printing');
		const [first] = await emulator.waitForDeliveries(1);
		const record = await resendEvent(emulator, first.eventId);
		expect(record.statusCode).toBe(200);
		expect(emulator.deliveries.map((d) => [d.eventId, d.statusCode])).toEqual([
			[first.eventId, 200],
			[first.eventId, 200],
		]);
		expect(harness.received).toHaveLength(2);
		expect(harness.received[1].body).toBe(harness.received[0].body);
		expect(harness.executions).toHaveLength(1);
		// A new event still starts an execution.
		await createVendor(credentials, 'Second vendor');
		await emulator.waitForDeliveries(3);
		expect(harness.executions).toHaveLength(2);
	});

	it('a repeated delivery starts no second execution even when n8n did not save the static data (n8n 2.41 production webhooks)', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await createVendor(credentials, 'Unsaved static data');
		const [first] = await emulator.waitForDeliveries(1);
		// What n8n 2.41 does after a production webhook call: the static data change is not kept.
		harness.staticData.acceptedEventIds = [];
		await resendEvent(emulator, first.eventId);
		expect(harness.received).toHaveLength(2);
		expect(harness.executions).toHaveLength(1);
	});

	it("the resend endpoint of BILL's API delivers the same event again, also without a second execution", async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await createVendor(credentials, 'Resent vendor');
		const [first] = await emulator.waitForDeliveries(1);
		const { sessionId } = credentials.get('billApi');
		const response = await http.post(
			`${emulator.eventsBaseUrl}/v3/events/subscription/${first.subscriptionId}/event/${first.eventId}`,
			undefined,
			{ headers: { sessionId: String(sessionId), devKey: emulator.fixtures.devKey } },
		);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({
			id: first.eventId,
			type: 'vendor.created',
			subscriptionId: first.subscriptionId,
			statusCode: 200,
		});
		expect(harness.executions).toHaveLength(1);
	});

	describe('refused deliveries: 401 and no execution', () => {
		let harness: TriggerHarness;
		let body: string;
		let signature: string;
		beforeEach(async () => {
			const credentials = billCredentials(emulator);
			harness = await trigger(credentials);
			await harness.activate();
			await createVendor(credentials, 'Signed vendor');
			await emulator.waitForDeliveries(1);
			body = harness.received[0].body;
			signature = String(harness.received[0].headers['x-bill-sha-signature']);
			expect(harness.executions).toHaveLength(1);
		});

		const send = async (payload: string, headers: Record<string, string>) =>
			await http.post(harness.webhookUrl, payload, {
				headers: { 'Content-Type': 'application/json', ...headers },
				transformRequest: (d: string) => d,
			});

		it('a missing signature', async () => {
			const response = await send(body.replace(/"eventId":"[^"]+"/, '"eventId":"forged-1"'), {});
			expect(response.status).toBe(401);
			expect(harness.executions).toHaveLength(1);
		});

		it('a signature made with another key', async () => {
			const forged = body.replace(/"eventId":"[^"]+"/, '"eventId":"forged-2"');
			const wrong = createHmac('sha256', 'not-the-security-key').update(forged).digest('base64');
			expect((await send(forged, { 'x-bill-sha-signature': wrong })).status).toBe(401);
			expect((await send(forged, { 'x-bill-sha-signature': 'garbage' })).status).toBe(401);
			expect(harness.executions).toHaveLength(1);
		});

		it('(413) a body over 2 MiB, even with a genuine signature', async () => {
			const key = String(harness.staticData.securityKey);
			const huge = JSON.stringify({
				metadata: { eventId: 'huge-1' },
				padding: 'x'.repeat(2 * 1024 * 1024),
			});
			const genuine = createHmac('sha256', key).update(huge).digest('base64');
			expect((await send(huge, { 'x-bill-sha-signature': genuine })).status).toBe(413);
			expect(harness.executions).toHaveLength(1);
		});

		it('a body altered by one byte under a genuine signature', async () => {
			const altered = body.replace('Signed vendor', 'Signed vendos');
			expect(altered.length).toBe(body.length);
			expect((await send(altered, { 'x-bill-sha-signature': signature })).status).toBe(401);
			expect(harness.executions).toHaveLength(1);
		});

		it("(accepted) a body that is the event as a JSON string, signed over its raw bytes, as BILL's docs also describe it", async () => {
			const key = String(harness.staticData.securityKey);
			const asString = JSON.stringify(
				body.replace(/"eventId":"[^"]+"/, '"eventId":"string-body-1"'),
			);
			const response = await send(asString, {
				'x-bill-sha-signature': createHmac('sha256', key).update(asString).digest('base64'),
			});
			expect(response.status).toBe(200);
			expect(harness.executions).toHaveLength(2);
			expect(harness.executions[1][0].metadata).toMatchObject({
				eventId: 'string-body-1',
				eventType: 'vendor.created',
			});
		});

		it('the genuine body and signature replayed are acknowledged once, without executing', async () => {
			const response = await send(body, { 'x-bill-sha-signature': signature });
			expect(response.status).toBe(200);
			expect(harness.executions).toHaveLength(1);
		});
	});

	it('partner level: one subscription with the app key receives the events of both organizations, each named', async () => {
		const partner = await trigger(partnerCredentials(emulator, { scope: 'partner' }), {
			authentication: 'billPartnerApi',
			events: ['vendor.created'],
		});
		await partner.activate();
		const [subscription] = subscriptions();
		expect(subscription.organizationId).toBeUndefined();
		expect(emulator.state.subscriptionScopes.get(subscription.id)).toEqual({
			appKey: emulator.fixtures.appKey,
		});
		// An organization-level trigger of the first organization, for contrast.
		const organization = await trigger(billCredentials(emulator), { events: ['vendor.created'] });
		await organization.activate();

		const f = emulator.fixtures;
		await createVendor(billCredentials(emulator), 'First org vendor');
		await emulator.waitForDeliveries(2);
		await createVendor(
			billCredentials(emulator, {
				overrides: { organizationId: f.otherOrganizationId, mfaId: '', deviceName: '' },
			}),
			'Second org vendor',
		);
		await emulator.waitForDeliveries(3);
		await emulator.deliveriesSettled();

		const seen = partner.executions.map(([item]) => [
			item.organization,
			(item.vendor as IDataObject).name,
		]);
		expect(seen).toEqual([
			[{ id: f.organizationId, name: 'Emulator Music Co' }, 'First org vendor'],
			[{ id: f.otherOrganizationId, name: 'Second Client LLC' }, 'Second org vendor'],
		]);
		expect(
			partner.executions.map(([item]) => (item.metadata as IDataObject).organizationId),
		).toEqual([f.organizationId, f.otherOrganizationId]);
		expect(organization.executions.map(([item]) => (item.vendor as IDataObject).name)).toEqual([
			'First org vendor',
		]);
		// Names are read once and kept.
		expect(emulator.requests({ method: 'GET', route: '/v3/partner/organizations' })).toHaveLength(
			1,
		);
		expect(emulator.requests({ method: 'POST', route: '/v3/partner/login' })).toHaveLength(1);
		expect(await partner.deactivate()).toBe(true);
		expect(subscriptions()).toHaveLength(1);
	});

	it('partner level: an event still starts the workflow, with the organization ID, when the names cannot be read', async () => {
		const partner = await trigger(partnerCredentials(emulator, { scope: 'partner' }), {
			authentication: 'billPartnerApi',
			events: ['vendor.created'],
		});
		await partner.activate();
		emulator.addFault({
			kind: 'status',
			method: 'GET',
			path: '/v3/partner/organizations',
			status: 403,
			code: 'BDC_1146',
			message: 'Not allowed.',
		});
		await createVendor(billCredentials(emulator), 'Unnamed org vendor');
		await emulator.waitForDeliveries(1);
		expect(partner.executions).toHaveLength(1);
		expect(partner.executions[0][0].organization).toEqual({ id: emulator.fixtures.organizationId });
		expect(
			partner.logs.some(
				(l) =>
					l.level === 'warn' && l.message.includes("could not read the partner's organizations"),
			),
		).toBe(true);
	});

	it('keeps secrets (security key, session, keys, password) out of outputs, logs and answers', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials, { options: { rotateSecurityKeyAfterDays: 1 } });
		await harness.activate();
		const firstKey = String(harness.staticData.securityKey);
		harness.staticData.securityKeyIssued = '2000-01-01T00:00:00.000Z';
		await harness.activate();
		await createVendor(credentials, 'Secretive vendor');
		await emulator.waitForDeliveries(1);
		await http.post(harness.webhookUrl, '{"metadata":{}}', {
			headers: { 'Content-Type': 'application/json' },
		});
		const stored = credentials.get('billApi');
		const secrets = [
			firstKey,
			String(harness.staticData.securityKey),
			String(stored.sessionId),
			String(stored.devKey),
			String(stored.password),
			String(stored.mfaId),
		];
		const visible = JSON.stringify({
			executions: harness.executions,
			logs: harness.logs,
			answers: harness.received.map((r) => r.response),
		});
		expect(harness.executions).toHaveLength(1);
		for (const secret of secrets) {
			expect(secret.length).toBeGreaterThan(5);
			expect(visible).not.toContain(secret);
		}
	});
});
