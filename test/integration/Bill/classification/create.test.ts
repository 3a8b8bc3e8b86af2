/**
 * Classification → Create against the emulator: each type, nothing twice, bad input and BILL's refusals.
 */
import type { INodeParameters } from 'n8n-workflow';
import { billCredentials, byId, expr, runBill, runBillOk } from '../../../harness/bill';
import { emulator, stored, sent, create, useClassificationEmulator } from './setup';

useClassificationEmulator();

describe('Classification: create', () => {
	it.each([
		[
			'chartOfAccount',
			{ name: 'Rent', accountType: 'EXPENSE', additionalFields: { accountNumber: '6100' } },
			{ name: 'Rent', account: { type: 'EXPENSE', number: '6100' } },
			/^0ca/,
		],
		[
			'accountingClass',
			{ name: 'Retail', additionalFields: { shortName: 'RT' } },
			{ name: 'Retail', shortName: 'RT' },
			/^cls/,
		],
		[
			'department',
			{ name: 'Sales', additionalFields: { description: 'West' } },
			{ name: 'Sales', description: 'West' },
			/^0de/,
		],
		[
			'employee',
			{ firstName: 'Ada', lastName: 'Lovelace' },
			{ firstName: 'Ada', lastName: 'Lovelace' },
			/^emp/,
		],
		[
			'item',
			{
				name: 'Sales tax',
				itemType: 'SALES_TAX',
				additionalFields: { percentage: 7.25, taxable: true },
			},
			{ name: 'Sales tax', type: 'SALES_TAX', percentage: 7.25, taxable: true },
			/^0ii/,
		],
		['job', { name: 'Kitchen remodel' }, { name: 'Kitchen remodel' }, /^job/],
		['location', { name: 'Main St' }, { name: 'Main St' }, /^loc/],
	])('creates a %s with its fields as BILL has them', async (type, fields, expected, prefix) => {
		const credentials = billCredentials(emulator);
		const [made] = await runBillOk(credentials, create(type, fields));
		expect(made.id).toMatch(prefix);
		expect(made).toMatchObject({ ...expected, alreadyExisted: false });
		expect(stored()).toHaveLength(1);
	});

	it('creates nothing twice: a re-run and a repeated name in one run return the existing one', async () => {
		const credentials = billCredentials(emulator);
		const items = [{ name: 'Rent' }, { name: ' rent ' }, { name: 'Utilities' }];
		const first = await runBillOk(
			credentials,
			(_i, json) => create('chartOfAccount', { name: json.name, accountType: 'EXPENSE' }),
			{ items },
		);
		expect(first.map((o) => o.alreadyExisted)).toEqual([false, true, false]);
		expect(first[1].id).toBe(first[0].id);
		const again = await runBillOk(
			credentials,
			(_i, json) => create('chartOfAccount', { name: json.name, accountType: 'EXPENSE' }),
			{ items },
		);
		expect(again.map((o) => o.alreadyExisted)).toEqual([true, true, true]);
		expect(stored()).toHaveLength(2);
		expect(sent('/v3/classifications/chart-of-accounts', 'POST')).toBe(2);
		// One lookup per run, shared by the items.
		expect(sent('/v3/classifications/chart-of-accounts', 'GET')).toBe(2);
	});

	it('matches an employee by first and last name; an archived one does not count', async () => {
		const credentials = billCredentials(emulator);
		const [ada] = await runBillOk(
			credentials,
			create('employee', { firstName: 'Ada', lastName: 'Lovelace' }),
		);
		await runBillOk(credentials, {
			resource: 'classification',
			operation: 'archive',
			classificationType: 'employee',
			classificationId: byId(ada.id as string),
		});
		const [again] = await runBillOk(
			credentials,
			create('employee', { firstName: 'ada', lastName: 'LOVELACE' }),
		);
		expect(again.alreadyExisted).toBe(false);
		expect(again.id).not.toBe(ada.id);
	});

	it('with "Skip Existing Names" off, sends the create without looking', async () => {
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, create('job', { name: 'A', skipExisting: false }));
		await runBillOk(credentials, create('job', { name: 'A', skipExisting: false }));
		expect(stored()).toHaveLength(2);
		expect(sent('/v3/classifications/jobs', 'GET')).toBe(0);
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const credentials = billCredentials(emulator);
		const cases: Array<[INodeParameters, RegExp]> = [
			[create('department', { name: expr('  ') }), /^Name: is required \[item 0\]/],
			[
				create('item', { name: 'X', itemType: 'SALES_TAX', additionalFields: { price: 'ten' } }),
				/^Price: "ten" is not a number \[item 0\]/,
			],
			[
				create('department', { name: 'X', additionalFields: { parentId: '0ca02ABCDEFGHIJKLMNO' } }),
				/^Parent: .*not a BILL department ID \[item 0\]/,
			],
			[
				create('chartOfAccount', { name: 'X', accountType: expr('not a type') }),
				/^Account Type: "not a type" is not a type BILL knows \[item 0\]/,
			],
			[
				create('item', {
					name: 'X',
					itemType: 'INVENTORY',
					additionalFields: { chartOfAccountId: 'cls02ABCDEFGHIJKLMNO' },
				}),
				/^Income Chart of Account: /,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials, parameters);
			expect(error?.message).toMatch(message);
		}
		expect(sent(/classifications/)).toBe(0);
	});

	it("gives BILL's code and message when BILL refuses, and goes on with Continue On Fail", async () => {
		const credentials = billCredentials(emulator);
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'name: too long',
			method: 'POST',
			path: '/v3/classifications/jobs',
		});
		const { output } = await runBill(
			credentials,
			(_i, json) => create('job', { name: json.name, skipExisting: false }),
			{ items: [{ name: 'A' }, { name: 'B' }], continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/name: too long/);
		expect(JSON.stringify(output[0].json)).toContain('BDC_1002');
		expect(output[1].json.name).toBe('B');
	});
});
