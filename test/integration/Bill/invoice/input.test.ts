/**
 * Invoice: bad input refused before sending, BILL's refusals passed on, and the search of the resource locator.
 */
import type { IDataObject } from 'n8n-workflow';
import { searchInvoices } from '../../../../nodes/Bill/listSearch/invoices';
import { billNode, byId, expr, runBill, runBillOk } from '../../../harness/bill';
import { loadOptionsContext } from '../../../harness/context';
import { emulator, credentials, newCustomer, createFor, useInvoiceEmulator } from './setup';

useInvoiceEmulator();

describe('Invoice', () => {
	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const customerId = await newCustomer();
		const other = await newCustomer('Other', 'o@x.example');
		const [invoice] = await runBillOk(credentials, createFor(other, 'O-1'));
		const before = emulator.log.length;
		const cases: Array<[IDataObject, RegExp]> = [
			[
				createFor(customerId, 'X', { lineItems: { item: [] } }),
				/Line Items: add at least one line item \[item 0\]/,
			],
			[
				createFor(customerId, 'X', { lineItems: { item: [{ quantity: -1, price: 2 }] } }),
				/Line Items, line 1 → Quantity: must not be negative/,
			],
			[createFor(customerId, 'x'.repeat(101)), /Invoice Number: must be at most 100 characters/],
			[
				createFor(customerId, 'X', { additionalFields: { dueDate: 'soon' } }),
				/Due Date: "soon" is not a date/,
			],
			[
				{
					...createFor(customerId, 'X'),
					customerMode: 'new',
					customerName: 'N',
					customerEmail: 'nope',
				},
				/Customer Email: "nope" is not an email address/,
			],
			[
				{ resource: 'invoice', operation: 'get', invoiceId: byId(expr('0cu02ABCDEFGHIJKLMNO')) },
				/Invoice: .* is not a BILL invoice/,
			],
			[
				{
					resource: 'invoice',
					operation: 'sendEmail',
					invoiceId: byId(String(invoice.id)),
					recipients: 'a@x.example, nope',
				},
				/Recipients: "nope" is not an email address/,
			],
			[
				{
					resource: 'invoice',
					operation: 'getPaymentLink',
					invoiceId: byId(String(invoice.id)),
					email: 'a@x.example',
					returnUrl: 'ftp://x',
				},
				/Return URL: "ftp:\/\/x" is not an http\(s\) URL/,
			],
			[
				{
					resource: 'invoice',
					operation: 'recordPayment',
					customerId: byId(customerId),
					paymentDate: '2026-12-05',
					amount: 10,
					invoices: { invoice: [{ invoiceId: String(invoice.id), amount: 20 }] },
				},
				/Amount: 10 is less than the 20 applied/,
			],
			[
				{
					resource: 'invoice',
					operation: 'update',
					invoiceId: byId(String(invoice.id)),
					updateFields: {},
				},
				/Update Fields: add at least one field or line item/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials, parameters as never);
			expect(error?.message).toMatch(message);
		}
		expect(emulator.log.slice(before).filter((r) => r.route !== '/v3/login')).toHaveLength(0);
		// An invoice of another customer: refused after reading it, before recording anything.
		const { error } = await runBill(credentials, {
			resource: 'invoice',
			operation: 'recordPayment',
			customerId: byId(customerId),
			paymentDate: '2026-12-05',
			amount: 10,
			invoices: { invoice: [{ invoiceId: String(invoice.id), amount: 10 }] },
		});
		expect(error?.message).toMatch(
			/Invoices: invoice 00e\w+ belongs to customer 0cu\w+, not 0cu\w+ \[item 0\]/,
		);
		expect(emulator.requests({ route: '/v3/invoices/record-payment' })).toHaveLength(0);
	});

	it("passes BILL's refusal on with its code; with Continue On Fail the other items go on", async () => {
		const customerId = await newCustomer();
		const output = await runBillOk(credentials, (_i, json) => createFor(String(json.c), 'INV-1'), {
			items: [{ c: '0cu02ABCDEFGHIJKLMNO' }, { c: customerId }],
			continueOnFail: true,
		});
		expect(output[0]).toMatchObject({ code: 'BDC_1121', httpCode: '404' });
		expect(output[1]).toMatchObject({ invoiceNumber: 'INV-1', alreadyExisted: false });
	});

	it('searches invoices by number for the resource locator', async () => {
		const customerId = await newCustomer();
		await runBillOk(credentials, createFor(customerId, 'INV-1'));
		await runBillOk(credentials, createFor(customerId, 'ZZ-2'));
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'invoice', operation: 'get' },
			credentials,
		});
		const found = await searchInvoices.call(context, 'zz-2');
		expect(found.results).toEqual([
			{ name: '#ZZ-2 · 79.98 · OPEN · due 2026-12-31', value: expect.stringMatching(/^00e/) },
		]);
	});
});
