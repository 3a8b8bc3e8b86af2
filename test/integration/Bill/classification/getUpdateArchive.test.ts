/**
 * Classification → Get, Update, Archive, Restore, Get Many and the search of the resource locator.
 */
import type { IDataObject } from 'n8n-workflow';
import { searchClassifications } from '../../../../nodes/Bill/listSearch/classifications';
import { loadOptionsContext } from '../../../harness/context';
import { billCredentials, billNode, byId, runBill, runBillOk } from '../../../harness/bill';
import { emulator, sent, create, useClassificationEmulator } from './setup';

useClassificationEmulator();

describe('Classification: get, update, archive, restore, list', () => {
	it('gets, updates, archives and restores one', async () => {
		const credentials = billCredentials(emulator);
		const [made] = await runBillOk(credentials, create('location', { name: 'Main St' }));
		const id = made.id as string;
		const op = (operation: string, extra: IDataObject = {}) =>
			runBillOk(credentials, {
				resource: 'classification',
				operation,
				classificationType: 'location',
				classificationId: byId(id),
				...extra,
			});
		expect((await op('get'))[0].name).toBe('Main St');
		const [updated] = await op('update', { updateFields: { description: 'Flagship' } });
		expect(updated).toMatchObject({ name: 'Main St', description: 'Flagship' });
		expect((await op('archive'))[0].archived).toBe(true);
		expect((await op('restore'))[0].archived).toBe(false);
		// A saved workflow may hold the ID as plain text, as before a locator: it still works.
		const [plain] = await runBillOk(credentials, {
			resource: 'classification',
			operation: 'get',
			classificationType: 'location',
			classificationId: id,
		});
		expect(plain.id).toBe(id);
	});

	it("refuses an ID of another type, an empty update, and shows BILL's not-found", async () => {
		const credentials = billCredentials(emulator);
		const base = { resource: 'classification', classificationType: 'department' };
		const wrong = await runBill(credentials, {
			...base,
			operation: 'get',
			classificationId: byId('0ca02ABCDEFGHIJKLMNO'),
		});
		expect(wrong.error?.message).toMatch(/^Classification: .* \[item 0\]/);
		expect(wrong.error?.description).toMatch(/start with 0de/);
		const empty = await runBill(credentials, {
			...base,
			operation: 'update',
			classificationId: byId('0de02ABCDEFGHIJKLMNO'),
		});
		expect(empty.error?.message).toMatch(/^Update Fields: add at least one field/);
		expect(sent(/classifications/)).toBe(0);
		const missing = await runBill(credentials, {
			...base,
			operation: 'get',
			classificationId: byId('0de02ABCDEFGHIJKLMNO'),
		});
		expect(missing.error?.message).toMatch(/Department not found/);
		expect(JSON.stringify(missing.error)).toContain('BDC_1121');
	});

	it('lists with a limit, Return All, the archived filter and a sort', async () => {
		const credentials = billCredentials(emulator);
		await runBillOk(
			credentials,
			(i) =>
				create('employee', {
					firstName: `F${i}`,
					lastName: `L${String(i).padStart(3, '0')}`,
					skipExisting: false,
				}),
			{ items: Array.from({ length: 105 }, () => ({})) },
		);
		const list = (extra: IDataObject) =>
			runBillOk(credentials, {
				resource: 'classification',
				operation: 'getMany',
				classificationType: 'employee',
				...extra,
			});
		expect(await list({ returnAll: false, limit: 5 })).toHaveLength(5);
		const all = await list({
			returnAll: true,
			sort: { sortBy: { field: 'lastName', direction: 'desc' } },
		});
		expect(all).toHaveLength(105);
		expect(all[0].lastName).toBe('L104');
		expect(await list({ returnAll: true, filters: { archived: true } })).toHaveLength(0);
	});

	it('searches the chosen type by name, number or ID, active ones only', async () => {
		const credentials = billCredentials(emulator);
		const made = await runBillOk(
			credentials,
			(_i, json) =>
				create('chartOfAccount', {
					name: json.name,
					accountType: 'EXPENSE',
					additionalFields: { accountNumber: json.number },
				}),
			{
				items: [
					{ name: 'Rent', number: '6100' },
					{ name: 'Utilities', number: '6200' },
					{ name: 'Old rent', number: '6199' },
				],
			},
		);
		await runBillOk(credentials, {
			resource: 'classification',
			operation: 'archive',
			classificationType: 'chartOfAccount',
			classificationId: byId(made[2].id as string),
		});
		const context = loadOptionsContext({
			node: billNode,
			parameters: {
				resource: 'classification',
				operation: 'get',
				classificationType: 'chartOfAccount',
			},
			credentials,
		});
		expect((await searchClassifications.call(context, 'rent')).results).toEqual([
			{ name: '6100 · Rent', value: made[0].id },
		]);
		expect((await searchClassifications.call(context, '6200')).results).toHaveLength(1);
		expect((await searchClassifications.call(context)).results).toHaveLength(2);
	});
});
