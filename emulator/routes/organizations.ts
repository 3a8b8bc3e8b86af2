/**
 * The organization of the session, its users and roles (BILL's Postman folders "organizations",
 * "organization users", "roles"; https://developer.bill.com/docs/organizations-users). Get,
 * update, price plan and creating a user need an ADMINISTRATOR. Profiles are made on first use
 * from the emulator's organizations and login users. Users and roles: organizationUsers.ts.
 */

import { errors } from '../errors';
import { listPage } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { requireAdministrator, registerUsersAndRoles } from './organizationUsers';

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
