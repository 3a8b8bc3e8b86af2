/**
 * Partner operations (BILL's Postman folder "Partner Operations"; https://developer.bill.com/docs/partner-organizations,
 * https://developer.bill.com/docs/partner-users): the partner session and app key; users and
 * roles name their organization in an `organizationId` header. (Listing organizations and
 * logging in as a user: routes/auth.ts.)
 */
import { errors } from '../errors';
import { header, objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { registerUsersAndRoles } from './organizationUsers';

const PRICE_PLANS = ['PricePlan1', 'PricePlan2', 'PricePlan3', 'PricePlan4', 'PricePlan5'];

/** An organization of this partner's app key, else BILL's refusal. */
function partnerOrganization(context: RequestContext, organizationId: string | undefined): string {
	if (!organizationId) throw errors.invalid('organizationId: must not be null (header)');
	const organization = context.state.organizations.get(organizationId);
	if (!organization || organization.appKey !== context.session!.appKey)
		throw errors.forbidden(`Organization ${organizationId} was not created with this app key`);
	return organization.id;
}

export function registerPartner(emulator: Emulator): void {
	emulator.add(
		'POST',
		'/v3/partner/organizations',
		(context) => {
			const body = objectBody(context);
			const name = String(body.name ?? '').trim();
			if (!name || name.length > 100) throw errors.invalid('name: 1 to 100 characters');
			const address = body.address as Json | undefined;
			for (const field of ['line1', 'city', 'zipOrPostalCode', 'country'])
				if (!address || !address[field]) throw errors.invalid(`address.${field}: must not be null`);
			// Postman "Create an organization" sends "true" where its answer has a boolean.
			const options = body.processingOptions as Json | undefined;
			const same = options?.mailingAddressSameAsPhysical;
			if (same !== undefined) {
				if (!['true', 'false', true, false].includes(same as string | boolean))
					throw errors.invalid('processingOptions.mailingAddressSameAsPhysical: true or false');
				body.processingOptions = {
					...options,
					mailingAddressSameAsPhysical: String(same) === 'true',
				};
			}
			const now = context.clock.timestamp();
			const id = newId('008');
			context.state.organizations.set(id, { id, name, appKey: context.session!.appKey });
			const profile: Json = {
				id,
				archived: false,
				...body,
				name,
				createdTime: now,
				updatedTime: now,
			};
			context.state.organizationProfiles.set(id, profile);
			return { status: 201, body: profile };
		},
		{ auth: 'partner' },
	);
	emulator.add(
		'PATCH',
		'/v3/partner/organizations/:organizationId/price-plan',
		(context) => {
			partnerOrganization(context, context.params.organizationId);
			const body = objectBody(context);
			if (!PRICE_PLANS.includes(String(body.pricePlanType)))
				throw errors.invalid(`pricePlanType: one of ${PRICE_PLANS.join(', ')}`);
			return { body: { status: 'SUCCESS' } };
		},
		{ auth: 'partner' },
	);
	emulator.add(
		'POST',
		'/v3/partner/risk-verifications/:userId/phone',
		(context) => {
			const organizationId = partnerOrganization(context, header(context, 'organizationId'));
			const user = context.state.users.get(context.params.userId);
			if (!user || user.organizationId !== organizationId)
				throw errors.notFound('User', context.params.userId);
			const body = objectBody(context);
			if (!/^\+?[0-9 ()-]{7,20}$/.test(String(body.phoneNumber ?? '')))
				throw errors.invalid('phoneNumber: must be a phone number');
			if (body.phoneType !== 'MOBILE') throw errors.invalid('phoneType: MOBILE');
			context.state.riskPhones.add(user.id);
			return { status: 200 };
		},
		{ auth: 'partner' },
	);
	registerUsersAndRoles(
		emulator,
		'/v3/partner',
		(context) => partnerOrganization(context, header(context, 'organizationId')),
		'partner',
	);
}
