/**
 * BILL Trigger: the event list offered and what a subscription asks for.
 */
import { billCredentials } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';
import { loadOptionsContext } from '../../../harness/context';
import { triggerNode } from '../../../harness/trigger';
import { emulator, useTriggerEmulator } from './setup';

useTriggerEmulator();

describe('BILL Trigger: event list', () => {
	const loadOptions = (credentials: CredentialStore) =>
		loadOptionsContext({ node: triggerNode, parameters: { events: [] }, credentials });

	it('lists BILL\'s catalog with versions and "any" choices, without Spend & Expense events', async () => {
		const options = await triggerNode.methods.loadOptions.getEvents.call(
			loadOptions(billCredentials(emulator)),
		);
		const values = options.map((o) => o.value);
		expect(values).toEqual(
			expect.arrayContaining([
				'*',
				'bill.*',
				'vendor.*',
				'bill.created',
				'bank-account.updated',
				'autopay.failed',
			]),
		);
		expect(values.some((v) => String(v).startsWith('spend.'))).toBe(false);
		expect(options.find((o) => o.value === 'bank-account.created')).toMatchObject({
			name: 'Bank Account Created',
			description: 'bank-account.created, version 1',
		});
		expect(emulator.requests({ method: 'GET', route: '/v3/events/catalog' })).toHaveLength(1);
	});

	it('falls back to the documented list, saying so, when the catalog cannot be read', async () => {
		emulator.addFault({
			kind: 'status',
			method: 'GET',
			path: '/v3/events/catalog',
			status: 403,
			code: 'BDC_1146',
			message: 'Not allowed.',
		});
		const options = await triggerNode.methods.loadOptions.getEvents.call(
			loadOptions(billCredentials(emulator)),
		);
		const created = options.find((o) => o.value === 'bill.created');
		expect(created?.description).toMatch(
			/documented list; BILL's catalog could not be loaded: BILL error BDC_1146/,
		);
		// "Any Event", six entities with several events, twenty documented events.
		expect(options).toHaveLength(1 + 6 + 20);
	});
});
