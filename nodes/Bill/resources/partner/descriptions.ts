// What the editor shows: the partner parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const partnerOrganizationLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'partnerOrganizationId',
		displayName: 'Organization',
		object: 'organization',
		prefix: ID_PREFIX.organization,
		searchListMethod: 'searchPartnerOrganizations',
		description,
	});

export const partnerUserLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'userId',
		displayName: 'User',
		object: 'user',
		prefix: ID_PREFIX.user,
		searchListMethod: 'searchPartnerUsers',
		description,
	});

export const partnerRoleLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'roleId',
		displayName: 'Role',
		object: 'role',
		prefix: ID_PREFIX.role,
		searchListMethod: 'searchPartnerRoles',
		description,
	});
