/** The live check's comparing and masking (shape.ts): pure functions, no emulator. */
import { compareShapes, mask } from './shape';

describe('comparing and masking', () => {
	it('compares field names and types recursively, arrays by their first element', () => {
		const { differences, notes } = compareShapes(
			{ a: 1, b: { c: 'x', d: [{ e: true }] }, f: [], g: null },
			{ a: '1', b: { c: 'y', d: [{ e: true, h: 2 }, {}] }, f: [1], g: null, i: {} },
		);
		expect(differences).toEqual([
			{ kind: 'type', path: '$.a', bill: 'number', emulator: 'string' },
			{ kind: 'onlyInEmulator', path: '$.b.d[].h', emulator: 'number' },
			{ kind: 'onlyInEmulator', path: '$.i', emulator: 'object' },
		]);
		expect(notes).toEqual([{ path: '$.f', emptyIn: 'BILL' }]);
	});

	it('masks secrets, BILL ids, UUIDs and tokens, not its own names', () => {
		expect(
			mask(
				'pw s3cret! id 00n02ABCDEFGHIJKLMNO uuid 0f8fad5b-d9cb-469f-a165-70867728950e tok abcdefghijklmnopqrstuvwxyz0123 n8n-live-check-20261201-130512',
				['s3cret!'],
			),
		).toBe('pw *** id <id> uuid <id> tok *** n8n-live-check-20261201-130512');
	});
});
