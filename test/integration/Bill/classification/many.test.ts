/**
 * Classification → Create Many, Update Many, Archive Many and Restore Many: BILL's bulk calls.
 */
import type { IDataObject } from 'n8n-workflow';
import { setBulkReading } from '../../../../emulator/routes/classifications';
import { billCredentials, runBill, runBillOk } from '../../../harness/bill';
import { emulator, stored, sent, useClassificationEmulator } from './setup';

useClassificationEmulator();

describe('Classification: Many operations', () => {
	const createMany = (extra: IDataObject = {}) => ({
		resource: 'classification',
		operation: 'createMany',
		classificationType: 'department',
		name: '={{ $json.name }}',
		...extra,
	});

	it('creates 120 in requests of 50, and a re-run creates nothing twice', async () => {
		const credentials = billCredentials(emulator);
		const items = Array.from({ length: 120 }, (_, i) => ({ name: `Dept ${i}` }));
		const out = await runBillOk(credentials, createMany(), { items });
		expect(out).toHaveLength(120);
		expect(out.every((o, i) => o.name === `Dept ${i}` && o.alreadyExisted === false)).toBe(true);
		expect(sent('/v3/classifications/departments/bulk')).toBe(3);
		const again = await runBillOk(credentials, createMany(), { items });
		expect(again.every((o) => o.alreadyExisted === true)).toBe(true);
		expect(sent('/v3/classifications/departments/bulk')).toBe(3);
		expect(stored()).toHaveLength(120);
	});

	it("takes BILL's JSON, one or an array per item, and checks it before sending", async () => {
		const credentials = billCredentials(emulator);
		const out = await runBillOk(
			credentials,
			createMany({
				classificationType: 'employee',
				classificationsInput: 'json',
				classificationsJson: '={{ JSON.stringify($json.people) }}',
			}),
			{
				items: [
					{
						people: [
							{ firstName: 'Ada', lastName: 'L' },
							{ firstName: 'Alan', lastName: 'T' },
						],
					},
					{ people: { firstName: 'Grace', lastName: 'H' } },
				],
			},
		);
		expect(out.map((o) => o.firstName)).toEqual(['Ada', 'Alan', 'Grace']);
		const { error } = await runBill(
			credentials,
			createMany({
				classificationsInput: 'json',
				classificationsJson: '[{"description": "no name"}]',
			}),
		);
		expect(error?.message).toMatch(/^Classifications \(JSON\): needs "name" \[item 0\]/);
	});

	it('with Continue On Fail: a bad item gets its error; a refused request fails its own 50 only', async () => {
		const credentials = billCredentials(emulator);
		const items = Array.from({ length: 60 }, (_, i) => ({ name: i === 3 ? '' : `D${i}` }));
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'name: duplicate',
			method: 'POST',
			path: '/v3/classifications/departments/bulk',
			times: 1,
		});
		const { output } = await runBill(
			credentials,
			createMany({ name: '={{ $json.name || " " }}' }),
			{ items, continueOnFail: true },
		);
		expect(output).toHaveLength(60);
		expect(output[3].json.error).toMatch(/Name: is required \[item 3\]/);
		const failed = output.filter((o) => /BILL refused the bulk create/.test(String(o.json.error)));
		const created = output.filter((o) => o.json.id);
		expect(failed.length + created.length).toBe(59);
		expect(failed.length).toBeGreaterThan(0);
		expect(output.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	});

	it('under the partial reading of bulk calls, one BILL leaves out gets an error saying to check', async () => {
		setBulkReading(emulator, 'partial');
		const credentials = billCredentials(emulator);
		const { output } = await runBill(
			credentials,
			createMany({
				classificationsInput: 'json',
				classificationsJson: '={{ JSON.stringify($json.d) }}',
				skipExisting: false,
			}),
			{
				items: [{ d: [{ name: 'Good' }, { name: 'Bad', parentId: '0de02ABCDEFGHIJKLMNO' }] }],
				continueOnFail: true,
			},
		);
		expect(output[0].json.name).toBe('Good');
		expect(output[1].json.error).toMatch(/without this one; check in BILL/);
	});

	it('without Continue On Fail, says which items were created when a request fails', async () => {
		const credentials = billCredentials(emulator);
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'refused',
			method: 'POST',
			path: '/v3/classifications/departments/bulk',
			times: 1,
		});
		const { error } = await runBill(credentials, createMany(), {
			items: Array.from({ length: 51 }, (_, i) => ({ name: `D${i}` })),
		});
		expect(error?.message).toMatch(/BILL refused the bulk create of items? /);
		expect(error?.description ?? '').toMatch(/The departments of items? [0-9–, ]+ were done\./);
	});

	it('updates many by ID in one request, from fields or JSON', async () => {
		const credentials = billCredentials(emulator);
		const made = await runBillOk(credentials, createMany(), {
			items: [{ name: 'A' }, { name: 'B' }],
		});
		const out = await runBillOk(
			credentials,
			{
				resource: 'classification',
				operation: 'updateMany',
				classificationType: 'department',
				classificationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { description: '={{ "new " + $json.name }}' },
			},
			{ items: made },
		);
		expect(out.map((o) => o.description)).toEqual(['new A', 'new B']);
		expect(sent('/v3/classifications/departments/bulk', 'PATCH')).toBe(1);
		const { error } = await runBill(credentials, {
			resource: 'classification',
			operation: 'updateMany',
			classificationType: 'department',
			classificationsInput: 'json',
			classificationsJson: '[{"id": "cls02ABCDEFGHIJKLMNO", "name": "X"}]',
		});
		expect(error?.message).toMatch(/^Classifications \(JSON\) → id: .*\[item 0\]/);
	});

	it('archives and restores many with one request of ids, a repeated ID once', async () => {
		const credentials = billCredentials(emulator);
		const made = await runBillOk(credentials, createMany(), {
			items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
		});
		const many = (operation: string, items: IDataObject[]) =>
			runBillOk(
				credentials,
				{
					resource: 'classification',
					operation,
					classificationType: 'department',
					classificationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
				{ items },
			);
		const archived = await many('archiveMany', [...made, made[0]]);
		expect(archived.map((o) => [o.id, o.archived])).toEqual(
			[...made, made[0]].map((o) => [o.id, true]),
		);
		expect(sent('/v3/classifications/departments/bulk/archive')).toBe(1);
		expect(stored().every((o) => o.archived === true)).toBe(true);
		const restored = await many('restoreMany', made.slice(0, 2));
		expect(restored.every((o) => o.archived === false)).toBe(true);
		expect(stored().filter((o) => o.archived === false)).toHaveLength(2);
	});
});
