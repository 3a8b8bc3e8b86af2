/**
 * Reading 3 (`notFound`): a missing object, whether BILL answers 404 BDC_1121, 404 with another code, or 400.
 */
import { objectInPath, withNotFoundHint } from '../../../../nodes/shared/transport/notFound';
import { problemFromResponse } from '../../../../nodes/shared/transport/errors';
import { billCredentials, byId, runBill } from '../../../harness/bill';
import { triggerNode } from '../../../harness/trigger';
import { emulator, play, subscriptions, trigger, useReadingsEmulator } from './setup';

useReadingsEmulator();

describe('3. a missing object, however BILL answers it', () => {
	describe.each(['BDC_1121', 'otherCode', 'badRequest'] as const)(
		'notFound read %s',
		(notFound) => {
			beforeEach(() => play({ notFound }));

			it('the trigger: a subscription deleted in BILL is recreated on activation, and deleting it is not an error', async () => {
				const harness = await trigger(billCredentials(emulator));
				await harness.activate();
				const oldId = String(harness.staticData.subscriptionId);
				emulator.state.subscriptions.delete(oldId);
				expect(
					await triggerNode.webhookMethods.default.checkExists.call(harness.hookFunctions()),
				).toBe(false);
				await harness.activate();
				expect(subscriptions()).toHaveLength(1);
				expect(harness.staticData.subscriptionId).not.toBe(oldId);

				emulator.state.subscriptions.delete(String(harness.staticData.subscriptionId));
				expect(await harness.deactivate()).toBe(true);
				expect(harness.logs.some((l) => l.message.includes('was already gone'))).toBe(true);
			});

			it('the BILL node: a bill BILL does not have is an error whose hint is about the ID, not the endpoint', async () => {
				const { output } = await runBill(
					billCredentials(emulator),
					{ resource: 'bill', operation: 'get', billId: byId('00n02NOSUCHBILL00001') },
					{ continueOnFail: true },
				);
				const json = output[0].json;
				expect(String(json.hint ?? '')).not.toMatch(/endpoint/);
				if (notFound === 'badRequest') {
					expect(json).toMatchObject({ httpCode: '400', code: 'BDC_1002' });
				} else {
					expect(json.httpCode).toBe('404');
					expect(String(json.hint)).toMatch(/BILL has no bill 00n02NOSUCHBILL00001/);
				}
			});
		},
	);

	it('the trigger does not take a 404 or 400 for "gone" while BILL still lists the subscription, nor when the list cannot be read', async () => {
		const harness = await trigger(billCredentials(emulator));
		await harness.activate();
		const id = String(harness.staticData.subscriptionId);
		emulator.addFault({
			kind: 'status',
			method: 'GET',
			path: `/v3/subscriptions/${id}`,
			status: 400,
			code: 'BDC_1002',
			message: 'Invalid request.',
		});
		await expect(
			triggerNode.webhookMethods.default.checkExists.call(harness.hookFunctions()),
		).rejects.toThrow(/BDC_1002/);
		expect(harness.staticData.subscriptionId).toBe(id);

		// A wrong base URL answers 404 BDC_1121 to everything, the list included.
		emulator.addFault({ kind: 'status', method: 'DELETE', status: 404, code: 'BDC_1121' });
		emulator.addFault({
			kind: 'status',
			method: 'GET',
			path: '/v3/subscriptions',
			status: 404,
			code: 'BDC_1121',
		});
		await expect(harness.deactivate()).rejects.toThrow(/BDC_1121/);
		expect(harness.staticData.subscriptionId).toBe(id);
		expect(subscriptions()).toHaveLength(1);
	});

	it('hints: "not found" for a path with an object ID whatever the code, "unknown endpoint" only for a path', () => {
		expect(objectInPath('/v3/bills/00n02JZNIEYMNPY99iz9')).toEqual({
			noun: 'bill',
			id: '00n02JZNIEYMNPY99iz9',
		});
		expect(objectInPath('/v3/payments/stp02ABCDEFGHIJKLMNO/cancel')?.noun).toBe('payment');
		expect(objectInPath('/v3/subscriptions/0b6e9c5e-4a8b-4d6b-9a53-2f1c1c2d3e4f')?.noun).toBe(
			'webhook subscription',
		);
		expect(objectInPath('/v3/bills')).toBeUndefined();
		expect(objectInPath('/v3/documents/upload-status')).toBeUndefined();

		const notSupported = [{ code: 'BDC_1121', message: 'API not supported' }];
		const onId = withNotFoundHint(problemFromResponse(404, notSupported), {
			path: '/v3/vendors/00902BILKFECNEV2oji1',
		});
		expect(onId.hint).toMatch(/BILL has no vendor 00902BILKFECNEV2oji1/);
		const onPath = withNotFoundHint(problemFromResponse(404, notSupported), { path: '/v3/billz' });
		expect(onPath.hint).toMatch(/does not know this endpoint/);
		const otherCode = withNotFoundHint(
			problemFromResponse(404, [{ code: 'BDC_9404', message: 'x' }]),
			{ path: '/v3/bills/00n02JZNIEYMNPY99iz9' },
		);
		expect(otherCode.hint).toMatch(/BILL has no bill/);
		const webhook400 = withNotFoundHint(
			problemFromResponse(400, [{ code: 'BDC_1002', message: 'x' }]),
			{ path: '/v3/subscriptions/0b6e9c5e-4a8b-4d6b-9a53-2f1c1c2d3e4f', host: 'events' },
		);
		expect(webhook400.hint).toMatch(/also answers 400 for a webhook subscription ID/);
	});
});
