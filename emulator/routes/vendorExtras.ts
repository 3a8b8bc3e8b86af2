/**
 * A vendor's bank account, configuration and audit trail (BILL's Postman vendors folder and
 * "Get audit trail details for a vendor"): GET / POST (200) / DELETE (204) of the one bank account
 * (adding needs an MFA-trusted session, as for organization bank accounts; a vendor with an account
 * must have it deleted first), the international-payments configuration of a vendor and before
 * one is created, and the vendor's audit trail (a bare array paged by `start` and `max`).
 */
import { errors } from '../errors';
import type { Emulator, RequestContext } from '../server';
import { objectBody } from '../server';
import type { Json, State } from '../state';
import { vendorOf } from './vendors';

const accounts = new WeakMap<State, Map<string, Json>>();
const trails = new WeakMap<State, Map<string, Json[]>>();
function mapOf<T>(maps: WeakMap<State, Map<string, T>>, state: State): Map<string, T> {
	let map = maps.get(state);
	if (!map) {
		map = new Map();
		maps.set(state, map);
	}
	return map;
}

const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);

function record(
	context: RequestContext,
	vendorId: string,
	name: string,
	previous: string,
	current: string,
) {
	const list = mapOf(trails, context.state).get(vendorId) ?? [];
	list.push({
		source: 'API',
		type: 'Edit',
		createdTime: context.clock.timestamp(),
		user: { id: context.user?.id, name: context.user?.username },
		field: { name, value: { previous, current } },
	});
	mapOf(trails, context.state).set(vendorId, list);
}

const shown = (account?: Json) => (account ? `••••${String(account.accountNumber).slice(-4)}` : '');

/** What BILL asks of an international vendor (a fixed example: IBAN countries need one). */
function configuration(country: string): Json {
	const iban = !['US', 'CA'].includes(country);
	return {
		paymentPurpose: {
			required: iban,
			type: 'CODE',
			codes: [
				{ name: 'Goods', value: 'GDS' },
				{ name: 'Services', value: 'SVC' },
			],
		},
		validations: {
			fields: [
				{
					name: 'accountNumber',
					description: iban ? 'Account number must be an IBAN' : 'Account number',
					regularExpression: iban ? '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' : '^[0-9]{4,17}$',
					required: true,
				},
			],
		},
	};
}

export function registerVendorExtras(emulator: Emulator): void {
	const path = '/v3/vendors/:vendorId/bank-account';
	emulator.add('GET', path, (context) => {
		vendorOf(context, context.params.vendorId);
		const account = mapOf(accounts, context.state).get(context.params.vendorId);
		if (!account) throw errors.notFound('Vendor bank account', context.params.vendorId);
		return { body: account };
	});
	emulator.add('POST', path, (context) => {
		const vendor = vendorOf(context, context.params.vendorId);
		if (!context.session?.trusted) throw errors.untrusted('Adding a vendor bank account');
		const body = objectBody(context);
		if (mapOf(accounts, context.state).has(String(vendor.id)))
			throw errors.invalid('The vendor has a bank account already; delete it first');
		for (const key of ['nameOnAccount', 'accountNumber', 'routingNumber', 'type', 'ownerType'])
			if (!body[key]) throw bad(key, 'must not be null');
		if (!/^\d{9}$/.test(String(body.routingNumber))) throw bad('routingNumber', 'must be 9 digits');
		if (!['CHECKING', 'SAVINGS'].includes(String(body.type)))
			throw bad('type', 'must be CHECKING or SAVINGS');
		if (!['BUSINESS', 'PERSONAL'].includes(String(body.ownerType)))
			throw bad('ownerType', 'must be BUSINESS or PERSONAL');
		const account: Json = {
			nameOnAccount: body.nameOnAccount,
			accountNumber: String(body.accountNumber),
			routingNumber: String(body.routingNumber),
			type: body.type,
			ownerType: body.ownerType,
			paymentCurrency: body.paymentCurrency ?? 'USD',
			// https://developer.bill.com/changelog/2026-05-21-vendor-bank-accounts-api-improvements: the
			// verification state; BILL names no values, the emulator says PENDING (a guess, docs/GUESSES.md).
			status: 'PENDING',
		};
		mapOf(accounts, context.state).set(String(vendor.id), account);
		record(context, String(vendor.id), 'bankAccount', '', shown(account));
		return { body: account };
	});
	emulator.add('DELETE', path, (context) => {
		vendorOf(context, context.params.vendorId);
		const map = mapOf(accounts, context.state);
		const account = map.get(context.params.vendorId);
		if (!account) throw errors.notFound('Vendor bank account', context.params.vendorId);
		map.delete(context.params.vendorId);
		record(context, context.params.vendorId, 'bankAccount', shown(account), '');
		return { status: 204 };
	});
	emulator.add('GET', '/v3/vendors/:vendorId/configuration', (context) => {
		const vendor = vendorOf(context, context.params.vendorId);
		return {
			body: {
				internationalPayments: configuration(String((vendor.address as Json)?.country ?? 'US')),
			},
		};
	});
	emulator.add('GET', '/v3/vendors/configuration/international-payments', (context) => {
		const { country, billCurrency, accountType } = context.query;
		if (!/^[A-Z]{2}$/.test(country ?? ''))
			throw bad('country', 'must be a two-letter country code');
		if (!/^[A-Z]{3}$/.test(billCurrency ?? ''))
			throw bad('billCurrency', 'must be a three-letter currency code');
		if (!['NONE', 'BUSINESS', 'PERSON'].includes(accountType ?? ''))
			throw bad('accountType', 'must be one of NONE, BUSINESS, PERSON');
		return { body: configuration(country) };
	});
	emulator.add('GET', '/v3/reports/audit-trail/vendor/:vendorId', (context) => {
		const vendor = vendorOf(context, context.params.vendorId);
		const start = Number(context.query.start ?? 0);
		const max = Number(context.query.max ?? 20);
		if (!Number.isInteger(start) || start < 0) throw bad('start', 'must be 0 or more');
		if (!Number.isInteger(max) || max < 1 || max > 100)
			throw bad('max', 'must be between 1 and 100');
		const created: Json = {
			source: 'API',
			type: 'Create',
			createdTime: vendor.createdTime,
			user: { id: context.user?.id, name: context.user?.username },
			field: {},
		};
		const all = [created, ...(mapOf(trails, context.state).get(String(vendor.id)) ?? [])];
		return { body: all.slice(start, start + max) };
	});
}
