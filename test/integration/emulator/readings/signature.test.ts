/**
 * Reading 5: the webhook signature is a base64 HMAC-SHA256 of the raw bytes with the security key, nothing signed another way.
 */
import { createHmac } from 'crypto';
import { billCredentials } from '../../../harness/bill';
import { TriggerHarness } from '../../../harness/trigger';
import { emulator, http, trigger, createVendor, useReadingsEmulator } from './setup';

useReadingsEmulator();

describe('5. webhook signature: base64 HMAC-SHA256 of the raw bytes with the security key, nothing else', () => {
	let harness: TriggerHarness;
	let body: string;
	let key: string;
	beforeEach(async () => {
		harness = await trigger(billCredentials(emulator));
		await harness.activate();
		await createVendor(billCredentials(emulator), 'Signed vendor');
		await emulator.waitForDeliveries(1);
		body = harness.received[0].body;
		key = String(harness.staticData.securityKey);
		expect(harness.executions).toHaveLength(1);
	});

	const fresh = (id: string) => body.replace(/"eventId":"[^"]+"/, `"eventId":"${id}"`);
	const hmac = (data: string, k = key) => createHmac('sha256', k).update(data);
	const send = async (payload: string, signature?: string) =>
		(
			await http.post(harness.webhookUrl, payload, {
				headers: {
					'Content-Type': 'application/json',
					...(signature === undefined ? {} : { 'x-bill-sha-signature': signature }),
				},
				transformRequest: (d: string) => d,
			})
		).status;

	it('accepts the raw bytes signed, as an object or as a JSON string', async () => {
		const asObject = fresh('raw-1');
		expect(await send(asObject, hmac(asObject).digest('base64'))).toBe(200);
		const asString = JSON.stringify(fresh('raw-2'));
		expect(await send(asString, hmac(asString).digest('base64'))).toBe(200);
		expect(harness.executions).toHaveLength(3);
	});

	it('refuses a delivery signed any other way (re-serialised JSON, the inner string, hex, another hash, no key)', async () => {
		const compact = fresh('other-1');
		const pretty = JSON.stringify(JSON.parse(compact), null, 2);
		const asString = JSON.stringify(compact);
		const forgeries: Array<[string, string]> = [
			// the body as sent is pretty, the signature over the compact (re-serialised) JSON
			[pretty, hmac(compact).digest('base64')],
			// the body is a JSON string, the signature over the string it contains
			[asString, hmac(compact).digest('base64')],
			// the body is the object, the signature over it re-serialised as a JSON string
			[compact, hmac(asString).digest('base64')],
			[compact, hmac(compact).digest('hex')],
			[compact, createHmac('sha1', key).update(compact).digest('base64')],
			[compact, createHmac('sha256', '').update(compact).digest('base64')],
			[compact, hmac(`${compact}\n`).digest('base64')],
			[compact, ''],
		];
		for (const [payload, signature] of forgeries) expect(await send(payload, signature)).toBe(401);
		expect(await send(compact)).toBe(401);
		expect(harness.executions).toHaveLength(1);
	});
});
