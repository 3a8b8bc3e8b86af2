/**
 * Each node family has its own mark on the canvas: the BILL Spend & Expense nodes do not reuse
 * the BILL node's icon (they were byte for byte the same, so the two looked alike).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NODES = join(__dirname, '..', '..', 'nodes');
const icon = (file: string) => readFileSync(join(NODES, file), 'utf8');

describe('node icons', () => {
	it.each(['billSpend.svg', 'billSpend.dark.svg'])('Spend & Expense %s is its own mark', (file) => {
		const bill = icon(join('Bill', file.replace('billSpend', 'bill')));
		expect(icon(join('BillSpend', file))).not.toEqual(bill);
		expect(icon(join('BillSpendTrigger', file))).toEqual(icon(join('BillSpend', file)));
		expect(icon(join('BillSpend', file))).toMatch(/<title>BILL Spend &amp; Expense<\/title>/);
	});
});
