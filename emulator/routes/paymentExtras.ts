/**
 * Payment extras (BILL's Postman folder "payments"): the BILL exchange rate for paying an
 * international vendor, with its exchange-rate batch (https://developer.bill.com/reference/getexchangerate,
 * https://developer.bill.com/docs/ap-international-payments), and the images of a check BILL sent
 * (Postman "Get check image data").
 *
 * - Exchange rates live in batches: a new batch every 20 minutes (BILL: "In production, the batch
 *   expiration time is 20 minutes"), numbered from the emulator's clock. A payment to a vendor
 *   whose `billCurrency` is not USD needs the current `exchangeRateBatchId` and, as BILL's
 *   reference says, a `processDate` on the next US business day (weekends skipped; US holidays
 *   are not modelled). Without the batch ID the payment is refused (400 BDC_1002 naming the field,
 *   BILL's gateway format for a missing field).
 * - `baseCurrency=true` (Postman's example value): the amount is in the organization's currency
 *   (USD) instead of the vendor's bill currency (BILL documents only the parameter's example).
 * - Check images: BILL has them once the vendor's bank processed the check. The emulator has them
 *   for a processed (CLEARED) payment sent by check, front and back; a check not processed yet
 *   has none (`results: []`, or a refusal: readings.ts `checkImagesPending`); a payment not sent
 *   by check is refused (400 BDC_1002). The download
 *   link is the emulator's own (`/v3/check-images/{cki…}`, BILL's check-image prefix), fetched
 *   with the session header as Postman's description shows.
 */
import { errors } from '../errors';
import type { Emulator, RequestContext } from '../server';
import { newId, type Json, type State } from '../state';
import { EXCHANGE_RATES as RATES } from './bills';

const BATCH_MS = 20 * 60_000;
const FIRST_BATCH = 35_000;

/** A 1×1 PNG: what the emulator's check images are. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
);

const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);

export function currentBatch(context: RequestContext): { id: number; expires: string } {
	const slot = Math.floor(context.clock.ms() / BATCH_MS);
	return {
		id: FIRST_BATCH + (slot % 1_000_000),
		expires: new Date((slot + 1) * BATCH_MS).toISOString(),
	};
}

/** The next US business day after the emulator's today (weekends skipped), yyyy-MM-dd. */
export function nextBusinessDay(context: RequestContext): string {
	const day = new Date(`${context.clock.today()}T00:00:00Z`);
	do day.setUTCDate(day.getUTCDate() + 1);
	while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
	return day.toISOString().slice(0, 10);
}

const isInternational = (vendor: Json) =>
	String(vendor.billCurrency ?? 'USD') !== 'USD' ||
	String((vendor.address as Json | undefined)?.country ?? 'US') !== 'US';

/**
 * A payment to a vendor whose bill currency is not USD: the current exchange-rate batch and the
 * next US business day are required (https://developer.bill.com/reference/getexchangerate).
 */
export function checkForeignPayment(
	context: RequestContext,
	vendor: Json | undefined,
	body: Json,
	processDate: string,
	field = '',
): Json {
	if (!vendor || String(vendor.billCurrency ?? 'USD') === 'USD') return {};
	const batchId = body.exchangeRateBatchId;
	if (batchId === undefined || batchId === null || batchId === '')
		throw bad(
			`${field}exchangeRateBatchId`,
			`must not be null: vendor ${String(vendor.id)} is paid in ${String(vendor.billCurrency)}; get the batch ID with GET /v3/payments/exchange-rate`,
		);
	const batch = currentBatch(context);
	if (Number(batchId) !== batch.id)
		throw bad(
			`${field}exchangeRateBatchId`,
			`exchange rate batch ${String(batchId)} has expired or does not exist; get a new batch ID with GET /v3/payments/exchange-rate`,
		);
	const next = nextBusinessDay(context);
	if (processDate !== next)
		throw bad(
			'processDate',
			`must be the next US business day (${next}) when the vendor bill currency is not USD`,
		);
	const rate = RATES[String(vendor.billCurrency)] ?? 1.1;
	return { exchangeRate: rate, exchangeRateBatchId: batch.id };
}

function exchangeRate(context: RequestContext): Json {
	const { vendorId } = context.query;
	if (!vendorId) throw bad('vendorId', 'must not be null');
	const vendor = context.state.vendors.get(vendorId);
	if (!vendor || context.state.owner.get(vendorId) !== context.organization!.id)
		throw errors.notFound('Vendor', vendorId);
	const amount = Number(context.query.amount);
	if (context.query.amount === undefined || !Number.isFinite(amount) || amount <= 0)
		throw bad('amount', 'must be a number greater than 0');
	// BILL: "International vendor payment information is required for you to get the BILL exchange rate".
	if (!isInternational(vendor))
		throw bad('vendorId', `vendor ${vendorId} is not an international vendor`);
	const billCurrency = String(vendor.billCurrency ?? 'USD');
	const paymentCurrency =
		billCurrency === 'USD'
			? String((vendor.paymentInformation as Json | undefined)?.paymentCurrency ?? 'USD')
			: billCurrency;
	const rate = RATES[paymentCurrency] ?? (paymentCurrency === 'USD' ? 1 : 1.1);
	const usd = context.query.baseCurrency === 'true' ? amount : amount / rate;
	const batch = currentBatch(context);
	return {
		billCurrency,
		paymentCurrency,
		baseCurrency: 'USD',
		exchangeRate: rate,
		exchangeRateBatchId: batch.id,
		vendorId,
		amountRange: { from: Math.floor(usd * 0.8 * 100) / 100, to: Math.ceil(usd * 4 * 100) / 100 },
		expirationTime: batch.expires,
	};
}

const images = new WeakMap<State, Map<string, { paymentId: string; side: string }>>();
function imagesOf(state: State) {
	let found = images.get(state);
	if (!found) images.set(state, (found = new Map()));
	return found;
}

/** Postman "Get payment options": the vendor's funding options for an amount (bank accounts only). */
function paymentOptions(context: RequestContext): Json {
	const vendorId = context.query.vendorId;
	const vendor = vendorId ? context.state.vendors.get(vendorId) : undefined;
	if (!vendor || context.state.owner.get(vendorId) !== context.organization!.id)
		throw errors.notFound('Vendor', String(vendorId));
	const amount = Number(context.query.amount);
	if (!Number.isFinite(amount) || amount <= 0)
		throw bad('amount', 'must be a number greater than 0');
	const day = (offset: number) =>
		new Date(context.clock.ms() + offset * 86_400_000).toISOString().slice(0, 10);
	const banks = context.state
		.ofOrganization(context.state.bankAccounts, context.organization!.id)
		.filter((account) => !account.archived)
		.map((account) => {
			const verified = account.status === 'VERIFIED';
			const option: Json = {
				available: verified,
				id: account.id,
				name: account.bankName,
				fee: 0,
				conditions: [],
			};
			if (verified) Object.assign(option, { processDate: day(1), deliveryDate: day(4) });
			else option.reason = `Bank account is not verified (status ${String(account.status)})`;
			return option;
		});
	return { amount, vendorId, fundingOptions: { banks, cards: [] } };
}

export function registerPaymentExtras(emulator: Emulator): void {
	emulator.add('GET', '/v3/payments/options', (context) => ({ body: paymentOptions(context) }));
	emulator.add('GET', '/v3/payments/exchange-rate', (context) => ({ body: exchangeRate(context) }));

	emulator.add('GET', '/v3/payments/:paymentId/check-image', (context) => {
		const id = context.params.paymentId;
		const payment = context.state.payments.get(id);
		if (!payment || context.state.owner.get(id) !== context.organization!.id)
			throw errors.notFound('Payment', id);
		if (payment.disbursementType !== 'CHECK')
			throw errors.invalid(`Payment ${id} was not sent as a check: it has no check images.`);
		if (payment.singleStatus !== 'CLEARED' && payment.singleStatus !== 'VOID_PENDING') {
			if (context.emulator.readings.checkImagesPending === 'refused')
				throw errors.invalid(
					`Check images of payment ${id} are not available yet: the vendor's bank has not processed the check.`,
				);
			return { body: { results: [] } };
		}
		const store = imagesOf(context.state);
		const results = ['front', 'back'].map((side) => {
			let imageId = [...store].find(([, v]) => v.paymentId === id && v.side === side)?.[0];
			if (!imageId) store.set((imageId = newId('cki')), { paymentId: id, side });
			return { downloadLink: `${context.emulator.baseUrl}/v3/check-images/${imageId}` };
		});
		return { body: { results } };
	});

	emulator.add('GET', '/v3/check-images/:checkImageId', (context) => {
		const image = imagesOf(context.state).get(context.params.checkImageId);
		if (!image || context.state.owner.get(image.paymentId) !== context.organization!.id)
			throw errors.notFound('Check image', context.params.checkImageId);
		return { body: PNG, headers: { 'Content-Type': 'image/png' } };
	});
}
