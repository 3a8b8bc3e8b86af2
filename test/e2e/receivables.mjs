// @ts-check
/**
 * End-to-end tests of the receivables examples (USERS.md job 9) in the real n8n of run.mjs:
 * each run checked against what the emulator holds afterwards.
 */
import { cents, check, equal } from '../../scripts/lib/testkit.mjs';
import { nodeOutput, restClient, startN8nServer } from '../../scripts/lib/stack.mjs';
import { subscriptionKeptByN8n } from '../../scripts/lib/e2e.mjs';

/** Calls the emulator as someone working in BILL would (its own login). */
export async function billApi(emulator) {
	const f = emulator.fixtures;
	let sessionId;
	const post = async (path, body) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				devKey: f.devKey,
				...(sessionId ? { sessionId } : {}),
			},
			body: JSON.stringify(body),
		});
		const text = await response.text();
		const json = text ? JSON.parse(text) : {};
		if (!response.ok) throw new Error(`BILL ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	({ sessionId } = await post('/v3/login', {
		username: f.admin.username,
		password: f.admin.password,
		organizationId: f.organizationId,
		devKey: f.devKey,
	}));
	return post;
}

/**
 * `ctx`: run.mjs's test, record, runOk, state, requests, pendingOr, env, emulator, n8nPort,
 * waitFor and waitForExecution.
 */
export async function receivablesTests(ctx) {
	await paidOrders(ctx);
	await overdueInvoices(ctx);
	await invoicePaidTrigger(ctx);
}

async function invoicePaidTrigger(ctx) {
	const { test, record, state, pendingOr, env, emulator, n8nPort, waitFor, waitForExecution } = ctx;
	const why = pendingOr('billcomPaidHook');
	if (why) return record('example 12: BILL Trigger on invoice.updated', 'pending', why);
	await test('example 12: BILL Trigger on invoice.updated, activated in n8n start: a payment recorded in BILL gives one message for the invoice paid in full', async () => {
		const server = await startN8nServer(
			{ ...env, WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` },
			n8nPort,
		);
		try {
			const rest = restClient(server.base);
			check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
			const id = 'billcomPaidHook';
			await rest.activate(id);
			const pointingHere = async () =>
				(await state('subscriptions')).filter((s) =>
					String(s.notificationUrl).startsWith(`http://127.0.0.1:${n8nPort}/`),
				);
			const [subscription] = await waitFor(
				pointingHere,
				(list) => list.length > 0,
				'the subscription of example 12',
			);
			equal(
				subscription.events?.map((e) => e.type ?? e),
				['invoice.updated'],
				'events of the subscription',
			);
			await subscriptionKeptByN8n({
				rest,
				workflowId: id,
				nodeName: 'BILL Trigger',
				subscriptionId: subscription.id,
				waitFor,
			});
			const post = await billApi(emulator);
			const customer = await post('/v3/customers', {
				name: 'Hook Customer',
				email: 'hook@example.com',
			});
			const invoice = await post('/v3/invoices', {
				customer: { id: customer.id },
				invoiceNumber: `E2E-PAID-${Date.now()}`,
				invoiceLineItems: [{ description: 'Lesson', quantity: 2, price: 40 }],
			});
			await post('/v3/invoices/record-payment', {
				customerId: customer.id,
				paymentDate: new Date().toISOString().slice(0, 10),
				paymentType: 'CASH',
				amount: 80,
				invoices: [{ id: invoice.id, amount: 80 }],
			});
			const execution = await waitForExecution(rest, id);
			equal(execution.status, 'success', 'status of the trigger execution');
			const [message] = execution.output['Paid in full'];
			equal(
				[message.eventType, message.invoiceId, message.invoiceNumber, cents(message.amount)],
				['invoice.updated', invoice.id, invoice.invoiceNumber, 80],
				'event, invoice, number and amount in the execution',
			);
			await rest.deactivate(id);
			await waitFor(
				pointingHere,
				(list) => list.length === 0,
				'the subscription removed after deactivation',
			);
			return message.text;
		} finally {
			await server.stop();
		}
	});
}

async function overdueInvoices({ test, record, runOk, state, requests, pendingOr, env, emulator }) {
	const why = pendingOr('billcomOverdue');
	if (why) return record('example 11: overdue invoices sent again', 'pending', why);
	await test('example 11: every overdue invoice is emailed again to its customer; the digest totals what each owes', async () => {
		const post = await billApi(emulator);
		const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
		const late = await post('/v3/customers', { name: 'Late Payer Inc', email: 'ap@late.example' });
		const lines = (price) => [{ description: 'Lessons', quantity: 1, price }];
		for (const [number, dueDate, price] of [
			['L-1', day(-20), 120],
			['L-2', day(-3), 80.5],
			['L-3', day(10), 99],
		])
			await post('/v3/invoices', {
				customer: { id: late.id },
				invoiceNumber: number,
				invoiceDate: day(-30),
				dueDate,
				invoiceLineItems: lines(price),
			});
		const today = day(0);
		const invoices = await state('invoices');
		const customers = await state('customers');
		const expected = new Map();
		for (const invoice of invoices.filter(
			(i) => !i.archived && i.dueDate < today && i.dueAmount > 0,
		)) {
			const name = customers.find((c) => c.id === invoice.customerId).name;
			expected.set(name, cents((expected.get(name) ?? 0) + invoice.dueAmount));
		}
		const emailsBefore = await requests('POST /v3/invoices/:invoiceId/email');
		const run = await runOk(env, 'billcomOverdue');
		const [digest] = nodeOutput(run, 'Digest per customer');
		equal(
			Object.fromEntries(digest.customers.map((c) => [c.customer, cents(c.totalDue)])),
			Object.fromEntries(expected),
			'total overdue per customer',
		);
		const overdueCount = [...invoices].filter(
			(i) => !i.archived && i.dueDate < today && i.dueAmount > 0,
		).length;
		equal(
			(await requests('POST /v3/invoices/:invoiceId/email')) - emailsBefore,
			overdueCount,
			'invoices emailed again',
		);
		equal(digest.invoicesSentAgain, overdueCount, 'invoices the digest says were sent');
		return digest.text.split('\n')[0];
	});
}

async function paidOrders({ test, record, runOk, state, requests, pendingOr, env }) {
	const why = pendingOr('billcomOrders');
	if (why) return record('example 10: paid orders invoiced and recorded once', 'pending', why);
	await test('example 10: paid orders: customers matched or created once, one invoice per order, recorded as paid', async () => {
		const run = await runOk(env, 'billcomOrders');
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
		const run = await runOk(env, 'billcomOrders');
		equal(await counts(), before, 'customers, invoices, payments and create requests');
		const [summary] = nodeOutput(run, 'Summary');
		equal(
			[summary.invoicesCreated, summary.invoicesAlreadyInBill, summary.alreadyPaid],
			[0, summary.orders.length, summary.orders.length],
			'created / already in BILL / already paid',
		);
	});
}
