/**
 * Invoice actions (BILL's Postman folder "Invoices"; https://developer.bill.com/docs/ar-invoices):
 * send by email (an empty 200; 5 a minute, BILL's request-limit code BDC_1144 with a per-minute
 * message, as the emulator's SMS limit does) and record payment (200, a received payment `0rp…`).
 * The routes are in invoices.ts.
 */
import { BillError, errors } from '../errors';
import { receivables, receivablesSettings } from '../receivables';
import { objectBody, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { cents } from './amountLines';
import { customerOf } from './customers';
import { DATE, emit, invoiceOf, settle } from './invoices';

const EMAILS_PER_WINDOW = 5;

export function sendEmail(context: RequestContext): void {
	invoiceOf(context, context.params.invoiceId);
	const body = objectBody(context);
	const to = (body.recipient as Json | undefined)?.to;
	if (!Array.isArray(to) || !to.length) throw errors.invalid('recipient.to: must not be empty');
	// BILL's examples send the placeholder "string" for addresses and ids: the emulator checks
	// only that they are given, and an id shaped as BILL's (006…) for a user of the organization.
	const userId = String((body.replyTo as Json | undefined)?.userId ?? '');
	if (!userId) throw errors.invalid('replyTo.userId: must not be null');
	const user = context.state.users.get(userId);
	if (/^006/.test(userId) && (!user || user.organizationId !== context.organization!.id))
		throw errors.invalid('replyTo.userId: must be a user of the organization');
	const ar = receivables(context.state);
	const window = receivablesSettings(context.emulator).emailWindowMs;
	const now = context.clock.ms();
	const organizationId = context.organization!.id;
	const recent = (ar.emailsSent.get(organizationId) ?? []).filter((at) => now - at < window);
	if (context.emulator.options.limits && recent.length >= EMAILS_PER_WINDOW)
		throw new BillError(
			400,
			'BDC_1144',
			`Max number of allowed requests per minute reached: ${EMAILS_PER_WINDOW}.`,
		);
	recent.push(now);
	ar.emailsSent.set(organizationId, recent);
}

export function recordPayment(context: RequestContext): Json {
	const body = objectBody(context);
	for (const key of ['customerId', 'paymentDate', 'paymentType', 'amount', 'invoices'])
		if (body[key] === undefined || body[key] === null || body[key] === '')
			throw errors.invalid(`${key}: must not be null`);
	const customer = customerOf(context, String(body.customerId));
	if (!DATE.test(String(body.paymentDate)))
		throw errors.invalid('paymentDate: must be a date as yyyy-MM-dd');
	const types = ['CASH', 'CHECK', 'CREDIT_CARD', 'ACH', 'PAYPAL', 'OTHER'];
	if (!types.includes(String(body.paymentType)))
		throw errors.invalid(`paymentType: must be one of ${types.join(', ')}`);
	// Postman's "Record AR payment" sends amounts as text: both forms are numbers here.
	const amount = Number(body.amount);
	if (!Number.isFinite(amount) || amount <= 0) throw errors.invalid('amount: must be more than 0');
	if (!Array.isArray(body.invoices) || !body.invoices.length)
		throw errors.invalid('invoices: must not be empty');
	const applied = (body.invoices as Json[]).map((entry, i) => {
		const invoice = invoiceOf(context, String(entry.id));
		if (invoice.customerId !== customer.id)
			throw errors.invalid(`invoices[${i}].id: the invoice belongs to another customer`);
		const part = Number(entry.amount);
		if (!Number.isFinite(part) || part <= 0)
			throw errors.invalid(`invoices[${i}].amount: must be more than 0`);
		return { invoice, part };
	});
	const total = cents(applied.reduce((sum, a) => sum + a.part, 0));
	if (total > amount) throw errors.invalid('amount: less than the amounts applied to the invoices');
	const now = context.clock.timestamp();
	const paymentDate = String(body.paymentDate);
	const id = newId('0rp');
	const invoices = applied.map(({ invoice, part }) => {
		(invoice.payments as Json[]).push({ id, amount: part, status: 'PAID', date: paymentDate });
		settle(invoice);
		invoice.updatedTime = now;
		emit(context, 'invoice.updated', invoice);
		return { id: invoice.id, payments: invoice.payments };
	});
	const unappliedAmount = cents(amount - total);
	const received: Json = {
		amount,
		id,
		customerId: customer.id,
		invoicePayments: applied.map(({ invoice, part }) => ({
			invoiceId: invoice.id,
			amount: part,
			paymentDate,
		})),
		description: body.description ?? '',
		paymentDate,
		unappliedAmount,
		convenienceFeeAmount: 0,
		// Open question: BILL does not map paymentType to receivablesType; the emulator keeps the type.
		receivablesType: body.paymentType,
		status: 'PAID',
		referenceNumber: '',
		onlinePayment: false,
		createdTime: now,
		updatedTime: now,
	};
	receivables(context.state).receivablePayments.set(id, received);
	context.state.owner.set(id, context.organization!.id);
	return {
		id,
		customerId: customer.id,
		paymentType: body.paymentType,
		paymentDate,
		amount,
		unappliedAmount,
		status: 'PAID',
		description: body.description ?? '',
		invoices,
	};
}
