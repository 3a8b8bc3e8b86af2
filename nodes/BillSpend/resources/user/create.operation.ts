import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { matchKey } from '../../../shared/createOnce';
import { createSpendOnce, skipExistingField, wantsSkipExisting } from '../../helpers/existing';
import { getString } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { userBody } from './body';
import { USER_ROLES, optionalUserFields } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		description: "The user's first name",
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		description: "The user's last name",
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'BILL sends the invitation here',
	},
	{
		displayName: 'Role',
		name: 'role',
		description: 'What the user may do in BILL Spend & Expense',
		type: 'options',
		options: USER_ROLES,
		default: 'MEMBER',
		required: true,
	},
	...skipExistingField(
		'Skip Existing Users',
		'an active (not retired) user with the same email (ignoring case)',
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalUserFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['create'] } },
	properties,
);

/**
 * `POST /v3/spend/users` (Postman "Create a user"; BILL answers 200). Not repeated blindly; with
 * "Skip Existing Users" the active user with the email is returned instead.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = userBody(this, itemIndex, {
		firstName: getString(this, itemIndex, 'firstName', 'First Name'),
		lastName: getString(this, itemIndex, 'lastName', 'Last Name'),
		email: getString(this, itemIndex, 'email', 'Email'),
		role: this.getNodeParameter('role', itemIndex),
	});
	Object.assign(
		body,
		userBody(
			this,
			itemIndex,
			this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			'Additional Fields',
		),
	);
	const create = async () =>
		await spendApiRequest.call(this, {
			method: 'POST',
			path: '/v3/spend/users',
			body,
			itemIndex,
			uncertainHint: `Look for the user ${String(body.email)} (User → Get Many) before running it again, or run it again with "Skip Existing Users" on.`,
		});
	if (!wantsSkipExisting(this, itemIndex)) return await create();
	const emailKey = (user: IDataObject) =>
		[matchKey('email', user.email)].filter((k): k is string => !!k);
	return await createSpendOnce(this, itemIndex, {
		// BILL invites the user by email (https://developer.bill.com/docs/budgets-and-users) but does
		// not document that an email is unique; our guess (docs/GUESSES.md) is that one email is one
		// person. The users list filters only by `retired` (https://developer.bill.com/hc/reference/listusers),
		// so the active users are read and the email compared here, ignoring case.
		scope: 'users',
		path: '/v3/spend/users',
		filters: [{ field: 'retired', op: 'eq', value: false }],
		keep: (user) => user.retired !== true,
		keysOf: emailKey,
		keys: emailKey(body),
		create,
		parameter: 'Email',
		object: 'user',
	});
}
