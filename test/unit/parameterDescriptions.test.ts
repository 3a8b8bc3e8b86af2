/**
 * Every parameter of every operation says what it is for, in plain text of a readable length: the
 * editor shows it as the field's tooltip, and an AI agent reads it to fill the field. The browser
 * test checks the same in n8n's panel for each resource's first operation; this checks them all.
 * Groups (collections, fixed collections) are exempt: n8n shows each field in them on its own.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { Bill } from '../../nodes/Bill/Bill.node';
import { BillSpend } from '../../nodes/BillSpend/BillSpend.node';

const SELECTORS = new Set(['resource', 'operation', 'authentication']);

function unreadable(properties: INodeProperties[]): string[] {
	return properties
		.filter((p) => !['collection', 'fixedCollection', 'notice'].includes(p.type))
		.filter((p) => !SELECTORS.has(p.name))
		.filter((p) => {
			const text = p.description ?? '';
			return !text || text.length > 400 || /<(?!\/?(code|b|a|br)\b)[a-z]/i.test(text);
		})
		.map((p) => {
			const show = p.displayOptions?.show ?? {};
			return `${String(show.resource ?? '*')}.${String(show.operation ?? '*')}: ${p.displayName}`;
		});
}

describe.each([
	['BILL', new Bill() as INodeType],
	['BILL Spend & Expense', new BillSpend() as INodeType],
])('%s node', (_, node) => {
	it('gives every parameter a plain description of a readable length', () => {
		expect(unreadable(node.description.properties)).toEqual([]);
	});
});
