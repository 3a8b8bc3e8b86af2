// What the editor shows for a partner acting for the organization named in each item; the
// transport (nodes/shared/transport/organizationSession.ts) reads these and keeps the sessions.

import type { INodeProperties } from 'n8n-workflow';

import {
	ACT_AS_USER,
	ACT_AS_USER_DEVICE,
	ACT_AS_USER_MFA_ID,
	ACT_FOR_ORGANIZATION,
	NOT_ACTING_RESOURCES,
} from '../shared/transport/organizationSession';
import { idLocator } from './helpers/descriptions';
import { ID_PREFIX } from './helpers/validation';

const displayOptions = {
	show: { authentication: ['billPartnerApi'] },
	hide: { resource: NOT_ACTING_RESOURCES },
};

export const actingForProperties: INodeProperties[] = [
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
		displayOptions,
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
		displayOptions,
	},
	{
		displayName: 'MFA ID of the User',
		name: ACT_AS_USER_MFA_ID,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Optional. The MFA ID (rememberMeId) BILL issued to this user of this organization. With its device name the session is MFA-trusted, which BILL requires in production for payments, bank accounts and autopay. One per user: take it per organization with an expression. Empty: the MFA ID of the credential, if any.',
		displayOptions,
	},
	{
		displayName: 'MFA Device Name',
		name: ACT_AS_USER_DEVICE,
		type: 'string',
		default: '',
		placeholder: 'n8n-production',
		description:
			'Required with the MFA ID of the user: the device name used when that MFA ID was obtained',
		displayOptions,
	},
];

/**
 * Session → Get Details may describe the session of a named organization (the same parameters,
 * optional: empty describes the credential's own session).
 */
function optionalActingFor(
	show: Record<string, string[]>,
	organizationDescription: string,
): INodeProperties[] {
	return actingForProperties.map((property) => ({
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
export const consoleActingForProperties: INodeProperties[] = [
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
			hide: { resource: NOT_ACTING_RESOURCES },
		},
	},
];
