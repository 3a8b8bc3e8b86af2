/**
 * Card Account resource against the emulator (issue 16): card accounts by the user's card status,
 * one card account, card account users, card funding purposes (and the empty answer when BILL
 * knows the vendor's industry), AP cards, funding permissions (per user role), the searchable
 * lists, and every refusal (bad input unsent, not found, BILL's own checks).
 */
import type { IDataObject } from 'n8n-workflow';

import { listSearch } from '../../../nodes/Bill/listSearch';
import { startEmulator, type Emulator } from '../../../emulator';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';
import { loadOptionsContext } from '../../harness/context';
import { api } from './payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const admin = () => billCredentials(emulator);
const clerk = () => billCredentials(emulator, { clerk: true });
const card = (parameters: IDataObject) => ({ resource: 'cardAccount', ...parameters });
const routes = () => emulator.log.map((e) => `${e.method} ${e.route}`);

async function cards(status = 'VERIFIED'): Promise<IDataObject[]> {
	return await runBillOk(
		admin(),
		card({ operation: 'getMany', cardUserStatus: status, returnAll: true }),
	);
}

describe('Card Account', () => {
	it('Get Many lists the card accounts the user may pay with, or must still verify, and marks the default', async () => {
		const verified = await cards('VERIFIED');
		expect(verified).toHaveLength(1);
		expect(verified[0]).toMatchObject({
			brand: 'visa',
			last4: '4242',
			defaultForCardPayments: true,
		});
		const nominated = await cards('NOMINATED');
		expect(nominated.map((c) => c.brand)).toEqual(['amex']);
		expect(nominated[0].defaultForCardPayments).toBe(false);
		// The clerk was nominated for the Visa card only.
		const clerkCards = await runBillOk(
			clerk(),
			card({ operation: 'getMany', cardUserStatus: 'NOMINATED', returnAll: true }),
		);
		expect(clerkCards.map((c) => c.id)).toEqual([verified[0].id]);
		expect(JSON.stringify([verified, nominated])).not.toMatch(/\d{12,}/);
	});

	it('Get Many keeps to the limit; a bad status or limit is refused before anything is sent', async () => {
		const one = await runBillOk(
			admin(),
			card({ operation: 'getMany', returnAll: false, limit: 1 }),
		);
		expect(one).toHaveLength(1);
		const before = emulator.log.length;
		const status = await runBill(
			admin(),
			card({ operation: 'getMany', cardUserStatus: expr('ACTIVE'), returnAll: true }),
		);
		expect(status.error?.message).toBe(
			'Your Card User Status: "ACTIVE" is not VERIFIED or NOMINATED [item 0]',
		);
		const limit = await runBill(
			admin(),
			card({ operation: 'getManyApCards', returnAll: false, limit: expr('0') }),
		);
		expect(limit.error?.message).toBe(
			'Limit: must be a whole number of at least 1, not 0 [item 0]',
		);
		expect(emulator.log.length).toBe(before);
	});

	it("Get returns one card account; an unknown ID is BILL's not-found, a malformed one is refused unsent", async () => {
		const [visa] = await cards();
		const [got] = await runBillOk(
			admin(),
			card({ operation: 'get', cardAccountId: byId(String(visa.id)) }),
		);
		expect(got).toMatchObject({
			id: visa.id,
			brand: 'visa',
			expiration: { year: '2029', month: '08' },
		});

		const { error } = await runBill(
			admin(),
			card({ operation: 'get', cardAccountId: byId('crd02NOSUCHCARD00000') }),
		);
		expect(error?.message).toMatch(/Card account not found: crd02NOSUCHCARD00000/);
		const before = emulator.log.length;
		const bad = await runBill(
			admin(),
			card({ operation: 'get', cardAccountId: byId(expr('123')) }),
		);
		expect(bad.error?.message).toBe('Card Account: "123" is not a BILL card account ID [item 0]');
		expect(emulator.log.length).toBe(before);
	});

	it('Get Many Users lists who may pay with which card, filtered by card, status and current user', async () => {
		const [visa] = await cards();
		const all = await runBillOk(admin(), card({ operation: 'getManyUsers', returnAll: true }));
		expect(all).toHaveLength(3);
		const ofVisa = await runBillOk(
			admin(),
			card({
				operation: 'getManyUsers',
				returnAll: true,
				filters: { cardAccountId: byId(String(visa.id)), verificationStatus: ['NOMINATED'] },
			}),
		);
		expect(ofVisa).toEqual([
			{
				cardAccountId: visa.id,
				userId: emulator.fixtures.clerk.userId,
				archived: false,
				verificationStatus: 'NOMINATED',
			},
		]);
		const mine = await runBillOk(
			clerk(),
			card({ operation: 'getManyUsers', returnAll: true, currentUser: true }),
		);
		expect(mine.map((u) => u.userId)).toEqual([emulator.fixtures.clerk.userId]);
		const before = emulator.log.length;
		const bad = await runBill(
			admin(),
			card({
				operation: 'getManyUsers',
				returnAll: true,
				filters: { userId: byId(expr('00902NOTAUSER0000000')) },
			}),
		);
		expect(bad.error?.message).toMatch(
			/^Filters → User: "00902NOTAUSER0000000" is not a BILL .*\[item 0\]$/,
		);
		expect(emulator.log.length).toBe(before);
	});

	it('Get Funding Purposes lists the purposes for a vendor and brand, and says when none is needed', async () => {
		const vendorId = await api(emulator).vendor('Studio Landlord');
		const [answer] = await runBillOk(
			admin(),
			card({ operation: 'getFundingPurposes', vendorId: byId(vendorId), brand: 'visa' }),
		);
		expect(answer).toMatchObject({ vendorId, brand: 'visa', cardFundingPurposeRequired: true });
		expect((answer.results as IDataObject[]).map((r) => r.category)).toEqual(['Goods', 'Services']);

		// BILL knows the industry of a vendor connected in its network: an empty 200.
		emulator.state.vendors.get(vendorId)!.networkStatus = 'CONNECTED';
		const [none] = await runBillOk(
			admin(),
			card({ operation: 'getFundingPurposes', vendorId: byId(vendorId), brand: 'visa' }),
		);
		expect(none).toEqual({
			vendorId,
			brand: 'visa',
			cardFundingPurposeRequired: false,
			results: [],
		});
		// The other reading of "an empty 200 response": `{ results: [] }`; the output is the same.
		emulator.readings.fundingPurposesEmpty = 'emptyResults';
		const [emptyResults] = await runBillOk(
			admin(),
			card({ operation: 'getFundingPurposes', vendorId: byId(vendorId), brand: 'visa' }),
		);
		expect(emptyResults).toEqual(none);

		const before = emulator.log.length;
		const noBrand = await runBill(
			admin(),
			card({ operation: 'getFundingPurposes', vendorId: byId(vendorId), brand: expr(' ') }),
		);
		expect(noBrand.error?.message).toBe('Card Brand: is required [item 0]');
		const notVendor = await runBill(
			admin(),
			card({
				operation: 'getFundingPurposes',
				vendorId: byId(expr('00n02ABCDEFGHIJKLMNO')),
				brand: 'visa',
			}),
		);
		expect(notVendor.error?.message).toMatch(/^Vendor: .* \[item 0\]$/);
		expect(emulator.log.length).toBe(before);
		const missing = await runBill(
			admin(),
			card({
				operation: 'getFundingPurposes',
				vendorId: byId('00902NOSUCHVENDOR000'),
				brand: 'visa',
			}),
		);
		expect(missing.error?.message).toMatch(/Vendor not found/);
	});

	it('AP cards: Get Many lists them, Get picks one, an unknown one is reported as not found', async () => {
		const apCards = await runBillOk(
			admin(),
			card({ operation: 'getManyApCards', returnAll: true }),
		);
		expect(apCards.map((c) => c.status)).toEqual(['ACTIVE', 'DRAFT']);
		const [got] = await runBillOk(
			admin(),
			card({ operation: 'getApCard', apCardId: byId(String(apCards[1].id)) }),
		);
		expect(got).toEqual(apCards[1]);
		const { error } = await runBill(
			admin(),
			card({ operation: 'getApCard', apCardId: byId('apc02NOSUCHCARD00000') }),
		);
		expect(error?.message).toBe(
			'AP Card: BILL has no AP card apc02NOSUCHCARD00000 in this organization [item 0]',
		);
	});

	it("Get Funding Permissions: the organization's card and wallet permissions and the user's pay-online right", async () => {
		const [forAdmin] = await runBillOk(admin(), card({ operation: 'getPermissions' }));
		expect(forAdmin).toEqual({
			organization: {
				card: { payByCard: true, fundingEnabled: true, amexAllowed: false },
				wallet: { fundingEnabled: false },
			},
			user: { payOnline: true },
		});
		const [forClerk] = await runBillOk(clerk(), card({ operation: 'getPermissions' }));
		expect(forClerk.user).toEqual({ payOnline: false });
		expect(routes()).toContain('GET /v3/funding-accounts/permissions');
	});

	it('the searchable lists: card accounts (verified, then nominated, archived left out) and AP cards, matched by text', async () => {
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'cardAccount', operation: 'get' },
			credentials: admin(),
		});
		const all = await listSearch.searchCardAccounts.call(context);
		expect(all.results.map((r) => r.name)).toEqual([
			'visa · …4242 · Emulator Music Co · VERIFIED',
			'amex · …1005 · Emulator Music Co · PENDING',
		]);
		const amex = await listSearch.searchCardAccounts.call(context, '1005');
		expect(amex.results).toHaveLength(1);
		const apCards = await listSearch.searchApCards.call(context, 'draft');
		expect(apCards.results.map((r) => r.name)).toEqual(['AP card Emulator Music Co · DRAFT']);
	});
});
