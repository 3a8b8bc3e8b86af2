/** Vendor → Create Many: BILL's bulk call, 20 a request, all or none per request; nothing twice. */
import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, runBill, runBillOk } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = () => billCredentials(emulator);
const bulkRequests = () => emulator.requests({ method: 'POST', route: '/v3/vendors/bulk' });
const parameters = (extra: Record<string, unknown> = {}) => ({
	resource: 'vendor',
	operation: 'createMany',
	name: '={{ $json.name }}',
	accountType: 'BUSINESS',
	email: '={{ $json.email || "ap@vendor.example" }}',
	phone: '555',
	...extra,
});

describe('Vendor: Create Many', () => {
	it('creates 45 vendors in 3 requests of at most 20, paired with their items; a re-run creates none', async () => {
		const items = Array.from({ length: 45 }, (_, i) => ({ name: `Vendor ${i}` }));
		const out = await runBillOk(credentials(), parameters(), { items });
		expect(out.map((v) => v.name)).toEqual(items.map((i) => i.name));
		expect(out.every((v) => v.alreadyExisted === false && String(v.id).startsWith('009'))).toBe(
			true,
		);
		expect(bulkRequests()).toHaveLength(3);
		const again = await runBillOk(credentials(), parameters(), { items });
		expect(again.map((v) => v.id)).toEqual(out.map((v) => v.id));
		expect(again.every((v) => v.alreadyExisted === true)).toBe(true);
		expect(bulkRequests()).toHaveLength(3);
		expect(emulator.state.vendors.size).toBe(45);
	});

	it('the same name twice in one run makes one vendor', async () => {
		const out = await runBillOk(credentials(), parameters(), {
			items: [{ name: 'Acme' }, { name: ' ACME ' }],
		});
		expect(out[1].id).toBe(out[0].id);
		expect(out.map((v) => v.alreadyExisted)).toEqual([false, true]);
		expect(emulator.state.vendors.size).toBe(1);
	});

	it('checks every item before sending; with Continue On Fail a bad item gets its error and the rest go', async () => {
		const items = [{ name: 'A' }, { name: 'B', email: 'not-an-email' }, { name: 'C' }];
		const stopped = await runBill(credentials(), parameters(), { items });
		expect(stopped.error?.message).toMatch(
			/^Email: "not-an-email" is not an email address \[item 1\]/,
		);
		expect(bulkRequests()).toHaveLength(0);
		const { output } = await runBill(credentials(), parameters(), { items, continueOnFail: true });
		expect(output.map((o) => o.json.name ?? o.json.error)).toEqual([
			'A',
			expect.stringMatching(/^Email: .*\[item 1\]/),
			'C',
		]);
	});

	it('a request BILL refuses fails its own 20 (BILL creates all or none) and says what was done', async () => {
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'name: refused',
			method: 'POST',
			path: '/v3/vendors/bulk',
			after: 1,
		});
		const items = Array.from({ length: 25 }, (_, i) => ({ name: `V${i}` }));
		const { output } = await runBill(credentials(), parameters({ skipExisting: false }), {
			items,
			continueOnFail: true,
		});
		const failed = output.filter((o) => /BILL refused the bulk create/.test(String(o.json.error)));
		expect(failed.length === 5 || failed.length === 20).toBe(true);
		expect(output.filter((o) => o.json.id)).toHaveLength(25 - failed.length);
		expect(failed[0].json.code).toBe('BDC_1002');
		emulator.reset();
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'name: refused',
			method: 'POST',
			path: '/v3/vendors/bulk',
			after: 1,
		});
		const { error } = await runBill(credentials(), parameters(), { items });
		expect(error?.message).toMatch(/BILL refused the bulk create of items /);
		expect(error?.description).toMatch(
			/The vendors of items [0-9–]+ were done\. Run again with "Skip Existing Names" on/,
		);
	});
});
