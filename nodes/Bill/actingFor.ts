// What the editor shows for a partner acting for the organization named in each item, and the
// item's values read from those parameters for the transport (which reads no node parameter:
// nodes/shared/transport/actingParameters.ts). Whether an operation acts at all is its own
// declaration (`actsFor` of the operation or its resource, nodes/shared/operation.ts).

import type { IExecuteFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import type { ActingNamed } from '../shared/transport/organizationSession';
import { idLocator } from './helpers/descriptions';
import { ID_PREFIX } from './helpers/validation';

/** The node parameters naming the organization to act for, the user to act as, and its MFA. */
export const ACT_FOR_ORGANIZATION = 'actForOrganization';
export const ACT_AS_USER = 'actAsUser';
export const ACT_AS_USER_MFA_ID = 'actAsUserMfaId';
export const ACT_AS_USER_DEVICE = 'actAsUserDeviceName';

/** A node parameter of the item (in a list search: of the node as the editor has it). */
function parameter(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	name: string,
	itemIndex: number,
): unknown {
	try {
		if ('getCurrentNodeParameter' in context)
			return context.getCurrentNodeParameter(name, { extractValue: true });
		return context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	} catch {
		return '';
	}
}

/** What the item names for the transport: organization, user, MFA ID and device. */
export function actingNamed(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex: number,
): ActingNamed {
	return {
		organization: parameter(context, ACT_FOR_ORGANIZATION, itemIndex),
		user: parameter(context, ACT_AS_USER, itemIndex),
		mfaId: parameter(context, ACT_AS_USER_MFA_ID, itemIndex),
		device: parameter(context, ACT_AS_USER_DEVICE, itemIndex),
	};
}

const actingFor: INodeProperties[] = [
	{
		...idLocator({
			name: ACT_FOR_ORGANIZATION,
			displayName: 'Organization',
			object: 'organization',
			prefix: ID_PREFIX.organization,
			searchListMethod: 'searchPartnerOrganizations',
			description:
				"The client organization to act for, e.g. {{ $json.organizationId }} to loop over the partner's organizations (one log-in-as-user session per organization, kept and reused). Empty: the credential's own organization (scope Organization).",
		}),
		required: false,
	},
	{
		...idLocator({
			name: ACT_AS_USER,
			displayName: 'Act as User',
			object: 'user',
			prefix: ID_PREFIX.user,
			searchListMethod: 'searchPartnerUsers',
			description:
				'The user of that organization to log in as (BILL: "API login as user"); needed with an organization',
		}),
		required: false,
	},
	{
		displayName: 'MFA ID of the User',
		name: ACT_AS_USER_MFA_ID,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Optional. The MFA ID (rememberMeId) BILL issued to this user of this organization. With its device name the session is MFA-trusted, which BILL requires in production for payments, bank accounts and autopay. One per user: take it per organization with an expression. Empty: the MFA ID of the credential, if any.',
	},
	{
		displayName: 'MFA Device Name',
		name: ACT_AS_USER_DEVICE,
		type: 'string',
		default: '',
		placeholder: 'n8n-production',
		description:
			'Required with the MFA ID of the user: the device name used when that MFA ID was obtained',
	},
];

/**
 * The parameters of a partner acting for an organization, shown for every resource but those
 * (`hidden`) whose operations never act or act only optionally (those show their own, below).
 */
export function actingForProperties(hidden: string[]): INodeProperties[] {
	const displayOptions = {
		show: { authentication: ['billPartnerApi'] },
		hide: { resource: hidden },
	};
	return actingFor.map((property) => ({ ...property, displayOptions }));
}

/**
 * Session → Get Details may describe the session of a named organization (the same parameters,
 * optional: empty describes the credential's own session).
 */
function optionalActingFor(
	show: Record<string, string[]>,
	organizationDescription: string,
): INodeProperties[] {
	return actingFor.map((property) => ({
		...property,
		...(property.name === ACT_FOR_ORGANIZATION ? { description: organizationDescription } : {}),
		displayOptions: { show: { authentication: ['billPartnerApi'], ...show } },
	}));
}

export const sessionActingForProperties = optionalActingFor(
	{ resource: ['session'], operation: ['getDetails'] },
	"Optional: the client organization whose log-in-as-user session to describe (with the user and MFA ID below, as in the workflow's other BILL nodes). Empty: the credential's own session.",
);

/**
 * Session → Step Up and the MFA operations may act for a named organization too (the same
 * parameters, optional): a partner gets a client user's MFA ID, or makes that organization's
 * session MFA-trusted, in the same workflow that then pays for it.
 */
export const stepUpActingForProperties: INodeProperties[] = optionalActingFor(
	{ resource: ['session'], operation: ['stepUp'] },
	"Optional: the client organization whose log-in-as-user session to make MFA-trusted (with the same user and MFA ID as the workflow's other BILL nodes for it). Empty: the credential's own session.",
);

/** The same for the MFA operations (placed after MFA's operation selector: resources/mfa). */
export const mfaActingForProperties: INodeProperties[] = optionalActingFor(
	{ resource: ['mfa'] },
	"Optional: the client organization whose user's MFA to manage, in that organization's log-in-as-user session (e.g. to get the user's MFA ID with Send Challenge, then Validate Challenge). Empty: the credential's own session.",
);

/** Accountant Console: the client organization per item (transport/consoleActing.ts); no user, no MFA. */
export const consoleActingForProperties = (hidden: string[]): INodeProperties[] => [
	{
		...idLocator({
			name: ACT_FOR_ORGANIZATION,
			displayName: 'Organization',
			object: 'organization',
			prefix: ID_PREFIX.organization,
			searchListMethod: 'searchConsoleOrganizations',
			description:
				"The client organization to act for, e.g. {{ $json.id }} after Session → Get Organizations (one console session per organization, kept and reused). Empty: the credential's organization.",
		}),
		required: false,
		displayOptions: {
			show: { authentication: ['billConsoleApi'] },
			hide: { resource: hidden },
		},
	},
];
