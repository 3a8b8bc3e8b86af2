/**
 * Charging customers (BILL, December 2025): the customer's authorization to charge
 * (https://developer.bill.com/reference/authorizetochargecustomer), the customer's bank accounts
 * (https://developer.bill.com/hc/reference/createcustomerbankaccount and the list, get, update and
 * archive of https://developer.bill.com/changelog/2025-12-05-new-endpoints-customer-bank-accounts)
 * and the charge itself, `POST /v3/receivable-payments`
 * (https://developer.bill.com/docs/ar-charge-customer): the money is taken from the customer's
 * bank account on `paymentDate` and applied to the invoices, whose due amounts drop at once.
 *
 * The emulator's choices where BILL's documents are silent:
 * - Refusals are 400 BDC_1002 naming the field: not authorized to charge, no such or archived
 *   bank account, an invoice of another customer or with less due, a withdrawal date in the past.
 * - Customer bank account ids start with `cba` (https://developer.bill.com/docs/bill-generated-ids);
 *   they are VERIFIED at once (BILL may take two business days); account numbers are masked.
 * - The charge answers 201 with the received payment (`0rp…`), status PAID, receivablesType ACH.
 * - The answer to a charge authorization: the customer, or an empty 200 (reading
 *   `chargeAuthorizationAnswer`).
 * - No idempotency: the same charge sent twice charges twice (BILL documents no key).
 * - The withdrawal date is the one sent, or (reading `chargeWithdrawalDate`) a weekend one moved
 *   to the next Monday.
 */
import { errors } from '../errors';
import { listPage } from '../list';
import { receivables } from '../receivables';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { OWNER_TYPES, TYPES, masked, validRoutingNumber } from './bankAccounts';
import { customerOf } from './customers';
import { emit, invoiceOf, settle } from './invoices';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const cents = (n: number) => Math.round(n * 100) / 100;
const blank = (value: unknown) => value === undefined || value === null || value === '';

function bankAccountOf(context: RequestContext, customerId: string, id: string): Json {
	const account = receivables(context.state).customerBankAccounts.get(id);
	if (!account || account.customerId !== customerId) throw errors.notFound('Bank account', id);
	return account;
}

function createBankAccount(context: RequestContext): Json {
	const customer = customerOf(context, context.params.customerId);
	const body = objectBody(context);
	for (const field of ['nameOnAccount', 'routingNumber', 'accountNumber', 'type', 'ownerType'])
		if (blank(body[field])) throw errors.invalid(`${field}: must not be null`);
	if (!customer.billingAddress)
		throw errors.invalid(
			'billingAddress: the customer needs a billing address before a bank account',
		);
	if (!validRoutingNumber(String(body.routingNumber)))
		throw errors.invalid('routingNumber: is not a valid ABA routing number');
	if (!/^\d{4,17}$/.test(String(body.accountNumber)))
		throw errors.invalid('accountNumber: must be 4 to 17 digits');
	if (!TYPES.includes(String(body.type)))
		throw errors.invalid(`type: must be one of ${TYPES.join(', ')}`);
	if (!OWNER_TYPES.includes(String(body.ownerType)))
		throw errors.invalid(`ownerType: must be one of ${OWNER_TYPES.join(', ')}`);
	const now = context.clock.timestamp();
	const account: Json = {
		id: newId('cba'),
		customerId: customer.id,
		archived: false,
		nameOnAccount: body.nameOnAccount,
		nickname: body.nickname ?? '',
		routingNumber: String(body.routingNumber),
		accountNumber: masked(String(body.accountNumber)),
		type: body.type,
		ownerType: body.ownerType,
		status: 'VERIFIED',
		createdTime: now,
		updatedTime: now,
	};
	receivables(context.state).customerBankAccounts.set(String(account.id), account);
	context.state.owner.set(String(account.id), context.organization!.id);
	return account;
}

function updateBankAccount(context: RequestContext): Json {
	const customer = customerOf(context, context.params.customerId);
	const account = bankAccountOf(context, String(customer.id), context.params.bankAccountId);
	const body = objectBody(context);
	for (const key of Object.keys(body))
		if (key !== 'nickname' && key !== 'ownerType')
			throw errors.invalid(`${key}: cannot be changed (only nickname and ownerType)`);
	if (body.ownerType !== undefined && !OWNER_TYPES.includes(String(body.ownerType)))
		throw errors.invalid(`ownerType: must be one of ${OWNER_TYPES.join(', ')}`);
	Object.assign(account, body, { updatedTime: context.clock.timestamp() });
	return account;
}

function fundingAccountOf(context: RequestContext, customer: Json, funding: unknown): Json {
	if (!funding || typeof funding !== 'object')
		throw errors.invalid('fundingAccount: must not be null');
	const { type, id } = funding as Json;
	if (type !== 'BANK_ACCOUNT') throw errors.invalid('fundingAccount.type: must be BANK_ACCOUNT');
	const account = receivables(context.state).customerBankAccounts.get(String(id));
	if (!account || account.customerId !== customer.id)
		throw errors.invalid(`fundingAccount.id: no bank account ${String(id)} of this customer`);
	if (account.archived)
		throw errors.invalid(`fundingAccount.id: bank account ${String(id)} is archived`);
	return account;
}

/** The invoices and amounts of a charge, each checked against the invoice (the whole list first). */
function invoicePaymentsOf(context: RequestContext, customer: Json, list: unknown) {
	if (!Array.isArray(list) || !list.length)
		throw errors.invalid('invoicePayments: must not be empty');
	return list.map((raw, i) => {
		const entry = (raw ?? {}) as Json;
		const invoice = invoiceOf(context, String(entry.invoiceId));
		if (invoice.customerId !== customer.id)
			throw errors.invalid(
				`invoicePayments[${i}].invoiceId: the invoice belongs to another customer`,
			);
		const amount = Number(entry.amount);
		if (!Number.isFinite(amount) || amount <= 0)
			throw errors.invalid(`invoicePayments[${i}].amount: must be more than 0`);
		if (cents(amount) > Number(invoice.dueAmount))
			throw errors.invalid(
				`invoicePayments[${i}].amount: ${amount} is more than the ${String(invoice.dueAmount)} due on invoice ${String(invoice.id)}`,
			);
		return { invoice, amount: cents(amount) };
	});
}

/** A Saturday or Sunday moved to the next Monday (reading chargeWithdrawalDate 'businessDay'). */
function businessDay(date: string): string {
	const day = new Date(`${date}T00:00:00Z`);
	const shift = day.getUTCDay() === 6 ? 2 : day.getUTCDay() === 0 ? 1 : 0;
	return new Date(day.getTime() + shift * 86_400_000).toISOString().slice(0, 10);
}

function charge(context: RequestContext): Json {
	const body = objectBody(context);
	if (blank(body.customerId)) throw errors.invalid('customerId: must not be null');
	const customer = customerOf(context, String(body.customerId));
	if (customer.archived)
		throw errors.invalid(`customerId: customer ${String(customer.id)} is archived`);
	if (customer.authorizedToCharge !== true)
		throw errors.invalid(
			`customerId: customer ${String(customer.id)} is not authorized to charge (set authorizedToCharge first)`,
		);
	const account = fundingAccountOf(context, customer, body.fundingAccount);
	const applied = invoicePaymentsOf(context, customer, body.invoicePayments);
	const today = context.clock.today();
	const asked = blank(body.paymentDate) ? today : String(body.paymentDate);
	if (!DATE.test(asked)) throw errors.invalid('paymentDate: must be a date as yyyy-MM-dd');
	if (asked < today) throw errors.invalid(`paymentDate: ${asked} is in the past`);
	const paymentDate =
		context.emulator.readings.chargeWithdrawalDate === 'businessDay' ? businessDay(asked) : asked;
	const now = context.clock.timestamp();
	const id = newId('0rp');
	for (const { invoice, amount } of applied) {
		(invoice.payments as Json[]).push({ id, amount, status: 'PAID', date: paymentDate });
		settle(invoice);
		invoice.updatedTime = now;
		emit(context, 'invoice.updated', invoice);
	}
	const received: Json = {
		id,
		amount: cents(applied.reduce((sum, a) => sum + a.amount, 0)),
		customerId: customer.id,
		invoicePayments: applied.map(({ invoice, amount }) => ({
			invoiceId: invoice.id,
			amount,
			paymentDate,
		})),
		description: body.description ?? '',
		paymentDate,
		fundingAccount: { id: account.id, type: 'BANK_ACCOUNT' },
		unappliedAmount: 0,
		convenienceFeeAmount: 0,
		receivablesType: 'ACH',
		status: 'PAID',
		referenceNumber: '',
		onlinePayment: true,
		createdTime: now,
		updatedTime: now,
	};
	receivables(context.state).receivablePayments.set(id, received);
	context.state.owner.set(id, context.organization!.id);
	return received;
}

export function registerCharges(emulator: Emulator): void {
	emulator.add('POST', '/v3/customers/:customerId/charge-authorization', (context) => {
		const customer = customerOf(context, context.params.customerId);
		const body = objectBody(context);
		if (typeof body.authorizedToCharge !== 'boolean')
			throw errors.invalid('authorizedToCharge: must be true or false');
		customer.authorizedToCharge = body.authorizedToCharge;
		customer.updatedTime = context.clock.timestamp();
		return context.emulator.readings.chargeAuthorizationAnswer === 'empty'
			? { status: 200 }
			: { body: customer };
	});
	emulator.add('POST', '/v3/customers/:customerId/bank-accounts', (context) => ({
		status: 201,
		body: createBankAccount(context),
	}));
	emulator.add('GET', '/v3/customers/:customerId/bank-accounts', (context) => {
		const customer = customerOf(context, context.params.customerId);
		const all = [...receivables(context.state).customerBankAccounts.values()].filter(
			(a) => a.customerId === customer.id,
		);
		return {
			body: listPage(all, context.query, {
				filterable: { id: ['eq', 'in'], archived: ['eq'] },
				sortable: ['createdTime', 'updatedTime'],
			}),
		};
	});
	emulator.add('GET', '/v3/customers/:customerId/bank-accounts/:bankAccountId', (context) => ({
		body: bankAccountOf(
			context,
			String(customerOf(context, context.params.customerId).id),
			context.params.bankAccountId,
		),
	}));
	emulator.add('PATCH', '/v3/customers/:customerId/bank-accounts/:bankAccountId', (context) => ({
		body: updateBankAccount(context),
	}));
	emulator.add(
		'POST',
		'/v3/customers/:customerId/bank-accounts/:bankAccountId/archive',
		(context) => {
			const customer = customerOf(context, context.params.customerId);
			const account = bankAccountOf(context, String(customer.id), context.params.bankAccountId);
			account.archived = true;
			account.updatedTime = context.clock.timestamp();
			return { body: account };
		},
	);
	emulator.add('POST', '/v3/receivable-payments', (context) => ({
		status: 201,
		body: charge(context),
	}));
}
