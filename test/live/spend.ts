/**
 * The Spend & Expense part of `npm run test:live`: with BILL_LIVE_SPEND_API_TOKEN (an S&E API
 * token of the sandbox company), the S&E calls below are made on BILL and on the emulator (its
 * fixture token) and compared as the AP calls are (status, error codes, field names and types);
 * then each row of docs/GUESSES.md a live run can settle is reported with what BILL answered.
 *
 * Writes are kept to one webhook subscription, deleted at once (named n8n-live-check-…). Nothing
 * else is created, changed or deleted.
 *
 * OAuth (BILL_LIVE_OAUTH_*): the OAuth helper adds the token request and the same S&E calls with
 * `Authorization: Bearer` in `oauthSide()` below; until then an OAuth run is reported as not made.
 */
import { randomUUID } from 'crypto';

import { SPEND_FIXTURES } from '../../emulator/routes/spendState';
import type { Emulator } from '../../emulator';
import type { BillUrls } from './config';
import { compareShapes, errorCodes, errorMessage } from './shape';
import { PREFIX } from './steps';

export interface SpendLiveConfig {
	urls: BillUrls;
	apiToken: string;
	notificationUrl: string;
}

/** The S&E part's settings, when its token is given (the base URL was checked by readLiveSetup). */
export function readSpendSetup(
	env: NodeJS.ProcessEnv,
	urls: BillUrls,
	notificationUrl: string,
): SpendLiveConfig | undefined {
	const apiToken = env.BILL_LIVE_SPEND_API_TOKEN?.trim();
	return apiToken ? { urls, apiToken, notificationUrl } : undefined;
}

interface SpendAnswer {
	status: number;
	body: unknown;
	codes: string[];
	message?: string;
}

interface SpendCall {
	name: string;
	method: 'GET' | 'POST' | 'DELETE';
	host: 'api' | 'events';
	path: (vars: Record<string, string>) => string;
	query?: Record<string, string>;
	body?: (vars: Record<string, string>) => unknown;
	/** Another token than the side's own (the wrong-token call). */
	token?: string;
	/** A value an earlier call gave that this one needs (not made on either side without it). */
	needs?: string;
	/** What the answer gives the later calls. */
	keep?: (body: unknown, vars: Record<string, string>) => void;
}

const WRONG_TOKEN = 'n8n-live-check-not-a-token';

/** The S&E calls, in order: lists with BILL's documented filters and sorts, refusals, one subscription. */
export const SPEND_CALLS: SpendCall[] = [
	{ name: 'Current user', method: 'GET', host: 'api', path: () => '/v3/spend/users/current' },
	{
		name: 'Users (retired:eq:false)',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/users',
		query: { max: '5', filters: 'retired:eq:false' },
	},
	{
		name: 'Budgets (isBudgetGroup, name:sw, sort assigned)',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/budgets',
		query: { max: '5', filters: 'isBudgetGroup:eq:false,name:sw:a', sort: 'assigned:desc' },
	},
	{
		name: 'Cards (status, types, sort lastFour)',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/cards',
		query: { max: '5', filters: 'status:eq:ACTIVATED', sort: 'lastFour:asc' },
	},
	{
		name: 'Reimbursements (sort status)',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/reimbursements',
		query: { max: '100', sort: 'status:asc' },
	},
	{
		name: 'Transactions (50, the largest page)',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/transactions',
		query: { max: '50', sort: 'occurredTime:desc' },
	},
	{
		name: 'Custom fields (name:sw)',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/custom-fields',
		query: { max: '5', filters: 'name:sw:a', sort: 'name:asc' },
	},
	{
		name: 'Transactions, 51 (over the largest page)',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/transactions',
		query: { max: '51' },
	},
	{
		name: 'Reimbursements by status (a filter BILL does not document)',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/reimbursements',
		query: { filters: 'status:eq:APPROVED' },
	},
	{
		name: 'A wrong API token',
		method: 'GET',
		host: 'api',
		path: () => '/v3/spend/users/current',
		token: WRONG_TOKEN,
	},
	{
		name: 'Create an S&E subscription (POST /v3/subscriptions, apiToken)',
		method: 'POST',
		host: 'events',
		path: () => '/v3/subscriptions',
		body: (vars) => ({
			name: `${PREFIX}${vars.run}`,
			status: { enabled: true },
			events: [{ type: 'spend.reimbursement.created', version: '1' }],
			notificationUrl: vars.notificationUrl,
		}),
		keep: (body, vars) => {
			const id = (body as { id?: unknown } | undefined)?.id;
			if (typeof id === 'string') vars.subscriptionId = id;
		},
	},
	{
		name: 'Delete that subscription',
		method: 'DELETE',
		host: 'events',
		needs: 'subscriptionId',
		path: (vars) => `/v3/subscriptions/${encodeURIComponent(vars.subscriptionId ?? '')}`,
	},
];

async function send(
	base: BillUrls,
	token: string,
	call: SpendCall,
	vars: Record<string, string>,
): Promise<SpendAnswer> {
	const url = new URL((call.host === 'events' ? base.events : base.api) + call.path(vars));
	for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
	const headers: Record<string, string> = {
		apiToken: call.token ?? token,
		Accept: 'application/json',
	};
	let body: string | undefined;
	if (call.body) {
		body = JSON.stringify(call.body(vars));
		headers['Content-Type'] = 'application/json';
		headers['X-Idempotent-Key'] = randomUUID();
	}
	const response = await fetch(url, { method: call.method, headers, body });
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	return {
		status: response.status,
		body: json,
		codes: errorCodes(json),
		message: errorMessage(json),
	};
}

export interface SpendCallRecord {
	name: string;
	method: string;
	route: string;
	bill?: SpendAnswer;
	emulator?: SpendAnswer;
	skipped?: string;
	differences: string[];
}

/** What a live run says about one row of docs/GUESSES.md. */
export interface Settled {
	id: string;
	observed: string;
}

export interface SpendLiveResult {
	calls: SpendCallRecord[];
	differences: string[];
	settled: Settled[];
}

/** One side: BILL (the token given) or the emulator (its fixture token). */
async function side(
	urls: BillUrls,
	token: string,
	call: SpendCall,
	vars: Record<string, string>,
): Promise<SpendAnswer | undefined> {
	if (call.needs && !vars[call.needs]) return undefined;
	return await send(urls, token, call, vars);
}

export async function runSpendLiveCheck(
	config: SpendLiveConfig,
	emulator: Emulator,
): Promise<SpendLiveResult> {
	const run = randomUUID().slice(0, 8);
	const billVars: Record<string, string> = { run, notificationUrl: config.notificationUrl };
	const emulatorVars: Record<string, string> = {
		run,
		notificationUrl: 'https://example.invalid/n8n-live-check',
	};
	const emulatorUrls = { api: emulator.baseUrl, events: emulator.eventsBaseUrl };
	const calls: SpendCallRecord[] = [];
	for (const call of SPEND_CALLS) {
		const record: SpendCallRecord = {
			name: call.name,
			method: call.method,
			route: call.path({ subscriptionId: ':subscriptionId' }),
			differences: [],
		};
		record.bill = await side(config.urls, config.apiToken, call, billVars);
		record.emulator = await side(emulatorUrls, SPEND_FIXTURES.apiToken, call, emulatorVars);
		if (!record.bill || !record.emulator) record.skipped = 'an earlier call gave no id';
		else {
			if (call.keep) {
				call.keep(record.bill.body, billVars);
				call.keep(record.emulator.body, emulatorVars);
			}
			record.differences = compare(record.bill, record.emulator);
		}
		calls.push(record);
	}
	const differences = calls.flatMap((c) => c.differences.map((d) => `${c.name}: ${d}`));
	return { calls, differences, settled: settle(calls) };
}

function compare(bill: SpendAnswer, emulator: SpendAnswer): string[] {
	const out: string[] = [];
	if (bill.status !== emulator.status)
		out.push(`status BILL ${bill.status}, emulator ${emulator.status}`);
	if (bill.codes.join() !== emulator.codes.join())
		out.push(`codes BILL ${bill.codes.join() || '-'}, emulator ${emulator.codes.join() || '-'}`);
	if (bill.status < 300 && emulator.status < 300)
		for (const d of compareShapes(bill.body, emulator.body).differences)
			out.push(`${d.path}: BILL ${d.bill ?? 'none'}, emulator ${d.emulator ?? 'none'}`);
	return out;
}

const outcome = (a?: SpendAnswer) =>
	a
		? `${a.status}${a.codes.length ? ` ${a.codes.join(',')}` : ''}${a.message ? ` "${a.message}"` : ''}`
		: 'not made';

/** The rows of docs/GUESSES.md this run settles, with what BILL answered. */
function settle(calls: SpendCallRecord[]): Settled[] {
	const bill = (name: string) => calls.find((c) => c.name.startsWith(name))?.bill;
	const statuses = new Set(
		(
			((bill('Reimbursements (sort status)')?.body as { results?: unknown[] } | undefined)
				?.results ?? []) as Array<{ status?: unknown }>
		).map((r) => String(r.status)),
	);
	const create = bill('Create an S&E subscription');
	return [
		{
			id: 'R01',
			observed: `POST /v3/subscriptions with apiToken: ${outcome(create)}${create && create.status < 300 ? ' (the documented call works)' : ''}`,
		},
		{
			id: 'O01',
			observed: `reimbursement statuses in the sandbox: ${[...statuses].sort().join(', ') || 'none listed'}`,
		},
		{ id: 'O16', observed: `a wrong API token: ${outcome(bill('A wrong API token'))}` },
		{
			id: 'R03',
			observed: `a reimbursement status filter: ${outcome(bill('Reimbursements by status'))}`,
		},
		{
			id: 'G10',
			observed:
				'not settled by a normal run: it takes more than 60 S&E calls in a minute (run the transactions list with Return All on a large sandbox)',
		},
		{
			id: 'G09',
			observed:
				'not settled: adding custom field values changes the sandbox (this run writes nothing but one subscription)',
		},
	];
}

/** The report section of the S&E part. */
export function renderSpend(result: SpendLiveResult): string {
	const lines = [
		'## Spend & Expense',
		'',
		`### Differences (${result.differences.length})`,
		'',
		...(result.differences.length ? result.differences.map((d) => `- ${d}`) : ['No differences.']),
		'',
		'### Calls',
		'',
		'| Call | BILL | Emulator |',
		'| --- | --- | --- |',
		...result.calls.map(
			(c) =>
				`| ${c.name} \`${c.method} ${c.route}\` | ${c.skipped ?? outcome(c.bill)} | ${c.skipped ?? outcome(c.emulator)} |`,
		),
		'',
		'### Guesses a live run settles (docs/GUESSES.md)',
		'',
		...result.settled.map((s) => `- ${s.id}: ${s.observed}`),
		'',
	];
	return lines.join('\n');
}
