/** S&E users (Postman "Get list of users" … "Delete a user"). */
import { errors } from '../../errors';
import { spendListRules } from '../../spendLists';
import type { Json } from '../../state';
import { identity } from '../spendState';
import { body, oneOf, onlyFields, required, spendPage } from '../spendRequest';
import { patch, userOf, type SpendRoutes } from './objects';

const ROLES = ['ADMIN', 'AUDITOR', 'BOOKKEEPER', 'MEMBER'];

export const usersRoutes: SpendRoutes = [
	[
		'GET',
		'/v3/spend/users',
		(context, { data }) => ({
			body: spendPage([...data.users.values()], context.query, {
				...spendListRules('users'),
			}),
		}),
	],
	['GET', '/v3/spend/users/current', (_context, { user }) => ({ body: user })],
	[
		'GET',
		'/v3/spend/users/:userId',
		(context, { data }) => ({
			body: userOf(data, context.params.userId),
		}),
	],
	[
		'POST',
		'/v3/spend/users',
		(context, { data, now }) => {
			const b = body(context);
			// Postman "Create a user"; dateOfBirth and phone: https://developer.bill.com/reference/createuser.
			onlyFields(b, ['firstName', 'lastName', 'email', 'role', 'dateOfBirth', 'phone']);
			required(b, 'firstName', 'lastName', 'email', 'role');
			oneOf(b, 'role', ROLES);
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(b.email)))
				throw errors.invalid('email: must be a well-formed email address');
			if ([...data.users.values()].some((u) => u.email === b.email && !u.retired))
				throw errors.invalid(`email: a user with ${String(b.email)} exists`);
			const user: Json = {
				...identity(),
				firstName: b.firstName,
				lastName: b.lastName,
				email: b.email,
				retired: false,
				useCompanyMailingAddress: true,
				smsOptIn: false,
				hasDateOfBirth: !!b.dateOfBirth,
				role: b.role,
				createdTime: now,
			};
			data.users.set(String(user.uuid), user);
			return { body: user };
		},
	],
	[
		'PATCH',
		'/v3/spend/users/:userId',
		(context, { data }) => {
			const user = userOf(data, context.params.userId);
			const b = body(context);
			oneOf(b, 'role', ROLES);
			const { dateOfBirth, ...rest } = b;
			patch(user, rest, ['firstName', 'lastName', 'email', 'role', 'phone']);
			delete user.phone;
			if (dateOfBirth) user.hasDateOfBirth = true;
			return { body: user };
		},
	],
	[
		'DELETE',
		'/v3/spend/users/:userId',
		(context, { data }) => {
			const user = userOf(data, context.params.userId);
			data.users.delete(String(user.uuid));
			return { status: 200 };
		},
	],
];
