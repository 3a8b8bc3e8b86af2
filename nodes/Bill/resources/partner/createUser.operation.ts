import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { newUserBody, sameEmail } from '../user/body';
import { newUserConsent, newUserNames } from '../user/descriptions';
import { partnerOrganizationLocator, partnerRoleLocator } from './descriptions';
import { partnerList, partnerOrganizationOf, partnerRequest } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization the user joins'),
	...newUserNames(false),
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		description: 'Unique in BILL, at most 40 characters, not an email address',
	},
	{
		...partnerRoleLocator('The role of the new user (BILL: Administrator when not given)'),
		required: false,
	},
	...newUserConsent,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['createUser'] } },
	properties,
);

/** Postman "Create a user" (partner folder, 201): a user of one of the partner's organizations. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const body = newUserBody(this, itemIndex, false);
	const username = this.getNodeParameter('username', itemIndex, '');
	if (
		typeof username !== 'string' ||
		!username.trim() ||
		username.trim().length > 40 ||
		username.includes('@')
	)
		throw invalid(this, itemIndex, 'Username', '1 to 40 characters, not an email address');
	body.username = username.trim();
	if (this.getNodeParameter('returnExisting', itemIndex, true) === true) {
		const users = await partnerList(
			this,
			{ method: 'GET', path: '/v3/partner/users', itemIndex },
			{ returnAll: true },
			organizationId,
		);
		const existing = sameEmail(users, body.email);
		if (existing) return { ...existing, organizationId, alreadyExisted: true };
	}
	const created = await partnerRequest(
		this,
		{
			method: 'POST',
			path: '/v3/partner/users',
			body,
			itemIndex,
			uncertainHint: `Look for a user with the email ${String(body.email)} (Partner → Get Many Users) before running it again, or leave "Return Existing User With This Email" on.`,
		},
		organizationId,
	);
	return { ...created, organizationId };
}
