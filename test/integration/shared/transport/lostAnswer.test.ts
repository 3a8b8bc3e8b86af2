/**
 * A lost answer (BILL applied the request, then the connection was cut) says so in the error's
 * message itself, not only in its hint: n8n's NodeApiError swaps messages that name a connection
 * error code (ECONNRESET, ETIMEDOUT, …) for its own ("The connection to the server was closed
 * unexpectedly…"), which would hide that the bill or payment may exist and was not sent again.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { seedVendor } from '../../../../emulator/routes/bills';
import { billCredentials, byId, runBill } from '../../../harness/bill';
import { api, day } from '../../Bill/payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

/** What the message must say: it may have reached BILL, so it was not sent again. */
const SAYS_OUTCOME = /may have reached BILL.*not sent again/;

const createBill = (vendorId: string): IDataObject => ({
	resource: 'bill',
	operation: 'create',
	vendorId: byId(vendorId),
	invoiceNumber: 'LOST-7',
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: { lineItem: [{ pricedBy: 'amount', amount: 149, description: 'Cables' }] },
});

describe('A lost answer says what happened in the message', () => {
	it('Bill → Create: the thrown error says the bill may exist, was not sent again, and how to check', async () => {
		const vendorId = seedVendor(emulator, 'Harbor Freight');
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/bills' });
		const { error } = await runBill(billCredentials(emulator), createBill(vendorId) as never);
		expect(error?.message).toMatch(SAYS_OUTCOME);
		expect(error?.message).toMatch(/LOST-7/);
		expect(error?.message).not.toMatch(/closed unexpectedly/);
		expect(error?.context?.outcomeUnknown).toBe(true);
		// BILL did create it, once: nothing was sent again.
		expect(emulator.state.bills.size).toBe(1);
		expect(emulator.requests({ method: 'POST', route: /^\/v3\/bills\b/ })).toHaveLength(1);
	});

	it("Payment → Create with Continue On Fail: the item's error says the same, with outcomeUnknown", async () => {
		const admin = api(emulator);
		const vendorId = await admin.vendor();
		const bill = await admin.bill(vendorId, 300);
		const accountId = await admin.bankAccount();
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/payments' });
		const { output, error } = await runBill(
			billCredentials(emulator),
			{
				resource: 'payment',
				operation: 'create',
				billId: byId(String(bill.id)),
				amount: 80,
				processDate: day(emulator, 1),
				fundingType: 'BANK_ACCOUNT',
				fundingAccountId: byId(accountId),
			},
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ outcomeUnknown: true });
		expect(String(output[0].json.error)).toMatch(SAYS_OUTCOME);
		expect(String(output[0].json.error)).toMatch(/Running it again is safe/);
		expect(String(output[0].json.error)).not.toMatch(/closed unexpectedly/);
		expect(emulator.state.payments.size).toBe(1);
	});

	it('a read that kept failing keeps its own message too (no n8n connection text)', async () => {
		emulator.addFault({ kind: 'resetBefore', method: 'GET', path: '/v3/vendors', times: 10 });
		const { error } = await runBill(billCredentials(emulator), {
			resource: 'vendor',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error?.message).toMatch(/^No answer from BILL/);
		expect(error?.message).not.toMatch(/closed unexpectedly/);
		expect(error?.context?.outcomeUnknown).toBeUndefined();
	});
});
