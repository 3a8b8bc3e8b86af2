// @ts-check
/**
 * USERS.md job 12, proven in a real n8n without any model service:
 *  - the AI Agent of examples/06 (n8n's AI Agent + OpenAI Chat Model + BILL tools with $fromAI
 *    parameters), its model credential pointed at a scripted OpenAI-compatible stub
 *    (scripts/lib/stub-openai.mjs, scripted by scripts/lib/bills-assistant.mjs, which `npm run
 *    demo` uses too) that calls our tools and answers from what they returned;
 *  - examples/09, BILL as an MCP server (n8n's MCP Server Trigger with BILL tools), activated in
 *    `n8n start` and used with the official MCP TypeScript SDK: tools listed with their
 *    descriptions, tools called, the answers checked against the emulator.
 * Called by test/e2e/run.mjs with its n8n environment and emulator.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { randomBytes } from 'node:crypto';

import {
	DEMO_OWNER,
	executeWorkflow,
	exampleWorkflows,
	nodeOutput,
	restClient,
	runFailure,
	startN8nServer,
} from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { billInBill, day, importAll } from '../../scripts/lib/e2e.mjs';
import { startStubOpenAi } from '../../scripts/lib/stub-openai.mjs';
import {
	billsAssistantScript,
	cents,
	money,
	objectsIn,
	owedInEmulator,
	stubCredential,
	toolCalls,
	withStubModel,
} from '../../scripts/lib/bills-assistant.mjs';

const VENDOR = 'San Jose Music Supplies';
const MCP_BEARER = { id: 'billMcpBearerCred', name: 'BILL MCP bearer token' };

/** The tests; `ctx` = { env, emulator, workdir, n8nPort, test, record }. */
export async function agentTests({ env, emulator, workdir, n8nPort, test, record }) {
	const example = exampleWorkflows().find((w) => w.id === 'billcomAiAgent');
	const mcpExample = exampleWorkflows().find((w) => w.id === 'billcomMcpServer');
	const vendor = (await emulator.control('GET', '/state/vendors')).find((v) => v.name === VENDOR);
	if (!example || !mcpExample || !vendor) {
		const why = !vendor ? `no vendor "${VENDOR}" in the emulator` : 'example 06 or 09 missing';
		record('example 06: AI agent with BILL tools', 'pending', why);
		record('example 09: BILL as an MCP server', 'pending', why);
		return;
	}
	// Set-up for both tests, failures recorded (never thrown: the suite's later tests still run).
	// Something this vendor owes this week, whatever the examples before paid; one import: the
	// model credential pointing at the stub, the MCP bearer token, and example 06 with that model.
	const seen = {};
	const token = randomBytes(24).toString('hex');
	let stub;
	try {
		await billInBill(emulator, 318.4, { vendorId: vendor.id, dueDate: day(3) });
		stub = await startStubOpenAi({ script: billsAssistantScript(seen) });
		await importAll(env, workdir, 'agents', {
			credentials: [
				stubCredential(stub.baseUrl),
				{ ...MCP_BEARER, type: 'httpBearerAuth', data: { token } },
			],
			workflows: [withStubModel(example.json)],
		});
	} catch (/** @type {any} */ error) {
		await stub?.stop();
		record(
			'examples 06 and 09: set-up (a bill in BILL, the model stub, the imports)',
			'failed',
			error.stack ?? String(error),
		);
		return;
	}
	try {
		await agentTest({ env, emulator, test, example, vendor, stub, seen });
	} finally {
		await stub.stop();
	}
	await mcpTest({ env, emulator, n8nPort, test, mcpExample, vendor, token });
}

async function agentTest({ env, emulator, test, example, vendor, stub, seen }) {
	await test('example 06: AI Agent + OpenAI Chat Model (scripted stub) + BILL tools: the model calls Vendors then Unpaid bills with the vendor ID it chose; the answer holds the total the emulator gives', async () => {
		const question = example.json.nodes.find((n) => n.name === 'Question').parameters.assignments
			.assignments[0];
		check(question.value.includes(VENDOR), `the example's question names ${VENDOR}`);

		const billsBefore = (await emulator.control('GET', '/stats')).requests['GET /v3/bills'] ?? 0;
		const result = await executeWorkflow(env, example.id);
		check(
			result.ok,
			`the agent did not finish: ${runFailure(result)}${stub.failures.length ? `\nstub: ${stub.failures.join('\n')}` : ''}`,
		);
		check(!stub.failures.length, `the stub refused: ${stub.failures.join('\n')}`);
		equal(stub.requests.length, 3, 'chat completions the agent asked for');

		// The tools as the model saw them: named after the nodes, with their descriptions and the
		// $fromAI parameters as a JSON schema.
		const unpaidTool = seen.tools.find((t) => t.function.name === 'Unpaid_bills').function;
		check(/unpaid/i.test(unpaidTool.description), `description: ${unpaidTool.description}`);
		equal(
			Object.keys(unpaidTool.parameters?.properties ?? {}).sort(),
			['dueDateTo', 'vendorId'],
			'parameters of the Unpaid bills tool',
		);

		// n8n ran our tools with the arguments the model chose, in its order (as the demo prints
		// them); BILL saw the request.
		const calls = toolCalls(result.run, ['Vendors', 'Unpaid bills']);
		equal(
			calls.map((c) => [c.tool, c.input]),
			[
				['Vendors', { nameStartsWith: seen.nameStartsWith }],
				['Unpaid bills', { dueDateTo: '', vendorId: seen.vendorId }],
			],
			'the tools n8n ran, with their arguments',
		);
		check(
			calls[0].items.some((v) => v.id === vendor.id),
			`the Vendors tool's output as n8n kept it: ${JSON.stringify(calls[0].items).slice(0, 300)}`,
		);
		equal(seen.vendorId, vendor.id, 'the vendor the model chose (from the Vendors tool)');
		const billsAfter = (await emulator.control('GET', '/stats')).requests['GET /v3/bills'];
		equal(billsAfter - billsBefore, 1, 'GET /v3/bills requests BILL received');

		const expected = await owedInEmulator(emulator, vendor.id);
		check(expected.bills.length > 0, `${VENDOR} owes nothing in the emulator`);
		equal(
			seen.bills.map((b) => b.id).sort(),
			expected.bills.map((b) => b.id).sort(),
			'bills the tool returned',
		);
		const [answer] = nodeOutput(result.run, 'AI Agent');
		check(
			String(answer?.output).includes(money(expected.total)),
			`the agent's answer should hold ${money(expected.total)}: ${JSON.stringify(answer)}`,
		);
		return answer.output;
	});
}

async function mcpTest({ env, emulator, n8nPort, test, mcpExample, vendor, token }) {
	await test('example 09: BILL as an MCP server: activated in n8n, the MCP SDK lists the BILL tools with descriptions and input schemas, a wrong token is refused, and "bills due this week for a vendor" equals the emulator', async () => {
		const server = await startN8nServer(env, n8nPort);
		const clients = [];
		try {
			const rest = restClient(server.base);
			check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
			// While this n8n runs: what its editor gets for the HTTP Request node (own result line).
			await test("n8n's editor offers BILL API and BILL Partner API to the HTTP Request node (Predefined Credential Type: credentials with `authenticate`), with httpRequestNode and the API base URL", async () => {
				// The editor's own request: the file needs n8n's login cookie.
				const login = await fetch(`${server.base}/rest/login`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'browser-id': 'n8n-nodes-billcom' },
					body: JSON.stringify({
						emailOrLdapLoginId: DEMO_OWNER.email,
						password: DEMO_OWNER.password,
					}),
				});
				const cookie = String(login.headers.get('set-cookie')).split(';')[0];
				const response = await fetch(`${server.base}/types/credentials.json`, {
					headers: { cookie },
				});
				check(response.ok, `GET /types/credentials.json: ${response.status}`);
				const types = await response.json();
				const lines = [];
				for (const name of ['billApi', 'billPartnerApi']) {
					const type = types.find((t) => t.name === name);
					check(type, `${name} not among the ${types.length} credential types n8n serves`);
					check(
						type.authenticate,
						`${name} has no authenticate: not in Predefined Credential Type`,
					);
					check(
						/^https:\/\/gateway\.stage\.bill\.com\/connect\/v3\//.test(
							type.httpRequestNode?.apiBaseUrlPlaceholder,
						),
						`${name}.httpRequestNode: ${JSON.stringify(type.httpRequestNode)}`,
					);
					lines.push(
						`${type.displayName}: "${type.httpRequestNode.name}", ${type.httpRequestNode.apiBaseUrlPlaceholder}${type.httpRequestNode.hidden ? ' (hidden from the nodes panel)' : ''}`,
					);
				}
				return lines.join('; ');
			});
			await rest.activate(mcpExample.id);
			const path = mcpExample.json.nodes.find((n) => n.type.endsWith('mcpTrigger')).parameters.path;
			const url = new URL(`${server.base}/mcp/${path}`);
			const connect = async (bearer) => {
				const client = new Client({ name: 'n8n-nodes-billcom-e2e', version: '1.0.0' });
				const transport = new StreamableHTTPClientTransport(url, {
					requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
				});
				clients.push(client);
				await client.connect(transport);
				return client;
			};

			// n8n registers the trigger's webhooks after answering the activation: wait for them.
			/** @type {any} */
			let client;
			const deadline = Date.now() + 30_000;
			for (;;) {
				try {
					client = await connect(token);
					break;
				} catch (/** @type {any} */ error) {
					if (Date.now() > deadline || !/not registered|404/.test(error.message)) throw error;
					await new Promise((resolveWait) => setTimeout(resolveWait, 500));
				}
			}

			let refused = '';
			try {
				await connect('not-the-token');
			} catch (/** @type {any} */ error) {
				refused = error.message;
			}
			check(
				/\b40[13]\b|authoriz/i.test(refused),
				`a wrong bearer token should get 401/403: ${refused || 'it was let in'}`,
			);

			const { tools } = await client.listTools();
			equal(
				tools.map((t) => t.name).sort(),
				['Bill_details', 'Unpaid_bills', 'Vendors'],
				'tools listed',
			);
			for (const tool of tools) {
				check(tool.description?.trim().length > 20, `tool ${tool.name} has no description`);
				const properties = Object.entries(tool.inputSchema?.properties ?? {});
				check(properties.length > 0, `tool ${tool.name} has no input parameters`);
				for (const [name, schema] of properties)
					check(schema.description?.trim(), `parameter ${name} of ${tool.name} has no description`);
			}

			const text = (result) => (result.content ?? []).map((c) => c.text ?? '').join('');
			const vendors = await client.callTool({
				name: 'Vendors',
				arguments: { nameStartsWith: 'San Jose' },
			});
			check(!vendors.isError, `Vendors failed: ${text(vendors)}`);
			const found = objectsIn(text(vendors)).find((v) => v.name === VENDOR);
			equal(found?.id, vendor.id, `ID of ${VENDOR} from the Vendors tool`);

			const weekEnd = day(7);
			const due = await client.callTool({
				name: 'Unpaid_bills',
				arguments: { vendorId: found.id, dueDateTo: weekEnd },
			});
			check(!due.isError, `Unpaid bills failed: ${text(due)}`);
			const bills = objectsIn(text(due)).filter((b) => b.dueDate);
			const expected = await owedInEmulator(emulator, vendor.id, weekEnd);
			check(expected.bills.length > 0, `${VENDOR} has nothing due by ${weekEnd} in the emulator`);
			equal(bills.map((b) => b.id).sort(), expected.bills.map((b) => b.id).sort(), 'bills due');
			const total = cents(bills.reduce((sum, b) => sum + Number(b.dueAmount ?? b.amount), 0));
			equal(total, expected.total, `total due by ${weekEnd}`);

			const one = await client.callTool({
				name: 'Bill_details',
				arguments: { billId: bills[0].id },
			});
			const [detail] = objectsIn(text(one));
			equal(
				[detail?.id, cents(detail?.dueAmount)],
				[bills[0].id, cents(expected.bills.find((b) => b.id === bills[0].id).dueAmount)],
				'the bill read by Bill_details',
			);

			await rest.deactivate(mcpExample.id);
			return `${tools.length} tools; ${bills.length} bills of ${VENDOR} due by ${weekEnd}: ${money(total)}; wrong token: ${refused.slice(0, 80)}`;
		} finally {
			for (const client of clients) await client.close().catch(() => {});
			await server.stop();
		}
	});
}
