/**
 * The BILL Spend & Expense examples (examples/13–15) in the real n8n of the end-to-end tests,
 * each checked against what the emulator holds, read through its own S&E API; 5,000
 * transactions read with Return All inside BILL's 60 calls a minute; and the BILL Spend &
 * Expense Trigger in `n8n start` (card transactions, reimbursements, 3D Secure challenges
 * answered by the BILL Spend & Expense node).
 */
import { SPEND_API_TOKEN as API_TOKEN, SPEND_CREDENTIAL } from '../../scripts/lib/spend.mjs';
import {
	executeWorkflow,
	nodeOutput,
	restClient,
	runFailure,
	startN8nServer,
} from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { importAll, manualWorkflow } from '../../scripts/lib/e2e.mjs';

/** A call of this test's own, waiting out the emulator's per-minute refusals as the node does. */
async function spendApi(emulator, method, path, body) {
	let response;
	for (let attempt = 1; ; attempt++) {
		response = await fetch(`${emulator.baseUrl}${path}`, {
			method,
			headers: { apiToken: API_TOKEN, 'Content-Type': 'application/json' },
			body: body ? JSON.stringify(body) : undefined,
		});
		if (response.status !== 429 || attempt === 5) break;
		await response.text();
		const seconds = Number(response.headers.get('retry-after') ?? 1);
		await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 15) * 1000));
	}
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
	return text ? JSON.parse(text) : undefined;
}

async function listAll(emulator, path, query = '') {
	const out = [];
	let next;
	do {
		const page = await spendApi(
			emulator,
			'GET',
			`${path}?max=50${query}${next ? `&nextPage=${encodeURIComponent(next)}` : ''}`,
		);
		out.push(...page.results);
		next = page.nextPage;
	} while (next);
	return out;
}

/** A manual trigger and one BILL Spend & Expense node with `parameters`, using `credential`. */
function spendWorkflow(id, name, parameters, credential = SPEND_CREDENTIAL) {
	return manualWorkflow(id, name, {
		parameters,
		id: 'spend',
		name: 'Transactions',
		type: 'n8n-nodes-billcom.billSpend',
		typeVersion: 1,
		credentials: { billSpendApi: { id: credential.id, name: credential.name } },
	});
}

export async function spendExamples({ test, runOk, env, emulator, workdir }) {
	await emulator.control('POST', '/spend/seed', { transactions: 1000 });
	// BILL's 60 calls, in a 10-second "minute": enforced, without making the suite wait minutes.
	await emulator.control('POST', '/spend/limits', { perWindow: 60, windowMs: 10_000 });

	await test('example 13: a receipt request for each settled card transaction over $75 without a receipt', async () => {
		const run = await runOk(env, 'billcomReceipts');
		const messages = nodeOutput(run, 'Receipt requests') ?? [];
		const since = Date.now() - 7 * 86400000 + 60_000;
		const expected = (await listAll(emulator, '/v3/spend/transactions', '&includeReceipts=true'))
			.filter(
				(t) =>
					t.transactionType === 'CLEAR' &&
					Number(t.amount) >= 75 &&
					Date.parse(t.authorizedTime) >= since &&
					!t.receipts?.length,
			)
			.map((t) => t.uuid);
		check(expected.length > 0, 'the emulator has no such transaction to test with');
		const got = messages.map((m) => m.transactionId);
		check(
			expected.every((id) => got.includes(id)),
			`missing requests: ${expected.filter((id) => !got.includes(id)).length}`,
		);
		check(
			messages.every((m) => /^Hi .+, please upload the receipt for \$/.test(m.text)),
			'message text',
		);
		return `${messages.length} receipt requests, e.g. "${messages[0]?.text}"`;
	});

	await test("example 14: last month's settled spend per budget equals the emulator's transactions", async () => {
		const run = await runOk(env, 'billcomSpendSum');
		const [report] = nodeOutput(run, 'Spend per budget');
		const now = new Date();
		const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
		const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
		const clear = (await listAll(emulator, '/v3/spend/transactions')).filter(
			(t) =>
				t.transactionType === 'CLEAR' &&
				Date.parse(t.authorizedTime) >= from &&
				Date.parse(t.authorizedTime) < to,
		);
		check(clear.length > 50, `only ${clear.length} transactions last month to test with`);
		const total = Math.round(clear.reduce((s, t) => s + Number(t.amount), 0) * 100) / 100;
		equal(report.total, total, 'total of last month');
		equal(
			report.budgets.reduce((s, b) => s + b.transactions, 0),
			clear.length,
			'transactions counted',
		);
		return report.text.split('\n')[0];
	});

	await test('example 15: reimbursements up to $100 approved automatically, the others left for review', async () => {
		const [budget] = await listAll(emulator, '/v3/spend/budgets');
		// BILL's user list has no role filter (https://developer.bill.com/reference/listusers): picked here.
		const [user] = (await listAll(emulator, '/v3/spend/users')).filter((u) => u.role === 'MEMBER');
		const make = (amount) =>
			spendApi(emulator, 'POST', '/v3/spend/reimbursements', {
				budgetId: budget.uuid,
				userId: user.uuid,
				occurredDate: new Date().toISOString().slice(0, 10),
				merchantName: `E2E ${amount}`,
				amount,
			});
		const small = [await make(25), await make(100)];
		const large = [await make(100.01), await make(480)];
		const run = await runOk(env, 'billcomReimburse');
		const [summary] = nodeOutput(run, 'Summary');
		const status = async (r) =>
			(await spendApi(emulator, 'GET', `/v3/spend/reimbursements/${r.uuid}`)).status;
		for (const r of small) equal(await status(r), 'APPROVED', `status of ${r.amount}`);
		for (const r of large) equal(await status(r), 'AWAITING_APPROVAL', `status of ${r.amount}`);
		const again = await runOk(env, 'billcomReimburse');
		check(!nodeOutput(again, 'Approve')?.length, 'a second run approved something again');
		return summary.text;
	});

	// Issue 18: 5,000 transactions with Return All, in BILL's own minute (60 calls in 60 s, as
	// in jest's test), on a token of its own: no other call shares its budget while it runs.
	await test('Get Many with Return All: 5,000 transactions in 100 pages of 50, inside 60 calls a minute, no 429', async () => {
		const stats = () => emulator.control('GET', '/spend/stats');
		const { transactions } = await stats();
		await emulator.control('POST', '/spend/seed', { transactions: 5000 - transactions });
		equal((await stats()).transactions, 5000, 'transactions in the emulator');
		const { apiToken, label } = await emulator.control('POST', '/spend/tokens', {
			label: 'e2e-return-all',
		});
		const credential = { id: 'billSpendReturnAll', name: 'BILL Spend & Expense (Return All)' };
		await importAll(env, workdir, 'spend-return-all', {
			credentials: [
				{
					...credential,
					type: 'billSpendApi',
					data: { environment: 'custom', customBaseUrl: emulator.baseUrl, apiToken },
				},
			],
			workflows: [
				spendWorkflow(
					'billcomE2ESpendAll',
					'e2e: every transaction',
					{ resource: 'transaction', operation: 'getMany', returnAll: true },
					credential,
				),
			],
		});
		await emulator.control('POST', '/spend/limits', { perWindow: 60, windowMs: 60_000 });
		const before = await stats();
		const pagesBefore = (await emulator.control('GET', '/stats')).requests[
			'GET /v3/spend/transactions'
		];
		const started = Date.now();
		let result;
		try {
			result = await executeWorkflow(env, 'billcomE2ESpendAll', { timeoutMs: 6 * 60_000 });
		} finally {
			await emulator.control('POST', '/spend/limits', { perWindow: 60, windowMs: 10_000 });
		}
		const seconds = Math.round((Date.now() - started) / 1000);
		check(result.ok, `the workflow did not succeed: ${runFailure(result)}`);
		const items = nodeOutput(result.run, 'Transactions');
		equal(items.length, 5000, 'transactions out of the node');
		equal(new Set(items.map((t) => t.uuid)).size, 5000, 'distinct transactions');
		const after = await stats();
		equal(after.refused - before.refused, 0, "the emulator's 429s while it ran");
		const usage = after.usage[label];
		equal([usage.calls, usage.refused], [100, 0], 'calls and 429s of its token');
		check(usage.peak <= 60, `${usage.peak} calls in one minute: over BILL's 60`);
		const pages =
			(await emulator.control('GET', '/stats')).requests['GET /v3/spend/transactions'] -
			(pagesBefore ?? 0);
		equal(pages, 100, 'GET /v3/spend/transactions calls');
		const run = result.run;
		const ran = Math.round((Date.parse(run.stoppedAt) - Date.parse(run.startedAt)) / 1000);
		return `5,000 transactions in ${pages} calls, fullest minute ${usage.peak} calls, no 429; the execution took ${ran} s (n8n execute ${seconds} s)`;
	});
}

const TRIGGER = 'BILL Spend & Expense Trigger';

/** A workflow starting with the BILL Spend & Expense Trigger on `events`, then `nodes` after it. */
function triggerWorkflow(id, name, events, webhookId, nodes = []) {
	const credentials = { billSpendApi: { id: SPEND_CREDENTIAL.id, name: SPEND_CREDENTIAL.name } };
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				parameters: { events },
				id: 'trigger',
				name: TRIGGER,
				type: 'n8n-nodes-billcom.billSpendTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				credentials,
			},
			...nodes.map((node, i) => ({ ...node, position: [240 * (i + 1), 0], credentials })),
		],
		connections: nodes.length
			? { [TRIGGER]: { main: [[{ node: nodes[0].name, type: 'main', index: 0 }]] } }
			: {},
		settings: { executionOrder: 'v1' },
	};
}

const HOOK = 'billcomE2ESpendHook';
const THREE_DS = 'billcomE2ESpend3ds';

/**
 * Issue 18: the BILL Spend & Expense Trigger activated in `n8n start`. BILL sends S&E events in
 * production only; the emulator sends them as BILL would there (signed with the subscription's
 * key), and sends one again on request (POST /__emulator/spend/deliveries), as BILL does with
 * an event it counts as not received.
 */
export async function spendTriggerTests(ctx) {
	const { test, env, emulator, workdir, n8nPort, waitFor, waitForExecution } = ctx;
	await importAll(env, workdir, 'spend-trigger', {
		workflows: [
			triggerWorkflow(
				HOOK,
				'e2e: Spend card transactions and reimbursements',
				['spend.transaction.updated', 'spend.reimbursement.created'],
				'5b0e8f7a-2c1d-4e3f-9a8b-7c6d5e4f3a21',
			),
			triggerWorkflow(
				THREE_DS,
				'e2e: accept 3D Secure challenges',
				['spend.three-ds-challenge.created'],
				'9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
				[
					{
						parameters: {
							resource: 'transaction',
							operation: 'respondToThreeDsChallenge',
							transactionId: '={{ $json.transaction.uuid }}',
							threeDsAction: 'ACCEPT',
						},
						id: 'accept',
						name: 'Accept',
						type: 'n8n-nodes-billcom.billSpend',
						typeVersion: 1,
					},
				],
			),
		],
	});
	let server;
	await test('n8n start with the two BILL Spend & Expense Trigger workflows imported', async () => {
		server = await startN8nServer({ ...env, WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` }, n8nPort);
	});
	if (!server) return;
	try {
		const rest = restClient(server.base);
		check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
		const activate = (id) => rest.activate(id);
		const pointingHere = async (events) =>
			(await emulator.control('GET', '/spend/subscriptions')).filter(
				(s) =>
					s.notificationUrl.startsWith(`http://127.0.0.1:${n8nPort}/`) &&
					s.events.map((e) => e.type).join() === events.join(),
			);
		const finished = async (id) =>
			(
				(
					await rest.call(
						'GET',
						`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: id }))}`,
					)
				)?.results ?? []
			).filter((e) => e.status && !['new', 'running', 'waiting'].includes(e.status));
		/** Sends an event again as BILL would; resolves with n8n's answer to it. */
		const sendAgain = async (eventId) => {
			await emulator.control('POST', '/spend/deliveries', { eventId });
			return await waitFor(
				async () =>
					(await emulator.control('GET', '/spend/deliveries')).find((d) => d.eventId === eventId),
				(d) => d.attempts === 2 && d.statusCode !== 0,
				`n8n's answer to event ${eventId} sent again`,
			);
		};
		/** The next finished execution of `id`; failing, what BILL delivered says why. */
		const nextExecution = (id, skip) =>
			waitForExecution(rest, id, { skip }).catch(async (error) => {
				const deliveries = await emulator.control('GET', '/spend/deliveries');
				throw new Error(`${error.message}; deliveries: ${JSON.stringify(deliveries)}`);
			});
		/** The subscription's delivery of `eventType`, once n8n answered it. */
		const delivered = (subscription, eventType) =>
			waitFor(
				async () =>
					(await emulator.control('GET', '/spend/deliveries')).find(
						(d) => d.subscriptionId === subscription.id && d.eventType === eventType,
					),
				(d) => d?.statusCode === 200,
				`n8n's 200 for ${eventType}`,
			);

		await test('BILL Spend & Expense Trigger in n8n start: activation subscribes; a card transaction moved in BILL and a reimbursement submitted each run the workflow once; an event sent again runs nothing; deactivation unsubscribes', async () => {
			const events = ['spend.transaction.updated', 'spend.reimbursement.created'];
			await activate(HOOK);
			const [subscription, ...more] = await waitFor(
				() => pointingHere(events),
				(list) => list.length > 0,
				'a Spend subscription pointing at this n8n after activation',
			);
			equal(more.length, 0, 'other subscriptions of the workflow');

			// Someone in BILL moves a card transaction to another budget: spend.transaction.updated.
			const [t] = (await spendApi(emulator, 'GET', '/v3/spend/transactions?max=1')).results;
			const other = (await listAll(emulator, '/v3/spend/budgets')).find(
				(b) => b.uuid !== t.budgetUuid,
			);
			await spendApi(emulator, 'PUT', `/v3/spend/transactions/${t.uuid}`, {
				budgetId: other.uuid,
			});
			const first = await nextExecution(HOOK);
			equal(first.status, 'success', 'status of the first execution');
			const [moved] = first.output[TRIGGER];
			equal(
				[moved.eventType, moved.transaction?.uuid, moved.transaction?.budgetUuid],
				['spend.transaction.updated', t.uuid, other.uuid],
				'event, transaction and its new budget in the execution',
			);

			// A member submits a reimbursement: spend.reimbursement.created.
			const [member] = (await listAll(emulator, '/v3/spend/users')).filter(
				(u) => u.role === 'MEMBER',
			);
			const reimbursement = await spendApi(emulator, 'POST', '/v3/spend/reimbursements', {
				budgetId: other.uuid,
				userId: member.uuid,
				occurredDate: new Date().toISOString().slice(0, 10),
				merchantName: 'E2E Hook Cafe',
				amount: 18.4,
			});
			const second = await nextExecution(HOOK, new Set([first.id]));
			equal(second.status, 'success', 'status of the second execution');
			const [submitted] = second.output[TRIGGER];
			equal(
				[submitted.eventType, submitted.reimbursement?.uuid, submitted.reimbursement?.amount],
				['spend.reimbursement.created', reimbursement.uuid, 18.4],
				'event and reimbursement in the execution',
			);

			// BILL sends the transaction's event again (same eventId, same signature): acknowledged,
			// no execution.
			const sent = await delivered(subscription, 'spend.transaction.updated');
			const again = await sendAgain(sent.eventId);
			equal(again.statusCode, 200, "n8n's status for the event sent again");
			check(/duplicate/.test(again.answer ?? ''), `n8n's answer: ${again.answer}`);
			await new Promise((resolveWait) => setTimeout(resolveWait, 3000));
			equal((await finished(HOOK)).length, 2, 'executions of the workflow');

			await rest.deactivate(HOOK);
			await waitFor(
				() => pointingHere(events),
				(list) => list.length === 0,
				'the subscription removed after deactivation',
			);
			return `2 executions (transaction ${t.uuid.slice(0, 8)}… moved, reimbursement of $18.40), the repeated event answered ${again.answer}`;
		});

		await test('3D Secure in n8n start: a challenge BILL announces (spend.three-ds-challenge.created) runs the workflow once, and its BILL Spend & Expense node accepts it; sent again, nothing runs', async () => {
			const events = ['spend.three-ds-challenge.created'];
			await activate(THREE_DS);
			const [subscription] = await waitFor(
				() => pointingHere(events),
				(list) => list.length > 0,
				'a 3D Secure subscription pointing at this n8n',
			);
			// The node keeps the subscription's security key in the workflow's static data, which n8n
			// writes to its database once activation ends; a delivery before that could not be
			// verified (BILL sends it again later). Wait until n8n holds it, where its REST API shows it.
			const keptByN8n = async () => {
				const staticData = (await rest.call('GET', `/workflows/${THREE_DS}`))?.staticData;
				return staticData === undefined
					? 'not shown'
					: (staticData?.[`node:${TRIGGER}`]?.subscriptionId ?? 'none');
			};
			const kept = await waitFor(
				keptByN8n,
				(id) => id === 'not shown' || id === subscription.id,
				`n8n's static data holding subscription ${subscription.id}`,
			);
			const challenged = await emulator.control('POST', '/spend/3ds-challenges', {
				amount: 249.5,
				merchantName: 'E2E Online Store',
			});
			const execution = await nextExecution(THREE_DS).catch(async (error) => {
				throw new Error(`${error.message}; n8n's static data: subscription ${await keptByN8n()}`);
			});
			equal(execution.status, 'success', 'status of the execution');
			const [event] = execution.output[TRIGGER];
			equal(
				[event.eventType, event.transaction?.uuid, event.transaction?.amount],
				['spend.three-ds-challenge.created', challenged.uuid, 249.5],
				'event and transaction in the execution',
			);
			equal(
				execution.output.Accept,
				[{ id: challenged.uuid, status: 'ACCEPTED' }],
				"BILL's answer to the node",
			);
			const challenge = (await emulator.control('GET', '/spend/3ds-challenges')).find(
				(c) => c.transactionUuid === challenged.uuid,
			);
			equal(challenge?.status, 'ACCEPTED', 'the challenge in the emulator');

			const sent = await delivered(subscription, 'spend.three-ds-challenge.created');
			const again = await sendAgain(sent.eventId);
			equal(again.statusCode, 200, "n8n's status for the event sent again");
			await new Promise((resolveWait) => setTimeout(resolveWait, 3000));
			equal((await finished(THREE_DS)).length, 1, 'executions of the workflow');
			const answers = (await emulator.control('GET', '/stats')).requests[
				'POST /v3/spend/transactions/:acsTransactionId/3ds-challenge'
			];
			equal(answers, 1, 'answers sent to BILL');

			await rest.deactivate(THREE_DS);
			await waitFor(
				() => pointingHere(events),
				(list) => list.length === 0,
				'the subscription removed after deactivation',
			);
			return `challenge of $249.50 at E2E Online Store accepted once (the key in n8n's static data before the event: ${kept === 'not shown' ? 'not shown by its REST API' : 'yes'})`;
		});
	} finally {
		await server.stop();
	}
}
