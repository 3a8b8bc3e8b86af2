/**
 * A Yes/No filter set by an expression: nothing (null, "") sends no filter, never
 * `archived:eq:null` or `archived:eq:""`; "true"/"false" as text are the answer; anything else is
 * an error naming the parameter, the item and the value. The BILL node (vendor → Get Many,
 * `archived`) and the Spend node (budget → Get Many, `retired`).
 */
import { startEmulator, type Emulator } from '../../../../emulator';
import { resetSpendPacing } from '../../../../nodes/BillSpend/transport';
import { billCredentials, runBill } from '../../../harness/bill';
import { queriesSent } from '../../../harness/queries';
import { runSpend, spendCredentials } from '../../../harness/spend';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

/** The `filters` query of every list request made while `run` runs. */
const filtersSent = async (run: () => Promise<unknown>) =>
	(await queriesSent(emulator, run)).filter((q) => q.method === 'GET').map((q) => q.query.filters);

const items = [{ v: null }, { v: '' }, { v: 'false' }, { v: true }, { v: 'maybe' }];

describe('a Yes/No filter set by an expression', () => {
	it('BILL node: archived goes out as true/false or not at all', async () => {
		let result: Awaited<ReturnType<typeof runBill>> | undefined;
		const sent = await filtersSent(async () => {
			result = await runBill(
				billCredentials(emulator),
				(_i, json) => ({
					resource: 'vendor',
					operation: 'getMany',
					returnAll: false,
					limit: 1,
					filters: { archived: json.v as string },
				}),
				{ items, continueOnFail: true },
			);
		});
		expect(sent).toEqual([undefined, undefined, 'archived:eq:false', 'archived:eq:true']);
		const errors = result!.output.filter((o) => o.json.error).map((o) => String(o.json.error));
		expect(errors).toEqual([expect.stringMatching(/Archived.*"maybe".*Yes or No.*\[item 4\]/)]);
	});

	it('Spend node: retired goes out as true/false or not at all', async () => {
		let result: Awaited<ReturnType<typeof runSpend>> | undefined;
		const sent = await filtersSent(async () => {
			result = await runSpend(
				spendCredentials(emulator),
				(_i, json) => ({
					resource: 'budget',
					operation: 'getMany',
					returnAll: false,
					limit: 1,
					filters: { retired: json.v },
				}),
				{ items, continueOnFail: true },
			);
		});
		expect(sent).toEqual([undefined, undefined, 'retired:eq:false', 'retired:eq:true']);
		const errors = result!.output.filter((o) => o.json.error).map((o) => String(o.json.error));
		expect(errors).toEqual([expect.stringMatching(/Retired.*"maybe".*Yes or No.*\[item 4\]/)]);
	});
});
