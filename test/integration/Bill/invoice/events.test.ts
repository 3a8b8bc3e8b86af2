/**
 * Invoice events in the BILL Trigger, signed, with the version as BILL sends it.
 */
import { runBillOk } from '../../../harness/bill';
import { startTrigger } from '../../../harness/trigger';
import { emulator, credentials, newCustomer, createFor, useInvoiceEmulator } from './setup';

useInvoiceEmulator();

describe('Invoice', () => {
	it('invoice events reach the BILL Trigger signed, with the version as BILL sends it (a number)', async () => {
		const harness = await startTrigger({
			credentials,
			parameters: { events: ['invoice.created', 'invoice.updated'] },
		});
		try {
			await harness.activate();
			const customerId = await newCustomer();
			const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
			await emulator.waitForDeliveries(1);
			await emulator.deliveriesSettled();
			expect(emulator.deliveries.map((d) => [d.eventType, d.statusCode])).toEqual([
				['invoice.created', 200],
			]);
			const [[item]] = harness.executions;
			expect(item.metadata).toMatchObject({ eventType: 'invoice.created', version: 1 });
			expect(item.invoice).toMatchObject({
				id: invoice.id,
				invoiceNumber: 'INV-1',
				totalAmount: 79.98,
			});
		} finally {
			await emulator.deliveriesSettled();
			await harness.stop();
		}
	});
});
