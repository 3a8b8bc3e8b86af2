/**
 * Payment extras against the emulator (issue 16): BILL's exchange rate and its batch ID, which a
 * payment to a vendor whose bill currency is not USD must carry (refused without it, with a hint);
 * check images as binary data; paying from a card account or an AP card that BILL checks.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { processPayments } from '../../../../emulator/routes/payments';
import { listSearch } from '../../../../nodes/Bill/listSearch';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../../harness/bill';
import { loadOptionsContext } from '../../../harness/context';
import { api, day, type Api } from './setup';

let emulator: Emulator;
let admin: Api;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	admin = api(emulator);
});

const credentials = () => billCredentials(emulator);
const payments = () => [...emulator.state.payments.values()];
const posts = () => emulator.requests({ method: 'POST', route: /^\/v3\/payments(\/bulk)?$/ });

/** The next US business day after the emulator's today (weekends skipped), as BILL requires. */
function nextBusinessDay(): string {
	const d = new Date(`${emulator.clock.today()}T00:00:00Z`);
	do d.setUTCDate(d.getUTCDate() + 1);
	while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
	return d.toISOString().slice(0, 10);
}

async function euroVendor(): Promise<string> {
	const r = await admin.call('POST', '/v3/vendors', {
		name: 'Atelier Lumière',
		accountType: 'BUSINESS',
		email: 'compta@lumiere.example',
		phone: '33140000000',
		billCurrency: 'EUR',
	});
	if (r.status !== 201) throw new Error(JSON.stringify(r.data));
	return String(r.data.id);
}

const rateOf = async (vendorId: string, amount = 1000, extra: IDataObject = {}) =>
	(
		await runBillOk(credentials(), {
			resource: 'payment',
			operation: 'getExchangeRate',
			vendorId: byId(vendorId),
			amount,
			...extra,
		})
	)[0];

const pay = (billId: string, amount: number, processDate: string, extra: IDataObject = {}) => ({
	resource: 'payment',
	operation: 'create',
	billId: byId(billId),
	amount,
	processDate,
	fundingType: 'BANK_ACCOUNT',
	...extra,
});

describe('Payment: Get Exchange Rate', () => {
	it("gives BILL's rate and batch ID for an international vendor; the USD option is sent", async () => {
		const vendorId = await euroVendor();
		const rate = await rateOf(vendorId);
		expect(rate).toMatchObject({
			billCurrency: 'EUR',
			paymentCurrency: 'EUR',
			baseCurrency: 'USD',
			exchangeRate: 0.92,
			vendorId,
		});
		expect(Number.isInteger(rate.exchangeRateBatchId)).toBe(true);
		expect(Date.parse(String(rate.expirationTime))).toBeGreaterThan(emulator.clock.ms());
		const inUsd = await rateOf(vendorId, 1000, { baseCurrency: true });
		// 1000 USD rather than 1000 EUR: a lower USD range.
		expect((inUsd.amountRange as IDataObject).from).toBeLessThan(
			(rate.amountRange as IDataObject).from as number,
		);
	});

	it("a US vendor is BILL's refusal; a bad amount or vendor ID is refused unsent; an unknown vendor is not found", async () => {
		const usVendor = await admin.vendor();
		const { error } = await runBill(credentials(), {
			resource: 'payment',
			operation: 'getExchangeRate',
			vendorId: byId(usVendor),
			amount: 10,
		});
		expect(error?.message).toMatch(/is not an international vendor/);
		const before = emulator.log.length;
		const bad = await runBill(credentials(), {
			resource: 'payment',
			operation: 'getExchangeRate',
			vendorId: byId(usVendor),
			amount: expr('-3'),
		});
		expect(bad.error?.message).toMatch(/^Amount: .*\[item 0\]$/);
		const badVendor = await runBill(credentials(), {
			resource: 'payment',
			operation: 'getExchangeRate',
			vendorId: byId(expr('00n02ABCDEFGHIJKLMNO')),
			amount: 10,
		});
		expect(badVendor.error?.message).toMatch(/^Vendor: .*\[item 0\]$/);
		expect(emulator.log.length).toBe(before);
		const missing = await runBill(credentials(), {
			resource: 'payment',
			operation: 'getExchangeRate',
			vendorId: byId('00902NOSUCHVENDOR000'),
			amount: 10,
		});
		expect(missing.error?.message).toMatch(/Vendor not found/);
	});
});

describe('Payment: paying a vendor whose bill currency is not USD', () => {
	it('without the batch ID BILL refuses and the hint says how to get it; with it the payment is made', async () => {
		const vendorId = await euroVendor();
		const billId = String((await admin.bill(vendorId, 500)).id);
		const fundingAccountId = byId(await admin.bankAccount());
		const processDate = nextBusinessDay();

		const { error } = await runBill(
			credentials(),
			pay(billId, 500, processDate, { fundingAccountId }),
		);
		expect(error?.message).toMatch(/exchangeRateBatchId: must not be null/);
		expect((error as { description?: string }).description).toMatch(
			/Payment → Get Exchange Rate .* Exchange Rate Batch ID/,
		);
		expect(payments()).toEqual([]);

		const { exchangeRateBatchId } = await rateOf(vendorId, 500);
		const [made] = await runBillOk(
			credentials(),
			pay(billId, 500, processDate, {
				fundingAccountId,
				additionalFields: { exchangeRateBatchId },
			}),
		);
		expect(made).toMatchObject({ billId, amount: 500, exchangeRate: 0.92, alreadyExisted: false });
		expect(payments()[0]).toMatchObject({ exchangeRateBatchId });
	});

	it('an expired batch is refused by BILL; a batch ID that is not a whole number is refused unsent', async () => {
		const vendorId = await euroVendor();
		const billId = String((await admin.bill(vendorId, 200)).id);
		const fundingAccountId = byId(await admin.bankAccount());
		const { exchangeRateBatchId } = await rateOf(vendorId, 200);
		emulator.clock.advance(21 * 60_000);
		const processDate = nextBusinessDay();
		const { error } = await runBill(
			credentials(),
			pay(billId, 200, processDate, {
				fundingAccountId,
				additionalFields: { exchangeRateBatchId },
			}),
		);
		expect(error?.message).toMatch(/has expired or does not exist/);

		const before = posts().length;
		const bad = await runBill(
			credentials(),
			pay(billId, 200, processDate, {
				fundingAccountId,
				additionalFields: { exchangeRateBatchId: expr('-4') },
			}),
		);
		expect(bad.error?.message).toBe('Exchange Rate Batch ID: "-4" is not a batch ID [item 0]');
		expect(posts().length).toBe(before);
		expect(payments()).toEqual([]);
	});

	it('Create Bulk sends the batch ID for its bills', async () => {
		const vendorId = await euroVendor();
		const bills = [await admin.bill(vendorId, 100), await admin.bill(vendorId, 60)];
		const { exchangeRateBatchId } = await rateOf(vendorId, 160);
		const made = await runBillOk(credentials(), {
			resource: 'payment',
			operation: 'createBulk',
			payments: {
				payment: bills.map((b) => ({ billId: String(b.id), amount: Number(b.amount) })),
			},
			processDate: nextBusinessDay(),
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(await admin.bankAccount()),
			additionalFields: { exchangeRateBatchId: Number(exchangeRateBatchId) },
		});
		expect(made).toHaveLength(2);
		expect(payments().map((p) => p.exchangeRateBatchId)).toEqual([
			exchangeRateBatchId,
			exchangeRateBatchId,
		]);
	});
});

describe('Payment: Get Check Image', () => {
	async function checkPayment(): Promise<string> {
		const vendorId = await admin.vendor();
		const billId = String((await admin.bill(vendorId, 80)).id);
		const [made] = await runBillOk(
			credentials(),
			pay(billId, 80, day(emulator, 1), { fundingAccountId: byId(await admin.bankAccount()) }),
		);
		return String(made.id);
	}

	it('before the bank processed the check: one item saying so; after: front and back as files', async () => {
		const paymentId = await checkPayment();
		const image = {
			resource: 'payment',
			operation: 'getCheckImage',
			paymentId,
			binaryPropertyName: 'check',
		};
		const early = await runBill(credentials(), image);
		expect(early.output).toHaveLength(1);
		expect(early.output[0].json).toMatchObject({ paymentId, checkImages: 0 });
		expect(early.output[0].binary).toBeUndefined();
		// The other reading: BILL refuses until the bank processed the check; its message reaches the user.
		emulator.readings.checkImagesPending = 'refused';
		const refused = await runBill(credentials(), image);
		expect(refused.error?.message).toMatch(/not available yet/);
		emulator.readings.checkImagesPending = 'empty';

		processPayments(emulator, day(emulator, 1));
		const { output, error } = await runBill(credentials(), image);
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json)).toEqual([
			{ paymentId, side: 'front', checkImages: 2 },
			{ paymentId, side: 'back', checkImages: 2 },
		]);
		const front = output[0].binary?.check;
		expect(front?.fileName).toBe(`check-${paymentId}-front.png`);
		expect(front?.mimeType).toBe('image/png');
		const bytes = Buffer.from(String(front?.data), 'base64');
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		expect(output.every((o) => o.pairedItem && (o.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it("a payment not sent by check is BILL's refusal; bad and unknown IDs fail their item with Continue On Fail", async () => {
		const vendorId = await admin.vendor();
		const billId = String((await admin.bill(vendorId, 40)).id);
		const [visa] = (
			await admin.call<{ cards: IDataObject[] }>(
				'GET',
				'/v3/funding-accounts/cards?cardUserStatus=VERIFIED',
			)
		).data.cards;
		const [byCard] = await runBillOk(
			credentials(),
			pay(billId, 40, day(emulator, 1), {
				fundingType: 'CARD_ACCOUNT',
				cardAccountId: String(visa.id),
				cardFundingPurpose: 'Rent',
			}),
		);
		processPayments(emulator, day(emulator, 1));
		const { output } = await runBill(
			credentials(),
			(i) => ({
				resource: 'payment',
				operation: 'getCheckImage',
				paymentId: [String(byCard.id), 'stp02NOSUCHPAYMENT00', 'stp02SHORT'][i],
				binaryPropertyName: 'data',
			}),
			{ items: [{}, {}, {}], continueOnFail: true },
		);
		expect(output.map((o) => String(o.json.error))).toEqual([
			expect.stringMatching(/was not sent as a check/),
			expect.stringMatching(/Payment not found: stp02NOSUCHPAYMENT00/),
			expect.stringMatching(/^Payment: .*\[item 2\]$/),
		]);
		expect(emulator.requests({ route: '/v3/check-images/:checkImageId' })).toEqual([]);
	});
});

describe('Payment: funding from a card account or an AP card', () => {
	const cards = async (status: string) =>
		(
			await admin.call<{ cards: IDataObject[] }>(
				'GET',
				`/v3/funding-accounts/cards?cardUserStatus=${status}`,
			)
		).data.cards;

	it('a verified card account pays; a card still to verify, an unknown card and a missing purpose are refused by BILL', async () => {
		const vendorId = await admin.vendor();
		const billId = String((await admin.bill(vendorId, 300)).id);
		const [visa] = await cards('VERIFIED');
		const [amex] = await cards('NOMINATED');
		// Card Account was a text field: a saved workflow's plain ID still works (given as such here).
		// Each try pays another amount: the same bill, amount and date would be the first payment again.
		let amount = 50;
		const card = (cardAccountId: string, cardFundingPurpose = 'Rent') =>
			pay(billId, amount++, day(emulator, 1), {
				fundingType: 'CARD_ACCOUNT',
				cardAccountId,
				cardFundingPurpose,
			});
		const [made] = await runBillOk(credentials(), card(String(visa.id)));
		expect(made).toMatchObject({
			fundingAccount: { type: 'CARD_ACCOUNT', id: visa.id },
			cardFundingPurpose: 'Rent',
		});
		const nominated = await runBill(credentials(), card(String(amex.id)));
		expect(nominated.error?.message).toMatch(/card user status: NOMINATED/);
		const unknown = await runBill(credentials(), card('crd02NOSUCHCARD00000'));
		expect(unknown.error?.message).toMatch(/Card account not found/);
		// The node asks for the purpose before sending anything.
		const noPurpose = await runBill(credentials(), {
			...card(String(visa.id)),
			cardFundingPurpose: expr(' '),
		});
		expect(noPurpose.error?.message).toBe('Card Funding Purpose: is required [item 0]');
		expect(payments()).toHaveLength(1);
		// BILL itself: required unless it knows the vendor's industry (Postman "Get card funding purpose").
		const direct = () =>
			admin.call('POST', '/v3/payments', {
				billId,
				amount: amount++,
				processDate: day(emulator, 1),
				fundingAccount: { type: 'CARD_ACCOUNT', id: visa.id },
			});
		const refused = await direct();
		expect(refused.status).toBe(400);
		expect(JSON.stringify(refused.data)).toMatch(/cardFundingPurpose: is required/);
		emulator.state.vendors.get(vendorId)!.networkStatus = 'CONNECTED';
		expect((await direct()).status).toBe(201);
		expect(payments()).toHaveLength(2);
	});

	it('an active AP card pays; a draft one is refused', async () => {
		const vendorId = await admin.vendor();
		const billId = String((await admin.bill(vendorId, 300)).id);
		const apCards = (await admin.call<IDataObject[]>('GET', '/v3/funding-accounts/ap-cards')).data;
		let amount = 20;
		// Picked "By ID" in the card locator.
		const apCard = (cardAccountId: string) =>
			pay(billId, amount++, day(emulator, 1), {
				fundingType: 'AP_CARD',
				cardAccountId: byId(cardAccountId),
			});
		const [made] = await runBillOk(credentials(), apCard(String(apCards[0].id)));
		expect(made).toMatchObject({ fundingAccount: { type: 'AP_CARD', id: apCards[0].id } });
		const draft = await runBill(credentials(), apCard(String(apCards[1].id)));
		expect(draft.error?.message).toMatch(/is not active \(status DRAFT\)/);
	});

	it("the card list follows the Funding Type: card accounts you may pay with, or the organization's AP cards", async () => {
		const listFor = async (fundingType: string) =>
			(
				await listSearch.searchPaymentCards.call(
					loadOptionsContext({
						node: billNode,
						parameters: { resource: 'payment', operation: 'create', fundingType },
						credentials: credentials(),
					}),
				)
			).results.map((r) => r.name);
		expect(await listFor('CARD_ACCOUNT')).toEqual(['visa · …4242 · Emulator Music Co · VERIFIED']);
		expect(await listFor('AP_CARD')).toEqual([
			'AP card Emulator Music Co · ACTIVE',
			'AP card Emulator Music Co · DRAFT',
		]);
	});
});
