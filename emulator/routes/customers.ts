/**
 * Customers (BILL's Postman folder "Customers"; https://developer.bill.com/docs/ar-customers):
 * create (201; name and email required), get, list with BILL's filterable and sortable fields,
 * PATCH, archive and restore (idempotent). Ids start with `0cu`.
 */
import { errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import { receivables } from '../receivables';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';

const ACCOUNT_TYPES = ['BUSINESS', 'PERSON', 'NONE'];

/** https://developer.bill.com/docs/filterable-fields (customers: the vendors' table). */
export const CUSTOMER_FILTERS: FilterableFields = {
	id: ['eq', 'ne', 'in'],
	archived: ['eq', 'ne'],
	name: ['eq', 'sw'],
	accountType: ['eq', 'ne', 'in', 'nin'],
	'address.country': ['eq', 'ne'],
	invoiceCurrency: ['eq', 'ne', 'in', 'nin'],
	paymentStatus: ['eq', 'ne', 'in', 'nin'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
};

export const CUSTOMER_SORTS = [
	'archived',
	'name',
	'companyName',
	'email',
	'phone',
	'fax',
	'description',
	'invoiceCurrency',
	'createdTime',
	'updatedTime',
];

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** BILL names each bad field as "<field>: <reason>" (a third party saw "email: must not be blank"). */
export function checkCustomer(body: Json, creating: boolean): void {
	if (creating) {
		for (const field of ['name', 'email'])
			if (blank(body[field])) throw errors.invalid(`${field}: must not be blank`);
	}
	if (body.name !== undefined && String(body.name).length > 100)
		throw errors.invalid('name: size must be between 1 and 100');
	if (body.accountType !== undefined && !ACCOUNT_TYPES.includes(String(body.accountType)))
		throw errors.invalid(`accountType: must be one of ${ACCOUNT_TYPES.join(', ')}`);
	if (body.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(body.email)))
		throw errors.invalid('email: must be a well-formed email address');
	if (body.invoiceCurrency !== undefined && !/^[A-Z]{3}$/.test(String(body.invoiceCurrency)))
		throw errors.invalid('invoiceCurrency: must be a three-letter currency code');
}

const withCountryName = (address: unknown): Json | undefined =>
	address && typeof address === 'object' ? { countryName: '', ...(address as Json) } : undefined;

export function newCustomer(context: RequestContext, body: Json): Json {
	const now = context.clock.timestamp();
	const customer: Json = {
		id: newId('0cu'),
		archived: false,
		name: body.name,
		email: body.email,
		companyName: body.companyName,
		contact: body.contact,
		phone: body.phone,
		fax: body.fax,
		description: body.description,
		invoiceCurrency: body.invoiceCurrency ?? 'USD',
		accountType: body.accountType ?? 'NONE',
		paymentTermId: body.paymentTermId,
		accountNumber: body.accountNumber,
		billingAddress: withCountryName(body.billingAddress),
		shippingAddress: withCountryName(body.shippingAddress),
		balance: { amount: 0 },
		createdTime: now,
		updatedTime: now,
	};
	for (const key of Object.keys(customer)) if (customer[key] === undefined) delete customer[key];
	const ar = receivables(context.state);
	ar.customers.set(String(customer.id), customer);
	context.state.owner.set(String(customer.id), context.organization!.id);
	return customer;
}

export function customerOf(context: RequestContext, customerId: string): Json {
	const customer = receivables(context.state).customers.get(customerId);
	if (!customer || context.state.owner.get(customerId) !== context.organization!.id)
		throw errors.notFound('Customer', customerId);
	return customer;
}

function setArchived(context: RequestContext, archived: boolean): Json {
	const customer = customerOf(context, context.params.customerId);
	if (customer.archived !== archived) {
		customer.archived = archived;
		customer.updatedTime = context.clock.timestamp();
	}
	return customer;
}

export function registerCustomers(emulator: Emulator): void {
	emulator.add('POST', '/v3/customers', (context) => {
		const body = objectBody(context);
		checkCustomer(body, true);
		return { status: 201, body: newCustomer(context, body) };
	});

	emulator.add('GET', '/v3/customers', (context) => ({
		body: listPage(
			context.state.ofOrganization(receivables(context.state).customers, context.organization!.id),
			context.query,
			{ filterable: CUSTOMER_FILTERS, sortable: CUSTOMER_SORTS },
		),
	}));

	emulator.add('GET', '/v3/customers/:customerId', (context) => ({
		body: customerOf(context, context.params.customerId),
	}));

	emulator.add('PATCH', '/v3/customers/:customerId', (context) => {
		const customer = customerOf(context, context.params.customerId);
		const body = objectBody(context);
		checkCustomer(body, false);
		for (const [key, value] of Object.entries(body)) {
			if (key === 'id' || key === 'createdTime' || key === 'balance') continue;
			customer[key] =
				value && typeof value === 'object' && !Array.isArray(value)
					? { ...((customer[key] as Json) ?? {}), ...(value as Json) }
					: value;
		}
		customer.updatedTime = context.clock.timestamp();
		return { body: customer };
	});

	emulator.add('POST', '/v3/customers/:customerId/archive', (context) => ({
		body: setArchived(context, true),
	}));
	emulator.add('POST', '/v3/customers/:customerId/restore', (context) => ({
		body: setArchived(context, false),
	}));
}
