/**
 * The BILL network (Postman folder "BILL Network"; https://developer.bill.com/docs/connecting-with-a-bill-network-vendor,
 * https://developer.bill.com/docs/accepting-a-network-invitation) and risk verification (Postman
 * folder "risk verifications"). Search: scope BILL finds whole words of 3 characters or more;
 * RPPS (verified national billers) matches part of the name. Invitations: PENDING until accepted;
 * an organization with auto-connections on would connect at once (the emulator's network has none).
 */
import { errors } from '../errors';
import { objectBody, type Emulator, type RequestContext } from '../server';
import type { Json } from '../state';
import { vendorOf } from './vendors';

/** Organizations in the network that are not the emulator's own: RPPS billers and BILL members. */
const DIRECTORY: Array<Json & { scope: 'BILL' | 'RPPS' }> = [
	{ id: '0190000EMUPNI000001', name: 'San Jose Music Supplies', scope: 'BILL', zip: '95113' },
	{ id: '0190000EMUPNI000002', name: 'Harbor Freight Logistics', scope: 'BILL', zip: '94107' },
	{ id: '0190000EMUPNI000003', name: 'Pacific Gas and Electric', scope: 'RPPS', zip: '94105' },
	{ id: '0190000EMUPNI000004', name: 'Comcast Business', scope: 'RPPS', zip: '19103' },
];

const words = (text: string) =>
	text
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);

function search(context: RequestContext): Json {
	const name = String(context.query.name ?? '').trim();
	const scope = String(context.query.scope ?? 'BILL').toUpperCase();
	if (!['BILL', 'RPPS', 'ALL'].includes(scope))
		throw errors.invalid('scope: one of BILL, RPPS, ALL');
	if (!name) throw errors.invalid('name: must not be null');
	const zip = String(context.query.zipOrPostalCode ?? '').trim();
	const results = DIRECTORY.filter((entry) => {
		if (scope !== 'ALL' && entry.scope !== scope) return false;
		if (zip && !String(entry.zip).startsWith(zip)) return false;
		if (entry.scope === 'RPPS')
			return String(entry.name).toLowerCase().includes(name.toLowerCase());
		// BILL scope: at least 3 characters, whole words only ("partial words return nothing").
		const wanted = words(name);
		const have = words(String(entry.name));
		return name.length >= 3 && wanted.every((w) => have.includes(w));
	});
	return {
		results: results.map((entry) => ({
			id: entry.id,
			name: entry.name,
			type: 'UNDEFINED',
			addresses: [
				{
					line1: '1 Network Way',
					city: 'San Jose',
					stateOrProvince: 'CA',
					zipOrPostalCode: entry.zip,
					country: 'US',
				},
			],
			managedBy: { name: entry.name, email: 'ap@network.example', emailDomain: 'network.example' },
		})),
	};
}

type Kind = 'vendor' | 'customer';

/** A phone on the signed-in user: one added for risk verification, or the user's MFA phone. */
const hasPhone = (context: RequestContext) =>
	context.state.riskPhones.has(context.user!.id) || context.user!.phones.length > 0;

/** A vendor of the session's organization; customers are AR's (the emulator takes any customer ID). */
function counterpart(context: RequestContext, kind: Kind, id: string): Json | undefined {
	return kind === 'vendor' ? vendorOf(context, id) : undefined;
}

function invitationKey(context: RequestContext, kind: Kind, id: string): string {
	return `${context.organization!.id}|${kind}|${id}`;
}

export function registerNetwork(emulator: Emulator): void {
	emulator.add('GET', '/v3/network', (context) => ({ body: search(context) }));
	for (const kind of ['vendor', 'customer'] as const) {
		const param = `${kind}Id`;
		const path = `/v3/network/invitation/${kind}/:${param}`;
		emulator.add('POST', path, (context) => {
			const id = context.params[param];
			const record = counterpart(context, kind, id);
			const body = objectBody(context);
			if (!body.networkId) throw errors.invalid('networkId: must not be null');
			if (body.networkType !== undefined && !['BILL', 'RPPS'].includes(String(body.networkType)))
				throw errors.invalid('networkType: BILL or RPPS');
			const entry = DIRECTORY.find((d) => d.id === body.networkId);
			if (!entry) throw errors.notFound('Network organization', String(body.networkId));
			const status = entry.scope === 'RPPS' ? 'CONNECTED_RPPS' : 'PENDING';
			context.state.networkInvitations.set(invitationKey(context, kind, id), {
				id,
				status,
				networkId: entry.id,
			});
			if (record) record.networkStatus = status;
			return { status: 200 };
		});
		emulator.add('GET', path, (context) => {
			const id = context.params[param];
			counterpart(context, kind, id);
			return {
				body: context.state.networkInvitations.get(invitationKey(context, kind, id)) ?? {
					id,
					status: 'NOT_CONNECTED',
				},
			};
		});
		emulator.add('DELETE', path, (context) => {
			const id = context.params[param];
			const record = counterpart(context, kind, id);
			context.state.networkInvitations.delete(invitationKey(context, kind, id));
			if (record) record.networkStatus = 'NOT_CONNECTED';
			return { status: 200 };
		});
	}
	emulator.add('POST', '/v3/network/invitation/vendor/:vendorId/email', (context) => {
		vendorOf(context, context.params.vendorId);
		const email = String(objectBody(context).email ?? '');
		if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
			throw errors.invalid('email: must be a well-formed email address');
		return { status: 200 };
	});
	emulator.add('POST', '/v3/network/invitation/accept', (context) => {
		const body = objectBody(context);
		if (!body.networkId) throw errors.invalid('networkId: must not be null');
		if (!['VENDOR', 'CUSTOMER'].includes(String(body.type)))
			throw errors.invalid('type: VENDOR or CUSTOMER');
		return { status: 200 };
	});

	// Risk verification: the signed-in user needs a phone first; an administrator starts it.
	emulator.add('GET', '/v3/risk-verifications/phone', (context) => ({
		body: { hasPhone: hasPhone(context) },
	}));
	emulator.add('POST', '/v3/risk-verifications/phone', (context) => {
		const body = objectBody(context);
		if (!/^\+?[0-9 ()-]{7,20}$/.test(String(body.phoneNumber ?? '')))
			throw errors.invalid('phoneNumber: must be a phone number');
		if (body.phoneType !== 'MOBILE') throw errors.invalid('phoneType: MOBILE');
		context.state.riskPhones.add(context.user!.id);
		return { status: 200 };
	});
	emulator.add('GET', '/v3/risk-verifications', (context) => ({
		body: context.state.riskVerifications.get(context.organization!.id) ?? {
			processingStatus: 'NOT_STARTED',
			decision: 'IN_PROGRESS',
		},
	}));
	emulator.add('POST', '/v3/risk-verifications', (context) => {
		if (context.user?.role !== 'ADMINISTRATOR')
			throw errors.forbidden('Risk verification needs the ADMINISTRATOR role');
		if (!hasPhone(context)) throw errors.forbidden('Add a phone for risk verification first');
		const organizationId = context.organization!.id;
		const existing = context.state.riskVerifications.get(organizationId);
		if (existing) return { body: existing };
		const started = {
			processingStatus: 'IN_PROGRESS',
			decision: 'IN_PROGRESS',
			referenceId: `rv-${organizationId.slice(-6)}`,
		};
		context.state.riskVerifications.set(organizationId, started);
		return { body: started };
	});
}
