/**
 * Vendors (https://developer.bill.com/docs/creating-a-us-vendor): create (201), bulk create (≤20, atomic, 201), get, list with
 * BILL's filterable and sortable fields, PATCH, archive and restore (idempotent).
 */
import { BillError, errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';

const ACCOUNT_TYPES = ['BUSINESS', 'PERSON', 'NONE'];

export const VENDOR_FILTERS: FilterableFields = {
	id: ['eq', 'ne', 'in'],
	archived: ['eq', 'ne'],
	name: ['eq', 'sw'],
	accountType: ['eq', 'ne', 'in', 'nin'],
	'address.country': ['eq', 'ne'],
	billCurrency: ['eq', 'ne', 'in', 'nin'],
	paymentStatus: ['eq', 'ne', 'in', 'nin'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
};

export const VENDOR_SORTS = [
	'archived',
	'name',
	'shortName',
	'email',
	'phone',
	'billCurrency',
	'createdTime',
	'updatedTime',
];

/** BILL's gateway names each bad field as "<field>: <reason>" (https://developer.bill.com/docs/ap-bills). */
function checkVendor(body: Json, creating: boolean): void {
	if (creating) {
		for (const field of ['name', 'accountType']) {
			if (body[field] === undefined || body[field] === null || body[field] === '')
				throw errors.invalid(`${field}: must not be null`);
		}
	}
	if (body.accountType !== undefined && !ACCOUNT_TYPES.includes(String(body.accountType))) {
		throw errors.invalid(`accountType: must be one of ${ACCOUNT_TYPES.join(', ')}`);
	}
	if (body.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(body.email)))
		throw errors.invalid('email: must be a well-formed email address');
	if (body.billCurrency !== undefined && !/^[A-Z]{3}$/.test(String(body.billCurrency)))
		throw errors.invalid('billCurrency: must be a three-letter currency code');
	const bank = (body.paymentInformation as Json | undefined)?.bankAccount;
	if (!creating && bank)
		throw errors.invalid(
			'paymentInformation.bankAccount: cannot be changed here; use /v3/vendors/{vendorId}/bank-account',
		);
}

function newVendor(context: RequestContext, body: Json): Json {
	const now = context.clock.timestamp();
	const paymentInformation = { payByType: 'CHECK', ...((body.paymentInformation as Json) ?? {}) };
	const vendor: Json = {
		id: newId('009'),
		archived: false,
		name: body.name,
		shortName: body.shortName ?? String(body.name).slice(0, 20),
		accountType: body.accountType,
		email: body.email,
		phone: body.phone,
		address: body.address ?? {},
		paymentInformation,
		additionalInfo: body.additionalInfo ?? {},
		billCurrency: body.billCurrency ?? 'USD',
		bankAccountStatus: (paymentInformation as Json).bankAccount
			? 'NO_NET_LINKED_ACCOUNT'
			: 'NO_ACCOUNT',
		networkStatus: 'NOT_CONNECTED',
		recurringPayments: false,
		balance: { amount: 0 },
		autoPay: { enabled: false },
		createdTime: now,
		updatedTime: now,
	};
	for (const [key, value] of Object.entries(body)) if (!(key in vendor)) vendor[key] = value;
	// https://developer.bill.com/changelog/2026-02-18-vendors-api-improvements: a vendor paid by several
	// methods (payBySubType MULTIPLE) has a default transfer method for international payments,
	// LOCAL or WIRE (response only; the emulator starts with LOCAL, or WIRE for an IBAN account).
	if ((paymentInformation as Json).payBySubType === 'MULTIPLE') {
		const bank = ((paymentInformation as Json).bankAccount as Json | undefined) ?? {};
		vendor.transferMethod = /^[A-Z]{2}\d{2}/.test(String(bank.accountNumber ?? ''))
			? 'WIRE'
			: 'LOCAL';
	}
	return vendor;
}

export function vendorOf(context: RequestContext, vendorId: string): Json {
	const vendor = context.state.vendors.get(vendorId);
	if (!vendor || context.state.owner.get(vendorId) !== context.organization!.id)
		throw errors.notFound('Vendor', vendorId);
	return vendor;
}

function store(context: RequestContext, vendor: Json): Json {
	context.state.vendors.set(String(vendor.id), vendor);
	context.state.owner.set(String(vendor.id), context.organization!.id);
	context.emulator.emit('vendor.created', context.organization!.id, 'vendor', vendor);
	return vendor;
}

function setArchived(context: RequestContext, archived: boolean): Json {
	const vendor = vendorOf(context, context.params.vendorId);
	if (vendor.archived !== archived) {
		vendor.archived = archived;
		vendor.updatedTime = context.clock.timestamp();
		context.emulator.emit(
			archived ? 'vendor.archived' : 'vendor.restored',
			context.organization!.id,
			'vendor',
			vendor,
		);
	}
	return vendor;
}

export function registerVendors(emulator: Emulator): void {
	emulator.add('POST', '/v3/vendors', (context) => {
		const body = objectBody(context);
		checkVendor(body, true);
		return { status: 201, body: store(context, newVendor(context, body)) };
	});

	emulator.add('POST', '/v3/vendors/bulk', (context) => {
		const list = context.body;
		if (!Array.isArray(list) || list.length === 0)
			throw errors.invalid('Request body must be a non-empty JSON array of vendors');
		if (list.length > 20)
			throw errors.invalid(`At most 20 vendors per bulk request, got ${list.length}`);
		// All or nothing: every vendor is checked before any is stored.
		list.forEach((body, i) => {
			try {
				checkVendor(body as Json, true);
			} catch (error) {
				if (error instanceof BillError)
					throw new BillError(error.status, error.code, `[${i}] ${error.message}`);
				throw error;
			}
		});
		const vendors = list.map((body) => store(context, newVendor(context, body as Json)));
		return { status: 201, body: { vendors } };
	});

	emulator.add('GET', '/v3/vendors', (context) => ({
		body: listPage(
			context.state.ofOrganization(context.state.vendors, context.organization!.id),
			context.query,
			{ filterable: VENDOR_FILTERS, sortable: VENDOR_SORTS },
		),
	}));

	emulator.add('GET', '/v3/vendors/:vendorId', (context) => ({
		body: vendorOf(context, context.params.vendorId),
	}));

	emulator.add('PATCH', '/v3/vendors/:vendorId', (context) => {
		const vendor = vendorOf(context, context.params.vendorId);
		const body = objectBody(context);
		checkVendor(body, false);
		for (const [key, value] of Object.entries(body)) {
			if (key === 'id' || key === 'createdTime') continue;
			vendor[key] =
				value && typeof value === 'object' && !Array.isArray(value)
					? { ...((vendor[key] as Json) ?? {}), ...(value as Json) }
					: value;
		}
		vendor.updatedTime = context.clock.timestamp();
		context.emulator.emit('vendor.updated', context.organization!.id, 'vendor', vendor);
		return { body: vendor };
	});

	emulator.add('POST', '/v3/vendors/:vendorId/archive', (context) => ({
		body: setArchived(context, true),
	}));
	emulator.add('POST', '/v3/vendors/:vendorId/restore', (context) => ({
		body: setArchived(context, false),
	}));
}
