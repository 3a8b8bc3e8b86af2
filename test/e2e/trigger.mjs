// @ts-check
/**
 * The BILL Trigger in a running n8n (example 07, USERS.md job 3): activation subscribes in the
 * emulator, a bill created in BILL starts an execution with that bill, deactivation unsubscribes.
 */
import { cents, check, equal } from '../../scripts/lib/testkit.mjs';
import { restClient, startN8nServer } from '../../scripts/lib/stack.mjs';
import { billInBill, day } from '../../scripts/lib/e2e.mjs';

/**
 * Example 07 in `n8n start`.
 * @param {import('./context.mjs').E2EContext} ctx
 */
export async function billTriggerTests(ctx) {
	const { test, record, state, pendingOr, env, emulator, n8nPort, waitFor, waitForExecution } = ctx;
	// 10. USERS.md job 3: the trigger, in a running n8n: activation registers a subscription in
	//     the emulator, a bill created in BILL reaches an execution, deactivation removes it.
	const triggerWhy = pendingOr('billcomNewBill');
	if (triggerWhy) record('example 07: BILL Trigger in a running n8n', 'pending', triggerWhy);
	else {
		await test('example 07: BILL Trigger: activated in n8n start, a bill created in BILL runs the workflow with that bill; deactivated, the subscription is gone', async () => {
			const server = await startN8nServer(
				{ ...env, WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` },
				n8nPort,
			);
			try {
				const rest = restClient(server.base);
				check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
				const id = 'billcomNewBill';
				await rest.activate(id);
				// n8n registers the webhook after answering the activation: wait for it.
				const pointingHere = async () =>
					(await state('subscriptions')).filter((s) =>
						String(s.notificationUrl).startsWith(`http://127.0.0.1:${n8nPort}/`),
					);
				const mine = await waitFor(
					pointingHere,
					(list) => list.length > 0,
					'a subscription pointing at this n8n after activation',
				);
				equal(mine.length, 1, 'subscriptions pointing at this n8n after activation');
				equal(
					mine[0].events?.map((e) => e.type ?? e),
					['bill.created'],
					'events of the subscription',
				);

				const bill = await billInBill(emulator, 42.5, { dueDate: day(0) }); // made in BILL, its own login
				const execution = await waitForExecution(rest, id);
				equal(execution.status, 'success', 'status of the trigger execution');
				const [message] = execution.output['Message for Slack'];
				equal(
					[message.eventType, message.billId, message.invoiceNumber, cents(message.amount)],
					['bill.created', bill.id, bill.invoice.invoiceNumber, cents(bill.amount)],
					'event, bill, invoice number and amount in the execution',
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
}
