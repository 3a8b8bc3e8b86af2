/**
 * An organization's users and roles (https://developer.bill.com/docs/organizations-users): BILL's
 * default roles, the users a session acts as, and the `/v3/users`, `/v3/roles` routes (with the
 * partner's, routes/partner.ts). The organization's own routes are in organizations.ts.
 */
import { randomBytes } from 'crypto';

import { BillError, errors } from '../errors';
import { listPage } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json, type State } from '../state';

/** BILL's default roles (https://developer.bill.com/docs/organizations-users), per organization. */
export const DEFAULT_ROLES: Array<[string, string]> = [
	['ADMINISTRATOR', 'Administrator'],
	['ACCOUNTANT', 'Accountant'],
	['APPROVER', 'Approver'],
	['PAYER', 'Payer'],
	['CLERK', 'Clerk'],
	['AUDITOR', 'Auditor'],
];
export function rolesOf(state: State, organizationId: string, now: string): Json[] {
	let roles = state.ofOrganization(state.roles, organizationId);
	if (!roles.length) {
		for (const [type, description] of DEFAULT_ROLES) {
			const role = { id: newId('0po'), type, description, createdTime: now, updatedTime: now };
			state.roles.set(role.id, role);
			state.owner.set(role.id, organizationId);
		}
		roles = state.ofOrganization(state.roles, organizationId);
	}
	return roles;
}

/** The role a login user acts with (the emulator knows five; others act as a clerk). */
export const loginRole = (role: Json) =>
	(['ADMINISTRATOR', 'ACCOUNTANT', 'CLERK', 'PAYER', 'APPROVER'].includes(String(role.type))
		? role.type
		: 'CLERK') as 'CLERK';

export const roleRef = (role: Json) => ({
	id: role.id,
	type: role.type,
	description: role.description,
});

/** The API user of a login user, or a user created through the API, of the organization. */
export function organizationUsers(context: RequestContext, organizationId: string): Json[] {
	const { state } = context;
	const now = context.clock.timestamp();
	const roles = rolesOf(state, organizationId, now);
	for (const user of state.users.values()) {
		if (user.organizationId !== organizationId || state.userProfiles.has(user.id)) continue;
		const [first, last = ''] = user.username.split('@')[0].split('.');
		state.userProfiles.set(user.id, {
			id: user.id,
			archived: false,
			firstName: first,
			lastName: last,
			email: user.username,
			role: roleRef(roles.find((r) => r.type === user.role) ?? roles[0]),
			createdTime: now,
			updatedTime: now,
		});
		state.owner.set(user.id, organizationId);
	}
	return state.ofOrganization(state.userProfiles, organizationId);
}

export function requireAdministrator(context: RequestContext, what: string): void {
	if (context.user?.role !== 'ADMINISTRATOR')
		throw errors.forbidden(`${what} needs the ADMINISTRATOR role`);
}
export function userOf(context: RequestContext, organizationId: string): Json {
	const users = organizationUsers(context, organizationId);
	const user = users.find((u) => u.id === context.params.userId);
	if (!user) throw errors.notFound('User', context.params.userId);
	return user;
}

export function checkUser(
	context: RequestContext,
	organizationId: string,
	body: Json,
	creating: boolean,
): Json | undefined {
	for (const field of creating ? ['firstName', 'lastName', 'email'] : []) {
		if (typeof body[field] !== 'string' || !body[field])
			throw errors.invalid(`${field}: must not be null`);
	}
	if (creating && body.acceptTermsOfService !== true)
		throw errors.invalid('acceptTermsOfService: must be true');
	if (body.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email)))
		throw errors.invalid('email: must be a well-formed email address');
	if (body.roleId === undefined) return undefined;
	const roles = rolesOf(context.state, organizationId, context.clock.timestamp());
	const role = roles.find((r) => r.id === body.roleId);
	if (!role) throw errors.notFound('Role', String(body.roleId));
	return role;
}
/**
 * Users and roles of an organization: the organization's own (`/v3/users`, `/v3/roles`, the
 * session's organization) and the partner's (`/v3/partner/users`, `/v3/partner/roles`, the
 * organization named by the `organizationId` header, routes/partner.ts). A partner's new user
 * needs a `username` (Postman "Create a user" of the partner folder) and can log in as itself.
 */
export function registerUsersAndRoles(
	emulator: Emulator,
	prefix: '/v3' | '/v3/partner',
	organizationOf: (context: RequestContext) => string,
	auth: 'organization' | 'partner' = 'organization',
): void {
	const partner = prefix === '/v3/partner';
	const options = { auth };
	emulator.add(
		'GET',
		`${prefix}/users`,
		(context) => ({
			body: listPage(organizationUsers(context, organizationOf(context)), context.query, {
				filterable: { id: ['eq', 'in'], archived: ['eq', 'ne'] },
				sortable: ['archived', 'firstName', 'lastName', 'createdTime', 'updatedTime'],
			}),
		}),
		options,
	);
	emulator.add(
		'POST',
		`${prefix}/users`,
		(context) => {
			const organizationId = organizationOf(context);
			if (!partner) requireAdministrator(context, 'Creating a user');
			const body = objectBody(context);
			const role = checkUser(context, organizationId, body, true);
			if (partner) {
				// BILL: unique, at most 40 characters, not an email (Postman's example has a "!").
				const username = String(body.username ?? '');
				if (!username || username.length > 40 || username.includes('@'))
					throw errors.invalid('username: 1 to 40 characters, not an email address');
			}
			const users = organizationUsers(context, organizationId);
			if (users.some((u) => String(u.email).toLowerCase() === String(body.email).toLowerCase()))
				throw new BillError(400, 'BDC_1171', `A user with email ${String(body.email)} exists`);
			const now = context.clock.timestamp();
			const roles = rolesOf(context.state, organizationId, now);
			// Partner users default to ADMINISTRATOR (https://developer.bill.com/docs/partner-users).
			const given = role ?? roles.find((r) => r.type === 'ADMINISTRATOR')!;
			const user: Json = {
				id: newId('006'),
				archived: false,
				firstName: body.firstName,
				lastName: body.lastName ?? '',
				email: body.email,
				role: roleRef(given),
				createdTime: now,
				updatedTime: now,
			};
			context.state.userProfiles.set(String(user.id), user);
			context.state.owner.set(String(user.id), organizationId);
			context.state.users.set(String(user.id), {
				id: String(user.id),
				organizationId,
				username: String(body.email),
				password: randomBytes(12).toString('hex'),
				role: loginRole(given),

				phones: [],
			});
			return { status: 201, body: user };
		},
		options,
	);
	emulator.add(
		'GET',
		`${prefix}/users/:userId`,
		(context) => ({ body: userOf(context, organizationOf(context)) }),
		options,
	);
	emulator.add(
		'PATCH',
		`${prefix}/users/:userId`,
		(context) => {
			const organizationId = organizationOf(context);
			const user = userOf(context, organizationId);
			const body = objectBody(context);
			const role = checkUser(context, organizationId, body, false);
			for (const key of ['firstName', 'lastName', 'email'])
				if (body[key] !== undefined) user[key] = body[key];
			if (role) {
				user.role = roleRef(role);
				// The login user acts with its new role from now on.
				const login = context.state.users.get(String(user.id));
				if (login) login.role = loginRole(role);
			}
			user.updatedTime = context.clock.timestamp();
			return { body: user };
		},
		options,
	);
	for (const [action, archived] of [
		['archive', true],
		['restore', false],
	] as const) {
		emulator.add(
			'POST',
			`${prefix}/users/:userId/${action}`,
			(context) => {
				const user = userOf(context, organizationOf(context));
				if (user.archived !== archived) {
					user.archived = archived;
					user.updatedTime = context.clock.timestamp();
				}
				return { body: user };
			},
			options,
		);
	}
	emulator.add(
		'GET',
		`${prefix}/roles`,
		(context) => ({
			body: listPage(
				rolesOf(context.state, organizationOf(context), context.clock.timestamp()),
				context.query,
				{
					filterable: { id: ['eq', 'in'], type: ['eq', 'in'] },
					sortable: ['description', 'createdTime', 'updatedTime'],
				},
			),
		}),
		options,
	);
	emulator.add(
		'GET',
		`${prefix}/roles/:roleId`,
		(context) => {
			const roles = rolesOf(context.state, organizationOf(context), context.clock.timestamp());
			const role = roles.find((r) => r.id === context.params.roleId);
			if (!role) throw errors.notFound('Role', context.params.roleId);
			return { body: role };
		},
		options,
	);
}
