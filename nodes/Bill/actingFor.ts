// What the editor shows for a partner acting for the organization named in each item; the
// transport (nodes/shared/transport/organizationSession.ts) reads these and keeps the sessions.

import type { INodeProperties } from 'n8n-workflow';

import {
	ACT_AS_USER,
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
];
