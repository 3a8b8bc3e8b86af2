// @ts-check
/**
 * The three examples `npm run demo` runs in a running n8n or with a partner's set-up, each doing
 * its job as in the end-to-end tests and saying what it did:
 *  - 09, BILL as an MCP server: activated in `n8n start` with a bearer token, an MCP client (the
 *    official MCP SDK) lists the BILL tools and asks for a vendor and its unpaid bills;
 *  - 12, BILL Trigger on invoices paid in full: activated, a customer's invoice paid in BILL,
 *    the execution's message, deactivated;
 *  - 16, a partner's nightly job: client organizations seeded in the emulator, the partner
 *    credential imported, the job run with `n8n execute`.
 * Each takes { env, emulator, workdir } (scripts/demo.mjs) and resolves with the lines to print.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { randomBytes } from 'node:crypto';

import { billAsAdmin, waitFor, waitForExecution } from './live.mjs';
import { objectsIn } from './bills-assistant.mjs';
import {
	exampleWorkflow,
	executeWorkflow,
	importCredentials,
	nodeOutput,
	partnerEmulatorCredential,
	restClient,
	runFailure,
	startN8nServer,
} from './stack.mjs';

const money = (n) => `$${Number(n ?? 0).toFixed(2)}`;
const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** `n8n start` for `env` (its webhooks reachable by the emulator), logged in; `use(rest, port)`. */
async function withServer(env, use) {
	const port = Number(env.N8N_PORT);
	const server = await startN8nServer({ ...env, WEBHOOK_URL: `http://127.0.0.1:${port}/` }, port);
	try {
		const rest = restClient(server.base);
		if (!(await rest.ownerSession()).loggedIn) throw new Error('could not log in to n8n');
		return await use(rest, server.base, port);
	} finally {
		await server.stop();
	}
}

/** An MCP client connected with `bearer` (retried while n8n registers the trigger's webhook). */
async function mcpClient(url, bearer) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const client = new Client({ name: 'n8n-nodes-billcom-demo', version: '1.0.0' });
		const transport = new StreamableHTTPClientTransport(url, {
			requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
		});
		try {
			await client.connect(transport);
			return client;
		} catch (error) {
			await client.close().catch(() => {});
			if (
				Date.now() > deadline ||
				!/not registered|404/.test(String(/** @type {Error} */ (error).message))
			)
				throw error;
			await new Promise((resolveWait) => setTimeout(resolveWait, 500));
		}
	}
}

const toolText = (result) => (result.content ?? []).map((c) => c.text ?? '').join('');

/**
 * @param {{ env: NodeJS.ProcessEnv, workdir: string }} context
 */
export async function mcpServerExample({ env, workdir }) {
	const example = exampleWorkflow('billcomMcpServer');
	const bearer = example.json.nodes.find((n) => n.type.endsWith('mcpTrigger')).credentials
		.httpBearerAuth;
	const token = randomBytes(24).toString('hex');
	await importCredentials(
		env,
		[{ ...bearer, type: 'httpBearerAuth', data: { token } }],
		workdir,
		'the MCP bearer token',
	);
	return await withServer(env, async (rest, base) => {
		await rest.activate(example.id);
		const path = example.json.nodes.find((n) => n.type.endsWith('mcpTrigger')).parameters.path;
		const client = await mcpClient(new URL(`${base}/mcp/${path}`), token);
		try {
			const { tools } = await client.listTools();
			const vendors = await client.callTool({
				name: 'Vendors',
				arguments: { nameStartsWith: 'San Jose' },
			});
			const [vendor] = objectsIn(toolText(vendors));
			if (!vendor?.id) throw new Error(`the Vendors tool found no vendor: ${toolText(vendors)}`);
			const due = await client.callTool({
				name: 'Unpaid_bills',
				arguments: { vendorId: vendor.id, dueDateTo: day(7) },
			});
			const bills = objectsIn(toolText(due)).filter((b) => b.dueDate);
			const total = bills.reduce((sum, b) => sum + Number(b.dueAmount ?? b.amount), 0);
			await rest.deactivate(example.id);
			return [
				`activated in n8n start; an MCP client (the MCP SDK, bearer token) lists ${tools.length} tools: ${tools.map((t) => t.name).join(', ')}`,
				`Vendors {"nameStartsWith":"San Jose"} → ${vendor.name} (${vendor.id})`,
				`Unpaid_bills of that vendor due by ${day(7)} → ${bills.length} bill(s), ${money(total)} due`,
			];
		} finally {
			await client.close().catch(() => {});
		}
	});
}

/**
 * @param {{ env: NodeJS.ProcessEnv, emulator: import('./stack.mjs').Emulator }} context
 */
export async function invoicePaidExample({ env, emulator }) {
	const id = 'billcomPaidHook';
	return await withServer(env, async (rest, _base, port) => {
		await rest.activate(id);
		const mine = async () =>
			(await emulator.control('GET', '/state/subscriptions')).filter((s) =>
				String(s.notificationUrl).startsWith(`http://127.0.0.1:${port}/`),
			);
		const [subscription] = await waitFor(mine, (l) => l.length > 0, 'the BILL subscription');
		const bill = await billAsAdmin(emulator);
		const customer = await bill.post('/v3/customers', {
			name: 'Demo Customer',
			email: 'ap@demo-customer.example',
		});
		const invoice = await bill.post('/v3/invoices', {
			customer: { id: customer.id },
			invoiceNumber: `DEMO-PAID-${Date.now()}`,
			invoiceLineItems: [{ description: 'Guitar lessons', quantity: 3, price: 40 }],
		});
		await bill.post('/v3/invoices/record-payment', {
			customerId: customer.id,
			paymentDate: day(0),
			paymentType: 'CASH',
			amount: 120,
			invoices: [{ id: invoice.id, amount: 120 }],
		});
		const execution = await waitForExecution(rest, id);
		const [message] = execution.output['Paid in full'] ?? [];
		await rest.deactivate(id);
		await waitFor(mine, (l) => l.length === 0, 'the subscription removed');
		return [
			`activated: BILL webhook subscription ${subscription.id} for ${subscription.events.map((e) => e.type ?? e).join(', ')}`,
			`invoice ${invoice.invoiceNumber} (${money(120)}) paid in full in BILL ran the workflow (${execution.status}): "${message?.text}"`,
			'deactivated: the subscription is gone from BILL',
		];
	});
}

/**
 * @param {{ env: NodeJS.ProcessEnv, emulator: import('./stack.mjs').Emulator, workdir: string }} context
 * @param {{ id: string, summary: (run: any) => string }} example
 */
export async function partnerNightlyExample({ env, emulator, workdir }, example) {
	const clients = await emulator.control('POST', '/seed/organizations', { count: 5 });
	const partner = exampleWorkflow(example.id).json.nodes.find((n) => n.credentials?.billPartnerApi)
		.credentials.billPartnerApi;
	await importCredentials(
		env,
		[partnerEmulatorCredential(emulator, partner)],
		workdir,
		'the BILL partner credential',
	);
	const before = await emulator.control('GET', '/stats');
	const result = await executeWorkflow(env, example.id);
	if (!result.ok) throw new Error(runFailure(result));
	const after = await emulator.control('GET', '/stats');
	const rows = nodeOutput(result.run, 'One row per organization') ?? [];
	const seeded = rows.filter((r) => clients.some((c) => c.organizationId === r.organizationId));
	return [
		`the partner's ${clients.length} client organizations seeded in the emulator, the partner credential (scope Partner) imported`,
		example.summary(result.run),
		...seeded.map(
			(r) => `${r.organization ?? r.organizationId}: ${r.bills} bill(s) created yesterday`,
		),
		`${after.partnerLogins - before.partnerLogins} partner login, one session per organization`,
	];
}
