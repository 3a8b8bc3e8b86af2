/**
 * The organization's bank accounts (funding accounts, https://developer.bill.com/changelog/2024-05-06-new-v3-api-endpoints-for-bank-accounts) and their users:
 * create (201; ADMINISTRATOR role and an MFA-trusted session), get, list, PATCH (only once
 * VERIFIED; routing number, account number and type never), micro-deposit verify (0.50 in the
 * sandbox; three wrong tries block the account), archive (VERIFIED account and user), and the
 * bank-account users: list, nominate, archive (remove access).
 *
 * Account numbers never reach the request log (it records routes only), and BILL's answers
 * carry only their last four digits (see `masked`).
 */
import { BillError, errors } from '../errors';
import { listPage } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { BANK_FILTERS, BANK_SORTS, USER_FILTERS, USER_SORTS } from './bankAccountLists';

export { BANK_FILTERS, BANK_SORTS, USER_FILTERS, USER_SORTS };

/**
 * Bank-account user ids: BILL's id page (https://developer.bill.com/docs/bill-generated-ids) lists no prefix for them; `bau` is
 * the emulator's choice (the node checks these ids for shape only, helpers/validation.ts).
 */
const USER_PREFIX = 'bau';

/** The sandbox's test deposit (Postman "Verify a bank account"). */
const SANDBOX_DEPOSIT = 0.5;
const MAX_VERIFY_TRIES = 3;

export const TYPES = ['CHECKING', 'SAVINGS'];
export const OWNER_TYPES = ['BUSINESS', 'PERSONAL'];
/** What PATCH may change (Postman "Update a bank account"); anything else is refused by name. */
const UPDATABLE = [
	'nameOnAccount',
	'ownerType',
	'bankName',
	'accessToAdmins',
	'default',
	'chartOfAccountId',
];
const NEVER_UPDATABLE = ['routingNumber', 'accountNumber', 'type'];

/**
 * Whether BILL v3 masks account numbers is unconfirmed (BILL's v3 documents do not say); BILL's v2
 * list documents "only the last four digits are visible", so the emulator answers that way.
 */
export function masked(accountNumber: string): string {
	return `****${accountNumber.slice(-4)}`;
}

/** ABA routing number: 9 digits, 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) a multiple of 10. */
export function validRoutingNumber(text: string): boolean {
	if (!/^\d{9}$/.test(text) || /^0+$/.test(text)) return false;
	const d = [...text].map(Number);
	return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}

/** BILL's gateway names each bad field as "<field>: <reason>"; never echoes an account number. */
function checkCreate(body: Json): void {
	for (const field of ['nameOnAccount', 'routingNumber', 'accountNumber', 'type', 'ownerType']) {
		const value = body[field];
		if (value === undefined || value === null || value === '')
			throw errors.invalid(`${field}: must not be null`);
	}
	if (!validRoutingNumber(String(body.routingNumber)))
		throw errors.invalid('routingNumber: is not a valid ABA routing number');
	if (!/^\d{4,17}$/.test(String(body.accountNumber)))
		throw errors.invalid('accountNumber: must be 4 to 17 digits');
	checkEnums(body);
}

function checkEnums(body: Json): void {
	if (body.type !== undefined && !TYPES.includes(String(body.type)))
		throw errors.invalid(`type: must be one of ${TYPES.join(', ')}`);
	if (body.ownerType !== undefined && !OWNER_TYPES.includes(String(body.ownerType))) {
		throw errors.invalid(`ownerType: must be one of ${OWNER_TYPES.join(', ')}`);
	}
	if (body.accessToAdmins !== undefined && typeof body.accessToAdmins !== 'boolean')
		throw errors.invalid('accessToAdmins: must be true or false');
	if (
		body.chartOfAccountId !== undefined &&
		!/^0ca[0-9A-Za-z]{17}$/.test(String(body.chartOfAccountId))
	) {
		throw errors.invalid('chartOfAccountId: must be a chart of accounts id (0ca…)');
	}
}

/**
 * The refusal of a non-administrator. BILL documents the rule, not its code (transport/errors.ts
 * in the node): BDC_1362 with HTTP 403 is the emulator's choice, and the node hints on it.
 */
const notAdministrator = (what: string) =>
	new BillError(
		403,
		'BDC_1362',
		`${what} requires a user with the ADMINISTRATOR role.`,
		'APPLICATION',
	);

export function bankAccountOf(context: RequestContext, bankAccountId: string): Json {
	const account = context.state.bankAccounts.get(bankAccountId);
	if (!account || context.state.owner.get(bankAccountId) !== context.organization!.id)
		throw errors.notFound('Bank account', bankAccountId);
	return account;
}

function bankAccountUserOf(context: RequestContext, bankAccountUserId: string): Json {
	const entry = context.state.bankAccountUsers.get(bankAccountUserId);
	if (!entry || context.state.owner.get(bankAccountUserId) !== context.organization!.id) {
		throw errors.notFound('Bank account user', bankAccountUserId);
	}
	return entry;
}

/** The active (not archived) entry of a user for an account, if any. */
function activeEntry(
	context: RequestContext,
	bankAccountId: string,
	userId: string,
): Json | undefined {
	return context.state
		.ofOrganization(context.state.bankAccountUsers, context.organization!.id)
		.find((e) => e.bankAccountId === bankAccountId && e.userId === userId && e.archived === false);
}

function addUser(
	context: RequestContext,
	bankAccountId: string,
	userId: string,
	verificationStatus: string,
): Json {
	const now = context.clock.timestamp();
	const entry: Json = {
		id: newId(USER_PREFIX),
		bankAccountId,
		userId,
		archived: false,
		verificationStatus,
		createdTime: now,
		updatedTime: now,
	};
	context.state.bankAccountUsers.set(String(entry.id), entry);
	context.state.owner.set(String(entry.id), context.organization!.id);
	return entry;
}

function requireVerified(account: Json, what: string): void {
	if (account.archived === true)
		throw errors.invalid(`Bank account ${String(account.id)} is archived.`);
	if (account.status !== 'VERIFIED') {
		throw errors.invalid(
			`${what}: the bank account must be VERIFIED first; its status is ${String(account.status)}.`,
		);
	}
}

function touch(context: RequestContext, account: Json): Json {
	account.updatedTime = context.clock.timestamp();
	context.emulator.emit('bank-account.updated', context.organization!.id, 'bankAccount', account);
	return account;
}

export function registerBankAccounts(emulator: Emulator): void {
	// The users routes come first: `/banks/users` would otherwise match `/banks/:bankAccountId`.
	emulator.add('GET', '/v3/funding-accounts/banks/users', (context) => {
		const currentUser = context.query.currentUser;
		if (currentUser !== undefined && currentUser !== 'true' && currentUser !== 'false') {
			throw errors.invalid('currentUser: must be true or false');
		}
		let all = context.state.ofOrganization(
			context.state.bankAccountUsers,
			context.organization!.id,
		);
		if (currentUser === 'true') all = all.filter((e) => e.userId === context.user!.id);
		return {
			body: listPage(all, context.query, { filterable: USER_FILTERS, sortable: USER_SORTS }),
		};
	});

	/** Nominating lets a user pay with the account once BILL has verified their identity (emails them). */
	emulator.add('POST', '/v3/funding-accounts/banks/users/nominate', (context) => {
		const body = objectBody(context);
		for (const field of ['bankAccountId', 'userId']) {
			if (!body[field]) throw errors.invalid(`${field}: must not be null`);
		}
		const account = bankAccountOf(context, String(body.bankAccountId));
		requireVerified(account, 'Nominating a user');
		const user = context.state.users.get(String(body.userId));
		if (!user || user.organizationId !== context.organization!.id) {
			throw errors.invalid(
				`userId: no user ${String(body.userId)} in organization ${context.organization!.id}`,
			);
		}
		const existing = activeEntry(context, String(account.id), user.id);
		if (existing?.verificationStatus === 'VERIFIED')
			throw errors.invalid(`User ${user.id} is already a verified user of this bank account.`);
		if (!existing) addUser(context, String(account.id), user.id, 'NOMINATED');
		return { body: { status: 'SUCCESS' } };
	});

	/** Removing access: the entry is archived and UNVERIFIED (PM); a repeat changes nothing. */
	emulator.add('POST', '/v3/funding-accounts/banks/users/:bankAccountUserId/archive', (context) => {
		const entry = bankAccountUserOf(context, context.params.bankAccountUserId);
		if (entry.archived !== true) {
			entry.archived = true;
			entry.verificationStatus = 'UNVERIFIED';
			entry.updatedTime = context.clock.timestamp();
		}
		return { body: entry };
	});

	registerBankAccountRoutes(emulator);
}

/** The organization's bank accounts: list, add, get, change, verify, archive. */
function registerBankAccountRoutes(emulator: Emulator): void {
	emulator.add('GET', '/v3/funding-accounts/banks', (context) => {
		// `bankAccountId` is the account's `id` under the name Postman filters with.
		const all = context.state
			.ofOrganization(context.state.bankAccounts, context.organization!.id)
			.map((a) => ({ ...a, bankAccountId: a.id }));
		const page = listPage(all, context.query, { filterable: BANK_FILTERS, sortable: BANK_SORTS });
		page.results = (page.results as Json[]).map(({ bankAccountId: _alias, ...account }) => account);
		return { body: page };
	});

	emulator.add('POST', '/v3/funding-accounts/banks', (context) => {
		// The role is checked before the session's trust: MFA does not make a clerk an administrator.
		if (context.user!.role !== 'ADMINISTRATOR') throw notAdministrator('Creating a bank account');
		if (!context.session!.trusted) throw errors.untrusted('Creating a bank account');
		const body = objectBody(context);
		checkCreate(body);
		const now = context.clock.timestamp();
		const account: Json = {
			id: newId('bac'),
			archived: false,
			status: 'PENDING',
			createdBy: context.user!.id,
			routingNumber: String(body.routingNumber),
			accountNumber: masked(String(body.accountNumber)),
			nameOnAccount: body.nameOnAccount,
			type: body.type,
			ownerType: body.ownerType,
			bankName: body.bankName,
			accessToAdmins: body.accessToAdmins === true,
			default: { payables: false, receivables: false },
			createdTime: now,
			updatedTime: now,
		};
		if (body.chartOfAccountId) account.chartOfAccountId = body.chartOfAccountId;
		const id = String(account.id);
		context.state.bankAccounts.set(id, account);
		context.state.owner.set(id, context.organization!.id);
		// The creator is the account's first user. BILL does not document their status; the
		// emulator makes it UNVERIFIED until the account is verified (then VERIFIED, see verify).
		addUser(context, id, context.user!.id, 'UNVERIFIED');
		context.emulator.emit('bank-account.created', context.organization!.id, 'bankAccount', account);
		return { status: 201, body: account };
	});

	emulator.add('GET', '/v3/funding-accounts/banks/:bankAccountId', (context) => ({
		body: bankAccountOf(context, context.params.bankAccountId),
	}));

	emulator.add('PATCH', '/v3/funding-accounts/banks/:bankAccountId', (context) => {
		const account = bankAccountOf(context, context.params.bankAccountId);
		const body = objectBody(context);
		for (const field of Object.keys(body)) {
			if (NEVER_UPDATABLE.includes(field))
				throw errors.invalid(`${field}: cannot be changed; create a new bank account instead`);
			if (!UPDATABLE.includes(field))
				throw errors.invalid(`${field}: is not a field of a bank account that can be updated`);
		}
		requireVerified(account, 'Updating a bank account');
		checkEnums(body);
		const flags = body.default as Json | undefined;
		if (flags !== undefined) {
			if (!flags || typeof flags !== 'object' || Array.isArray(flags))
				throw errors.invalid('default: must be an object { payables, receivables }');
			for (const [key, value] of Object.entries(flags)) {
				if (key !== 'payables' && key !== 'receivables')
					throw errors.invalid(`default.${key}: unknown field`);
				if (typeof value !== 'boolean')
					throw errors.invalid(`default.${key}: must be true or false`);
			}
		}
		for (const field of UPDATABLE) {
			if (body[field] === undefined || field === 'default') continue;
			account[field] = body[field];
		}
		if (flags) {
			// One default account per purpose (the emulator's reading of "default account for AP / AR").
			for (const key of ['payables', 'receivables'] as const) {
				if (flags[key] !== true) continue;
				for (const other of context.state.ofOrganization(
					context.state.bankAccounts,
					context.organization!.id,
				)) {
					if (other !== account && (other.default as Json)[key] === true)
						(other.default as Json)[key] = false;
				}
			}
			account.default = { ...(account.default as Json), ...flags };
		}
		return { body: touch(context, account) };
	});

	/**
	 * Micro-deposit verification. A wrong amount answers 200 `{ verified: false }` as Postman's
	 * example of this request shows; the third wrong amount blocks the account (status BLOCKED, the
	 * docs' "you cannot use the bank account"), and from then on every try is refused with a 400.
	 * An account already verified answers `{ verified: true }` again and changes nothing.
	 */
	registerBankAccountChecks(emulator);
}

/** Verifying a bank account (the sandbox's test deposit) and archiving it. */
function registerBankAccountChecks(emulator: Emulator): void {
	emulator.add('POST', '/v3/funding-accounts/banks/:bankAccountId/verify', (context) => {
		const account = bankAccountOf(context, context.params.bankAccountId);
		const body = objectBody(context);
		const amount = body.depositAmount;
		if (typeof amount !== 'number' || !Number.isFinite(amount))
			throw errors.invalid('depositAmount: must be a number');
		if (amount < 0.01 || amount > 0.99)
			throw errors.invalid('depositAmount: must be between 0.01 and 0.99');
		if (account.archived === true)
			throw errors.invalid(`Bank account ${String(account.id)} is archived.`);
		if (account.status === 'BLOCKED') {
			throw errors.invalid(
				`Bank account ${String(account.id)} could not be verified after ${MAX_VERIFY_TRIES} attempts and cannot be used; create a new bank account.`,
			);
		}
		if (account.status === 'VERIFIED') return { body: { verified: true } };
		const id = String(account.id);
		if (Math.round(amount * 100) === Math.round(SANDBOX_DEPOSIT * 100)) {
			account.status = 'VERIFIED';
			context.state.verifyFailures.delete(id);
			// Sandbox: the creator, who signed in with MFA to create it, may pay with it at once.
			const creator = activeEntry(context, id, String(account.createdBy));
			if (creator) {
				creator.verificationStatus = 'VERIFIED';
				creator.updatedTime = context.clock.timestamp();
			}
			touch(context, account);
			return { body: { verified: true } };
		}
		const failures = (context.state.verifyFailures.get(id) ?? 0) + 1;
		context.state.verifyFailures.set(id, failures);
		if (failures >= MAX_VERIFY_TRIES) {
			account.status = 'BLOCKED';
			touch(context, account);
		}
		return { body: { verified: false } };
	});

	/** Archive: the account VERIFIED and the caller a VERIFIED user of it (PM); a repeat changes nothing. */
	emulator.add('POST', '/v3/funding-accounts/banks/:bankAccountId/archive', (context) => {
		const account = bankAccountOf(context, context.params.bankAccountId);
		if (account.archived === true) return { body: account };
		requireVerified(account, 'Archiving a bank account');
		const entry = activeEntry(context, String(account.id), context.user!.id);
		if (entry?.verificationStatus !== 'VERIFIED') {
			throw errors.invalid(
				`Archiving a bank account: you must be a VERIFIED user of it; your status is ${String(entry?.verificationStatus ?? 'none (not a user)')}.`,
			);
		}
		account.archived = true;
		return { body: touch(context, account) };
	});
}
