/**
 * Invoice → Get, Get Many, Update, Replace, Archive, Restore, Send by Email and Get Payment Link against the emulator.
 */
import type { IDataObject } from 'n8n-workflow';
import { emailPacing } from '../../../../nodes/Bill/resources/invoice/sendEmail.operation';
import { receivablesSettings } from '../../../../emulator/receivables';
import { byId, runBill, runBillOk } from '../../../harness/bill';
import { emulator, credentials, ar, newCustomer, createFor, useInvoiceEmulator } from './setup';

useInvoiceEmulator();

describe('Invoice', () => {
	it('gets, lists (filters, Return All), updates lines by ID, replaces, archives and restores', async () => {
		const customerId = await newCustomer();
		const other = await newCustomer('Other', 'o@x.example');
		const items = Array.from({ length: 105 }, (_, i) => ({ n: `N-${i}` }));
		await runBillOk(credentials, (_i, json) => createFor(customerId, String(json.n)), { items });
		const [mine] = await runBillOk(credentials, createFor(other, 'O-1'));
		const id = String(mine.id);
		const [got] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'get',
			invoiceId: byId(id),
		});
		expect(got.invoiceNumber).toBe('O-1');
		const all = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'getMany',
			returnAll: true,
			filters: { customerId: byId(customerId), statuses: ['OPEN'] },
		});
		expect(all).toHaveLength(105);
		const few = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'getMany',
			returnAll: false,
			limit: 3,
			sort: { sortBy: { field: 'invoiceNumber', direction: 'desc' } },
		});
		expect(few.map((i) => i.invoiceNumber)).toEqual(['O-1', 'N-99', 'N-98']);
		const lineId = String((got.invoiceLineItems as IDataObject[])[0].id);
		const [updated] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'update',
			invoiceId: byId(id),
			updateFields: { dueDate: '2027-01-15' },
			lineItems: { item: [{ id: lineId, description: 'Drum sticks', quantity: 2, price: 19.99 }] },
		});
		expect(updated).toMatchObject({ dueDate: '2027-01-15', totalAmount: 89.98 });
		expect(updated.invoiceLineItems).toHaveLength(2);
		const [replaced] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'replace',
			invoiceId: byId(id),
			customerId: byId(other),
			invoiceNumber: 'O-1',
			lineItems: {
				item: [
					{ id: lineId, description: 'Drum sticks', quantity: 1, price: 10 },
					{ description: 'Gloves', quantity: 1, price: 29.99 },
				],
			},
		});
		expect(replaced.totalAmount).toBe(39.99);
		expect((replaced.invoiceLineItems as IDataObject[]).map((l) => l.description)).toEqual([
			'Drum sticks',
			'Gloves',
		]);
		const [archived] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'archive',
			invoiceId: byId(id),
		});
		expect(archived.archived).toBe(true);
		const [restored] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'restore',
			invoiceId: byId(id),
		});
		expect(restored.archived).toBe(false);
	});

	it('sends an invoice by email, replying to the signed-in user, and waits out the 5-a-minute limit', async () => {
		const customerId = await newCustomer();
		const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		receivablesSettings(emulator).emailWindowMs = 400;
		const saved = { ...emailPacing };
		emailPacing.waitMs = 450;
		try {
			const output = await runBillOk(
				credentials,
				{
					resource: 'invoice',
					operation: 'sendEmail',
					invoiceId: byId(String(invoice.id)),
					recipients: 'ap@paperless.example, boss@paperless.example',
				},
				{ items: Array.from({ length: 7 }, () => ({})) },
			);
			expect(output).toHaveLength(7);
			expect(output[0]).toMatchObject({
				sent: true,
				to: ['ap@paperless.example', 'boss@paperless.example'],
				replyToUserId: emulator.fixtures.admin.userId,
			});
			const sends = emulator.requests({ method: 'POST', route: '/v3/invoices/:invoiceId/email' });
			expect(sends.filter((r) => r.status === 200)).toHaveLength(7);
			expect(sends.filter((r) => r.code === 'BDC_1144').length).toBeGreaterThan(0);
		} finally {
			Object.assign(emailPacing, saved);
		}
	});

	it("gets a payment link, and for a customer connected in the BILL network passes BILL's refusal on with a hint", async () => {
		const customerId = await newCustomer();
		const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		const parameters = {
			resource: 'invoice',
			operation: 'getPaymentLink',
			invoiceId: byId(String(invoice.id)),
			email: 'shop@example.com',
			returnUrl: 'https://shop.example.com/thanks',
		};
		const [link] = await runBillOk(credentials, parameters);
		expect(link).toMatchObject({
			invoiceId: String(invoice.id),
			customerId,
			paymentLink: expect.stringMatching(/^https:/),
		});
		ar().connectedCustomers.add(customerId);
		const { error } = await runBill(credentials, parameters);
		expect(error?.message).toMatch(/connected to you in the BILL network/);
		expect((error as { description?: string }).description).toMatch(/Send by Email/);
	});
});
