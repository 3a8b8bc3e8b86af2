/**
 * The organization of the session, its users and roles (BILL's Postman folders "organizations",
 * "organization users", "roles"; https://developer.bill.com/docs/organizations-users). Get,
 * update, price plan and creating a user need an ADMINISTRATOR. Profiles are made on first use
 * from the emulator's organizations and login users.
 */
import { randomBytes } from 'crypto';

import { BillError, errors } from '../errors';
import { listPage } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json, type State } from '../state';

export const INDUSTRIES = [
	'Accounting',
	'Advertising/Public Relations',
	'Architecture/Engineering',
	'Construction - General Contractors',
	'Education',
	'Health & Medical',
	'Legal Services',
	'Manufacturing',
	'Nonprofit',
	'Professional Services',
	'Real Estate',
	'Retail',
	'Software/Technology',
];

/** BILL's default roles (https://developer.bill.com/docs/organizations-users), per organization. */
const DEFAULT_ROLES: Array<[string, string]> = [
	['ADMINISTRATOR', 'Administrator'],
	['ACCOUNTANT', 'Accountant'],
	['APPROVER', 'Approver'],
	['PAYER', 'Payer'],
	['CLERK', 'Clerk'],
	['AUDITOR', 'Auditor'],
];

const PATCHABLE = [
	'name',
	'address',
	'mailingAddress',
	'phone',
	'companyOwner',
	'taxId',
	'taxIdType',
	'industry',
	'businessCategory',
	'accountType',
	'processingOptions',
];

/**
 * `processingOptions` as Postman "Get organization details" shows it; the two ACH batching switches
 * since https://developer.bill.com/changelog/2025-11-05-organizations-api-improvements. Booleans only.
 */
function checkProcessingOptions(value: unknown): void {
	if (value === undefined) return;
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw errors.invalid('processingOptions: must be an object');
	const known = ['mailingAddressSameAsPhysical', 'individualTransferOut', 'individualTransferIn'];
	for (const [key, v] of Object.entries(value as Json)) {
		if (!known.includes(key)) throw errors.invalid(`processingOptions.${key}: cannot be updated`);
		if (typeof v !== 'boolean')
			throw errors.invalid(`processingOptions.${key}: must be true or false`);
	}
}

function rolesOf(state: State, organizationId: string, now: string): Json[] {
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
const loginRole = (role: Json) =>
	(['ADMINISTRATOR', 'ACCOUNTANT', 'CLERK', 'PAYER', 'APPROVER'].includes(String(role.type))
		? role.type
		: 'CLERK') as 'CLERK';

const roleRef = (role: Json) => ({ id: role.id, type: role.type, description: role.description });

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

function requireAdministrator(context: RequestContext, what: string): void {
	if (context.user?.role !== 'ADMINISTRATOR')
		throw errors.forbidden(`${what} needs the ADMINISTRATOR role`);
}

function profileOf(context: RequestContext): Json {
	const organization = context.organization!;
	if (context.params.organizationId !== organization.id)
		throw errors.notFound('Organization', context.params.organizationId);
	let profile = context.state.organizationProfiles.get(organization.id);
	if (!profile) {
		const now = context.clock.timestamp();
		profile = {
			id: organization.id,
			archived: false,
			name: organization.name,
			address: {
				line1: '1 Main St',
				city: 'San Jose',
				stateOrProvince: 'CA',
				zipOrPostalCode: '95113',
				country: 'US',
				countryName: 'United States',
			},
			phone: '4085550100',
			taxIdType: 'EIN',
			industry: 'Professional Services',
			businessCategory: 'LLC',
			accountType: 'BUSINESS',
			processingOptions: {
				mailingAddressSameAsPhysical: true,
				individualTransferOut: false,
				individualTransferIn: false,
			},
			createdTime: now,
			updatedTime: now,
		};
		context.state.organizationProfiles.set(organization.id, profile);
	}
	return profile;
}

function statementsOf(context: RequestContext): Json[] {
	const organizationId = context.organization!.id;
	let statements = context.state.ofOrganization(context.state.billingStatements, organizationId);
	if (!statements.length) {
		for (const [month, paid] of [
			['2026-08', true],
			['2026-09', true],
			['2026-10', false],
		] as const) {
			const statement = {
				id: newId('0bs'),
				amount: 45,
				billingPeriod: { startDate: `${month}-01`, endDate: `${month}-28` },
				description: `BILL subscription ${month}`,
				invoiceDate: `${month}-28`,
				invoiceNumber: `INV-${month.replace('-', '')}`,
				paymentStatus: paid ? 'PAID' : 'UNPAID',
				...(paid ? { paymentDate: `${month}-28` } : {}),
			};
			context.state.billingStatements.set(statement.id, statement);
			context.state.owner.set(statement.id, organizationId);
		}
		statements = context.state.ofOrganization(context.state.billingStatements, organizationId);
	}
	return statements;
}

function userOf(context: RequestContext, organizationId: string): Json {
	const users = organizationUsers(context, organizationId);
	const user = users.find((u) => u.id === context.params.userId);
	if (!user) throw errors.notFound('User', context.params.userId);
	return user;
}

function checkUser(
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

export function registerOrganizations(emulator: Emulator): void {
	emulator.add('GET', '/v3/organizations/industries', () => ({ body: { results: INDUSTRIES } }));
	emulator.add('GET', '/v3/organizations/:organizationId', (context) => {
		requireAdministrator(context, 'Getting the organization');
		return { body: profileOf(context) };
	});
	emulator.add('PATCH', '/v3/organizations/:organizationId', (context) => {
		requireAdministrator(context, 'Updating the organization');
		const body = objectBody(context);
		const profile = profileOf(context);
		for (const key of Object.keys(body))
			if (!PATCHABLE.includes(key)) throw errors.invalid(`${key}: cannot be updated`);
		checkProcessingOptions(body.processingOptions);
		if (body.industry !== undefined && !INDUSTRIES.includes(String(body.industry)))
			throw errors.invalid(`industry: "${String(body.industry)}" is not a BILL industry`);
		for (const [key, value] of Object.entries(body)) {
			const current = profile[key];
			profile[key] =
				value && typeof value === 'object' && current && typeof current === 'object'
					? { ...(current as Json), ...(value as Json) }
					: value;
		}
		profile.updatedTime = context.clock.timestamp();
		if (typeof body.name === 'string') context.organization!.name = body.name;
		return { body: profile };
	});
	emulator.add('GET', '/v3/organizations/:organizationId/price-plan', (context) => {
		requireAdministrator(context, 'The price plan');
		profileOf(context);
		return {
			body: {
				id: 'PricePlan2',
				name: 'Essentials',
				monthlyPrice: 45,
				allowTrial: false,
				priceVariesPerUser: true,
				planTerms: [
					{ type: 'USER', name: 'users', tier: 1, quantity: 5, price: 45 },
					{ type: 'USER', name: 'users', tier: 2, quantity: 100, price: 39 },
				],
			},
		};
	});
	emulator.add('GET', '/v3/organizations/:organizationId/billing-statements', (context) => {
		profileOf(context);
		const { invoiceDateFrom, invoiceDateTo, max, page } = context.query;
		const dated = Boolean(invoiceDateFrom || invoiceDateTo);
		// Postman "Get list of billing statements": max and page only without a date range.
		if (dated && (max !== undefined || page !== undefined))
			throw errors.invalid('max and page cannot be used with invoiceDateFrom or invoiceDateTo');
		const all = statementsOf(context).filter(
			(s) =>
				(!invoiceDateFrom || String(s.invoiceDate) >= invoiceDateFrom) &&
				(!invoiceDateTo || String(s.invoiceDate) <= invoiceDateTo),
		);
		if (dated) return { body: { results: all } };
		return { body: listPage(all, context.query, { filterable: {}, sortable: [] }) };
	});
	emulator.add(
		'GET',
		'/v3/organizations/:organizationId/billing-statements/:billingStatementId',
		(context) => {
			profileOf(context);
			const statement = statementsOf(context).find(
				(s) => s.id === context.params.billingStatementId,
			);
			if (!statement) throw errors.notFound('Billing statement', context.params.billingStatementId);
			return {
				body: {
					...statement,
					downloadLink: {
						csv: `https://emulator.example/statements/${String(statement.id)}.csv`,
						pdf: `https://emulator.example/statements/${String(statement.id)}.pdf`,
					},
					statementDetails: [
						{ quantity: 1, description: 'Essentials plan', type: 'SUBSCRIPTION', amount: 45 },
					],
				},
			};
		},
	);

	registerUsersAndRoles(emulator, '/v3', (context) => {
		return context.organization!.id;
	});
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
