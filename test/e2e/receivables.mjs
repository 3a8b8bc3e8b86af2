/**
 * End-to-end tests of the receivables examples (USERS.md job 9) in the real n8n of run.mjs:
 * each run checked against what the emulator holds afterwards.
 */
import { equal } from '../../scripts/lib/testkit.mjs';
import { nodeOutput } from '../../scripts/lib/stack.mjs';

const cents = (n) => Math.round(Number(n) * 100) / 100;

/** `ctx`: run.mjs's test, record, runOk, state, requests, pendingOr and env. */
export async function receivablesTests(ctx) {
	const { test, record, runOk, state, requests, pendingOr, env } = ctx;
	const why = pendingOr('billcomPaidOrders');
	if (why) return record('example 10: paid orders invoiced and recorded once', 'pending', why);
	await test('example 10: paid orders: customers matched or created once, one invoice per order, recorded as paid', async () => {
		const run = await runOk(env, 'billcomPaidOrders');
		const orders = nodeOutput(run, 'Paid orders');
		const customers = await state('customers');
		const invoices = await state('invoices');
		const names = [...new Set(orders.map((o) => o.customer))];
		equal(
			names.map((name) => customers.filter((c) => c.name === name).length),
			names.map(() => 1),
			'customers in the emulator per order customer',
		);
		for (const order of orders) {
			const customer = customers.find((c) => c.email === order.email);
			const found = invoices.filter(
				(i) => i.customerId === customer.id && i.invoiceNumber === order.orderId,
			);
			equal(found.length, 1, `invoices of ${order.customer} numbered ${order.orderId}`);
			equal(
				[cents(found[0].totalAmount), found[0].dueAmount, found[0].status],
				[cents(order.quantity * order.price), 0, 'PAID_IN_FULL'],
				`total, due amount and status of ${order.orderId}`,
			);
		}
		equal((await state('receivablePayments')).length, orders.length, 'received payments');
		const [summary] = nodeOutput(run, 'Summary');
		equal(
			[summary.invoicesCreated, summary.invoicesAlreadyInBill, summary.paymentsRecorded],
			[orders.length, 0, orders.length],
			'created / already in BILL / recorded',
		);
		return `${orders.length} orders, ${names.length} customers`;
	});
	await test('example 10: run again: no customer, invoice or payment made twice', async () => {
		const counts = async () => [
			(await state('customers')).length,
			(await state('invoices')).length,
			(await state('receivablePayments')).length,
			await requests('POST /v3/invoices/record-payment'),
			await requests('POST /v3/invoices'),
		];
		const before = await counts();
		const run = await runOk(env, 'billcomPaidOrders');
		equal(await counts(), before, 'customers, invoices, payments and create requests');
		const [summary] = nodeOutput(run, 'Summary');
		equal(
			[summary.invoicesCreated, summary.invoicesAlreadyInBill, summary.alreadyPaid],
			[0, summary.orders.length, summary.orders.length],
			'created / already in BILL / already paid',
		);
	});
}
