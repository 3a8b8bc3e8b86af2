import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { userBody } from '../user/body';
import { partnerOrganizationLocator, partnerRoleLocator } from './descriptions';
import { partnerList, partnerOrganizationOf, partnerRequest } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization the user joins'),
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
	},
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
	{
		displayName: 'Accept Terms of Service',
		name: 'acceptTermsOfService',
		type: 'boolean',
		default: false,
		required: true,
		description: "Whether the user accepts BILL's terms of service (BILL requires it)",
	},
	{
		displayName: 'Return Existing User With This Email',
		name: 'returnExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether a user of the organization with this email already is returned (with alreadyExisted: true) instead of created, so a re-run creates nobody twice',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['createUser'] } },
	properties,
);

/** Postman "Create a user" (partner folder, 201): a user of one of the partner's organizations. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const role = this.getNodeParameter('roleId', itemIndex, '', { extractValue: true });
	const body = userBody(this, itemIndex, {
		firstName: this.getNodeParameter('firstName', itemIndex, ''),
		email: this.getNodeParameter('email', itemIndex, ''),
		...(String(this.getNodeParameter('lastName', itemIndex, '') ?? '').trim()
			? { lastName: this.getNodeParameter('lastName', itemIndex, '') }
			: {}),
		...(role ? { roleId: role } : {}),
	});
	const username = this.getNodeParameter('username', itemIndex, '');
	if (
		typeof username !== 'string' ||
		!username.trim() ||
		username.trim().length > 40 ||
		username.includes('@')
	)
		throw invalid(this, itemIndex, 'Username', '1 to 40 characters, not an email address');
	body.username = username.trim();
	if (this.getNodeParameter('acceptTermsOfService', itemIndex, false) !== true)
		throw invalid(
			this,
			itemIndex,
			'Accept Terms of Service',
			'must be on: BILL creates no user without it',
		);
	body.acceptTermsOfService = true;
	if (this.getNodeParameter('returnExisting', itemIndex, true) === true) {
		const users = await partnerList(
			this,
			{ method: 'GET', path: '/v3/partner/users', itemIndex },
			{ returnAll: true },
			organizationId,
		);
		const email = String(body.email).toLowerCase();
		const existing = users.find((u) => String(u.email ?? '').toLowerCase() === email);
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
