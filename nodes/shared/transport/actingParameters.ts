import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Whether a request acts for the client organization a partner names in the node: `always` in
 * that organization's log-in-as-user session (a partner-scoped credential must name one),
 * `optional` there when one is named and else in the credential's own session, `never` in the
 * credential's own. Each operation declares it (nodes/shared/operation.ts `actsFor`); the router
 * hands it to the transport with the item's values (`actFor`), so the transport reads no node
 * parameter.
 */
export type ActsFor = 'always' | 'optional' | 'never';

/** What an item names: the organization, the user to act as, and that user's MFA ID and device. */
export interface ActingNamed {
	organization: unknown;
	user: unknown;
	mfaId?: unknown;
	device?: unknown;
}

export interface ActingRule {
	acts: ActsFor;
	/** The item's values (nodes/Bill/actingFor.ts reads them from the node's parameters). */
	named: (itemIndex: number) => ActingNamed;
}

/** Per run (one execution context): how its requests act for an organization. */
const actingRules = new WeakMap<object, ActingRule>();

/** The run's requests (made with `context`) act as `rule` says; none set: the credential's own. */
export function actFor(context: object, rule: ActingRule | undefined): void {
	if (rule) actingRules.set(context, rule);
	else actingRules.delete(context);
}

/**
 * The rule handed for `context` or a context it derives from (`Object.create(run)`: the polling
 * trigger's item context, a counting wrapper); undefined: the credential's own session.
 */
export function actingRuleOf(context: object): ActingRule | undefined {
	for (let o: object | null = context; o; o = Object.getPrototypeOf(o) as object | null) {
		const rule = actingRules.get(o);
		if (rule) return rule;
	}
	return undefined;
}

export type Context =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export function refuse(context: Context, itemIndex: number, message: string, hint?: string): Error {
	return new NodeOperationError(context.getNode(), `${message} [item ${itemIndex}]`, {
		itemIndex,
		description: hint,
	});
}

/**
 * The item's MFA ID and device name, both or neither (BILL needs the device the MFA ID was
 * issued for). The error names the parameters, never the MFA ID.
 */
export function mfaOfItem(
	context: Context,
	itemIndex: number,
	named: ActingNamed,
): { mfa?: { rememberMeId: string; device: string } } {
	const text = (value: unknown) =>
		typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const rememberMeId = text(named.mfaId);
	const device = text(named.device);
	if (!rememberMeId && !device) return {};
	if (!rememberMeId || !device)
		throw refuse(
			context,
			itemIndex,
			`${rememberMeId ? 'MFA Device Name' : 'MFA ID'}: is required with the ${rememberMeId ? 'MFA ID' : 'MFA device name'} of the organization`,
			'Set both (the device name used when the MFA ID was obtained) or neither.',
		);
	return { mfa: { rememberMeId, device } };
}

export interface ActingFor {
	/** The credential that keeps the organization's session: the partner's (default) or the console's. */
	keeper?: 'billConsoleApi';
	organizationId: string;
	userId: string;
	/** The MFA ID and device named in the node for this organization's user (actingFor.ts). */
	mfa?: { rememberMeId: string; device: string };
}

/**
 * The organization and user an item names (BILL node, partner credential), checked before
 * anything is sent; undefined where the credential's own session serves.
 */
export async function actingForOf(
	context: Context,
	path: string,
	itemIndex: number,
): Promise<ActingFor | undefined> {
	// Partner-level calls (and the log-in-as-user itself) carry the partner session.
	if (/^\/v3\/partner\//.test(path)) return undefined;
	// No rule: not an operation of the BILL node (the trigger), or one that never acts.
	const rule = actingRuleOf(context);
	if (!rule || rule.acts === 'never') return undefined;
	const optional = rule.acts === 'optional';
	const named = rule.named(itemIndex);
	const { organization, user } = named;
	const credentials = await context.getCredentials('billPartnerApi');
	const organizationId = typeof organization === 'string' ? organization.trim() : organization;
	if (organizationId === '' || organizationId === undefined || organizationId === null) {
		if (credentials.scope === 'partner' && !optional)
			throw refuse(
				context,
				itemIndex,
				'Organization: choose the client organization to act for',
				'The credential\'s scope is "Partner (All Organizations)": name the organization (and the user to act as) in the node, or use a credential with scope "Organization (Log In as User)".',
			);
		return undefined;
	}
	if (typeof organizationId !== 'string' || !/^008[0-9A-Za-z]{17}$/.test(organizationId))
		throw refuse(
			context,
			itemIndex,
			`Organization: not a BILL organization ID (20 characters starting with 008): ${JSON.stringify(organizationId)}`,
		);
	const userId = typeof user === 'string' ? user.trim() : user;
	if (typeof userId !== 'string' || !/^006[0-9A-Za-z]{17}$/.test(userId))
		throw refuse(
			context,
			itemIndex,
			`Act as User: ${userId === '' ? 'is required with an organization' : `not a BILL user ID (20 characters starting with 006): ${JSON.stringify(userId)}`}`,
			'The user of that organization to log in as (Partner → Get Many Users lists them).',
		);
	if (credentials.scope !== 'partner') {
		// The credential logs in as its own organization's user: that one needs nothing more.
		if (organizationId === credentials.organizationId && userId === credentials.userId)
			return undefined;
		throw refuse(
			context,
			itemIndex,
			'Organization: acting for an organization named in the node needs the credential\'s scope "Partner (All Organizations)"',
			'With scope "Organization (Log In as User)" the credential keeps one organization\'s session, not the partner session BILL needs to log in as users of other organizations.',
		);
	}
	if (!String(credentials.devKey ?? '').trim())
		throw refuse(
			context,
			itemIndex,
			"Organization: the credential has no Developer Key, which BILL needs with a log-in-as-user session for the organization's data",
		);
	return { organizationId, userId, ...mfaOfItem(context, itemIndex, named) };
}
