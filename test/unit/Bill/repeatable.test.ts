/**
 * Safe by default: an operation that changes state in BILL is never sent again after an uncertain
 * answer unless it says why a repeat is safe. The walk covers every operation of the BILL node's
 * registry that declares its effect (nodes/shared/operation.ts `Effect`), runs it, and checks what
 * it hands the transport; a state-changing request marked repeatable without a reason fails.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BillRequest } from '../../../nodes/shared/transport';
import type { ItemOperation } from '../../../nodes/shared/operation';
import { objectAction } from '../../../nodes/Bill/helpers/objectAction';
import { ID_PREFIX } from '../../../nodes/Bill/helpers/validation';
import { resources } from '../../../nodes/Bill/resources';

const sent: BillRequest[] = [];
jest.mock('../../../nodes/shared/transport', () => ({
	...jest.requireActual('../../../nodes/shared/transport'),
	billApiRequest: jest.fn(async (request: BillRequest) => {
		sent.push(request);
		return {};
	}),
}));

/** A context whose ID parameters (`customerId`) hold a well-formed ID of that object. */
function context(): IExecuteFunctions {
	const idOf = (name: string) => {
		const prefix = (ID_PREFIX as Record<string, string>)[name.replace(/Id$/, '')] ?? '000';
		return `${prefix}${'0'.repeat(20 - prefix.length)}`;
	};
	return {
		getNode: () => ({ name: 'BILL', type: 'bill', typeVersion: 1.1, parameters: {} }),
		getNodeParameter: (name: string) => idOf(name),
		continueOnFail: () => false,
	} as unknown as IExecuteFunctions;
}

async function requestsOf(operation: ItemOperation): Promise<BillRequest[]> {
	sent.length = 0;
	await operation.execute.call(context(), 0);
	return [...sent];
}

const declared = Object.entries(resources).flatMap(([resource, { operations }]) =>
	Object.entries(operations)
		.filter(([, operation]) => operation.effect && 'execute' in operation)
		.map(([name, operation]) => [`${resource} → ${name}`, operation as ItemOperation] as const),
);

const paymentAction = (operation: string, method?: 'POST') =>
	objectAction({
		resource: 'payment',
		operation,
		locator: { displayName: 'Payment', name: 'paymentId', type: 'string', default: '' },
		prefix: ID_PREFIX.payment,
		path: (id) => `/v3/payments/${id}/${operation}`,
		method,
	});

describe('operations that change state are not repeated without a reason', () => {
	it('finds the operations that declare their effect', () => {
		expect(declared.map(([name]) => name)).toEqual(
			expect.arrayContaining(['customer → archive', 'invoice → restore', 'customer → get']),
		);
	});

	it.each(declared)('%s', async (_name, operation) => {
		const requests = await requestsOf(operation);
		expect(requests.length).toBeGreaterThan(0);
		for (const request of requests) {
			const changes = (request.method ?? 'GET') !== 'GET';
			expect(operation.effect!.changesState).toBe(changes);
			if (changes && request.repeatable) expect(operation.effect!.repeatable).toMatch(/\w{3}/);
			if (changes && !operation.effect!.repeatable) expect(request.repeatable).toBe(false);
		}
	});

	it('an action copied from Archive without a reason is not repeatable', async () => {
		const action = paymentAction('void', 'POST');
		expect(action.effect).toEqual({ changesState: true, repeatable: undefined });
		const [request] = await requestsOf(action);
		expect(request).toMatchObject({ method: 'POST', repeatable: false } as IDataObject);
	});

	it('a read is repeatable', async () => {
		const read = paymentAction('get');
		const [request] = await requestsOf(read);
		expect(request).toMatchObject({ method: 'GET', repeatable: true } as IDataObject);
	});
});
