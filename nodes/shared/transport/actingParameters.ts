import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The node parameters naming the organization to act for and the user to act as (nodes/Bill/actingFor.ts). */
export const ACT_FOR_ORGANIZATION = 'actForOrganization';
export const ACT_AS_USER = 'actAsUser';

/** Resources that act for a named organization only where optionallyActing says (else never). */
export const NOT_ACTING_RESOURCES = ['health', 'partner', 'session', 'mfa'];

/**
 * Operations that act for the organization named in the item when one is named, else use the
 * credential's own session: Session → Get Details and Step Up, and every MFA operation (a
 * partner gets a client user's MFA ID, or makes that organization's session trusted, with BILL's
 * MFA calls in that organization's log-in-as-user session).
 */
export const OPTIONALLY_ACTING: Record<string, string[] | '*'> = {
	session: ['getDetails', 'stepUp'],
	mfa: '*',
};

function optionallyActing(resource: unknown, operation: unknown): boolean {
	const operations = typeof resource === 'string' ? OPTIONALLY_ACTING[resource] : undefined;
	return operations === '*' || (operations?.includes(String(operation)) ?? false);
}

export type Context =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** The MFA ID (and its device) of that user, for an MFA-trusted session of that organization. */
export const ACT_AS_USER_MFA_ID = 'actAsUserMfaId';
export const ACT_AS_USER_DEVICE = 'actAsUserDeviceName';

/** A node parameter of the item (in a list search: of the node as the editor has it). */
export function parameter(context: Context, name: string, itemIndex: number): unknown {
	try {
		if ('getCurrentNodeParameter' in context)
			return context.getCurrentNodeParameter(name, { extractValue: true });
		return (context as IExecuteFunctions).getNodeParameter(name, itemIndex, '', {
			extractValue: true,
		});
	} catch {
		return '';
	}
}

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
): { mfa?: { rememberMeId: string; device: string } } {
	const text = (name: string) => {
		const value = parameter(context, name, itemIndex);
		return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	};
	const rememberMeId = text(ACT_AS_USER_MFA_ID);
	const device = text(ACT_AS_USER_DEVICE);
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
	let resource: unknown;
	try {
		resource = context.getNodeParameter('resource', 0);
	} catch {
		return undefined; // not the BILL node (the trigger)
	}
	// Session → Get Details, Step Up and MFA act for a named organization (else the credential).
	const optional = optionallyActing(resource, parameter(context, 'operation', 0));
	if (typeof resource !== 'string' || (NOT_ACTING_RESOURCES.includes(resource) && !optional))
		return undefined;
	const organization = parameter(context, ACT_FOR_ORGANIZATION, itemIndex);
	const user = parameter(context, ACT_AS_USER, itemIndex);
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
	return { organizationId, userId, ...mfaOfItem(context, itemIndex) };
}
