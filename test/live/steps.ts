/**
 * The calls of the live check, in order, each made once on BILL and once on the emulator.
 * Every resource the node supports is read; a vendor, a bill and a webhook subscription are
 * created under a recognisable name (`n8n-live-check-<date>`) and archived / deleted again
 * (those steps are `cleanup`: they run even after a failure). No payment, no bank account,
 * no approval, no SMS. A few calls are meant to fail, to compare BILL's error codes.
 */
import type { BillSide, CallRequest, Host } from './client';

export interface Step {
	name: string;
	method: CallRequest['method'];
	host: Host;
	/** The path with `{name}` for ids, as shown in the report (never an id). */
	route: string;
	/** Variables (from earlier steps on the same side) this call needs. */
	needs?: string[];
	query?: (vars: Record<string, string>) => Record<string, string>;
	body?: (side: BillSide, run: RunInfo) => unknown;
	auth?: CallRequest['auth'];
	idempotencyKey?: boolean;
	/** Keeps what later steps need from a 2xx answer. */
	save?: (body: unknown, side: BillSide) => void;
	/** Runs even when an earlier call could not be made at all (cleans up what was created). */
	cleanup?: boolean;
}

export interface RunInfo {
	/** `n8n-live-check-20261201-130512`: in every name the check gives BILL. */
	prefix: string;
	notificationUrl: string;
	today: string;
	dueDate: string;
}

/** The prefix of everything the live check creates (and of leftovers it may delete). */
export const PREFIX = 'n8n-live-check-';

/** A bill id of BILL's form that no bill has. */
export const MISSING_BILL_ID = '00n02N8NLIVECHECK000';

const idOf = (body: unknown): string | undefined => {
	const id = (body as { id?: unknown } | undefined)?.id;
	return typeof id === 'string' && id ? id : undefined;
};

const keep = (name: string) => (body: unknown, side: BillSide) => {
	const id = idOf(body);
	if (id) side.vars[name] = id;
};

export const STEPS: Step[] = [
	{
		name: 'Log in',
		method: 'POST',
		host: 'api',
		route: '/v3/login',
		auth: 'none',
		body: (side) => {
			const c = side.credentials;
			return {
				username: c.username,
				password: c.password,
				organizationId: c.organizationId,
				devKey: c.devKey,
				...(c.mfaId && c.device ? { rememberMeId: c.mfaId, device: c.device } : {}),
			};
		},
		save: (body, side) => {
			const sessionId = (body as { sessionId?: unknown } | undefined)?.sessionId;
			if (typeof sessionId === 'string' && sessionId) {
				side.sessionId = sessionId;
				side.sessionIds.push(sessionId);
				side.vars.session = 'yes';
			}
		},
	},
	{ name: 'Read the session', method: 'GET', host: 'api', route: '/v3/login/session' },
	{ name: 'List MFA phones', method: 'GET', host: 'api', route: '/v3/mfa/phones' },
	{
		name: 'Create a vendor',
		method: 'POST',
		host: 'api',
		route: '/v3/vendors',
		body: (_side, run) => ({
			name: `${run.prefix} vendor`,
			accountType: 'BUSINESS',
			email: 'n8n-live-check@example.com',
			phone: '4155550123',
			address: {
				line1: '1 Test Street',
				city: 'San Jose',
				stateOrProvince: 'CA',
				zipOrPostalCode: '95110',
				country: 'US',
			},
		}),
		save: keep('vendorId'),
	},
	{
		name: 'Get the vendor',
		method: 'GET',
		host: 'api',
		route: '/v3/vendors/{vendorId}',
		needs: ['vendorId'],
	},
	{
		name: 'List vendors',
		method: 'GET',
		host: 'api',
		route: '/v3/vendors',
		query: () => ({ max: '5', sort: 'createdTime:desc' }),
	},
	{
		name: 'Create a bill',
		method: 'POST',
		host: 'api',
		route: '/v3/bills',
		needs: ['vendorId'],
		body: (side, run) => ({
			vendorId: side.vars.vendorId,
			dueDate: run.dueDate,
			invoice: { invoiceNumber: run.prefix, invoiceDate: run.today },
			billLineItems: [{ amount: 1.23, description: 'n8n live check (archived at once)' }],
			description: 'n8n live check: a test bill, archived at once',
		}),
		save: keep('billId'),
	},
	{
		name: 'Get the bill',
		method: 'GET',
		host: 'api',
		route: '/v3/bills/{billId}',
		needs: ['billId'],
	},
	{
		name: 'List bills',
		method: 'GET',
		host: 'api',
		route: '/v3/bills',
		query: () => ({ max: '5', sort: 'createdTime:desc' }),
	},
	{
		name: "List the bill's documents",
		method: 'GET',
		host: 'api',
		route: '/v3/documents/bills/{billId}',
		needs: ['billId'],
	},
	{
		name: 'List payments',
		method: 'GET',
		host: 'api',
		route: '/v3/payments',
		query: () => ({ max: '5' }),
	},
	{
		name: "Get the vendor's payment options",
		method: 'GET',
		host: 'api',
		route: '/v3/payments/options',
		needs: ['vendorId'],
		query: (vars) => ({ vendorId: vars.vendorId, amount: '1.23' }),
	},
	{
		name: 'List bank accounts',
		method: 'GET',
		host: 'api',
		route: '/v3/funding-accounts/banks',
		query: () => ({ max: '5' }),
	},
	{
		name: 'List bank-account users',
		method: 'GET',
		host: 'api',
		route: '/v3/funding-accounts/banks/users',
		query: () => ({ max: '5' }),
	},
	{
		name: 'List approval policies',
		method: 'GET',
		host: 'api',
		route: '/v3/bill-approvals/policies',
	},
	{
		name: 'List bills pending my approval',
		method: 'GET',
		host: 'api',
		route: '/v3/bill-approvals/pending-user-approvals',
	},
	{
		name: 'Get the webhook event catalog',
		method: 'GET',
		host: 'events',
		route: '/v3/events/catalog',
	},
	{
		name: 'List webhook subscriptions',
		method: 'GET',
		host: 'events',
		route: '/v3/subscriptions',
		query: () => ({ max: '5' }),
	},
	{
		name: 'Create a webhook subscription',
		method: 'POST',
		host: 'events',
		route: '/v3/subscriptions',
		idempotencyKey: true,
		body: (_side, run) => ({
			name: run.prefix,
			status: { enabled: true },
			events: [{ type: 'bill.created', version: '1' }],
			notificationUrl: run.notificationUrl,
		}),
		save: keep('subscriptionId'),
	},
	{
		name: 'Get the webhook subscription',
		method: 'GET',
		host: 'events',
		route: '/v3/subscriptions/{subscriptionId}',
		needs: ['subscriptionId'],
	},
	{
		name: 'Ask for a test event',
		method: 'POST',
		host: 'events',
		route: '/v3/subscriptions/{subscriptionId}/test',
		needs: ['subscriptionId'],
		// BILL's Postman request "Generate a test event notification".
		body: () => ({
			eventType: 'bill.created',
			version: '1',
			bill: { id: 'test-bill-id', vendorId: 'test-vendor-id', amount: 100 },
		}),
	},
	{
		name: "List the subscription's events",
		method: 'GET',
		host: 'events',
		route: '/v3/events/subscription/{subscriptionId}',
		needs: ['subscriptionId'],
	},
	{
		name: 'Delete the webhook subscription',
		method: 'DELETE',
		host: 'events',
		route: '/v3/subscriptions/{subscriptionId}',
		needs: ['subscriptionId'],
		cleanup: true,
		save: (_body, side) => {
			side.vars.deletedSubscriptionId = side.vars.subscriptionId;
		},
	},
	{
		name: 'Get the deleted subscription (an error)',
		method: 'GET',
		host: 'events',
		route: '/v3/subscriptions/{deletedSubscriptionId}',
		needs: ['deletedSubscriptionId'],
	},
	{
		name: 'Get a bill that does not exist (an error)',
		method: 'GET',
		host: 'api',
		route: '/v3/bills/{missingBillId}',
	},
	{
		name: 'List bills, 101 a page (an error)',
		method: 'GET',
		host: 'api',
		route: '/v3/bills',
		query: () => ({ max: '101' }),
	},
	{
		name: 'Read the session with a wrong session ID (an error)',
		method: 'GET',
		host: 'api',
		route: '/v3/login/session',
		auth: 'invalid',
	},
	{
		name: 'Archive the bill',
		method: 'POST',
		host: 'api',
		route: '/v3/bills/{billId}/archive',
		needs: ['billId'],
		cleanup: true,
	},
	{
		name: 'Archive the vendor',
		method: 'POST',
		host: 'api',
		route: '/v3/vendors/{vendorId}/archive',
		needs: ['vendorId'],
		cleanup: true,
	},
	{
		name: 'Log out',
		method: 'POST',
		host: 'api',
		route: '/v3/logout',
		cleanup: true,
		save: (_body, side) => {
			side.vars.loggedOut = 'yes';
		},
	},
	{
		name: 'Read the session after logging out (an error)',
		method: 'GET',
		host: 'api',
		route: '/v3/login/session',
		needs: ['loggedOut'],
		cleanup: true,
	},
];

/** The path of a step on one side: `{name}` replaced by that side's variable. */
export function pathOf(step: Step, vars: Record<string, string>): string {
	return step.route.replace(/\{(\w+)\}/g, (_m, name: string) =>
		encodeURIComponent(name === 'missingBillId' ? MISSING_BILL_ID : vars[name]),
	);
}

/** Whether the step can run on a side: its variables are there (the login gives `session`). */
export function missingVars(step: Step, vars: Record<string, string>): string[] {
	const needs = step.auth === 'none' ? [] : ['session', ...(step.needs ?? [])];
	return needs.filter((name) => !vars[name]);
}
