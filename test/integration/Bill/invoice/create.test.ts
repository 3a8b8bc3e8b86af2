/**
 * Invoice → Create against the emulator: BILL's shape, re-runs that create nothing twice, and new customers by name and email.
 */
import type { IDataObject } from 'n8n-workflow';
import { receivablesSettings } from '../../../../emulator/receivables';
import { runBill, runBillOk } from '../../../harness/bill';
import {
	emulator,
	credentials,
	ar,
	invoices,
	newCustomer,
	lines,
	createFor,
	useInvoiceEmulator,
} from './setup';

useInvoiceEmulator();

describe('Invoice', () => {
	it('creates an invoice for an existing customer as BILL takes it (customer object, lines, dates), totals from BILL', async () => {
		const customerId = await newCustomer();
		const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		expect(invoice).toMatchObject({
			customerId,
			invoiceNumber: 'INV-1',
			totalAmount: 79.98,
			dueAmount: 79.98,
			status: 'OPEN',
			alreadyExisted: false,
		});
		expect(invoice.id).toMatch(/^00e/);
		const sent = emulator.requests({ method: 'POST', route: '/v3/invoices' });
		expect(sent).toHaveLength(1);
		expect(invoices()[0]).toMatchObject({ invoiceDate: '2026-12-01', dueDate: '2026-12-31' });
	});

	it('skips an invoice number the customer already has, on a re-run and within one run; off, it creates it again', async () => {
		const customerId = await newCustomer();
		const items = [{ n: 'INV-1' }, { n: 'inv-1 ' }, { n: 'INV-2' }];
		const first = await runBillOk(
			credentials,
			(_i, json) => createFor(customerId, String(json.n)),
			{ items },
		);
		expect(first.map((i) => i.alreadyExisted)).toEqual([false, true, false]);
		expect(first[1].id).toBe(first[0].id);
		const again = await runBillOk(
			credentials,
			(_i, json) => createFor(customerId, String(json.n)),
			{ items },
		);
		expect(again.map((i) => i.alreadyExisted)).toEqual([true, true, true]);
		expect(invoices()).toHaveLength(2);
		// One read of the customer's invoices per run.
		expect(emulator.requests({ method: 'GET', route: '/v3/invoices' })).toHaveLength(2);
		await runBillOk(credentials, createFor(customerId, 'INV-1', { skipExisting: false }));
		expect(invoices()).toHaveLength(3);
	});

	it("when BILL refuses a duplicate number itself (the emulator's other reading), the error is BILL's, with the item named", async () => {
		receivablesSettings(emulator).duplicateInvoiceNumbers = 'refuse';
		const customerId = await newCustomer();
		await runBillOk(credentials, createFor(customerId, 'INV-1'));
		const { error } = await runBill(
			credentials,
			createFor(customerId, 'INV-1', { skipExisting: false }),
		);
		expect(error?.message).toMatch(/BDC_1002: invoiceNumber: INV-1 already exists/);
		// With the default, nothing is sent and the existing invoice comes back.
		const [existing] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		expect(existing.alreadyExisted).toBe(true);
	});

	it('invoices a new customer by name and email: the existing customer with that email is used, else it is created once', async () => {
		const known = await newCustomer('Known', 'known@x.example');
		const items = [
			{ name: 'Known Inc', email: 'KNOWN@x.example', n: 'A-1' },
			{ name: 'Fresh', email: 'fresh@x.example', n: 'A-2' },
			{ name: 'Fresh', email: 'fresh@x.example', n: 'A-3' },
		];
		const parameters = (_i: number, json: IDataObject) => ({
			resource: 'invoice',
			operation: 'create',
			customerMode: 'new',
			customerName: String(json.name),
			customerEmail: String(json.email),
			invoiceNumber: String(json.n),
			lineItems: lines,
		});
		const output = await runBillOk(credentials, parameters, { items });
		expect(output[0].customerId).toBe(known);
		expect(output[2].customerId).toBe(output[1].customerId);
		expect(ar().customers.size).toBe(2);
		await runBillOk(credentials, parameters, { items });
		expect(ar().customers.size).toBe(2);
		expect(invoices()).toHaveLength(3);
		// Matching off: BILL's own { name, email } (a customer made with the invoice).
		await runBillOk(credentials, {
			...parameters(0, items[1]),
			matchCustomer: false,
			invoiceNumber: 'A-9',
		});
		const [, , , last] = emulator.requests({ method: 'POST', route: '/v3/invoices' });
		expect(last.status).toBe(201);
		expect(ar().customers.size).toBe(3);
	});
});
