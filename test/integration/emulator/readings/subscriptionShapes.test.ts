/**
 * Reading 4 (`subscriptionList`, `subscriptionStatus`): the webhook subscription list and status shapes.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	enabledOf,
	subscriptionIn,
	subscriptionsIn,
} from '../../../../nodes/BillTrigger/subscriptionRequests';
import { billCredentials } from '../../../harness/bill';
import { TriggerHarness } from '../../../harness/trigger';
import { emulator, play, subscriptions, refusals, trigger, useReadingsEmulator } from './setup';

useReadingsEmulator();

describe('4. subscription list and status shapes', () => {
	const shapes = (['object', 'array'] as const).flatMap((list) =>
		(['object', 'string', 'missing'] as const).map((status) => [list, status] as const),
	);

	describe.each(shapes)('list read %s, status read %s', (subscriptionList, subscriptionStatus) => {
		beforeEach(() => play({ subscriptionList, subscriptionStatus }));

		it('activation, a second activation and a lost static data keep one subscription and send no needless update', async () => {
			const harness = await trigger(billCredentials(emulator));
			await harness.activate();
			await harness.activate();
			// n8n lost the static data: the subscription is found in the list and taken over.
			const again = new TriggerHarness({
				credentials: harness.options.credentials,
				parameters: harness.options.parameters,
				webhookUrl: harness.webhookUrl,
			});
			await again.activate();
			expect(subscriptions()).toHaveLength(1);
			expect(again.staticData.subscriptionId).toBe(harness.staticData.subscriptionId);
			expect(
				emulator
					.requests({ route: '/v3/subscriptions/:subscriptionId' })
					.filter((r) => ['PUT', 'PATCH'].includes(r.method)),
			).toEqual([]);
			expect(refusals()).toEqual([]);
		});

		it('a subscription BILL disabled is enabled again where the answer says so, and left alone where it cannot tell', async () => {
			const harness = await trigger(billCredentials(emulator));
			await harness.activate();
			const [subscription] = subscriptions();
			(subscription.status as IDataObject).enabled = false;
			await harness.activate();
			const patches = emulator.requests({
				method: 'PATCH',
				route: '/v3/subscriptions/:subscriptionId',
			});
			if (subscriptionStatus === 'missing') {
				expect(patches).toEqual([]);
				expect(harness.logs.some((l) => l.message.includes('does not say whether'))).toBe(true);
			} else {
				expect(patches).toHaveLength(1);
				expect((subscription.status as IDataObject).enabled).toBe(true);
			}
		});
	});

	it('reads the list envelope and the status defensively; a list it cannot find is an error, not an empty list', () => {
		const s = { id: 'a' };
		expect(subscriptionsIn([s])).toEqual([s]);
		expect(subscriptionsIn({ results: [s], nextPage: 'x' })).toEqual([s]);
		expect(subscriptionsIn({ subscriptions: [s] })).toEqual([s]);
		expect(subscriptionsIn({})).toEqual([]);
		expect(subscriptionsIn({ results: null })).toEqual([]);
		expect(subscriptionsIn({ results: 'x' })).toBeUndefined();
		expect(subscriptionsIn({ a: [s], b: [s] })).toBeUndefined();
		expect(subscriptionsIn('x')).toBeUndefined();
		const one = { id: 'a', events: [], notificationUrl: 'https://x' };
		expect(subscriptionIn(one)).toBe(one);
		expect(subscriptionIn({ subscription: one })).toBe(one);
		expect(subscriptionIn({ id: 'a' })).toBeUndefined();
		expect(subscriptionIn([one])).toBeUndefined();
		expect(enabledOf({ status: { enabled: true } })).toBe(true);
		expect(enabledOf({ status: { enabled: 'false' } })).toBe(false);
		expect(enabledOf({ status: 'ENABLED' })).toBe(true);
		expect(enabledOf({})).toBeUndefined();
		expect(enabledOf({ status: { enabled: 'maybe' } })).toBeUndefined();
	});
});
