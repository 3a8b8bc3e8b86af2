/**
 * Every request the nodes and credentials can send, as METHOD + path, read from their code:
 * each `/v3/…` path (a literal, a template, or a constant such as PAYMENTS_PATH where it is
 * used) with the method of the call it is part of: the `method:` of the request object around
 * it (every method that expression can take), the method argument of a call, or what a helper
 * always sends (GET for the list helpers, POST for bulk id calls). A path whose method the code
 * does not show where it is written (a path built in one place and sent from several) is
 * declared in SENT_FROM_ELSEWHERE with its methods; one neither resolved nor declared is
 * reported, so a new call cannot go unchecked.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

export interface NodeRequest {
	method: string;
	path: string;
	/** file:line where the path is written. */
	site: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Helpers that take a path and always send the same method. */
const HELPER_METHODS: Record<string, string[]> = {
	spendGetMany: ['GET'],
	getManyItems: ['GET'],
	getManyAccountUsers: ['GET'],
	activePage: ['GET'],
	newestPage: ['GET'],
	organizationPage: ['GET'],
	searchPage: ['GET'],
	receiptsOf: ['GET'],
	billUnauthenticatedGet: ['GET'],
	billApiRequestAllItems: ['GET'],
	sendIds: ['POST'],
	post: ['POST'],
	objectAction: ['GET'],
	uploadReceiptImage: ['POST'],
};

/**
 * Paths built in one place and sent from others, with every method they are sent with (file:path
 * as written, `${…}` made `:id`).
 */
/** Paths built from parts the code joins (file:path as written → METHOD path sent). */
export const BUILT_FROM_PARTS: Record<string, string[]> = {
	// suffix: '' (getUser), '/archive', '/restore'; `method: suffix ? 'POST' : 'GET'`.
	'nodes/Bill/resources/partner/userAction.ts:/v3/partner/users/:id:id': [
		'GET /v3/partner/users/:id',
		'POST /v3/partner/users/:id/archive',
		'POST /v3/partner/users/:id/restore',
	],
};

/** `/v3/…` texts that are no request: createOnce's scope is a key of its in-run memory. */
export const NOT_SENT = new Set([
	// signIn.ts compares a request's path with it to explain a refusal; the request is elsewhere.
	'nodes/shared/transport/signIn.ts:/v3/logout',
	'nodes/Bill/resources/classification/existing.ts:/v3/classifications/:id',
	'nodes/Bill/resources/vendorCredit/existing.ts:/v3/vendor-credits',
	'nodes/Bill/resources/recurringBill/create.operation.ts:/v3/recurringbills',
	// actingForOf: which session a partner credential acts with for that path (the request is elsewhere).
	'nodes/Bill/resources/session/getDetails.operation.ts:/v3/login/session',
]);

export const SENT_FROM_ELSEWHERE: Record<string, string[]> = {
	// The polling trigger's event lists and the catch-up's event history: read with GET.
	'nodes/BillPollingTrigger/events.ts:/v3/bills': ['GET'],
	'nodes/BillPollingTrigger/events.ts:/v3/vendors': ['GET'],
	'nodes/BillPollingTrigger/events.ts:/v3/customers': ['GET'],
	'nodes/BillPollingTrigger/events.ts:/v3/invoices': ['GET'],
	'nodes/BillPollingTrigger/events.ts:/v3/receivable-payments': ['GET'],
	'nodes/BillPollingTrigger/events.ts:/v3/payments': ['GET'],
	'nodes/BillPollingTrigger/events.ts:/v3/vendor-credits': ['GET'],
	'nodes/BillPollingTrigger/events.ts:/v3/spend/transactions': ['GET'],
	'nodes/BillPollingTrigger/events.ts:/v3/spend/reimbursements': ['GET'],
	'nodes/BillTrigger/catchUp.ts:/v3/events/subscription/:id': ['GET'],
	// List reads handed to searchList / the By Name lookups (nodes/shared/searchList.ts, byName.ts): GET.
	'nodes/Bill/helpers/names.ts:/v3/vendors': ['GET'],
	'nodes/Bill/helpers/names.ts:/v3/customers': ['GET'],
	'nodes/Bill/listSearch/creditMemos.ts:/v3/credit-memos': ['GET'],
	'nodes/Bill/listSearch/organization.ts:/v3/roles': ['GET'],
	'nodes/Bill/listSearch/organization.ts:/v3/organizations/:id/billing-statements': ['GET'],
	'nodes/Bill/listSearch/partner.ts:/v3/partner/organizations': ['GET'],
	'nodes/Bill/listSearch/partner.ts:/v3/partner/roles': ['GET'],
	'nodes/Bill/listSearch/partner.ts:/v3/partner/users': ['GET'],
	'nodes/Bill/listSearch/recurringInvoices.ts:/v3/recurring-invoices': ['GET'],
	'nodes/BillSpend/names.ts:/v3/spend/budgets': ['GET'],
	'nodes/BillSpend/names.ts:/v3/spend/users': ['GET'],
	// bearerStatus(helper, url, token, method = 'GET'): the OAuth token's checks and its step-up.
	'nodes/shared/transport/oauthLogin.ts:/v3/login/session': ['GET'],
	'nodes/shared/transport/oauthLogin.ts:/v3/spend/users/current': ['GET'],
	'nodes/shared/transport/oauthLogin.ts:/v3/mfa/step-up': ['POST'],
	// STORE_READ: the read that carries an organization's session to n8n's credential store.
	'nodes/shared/transport/organizationSessionStore.ts:/v3/partner/organizations': ['GET'],
	'nodes/shared/transport/organizationSessionStore.ts:/v3/login/organizations': ['GET'],
	// The approval-policy create: the guide's path, then Postman's (send(path) posts; paths.ts names it).
	'nodes/Bill/resources/approval/createPolicy.operation.ts:/v3/bill-approvals': ['POST'],
	'nodes/Bill/resources/approval/createPolicy.operation.ts:/v3/bill-approvals/policies': ['POST'],
	'nodes/Bill/resources/approval/paths.ts:/v3/bill-approvals': ['POST'],
	// Skip Existing: createSpendOnce lists the path (GET) before the create posts to it.
	'nodes/BillSpend/resources/budget/create.operation.ts:/v3/spend/budgets': ['GET', 'POST'],
	'nodes/BillSpend/resources/card/create.operation.ts:/v3/spend/cards': ['GET', 'POST'],
	'nodes/BillSpend/resources/customField/create.operation.ts:/v3/spend/custom-fields': [
		'GET',
		'POST',
	],
	'nodes/BillSpend/resources/reimbursement/existing.ts:/v3/spend/reimbursements': ['GET'],
	'nodes/BillSpend/resources/user/create.operation.ts:/v3/spend/users': ['GET', 'POST'],
	// One path for Get, Update and Archive of a customer's bank account, by operation.
	'nodes/Bill/resources/customer/bankAccountAction.operation.ts:/v3/customers/:id/bank-accounts/:id':
		['GET', 'PATCH'],
	'nodes/BillSpend/listSearch.ts:/v3/spend/users': ['GET'],
	'nodes/BillSpend/listSearch.ts:/v3/spend/budgets': ['GET'],
	'nodes/BillSpend/listSearch.ts:/v3/spend/cards': ['GET'],
	'nodes/BillSpend/listSearch.ts:/v3/spend/custom-fields': ['GET'],
	'nodes/BillSpend/listSearch.ts:/v3/spend/reimbursements': ['GET'],
	'nodes/BillSpend/listSearch.ts:/v3/spend/transactions': ['GET'],
	'nodes/Bill/resources/mfa/validatePhone.operation.ts:/v3/mfa/setup/validate': ['POST'],
	'nodes/Bill/resources/mfa/validatePhone.operation.ts:/v3/mfa/validate': ['POST'],
	'nodes/Bill/resources/session/trust.ts:/v3/mfa/step-up': ['POST'],
	'nodes/BillSpendTrigger/subscription.ts:/v3/subscriptions': ['POST'],
	// The session check: n8n's httpRequest with no method (GET).
	'nodes/shared/transport/session.ts:/v3/partner/organizations': ['GET'],
	'nodes/shared/transport/session.ts:/v3/login/session': ['GET'],
	// parentPath() returns `{ path }`: Get Many lists (GET), Upload lists and sends (GET, POST).
	'nodes/Bill/resources/attachment/descriptions.ts:/v3/attachments/:id/:id': ['GET', 'POST'],
	// invitationPath() kept in `path`: cancel deletes and reads back, invite sends and reads back.
	'nodes/Bill/resources/network/cancelInvitation.operation.ts:/v3/network/invitation/vendor/:id': [
		'DELETE',
		'GET',
	],
	'nodes/Bill/resources/network/cancelInvitation.operation.ts:/v3/network/invitation/customer/:id':
		['DELETE', 'GET'],
	'nodes/Bill/resources/network/invite.ts:/v3/network/invitation/vendor/:id': ['POST', 'GET'],
	'nodes/Bill/resources/network/invite.ts:/v3/network/invitation/customer/:id': ['POST', 'GET'],
};

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
	});
}

/** Comments blanked out (offsets kept): only code counts. */
const withoutComments = (text: string) =>
	text
		.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
		.replace(/^(\s*)\/\/.*$/gm, (m) => ' '.repeat(m.length));

const OPEN: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
const CLOSE: Record<string, string> = { ')': '(', '}': '{', ']': '[' };

/** The position of the bracket that encloses `at`, or -1. */
function enclosing(text: string, at: number): number {
	let depth = 0;
	for (let i = at - 1; i >= 0; i--) {
		if (CLOSE[text[i]]) depth++;
		else if (OPEN[text[i]]) {
			if (depth === 0) return i;
			depth--;
		}
	}
	return -1;
}

function closing(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (OPEN[text[i]]) depth++;
		else if (CLOSE[text[i]] && --depth === 0) return i;
	}
	return text.length;
}

/** An object's own text: what nested brackets hold blanked out (a function body's inner objects are not its own). */
function topLevel(inner: string): string {
	let depth = 0;
	let out = '';
	for (const ch of inner) {
		if (OPEN[ch]) depth++;
		out += depth <= 1 || CLOSE[ch] ? ch : ' ';
		if (CLOSE[ch]) depth--;
	}
	return out;
}

const methodsIn = (expression: string) =>
	[...expression.matchAll(/['"](GET|POST|PUT|PATCH|DELETE)['"]/g)].map((m) => m[1]);

/** The methods of the call around `at`, or [] when the code there does not show it. */
function methodsAt(text: string, at: number): string[] {
	let from = at;
	for (let level = 0; level < 4; level++) {
		const open = enclosing(text, from);
		if (open < 0) return [];
		const inner = text.slice(open, closing(text, open) + 1);
		const before = /([\w.]+)\s*(<[^()<>]*>)?\s*\($/.exec(
			text.slice(Math.max(0, open - 80), open + 1),
		);
		// `helper.call(this, …)` is the helper's call.
		const callee =
			before?.[1]
				.replace(/\.(call|apply)$/, '')
				.split('.')
				.pop() ?? '';
		if (text[open] === '{') {
			const own = /method:\s*/.exec(topLevel(inner));
			const method = own && /^([^,\n}]+)/.exec(inner.slice(own.index + own[0].length));
			if (method) {
				const direct = methodsIn(method[1]);
				if (direct.length) return direct;
				// `method: METHOD[mode]`: every value of that table.
				const table = /^(\w+)\[/.exec(method[1].trim());
				const values =
					table && new RegExp(`const ${table[1]}\\b[^=]*=\\s*\\{([^}]*)\\}`).exec(text);
				if (values) return methodsIn(values[1]);
			}
			const objectCallee = /([\w.]+)\s*\(\s*(this,\s*)?$/.exec(
				text.slice(Math.max(0, open - 80), open),
			);
			const name = objectCallee?.[1].split('.').pop() ?? '';
			if (HELPER_METHODS[name]) return HELPER_METHODS[name];
		} else if (text[open] === '(') {
			const first = /^\(\s*(?:this,\s*)?['"](GET|POST|PUT|PATCH|DELETE)['"]/.exec(inner);
			if (first) return [first[1]];
			if (HELPER_METHODS[callee]) return HELPER_METHODS[callee];
		}
		from = open;
	}
	return [];
}

const normalise = (path: string) => path.replace(/\$\{[^}]+\}/g, ':id').replace(/\/$/, '');

export function nodeRequests(root: string): { requests: NodeRequest[]; unresolved: string[] } {
	const files = [
		...sourceFiles(join(root, 'nodes')),
		...sourceFiles(join(root, 'credentials')),
	].map((file) => ({
		name: relative(root, file),
		text: withoutComments(readFileSync(file, 'utf8')),
	}));
	const constants = new Map<string, string>();
	for (const { text } of files)
		for (const m of text.matchAll(/export const (\w+) = '(\/v3\/[^']*)'/g))
			constants.set(m[1], m[2]);
	const requests: NodeRequest[] = [];
	const unresolved: string[] = [];
	/** Functions that build a path (`bankAccountPath(id)`): their calls are the sites. */
	const builders = new Map<string, Set<string>>();
	const site = (name: string, text: string, at: number, path: string) => {
		if (NOT_SENT.has(`${name}:${path}`)) return;
		const where = `${name}:${text.slice(0, at).split('\n').length}`;
		const built = BUILT_FROM_PARTS[`${name}:${path}`];
		if (built) {
			for (const request of built) {
				const [method, sent] = request.split(' ');
				requests.push({ method, path: sent, site: where });
			}
			return;
		}
		const methods = methodsAt(text, at);
		const declared = SENT_FROM_ELSEWHERE[`${name}:${path}`];
		const all = methods.length ? methods : (declared ?? []);
		// A path a function returns (`return \`/v3/…\``, `=> \`/v3/…\``) is sent where it is called.
		const returned = /(return|=>)\s*$/.test(text.slice(Math.max(0, at - 20), at));
		const builder = !all.length && returned && builderAt(text, at);
		if (builder) return void builders.set(builder, (builders.get(builder) ?? new Set()).add(path));
		if (!all.length) unresolved.push(`${where} ${path}`);
		for (const method of new Set(all)) requests.push({ method, path, site: where });
	};
	for (const { name, text } of files) {
		for (const m of text.matchAll(/[`'](\$\{(\w+)\})?(\/v3\/[^`'?]*)[`'?]/g)) {
			// A constant's definition: its uses are the sites.
			if (/export const \w+ = $/.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
			const prefix = m[2] ? (constants.get(m[2]) ?? '') : '';
			site(name, text, m.index, normalise(prefix + m[3]));
		}
		for (const [constant, path] of constants) {
			for (const m of text.matchAll(
				new RegExp(`(\\$\\{)?\\b${constant}\\b(\\}([^\`]*)\`)?`, 'g'),
			)) {
				if (/export const $/.test(text.slice(Math.max(0, m.index - 13), m.index))) continue;
				if (
					/^import|^\s*\w+,?\s*$/.test(
						text.slice(text.lastIndexOf('\n', m.index) + 1, text.indexOf('\n', m.index)),
					)
				)
					continue;
				site(name, text, m.index, normalise(path + (m[1] ? (m[3] ?? '') : '')));
			}
		}
	}
	// Each call of a path builder, with what the call's template adds (`${organizationPath(…)}/price-plan`).
	for (const { name, text } of files) {
		for (const [builder, paths] of builders) {
			const call = new RegExp(
				`(\\$\\{\\s*(?:await\\s+)?)?\\b${builder}\\((?:[^()]|\\([^()]*\\))*\\)(\\}([^\`]*)\`)?`,
				'g',
			);
			for (const m of text.matchAll(call)) {
				if (builderAt(text, m.index + builder.length + 1) === builder) continue;
				for (const path of paths)
					site(name, text, m.index, normalise(path + (m[1] ? (m[3] ?? '') : '')));
			}
		}
	}
	return { requests, unresolved };
}

/** The function whose body `at` is in, when it is one that returns a path (`export … name(`). */
function builderAt(text: string, at: number): string | undefined {
	const head = text.slice(Math.max(0, at - 600), at);
	const all = [
		...head.matchAll(
			/export (?:async )?function (\w+)\s*\(|export const (\w+) = (?:async )?\([^)]*\)[^=]*=>/g,
		),
	];
	const last = all.at(-1);
	if (!last) return undefined;
	// Only when no other top-level statement starts between the definition and `at`.
	const between = head.slice((last.index ?? 0) + last[0].length);
	if (/\n(export |const \w+ = |function )/.test(between)) return undefined;
	return last[1] ?? last[2];
}

export { METHODS };
