/**
 * The emulator's data: one BILL sandbox with fixed organizations, users and keys (fixtures),
 * and everything the API creates. Objects are stored as BILL returns them.
 */
import { randomBytes, randomUUID } from 'crypto';

const ALPHANUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** BILL ids: 3-character type prefix, "02", then 15 alphanumerics (https://developer.bill.com/docs/bill-generated-ids). */
export function newId(prefix: string): string {
	const bytes = randomBytes(15);
	let tail = '';
	for (const byte of bytes) tail += ALPHANUM[byte % ALPHANUM.length];
	return `${prefix}02${tail}`;
}

export const newUuid = (): string => randomUUID();

export type Json = Record<string, unknown>;

export interface User {
	id: string;
	organizationId: string;
	username: string;
	password: string;
	role: 'ADMINISTRATOR' | 'ACCOUNTANT' | 'CLERK' | 'PAYER' | 'APPROVER';
	/** Phones registered for MFA, and whether MFA is set up. */
	phones: Array<{ phone: string; type: string; primary: boolean }>;
}

export interface Organization {
	id: string;
	name: string;
	/** Created by this partner app key (partner-level logins and webhooks). */
	appKey?: string;
}

export interface Session {
	id: string;
	kind: 'organization' | 'partner';
	organizationId?: string;
	userId?: string;
	devKey?: string;
	appKey?: string;
	partnerUser?: string;
	trusted: boolean;
	/** How an organization session was signed in to, when not by a user's password (routes/authConsole.ts). */
	via?: 'console' | 'syncToken';
	lastUsedMs: number;
	/** `s1`, `s2`…: names the session in the request log without its ID (a secret). */
	label?: string;
}

export interface RememberMe {
	id: string;
	userId: string;
	device: string;
	expiresMs: number;
}

/** One attempt to deliver a webhook event (routes/webhooks.ts records them; tests await them). */
export interface Delivery {
	eventId: string;
	subscriptionId: string;
	organizationId: string;
	eventType: string;
	url: string;
	/** 1 for the first try, then BILL's retries; resends start again at 1. */
	attempt: number;
	/** The HTTP status the receiver answered, 0 when it did not answer. */
	statusCode: number;
	at: string;
}

/** Who a webhook subscription belongs to: one organization, or a partner app key (all its organizations). */
export interface SubscriptionScope {
	organizationId?: string;
	appKey?: string;
}

export interface Fixtures {
	organizationId: string;
	otherOrganizationId: string;
	devKey: string;
	appKey: string;
	admin: { userId: string; username: string; password: string };
	clerk: { userId: string; username: string; password: string };
	partner: { username: string; password: string };
	/** An MFA ID (rememberMeId) valid for the admin with the device below. */
	mfaId: string;
	device: string;
	/** Every SMS token the emulator "sends" is this code (tests can also read them from state). */
	smsCode: string;
}

export const FIXTURES: Fixtures = {
	organizationId: '00802EMULATORORG0001',
	otherOrganizationId: '00802EMULATORORG0002',
	devKey: 'emulator-dev-key-0001',
	appKey: 'emulator-app-key-0001',
	admin: {
		userId: '00602EMULATORADM0001',
		username: 'ap.admin@example.com',
		password: 'sandbox-password',
	},
	clerk: {
		userId: '00602EMULATORCLK0001',
		username: 'ap.clerk@example.com',
		password: 'sandbox-password',
	},
	partner: { username: 'partner@example.com', password: 'partner-password' },
	mfaId: 'emulator-remember-me-0001',
	device: 'Finance iPhone',
	smsCode: '123456',
};

export class State {
	organizations = new Map<string, Organization>();
	users = new Map<string, User>();
	devKeys = new Set<string>();
	appKeys = new Set<string>();
	partners = new Map<string, { username: string; password: string; appKey: string }>();
	sessions = new Map<string, Session>();
	/** Sessions opened so far (for their labels), and log-in-as-user sessions per organization. */
	sessionCount = 0;
	loginsAsUser = new Map<string, number>();
	/** Organizations, users (as the API shows them), roles and billing statements (routes/organizations.ts). */
	organizationProfiles = new Map<string, Json>();
	userProfiles = new Map<string, Json>();
	roles = new Map<string, Json>();
	billingStatements = new Map<string, Json>();
	/** BILL network invitations by organization|kind|id, risk verifications and their phones (routes/network.ts). */
	networkInvitations = new Map<string, Json>();
	riskVerifications = new Map<string, Json>();
	riskPhones = new Set<string>();
	rememberMe = new Map<string, RememberMe>();
	/** MFA set-ups and challenges waiting for their code. */
	mfaSetups = new Map<
		string,
		{ userId: string; phone: string; type: string; token: string; tries: number }
	>();
	mfaChallenges = new Map<
		string,
		{ sessionId: string; userId: string; token: string; expiresMs: number; tries: number }
	>();
	vendors = new Map<string, Json>();
	bills = new Map<string, Json>();
	bankAccounts = new Map<string, Json>();
	/** Organization of each stored object, by id (objects are returned without it). */
	owner = new Map<string, string>();
	bankAccountUsers = new Map<string, Json>();
	/** Wrong verify attempts per bank account (three lock it). */
	verifyFailures = new Map<string, number>();
	payments = new Map<string, Json>();
	/** Bill approval policies (`app…`), and each bill's approvers with their answers, by bill id. */
	approvalPolicies = new Map<string, Json>();
	billApprovals = new Map<
		string,
		{
			policyId: string;
			approvers: Array<{
				userId: string;
				status: 'PENDING' | 'APPROVED' | 'DENIED';
				comment?: string;
			}>;
		}
	>();
	/** Bill documents by upload id (`0du…`); `content` holds the uploaded bytes (never returned). */
	documents = new Map<string, Json & { billId: string; content: Buffer }>();
	subscriptions = new Map<string, Json & { id: string }>();
	/** Subscription signing keys, by subscription id (never returned except at creation/rotation). */
	securityKeys = new Map<string, string>();
	/** Idempotency keys already used: key → the answer given the first time. */
	idempotency = new Map<string, unknown>();
	events = new Map<string, Json & { id: string; subscriptionId: string }>();
	/** Organization or partner app key of each subscription, by subscription id. */
	subscriptionScopes = new Map<string, SubscriptionScope>();
	/** Every webhook delivery attempt, oldest first. */
	deliveries: Delivery[] = [];
	/** Every SMS "sent", newest last: tests read codes here. */
	sms: Array<{ to: string; token: string; purpose: string }> = [];

	constructor(readonly fixtures: Fixtures = FIXTURES) {
		this.seed();
	}

	private seed() {
		const f = this.fixtures;
		this.organizations.set(f.organizationId, {
			id: f.organizationId,
			name: 'Emulator Music Co',
			appKey: f.appKey,
		});
		this.organizations.set(f.otherOrganizationId, {
			id: f.otherOrganizationId,
			name: 'Second Client LLC',
			appKey: f.appKey,
		});
		this.devKeys.add(f.devKey);
		this.appKeys.add(f.appKey);
		this.partners.set(f.partner.username, { ...f.partner, appKey: f.appKey });
		const phones = [{ phone: '+14155550123', type: 'MOBILE', primary: true }];
		this.users.set(f.admin.userId, {
			id: f.admin.userId,
			organizationId: f.organizationId,
			username: f.admin.username,
			password: f.admin.password,
			role: 'ADMINISTRATOR',
			phones,
		});
		this.users.set(f.clerk.userId, {
			id: f.clerk.userId,
			organizationId: f.organizationId,
			username: f.clerk.username,
			password: f.clerk.password,
			role: 'CLERK',
			phones: [],
		});
		// The other organization's administrator shares the admin's login, as a BILL user in two orgs does.
		const otherAdmin = '00602EMULATORADM0002';
		this.users.set(otherAdmin, {
			id: otherAdmin,
			organizationId: f.otherOrganizationId,
			username: f.admin.username,
			password: f.admin.password,
			role: 'ADMINISTRATOR',
			phones,
		});
		this.rememberMe.set(f.mfaId, {
			id: f.mfaId,
			userId: f.admin.userId,
			device: f.device,
			expiresMs: Number.MAX_SAFE_INTEGER,
		});
	}

	userByLogin(username: string, organizationId: string): User | undefined {
		for (const user of this.users.values()) {
			if (
				user.username.toLowerCase() === String(username).toLowerCase() &&
				user.organizationId === organizationId
			)
				return user;
		}
		return undefined;
	}

	/** Objects of a kind that belong to an organization, in creation order. */
	ofOrganization(collection: Map<string, Json>, organizationId: string): Json[] {
		const out: Json[] = [];
		for (const [id, value] of collection)
			if (this.owner.get(id) === organizationId) out.push(value);
		return out;
	}

	/** Counts for tests and benchmarks. */
	counts() {
		return {
			vendors: this.vendors.size,
			bills: this.bills.size,
			bankAccounts: this.bankAccounts.size,
			subscriptions: this.subscriptions.size,
			sessions: this.sessions.size,
		};
	}
}
