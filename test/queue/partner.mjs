// @ts-check
/**
 * The partner credential in queue mode: example 16's shape (client organizations → a user of
 * each → that organization's bills, acting as that user) run on both workers, one partner login
 * and one log-in as user per organization in total; a session BILL ended renewed once.
 */
import { check } from '../../scripts/lib/testkit.mjs';
import {
	billNodes,
	executions,
	perWorker,
	pool,
	queueSuite,
	webhookNode,
	workerErrors,
} from './kit.mjs';

/** @typedef {import('./kit.mjs').Stack} Stack */

const { record, test } = queueSuite;

/** The test names of this part. */
export const PARTNER_TESTS = {
	partnerSessions:
		"a partner's job over client organizations (example 16's shape) run 10 times on both workers: 1 partner login and 1 log-in-as-user per organization in total",
	partnerRenewal:
		'a session BILL ended for one organization is renewed once, for that organization only; the other worker uses the renewed session',
};

/** The partner credential of the partner workflow. */
export const PARTNER_CREDENTIAL = {
	id: 'billQueuePartner',
	name: 'BILL Partner (emulator, queue)',
};
const PARTNER_WORKFLOW = 'billQueuePartner';
const PARTNER_PATH = 'bill-queue-partner';
const PARTNER_ORGANIZATIONS = 12;

/**
 * Example 16's shape behind a production webhook (answers with every bill read): the partner's
 * client organizations → one user of each → that organization's bills, acting as that user
 * (Organization and Act as User by expression: one log-in-as-user session per organization).
 */
export function partnerWorkflow() {
	const bill = billNodes('billPartnerApi', PARTNER_CREDENTIAL);
	return {
		id: PARTNER_WORKFLOW,
		name: 'Queue test: partner job over client organizations',
		publish: true,
		nodes: [
			webhookNode(PARTNER_PATH, 'allEntries'),
			bill('organizations', 'Client organizations', [240, 0], {
				resource: 'partner',
				operation: 'getManyOrganizations',
				returnAll: true,
			}),
			bill('user', 'User to act as', [480, 0], {
				resource: 'partner',
				operation: 'getManyUsers',
				partnerOrganizationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				returnAll: false,
				limit: 1,
			}),
			bill('bills', 'Bills of the organization', [720, 0], {
				resource: 'bill',
				operation: 'getMany',
				actForOrganization: { __rl: true, mode: 'id', value: '={{ $json.organizationId }}' },
				actAsUser: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				returnAll: true,
				filters: {},
			}),
		],
		connections: {
			Webhook: { main: [[{ node: 'Client organizations', type: 'main', index: 0 }]] },
			'Client organizations': { main: [[{ node: 'User to act as', type: 'main', index: 0 }]] },
			'User to act as': { main: [[{ node: 'Bills of the organization', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** One run of the partner job; resolves with the bills it read (checked to include every seeded one). */
async function runPartnerOk(stack, seededBills) {
	const response = await fetch(`http://127.0.0.1:${stack.mainPort}/webhook/${PARTNER_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
		signal: AbortSignal.timeout(180_000),
	});
	const text = await response.text();
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	check(
		response.status === 200 && Array.isArray(body) && body.length >= seededBills,
		`partner run: HTTP ${response.status}, ${Array.isArray(body) ? `${body.length} bills (expected at least ${seededBills})` : JSON.stringify(body).slice(0, 500)}`,
	);
	return body;
}

/** Log-ins as user per organization between two /stats answers (only organizations with some). */
const loginsAsUserBetween = (before, after) =>
	Object.fromEntries(
		Object.entries(after.loginsAsUser)
			.map(([id, n]) => [id, n - (before.loginsAsUser[id] ?? 0)])
			.filter(([, n]) => n !== 0),
	);

/** @param {Stack} stack */
export async function testPartner(stack) {
	const { emulator, pg, workers } = stack;
	const stats = () => emulator.control('GET', '/stats');
	const clients = await emulator.control('POST', '/seed/organizations', {
		count: PARTNER_ORGANIZATIONS,
	});
	const seededBills = clients.reduce((sum, c) => sum + c.billsYesterday + 1, 0);
	const perWorkerOf = (records) => perWorker(workers, records);
	const runs = async (count) => {
		await runPartnerOk(stack, seededBills);
		await pool(Array.from({ length: count - 1 }), 4, () => runPartnerOk(stack, seededBills));
	};

	const before = await stats();
	try {
		// The first run alone (the credential has no session yet), then 9 more, 4 at a time.
		await runs(10);
	} catch (error) {
		for (const name of [PARTNER_TESTS.partnerSessions, PARTNER_TESTS.partnerRenewal])
			record(name, 'failed', `${/** @type {Error} */ (error).message}\n${workerErrors(workers)}`);
		return;
	}
	const after = await stats();
	const first = executions(pg, PARTNER_WORKFLOW);

	await test(PARTNER_TESTS.partnerSessions, async () => {
		check(
			first.length === 10 && first.every((r) => r.status === 'success'),
			`executions of the partner job: ${JSON.stringify(first)}`,
		);
		const perWorker = perWorkerOf(first);
		check(
			perWorker.every((n) => n > 0),
			`partner executions per worker ${perWorker.join(' / ')}: one worker ran none`,
		);
		const partnerLogins = after.partnerLogins - before.partnerLogins;
		check(partnerLogins === 1, `partner logins during the 10 runs: ${partnerLogins}, expected 1`);
		const asUser = loginsAsUserBetween(before, after);
		const missing = clients.filter((c) => asUser[c.organizationId] !== 1);
		check(
			!missing.length,
			`log-ins as user of the seeded organizations not exactly 1: ${missing.map((c) => `${c.organizationId}×${asUser[c.organizationId] ?? 0}`).join(', ')}`,
		);
		const more = Object.entries(asUser).filter(([, n]) => n !== 1);
		check(
			!more.length,
			`organizations logged in as user more than once: ${JSON.stringify(more)} (sessions not shared between the workers through the credential)`,
		);
		return `10 runs (${perWorker.map((n, i) => `worker ${i + 1} ran ${n}`).join(', ')}) over ${Object.keys(asUser).length} organizations (${clients.length} seeded): 1 partner login, 1 log-in as user per organization`;
	});

	await test(PARTNER_TESTS.partnerRenewal, async () => {
		check(first.length === 10, 'the first part did not run');
		const target = clients[4];
		const seen = new Set(first.map((r) => r.id));
		const { ended } = await emulator.control('POST', '/sessions/end', {
			organizationId: target.organizationId,
		});
		check(
			ended === 1,
			`BILL (the emulator) ended ${ended} sessions of ${target.organizationId}, expected 1`,
		);
		const refusedBefore = (await emulator.control('GET', '/log')).filter(
			(e) => e.status === 401,
		).length;
		const beforeRenewal = await stats();
		await runs(8);
		const afterRenewal = await stats();
		const fresh = executions(pg, PARTNER_WORKFLOW).filter((r) => !seen.has(r.id));
		check(
			fresh.length === 8 && fresh.every((r) => r.status === 'success'),
			`executions after the end of the session: ${JSON.stringify(fresh)}`,
		);
		const perWorker = perWorkerOf(fresh);
		check(
			perWorker.every((n) => n > 0),
			`runs after the end per worker ${perWorker.join(' / ')}: one worker ran none`,
		);
		const partnerLogins = afterRenewal.partnerLogins - beforeRenewal.partnerLogins;
		check(partnerLogins === 0, `partner logins after the end: ${partnerLogins}, expected 0`);
		const asUser = loginsAsUserBetween(beforeRenewal, afterRenewal);
		check(
			JSON.stringify(asUser) === JSON.stringify({ [target.organizationId]: 1 }),
			`log-ins as user after BILL ended ${target.organizationId}'s session: ${JSON.stringify(asUser)}, expected 1 for it and none for any other`,
		);
		const refused =
			(await emulator.control('GET', '/log')).filter((e) => e.status === 401).length -
			refusedBefore;
		return `BILL ended ${target.organizationId}'s session; 8 runs (${perWorker.join(' + ')} on the two workers): 1 log-in as user for it, none for the others, no partner login; ${refused} requests refused with 401 (the ended session, once in each worker that had it)`;
	});
}
