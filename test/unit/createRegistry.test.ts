/**
 * Re-runs create nothing twice (issue 29): walking both action nodes' registries, every operation
 * that creates something in BILL either offers the re-run guarantee (a "Skip Existing …"-like
 * option, or a lookup it always makes) or is listed in test/harness/creates.ts with its reason.
 * A new create without either fails here.
 */
import { CREATES, NODES, allCreates, isCreate, operationsOf } from '../harness/creates';

const creates = allCreates();

describe('every create of both nodes is re-run safe or says why not', () => {
	it('finds the creates of both nodes', () => {
		expect(creates.filter((c) => c.node === 'bill').length).toBeGreaterThan(20);
		expect(creates.filter((c) => c.node === 'billSpend').length).toBeGreaterThan(5);
	});

	it('each create is listed with its guarantee or its reason', () => {
		expect(creates.map((c) => c.id).filter((id) => !CREATES[id])).toEqual([]);
	});

	it('lists nothing that is not a create of the nodes (no stale entry)', () => {
		const ids = new Set(creates.map((c) => c.id));
		expect(Object.keys(CREATES).filter((id) => !ids.has(id))).toEqual([]);
	});

	it.each(creates.map((c) => [c.id, c] as const))('%s', (id, entry) => {
		const guarantee = CREATES[id];
		if (!guarantee) return; // reported above
		if ('option' in guarantee) {
			// The option is a boolean parameter of this very operation.
			const option = entry.properties.filter((p) => p.name === guarantee.option);
			expect([id, option.length > 0, option.every((p) => p.type === 'boolean')]).toEqual([
				id,
				true,
				true,
			]);
		}
		if ('none' in guarantee) expect(guarantee.none.length).toBeGreaterThan(30);
		if (!('none' in guarantee)) expect(guarantee.key.length).toBeGreaterThan(2);
	});

	it('a new create without the guarantee fails the walk', () => {
		const probe = {
			id: 'billSpend:card:createPhysical',
			node: 'billSpend',
			resource: 'card',
			operation: 'createPhysical',
			action: 'Create a physical card',
			properties: [],
		};
		expect(isCreate(probe)).toBe(true);
		expect(CREATES[probe.id]).toBeUndefined();
		// And read operations are not taken for creates.
		const reads = operationsOf('billSpend').filter((e) => /^get/.test(e.operation));
		expect(reads.length).toBeGreaterThan(5);
		expect(reads.filter(isCreate)).toEqual([]);
	});

	it('the six creates of issue 29 offer Skip Existing', () => {
		for (const id of [
			'bill:vendor:create',
			'billSpend:reimbursement:create',
			'billSpend:card:create',
			'billSpend:budget:create',
			'billSpend:user:create',
			'billSpend:customField:create',
		])
			expect([id, CREATES[id]]).toEqual([id, expect.objectContaining({ option: 'skipExisting' })]);
		expect(Object.keys(NODES)).toEqual(['bill', 'billSpend']);
	});
});
