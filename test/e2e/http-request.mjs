// @ts-check
/**
 * USERS.md job 13: any BILL endpoint from n8n's HTTP Request node with our credential (Predefined
 * Credential Type → BILL API), in a real n8n: examples/17 with a credential of its own. The HTTP Request node logs in through the
 * credential's preAuthentication, n8n stores the session with the credential, and our BILL node
 * uses the same session in the same execution and in later ones; when BILL ends the session, the
 * next HTTP Request call logs in again, once. Logins are counted by the emulator.
 * Called by test/e2e/run.mjs with its n8n environment and emulator.
 */
import {
	emulatorCredential,
	exampleWorkflows,
	executeWorkflow,
	forEmulator,
	nodeOutput,
	runFailure,
} from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { billInBill, importAll } from '../../scripts/lib/e2e.mjs';

/** A BILL credential of its own (no session yet), so its logins are this test's alone. */
export const HTTP_CREDENTIAL = { id: 'billHttpRequestCred', name: 'BILL (HTTP Request test)' };
const EXAMPLE_ID = 'billcomHttp';
const WORKFLOW_ID = 'billcomHttpRequestE2e';
const MISSING_ID = 'billcomHttpMissingE2e';
const PARTNER_CREDENTIAL = { id: 'billHttpPartnerCred', name: 'BILL Partner (HTTP Request test)' };
const PARTNER_ID = 'billcomHttpPartnerE2e';

/** The partner credential at partner level (all organizations of the app key). */
function partnerCredential(emulator) {
	const f = emulator.fixtures;
	return {
		...PARTNER_CREDENTIAL,
		type: 'billPartnerApi',
		data: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			appKey: f.appKey,
			username: f.partner.username,
			password: f.partner.password,
			scope: 'partner',
		},
	};
}

/** Manual Trigger → HTTP Request GET /v3/partner/organizations with the BILL Partner API credential. */
function partnerWorkflow(emulator) {
	return {
		id: PARTNER_ID,
		name: 'e2e: BILL partner endpoint from the HTTP Request node',
		active: false,
		nodes: [
			{
				parameters: {},
				id: 'run',
				name: 'Run',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{
				parameters: {
					url: `${emulator.baseUrl}/v3/partner/organizations`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'billPartnerApi',
					options: {},
				},
				id: 'http',
				name: 'Organizations (HTTP Request)',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				credentials: { billPartnerApi: PARTNER_CREDENTIAL },
			},
		],
		connections: {
			Run: { main: [[{ node: 'Organizations (HTTP Request)', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * examples/17 (Manual Trigger → Settings → HTTP Request GET /v3/bills with the BILL credential →
 * BILL node: Get the first bill), pointed at the emulator, with this test's credential; `path`
 * replaces the HTTP Request node's path.
 */
/** @param {any} emulator @param {{ id?: string, path?: string }} [options] */
function workflow(emulator, { id = WORKFLOW_ID, path } = {}) {
	const example = /** @type {any} */ (exampleWorkflows().find((w) => w.id === EXAMPLE_ID));
	check(example, `examples/: no workflow with the id ${EXAMPLE_ID}`);
	const copy = forEmulator(example.json, emulator);
	const settings = copy.nodes.find((n) => n.name === 'Settings').parameters.assignments;
	equal(
		settings.assignments.map((a) => [a.name, a.value]),
		[['billApiUrl', emulator.baseUrl]],
		"example 17's Settings pointed at the emulator",
	);
	for (const node of copy.nodes)
		if (node.credentials?.billApi)
			node.credentials.billApi = { id: HTTP_CREDENTIAL.id, name: HTTP_CREDENTIAL.name };
	const http = copy.nodes.find((n) => n.name === 'List bills (HTTP Request)');
	equal(
		[http.parameters.authentication, http.parameters.nodeCredentialType],
		['predefinedCredentialType', 'billApi'],
		"example 17's HTTP Request authentication",
	);
	if (path) http.parameters.url = `={{ $json.billApiUrl }}${path}`;
	return { ...copy, id, name: `e2e: ${copy.name}` };
}

/** The same workflow reading a bill BILL does not have. */
function missing(emulator) {
	return workflow(emulator, { id: MISSING_ID, path: '/v3/bills/00n01ZZZZZZZZZZZZZZZ' });
}

/** The tests; `ctx` = { env, emulator, workdir, test }. */
export async function httpRequestTests({ env, emulator, workdir, test }) {
	const stats = () => emulator.control('GET', '/stats');
	const count = (s, route) => s.requests[route] ?? 0;
	const run = async () => {
		const result = await executeWorkflow(env, WORKFLOW_ID);
		check(result.ok, `workflow ${WORKFLOW_ID} did not succeed: ${runFailure(result)}`);
		return result.run;
	};
	let ready = false;
	let loginsBefore = 0;

	await test('HTTP Request node with the BILL API credential (example 17): GET /v3/bills and a BILL node Get in one execution, one login', async () => {
		await importAll(env, workdir, 'http-request', {
			credentials: [
				{ ...emulatorCredential(emulator), ...HTTP_CREDENTIAL },
				partnerCredential(emulator),
			],
			workflows: [workflow(emulator), missing(emulator), partnerWorkflow(emulator)],
		});
		// A bill to read, whatever ran before (made in BILL with a login of its own).
		await billInBill(emulator, 150);
		const before = await stats();
		loginsBefore = before.logins;
		const execution = await run();
		const [listed] = nodeOutput(execution, 'List bills (HTTP Request)');
		check(
			Array.isArray(listed?.results) && listed.results.length > 0,
			`the HTTP Request node got no bills: ${JSON.stringify(listed).slice(0, 300)}`,
		);
		const [bill] = nodeOutput(execution, 'Read the first bill (BILL node)');
		const stored = (await emulator.control('GET', '/state/bills')).find((b) => b.id === bill?.id);
		equal(bill?.id, listed.results[0].id, 'the bill the BILL node read');
		equal(bill.invoiceNumber, stored?.invoice?.invoiceNumber, 'its invoice number in BILL');
		const after = await stats();
		equal(after.logins - before.logins, 1, 'BILL logins for both nodes');
		equal(count(after, 'GET /v3/bills') - count(before, 'GET /v3/bills'), 1, 'GET /v3/bills');
		equal(
			count(after, 'GET /v3/bills/:billId') - count(before, 'GET /v3/bills/:billId'),
			1,
			'GET /v3/bills/:billId',
		);
		ready = true;
		return `${listed.results.length} bills listed by the HTTP Request node; the BILL node read ${bill.invoiceNumber}; 1 login`;
	});
	if (!ready) return;

	await test('HTTP Request node: a later execution reuses the stored session (no login)', async () => {
		const before = await stats();
		await run();
		const after = await stats();
		equal(after.logins - before.logins, 0, 'BILL logins for one more execution');
		equal(count(after, 'GET /v3/bills') - count(before, 'GET /v3/bills'), 1, 'GET /v3/bills');
		return `0 logins (${after.logins - loginsBefore} for this credential so far)`;
	});

	await test('HTTP Request node: BILL ends the session → the call logs in again once, and the BILL node after it uses the new session', async () => {
		await emulator.control('POST', '/faults', {
			kind: 'expireSession',
			method: 'GET',
			path: '/v3/bills',
		});
		const before = await stats();
		const execution = await run();
		const after = await stats();
		check(
			nodeOutput(execution, 'Read the first bill (BILL node)')?.[0]?.id,
			'the BILL node read no bill after the renewal',
		);
		equal(after.logins - before.logins, 1, 'BILL logins after the session ended');
		// The refused call and its repeat with the new session.
		equal(count(after, 'GET /v3/bills') - count(before, 'GET /v3/bills'), 2, 'GET /v3/bills');
		return `renewed with ${after.logins - before.logins} login; ${after.logins - loginsBefore} logins for this credential in 3 executions`;
	});

	await test('HTTP Request node: a BILL refusal other than 401 (404 for an unknown bill) is not sent again: the credential finds its session still works, so n8n shows the 404 and does not repeat the call', async () => {
		const before = await stats();
		const result = await executeWorkflow(env, MISSING_ID);
		const after = await stats();
		check(!result.ok, 'the read of an unknown bill should fail');
		const attempts = count(after, 'GET /v3/bills/:billId') - count(before, 'GET /v3/bills/:billId');
		const checks = count(after, 'GET /v3/login/session') - count(before, 'GET /v3/login/session');
		const logins = after.logins - before.logins;
		// n8n's HTTP Request node calls preAuthentication after any error answer and re-sends when
		// it returns a session; ours asks BILL about the session first and returns none while it
		// works (nodes/shared/transport/session.ts), so a refused create is never sent twice.
		equal([attempts, checks, logins], [1, 1, 0], 'calls, session checks and logins for one 404');
		const output = result.stdout + result.stderr;
		check(/404/.test(output), `n8n should show BILL's 404: ${output.slice(-600)}`);
		const message = (/NodeApiError: (.*)/.exec(output)?.[1] ?? '').split('\\n')[0];
		return `one 404: ${attempts} call, ${checks} session check, ${logins} logins${message ? `; n8n says: ${message.slice(0, 160)}` : ''}`;
	});

	await test('HTTP Request node with the BILL Partner API credential (partner level): GET /v3/partner/organizations after one partner login', async () => {
		const before = await stats();
		const result = await executeWorkflow(env, PARTNER_ID);
		check(result.ok, `workflow ${PARTNER_ID} did not succeed: ${runFailure(result)}`);
		const after = await stats();
		const [listed] = nodeOutput(result.run, 'Organizations (HTTP Request)');
		const ids = (listed?.results ?? []).map((o) => o.id);
		check(
			ids.includes(emulator.fixtures.organizationId),
			`the app key's organizations should include ${emulator.fixtures.organizationId}: ${JSON.stringify(listed).slice(0, 300)}`,
		);
		equal(after.logins - before.logins, 1, 'BILL logins (the partner login)');
		return `${ids.length} organization(s) of the app key; 1 login`;
	});
}
