/**
 * Create Many's parameter reader (nodes/Bill/helpers/itemParameters.ts) answers exactly what n8n's
 * own getNodeParameter answers, item by item, for the values it answers itself (a `$json` field,
 * a parameter without expression) and for those it leaves to n8n.
 */
import type { IDataObject } from 'n8n-workflow';

import { perItemReader } from '../../../../nodes/Bill/helpers/itemParameters';
import { description as billCreateMany } from '../../../../nodes/Bill/resources/bill/createMany.operation';
import { billNode } from '../../../harness/bill';
import { CredentialStore, createContext } from '../../../harness/context';

const items: IDataObject[] = [
	{ name: 'Acme', email: 'ap@acme.example', n: 5, ok: true, a: { b: 'deep' } },
	{ name: ' spaced ', n: 0, ok: false, a: { b: 7 } },
	{ name: '', email: null, n: -1.5, a: null },
	{ name: 'x', a: { b: { c: 1 } }, list: ['q'] },
	{ constructor: 'own', n: '12' },
	{ first_name: 'Zoë', toString: 'own', name: 'long name', length: 3, caller: 'c' },
];

const parameters = {
	resource: 'vendor',
	operation: 'createMany',
	name: '={{ $json.name }}',
	accountType: 'BUSINESS',
	email: '={{$json.email}}',
	phone: '={{ $json.a.b }}',
	payeeName: '={{ $json.name + "!" }}',
	billCurrency: '={{ $json.constructor }}',
	address: {
		line1: '={{ $json.first_name }}',
		line2: '={{ $json.toString }}',
		city: '={{ $json["name"] }}',
		stateOrProvince: '={{ $json.name.length }}',
		zipOrPostalCode: '={{ $json.length }}',
		country: 'US',
	},
	additionalFields: {
		shortName: '={{ $json.caller }}',
		accountNumber: '={{ $json.n }}',
		companyName: '={{ $json.ok }}',
	},
};

describe('Create Many parameter reader', () => {
	it('gives what n8n gives for every parameter and item, and copies objects it keeps', () => {
		const context = createContext({
			node: billNode,
			parameters,
			items,
			credentials: new CredentialStore({}),
		});
		const reader = perItemReader(context);
		const names = [
			'name',
			'accountType',
			'email',
			'phone',
			'payeeName',
			'billCurrency',
			'address',
			'additionalFields',
			'address.line1',
			'address.line2',
			'address.city',
			'address.stateOrProvince',
			'address.zipOrPostalCode',
			'address.country',
			'additionalFields.shortName',
			'additionalFields.accountNumber',
			'additionalFields.companyName',
		];
		for (let i = 0; i < items.length; i++)
			for (const name of names) {
				let expected: unknown;
				let actual: unknown;
				try {
					expected = context.getNodeParameter(name, i, '');
				} catch (error) {
					expected = `threw ${(error as Error).message}`;
				}
				try {
					actual = reader.getNodeParameter(name, i, '');
				} catch (error) {
					actual = `threw ${(error as Error).message}`;
				}
				expect({ name, i, value: actual }).toEqual({ name, i, value: expected });
			}
		expect(reader.getNode().name).toBe(context.getNode().name);
		// The point of it: `$json` fields and values without expression do not go through n8n's
		// evaluation for each item (the constant ones were read above, once).
		const constant = perItemReader(
			createContext({
				node: billNode,
				parameters: { ...parameters, address: { city: 'Springfield', country: 'US' } },
				items,
				credentials: new CredentialStore({}),
			}),
		);
		const first = constant.getNodeParameter('address', 0, {}) as IDataObject;
		first.country = 'changed';
		expect(constant.getNodeParameter('address', 1, {})).toEqual({
			city: 'Springfield',
			country: 'US',
		});
		const evaluations = jest.spyOn(context, 'getNodeParameter');
		for (let i = 0; i < items.length; i++)
			for (const name of ['name', 'accountType', 'address.line1', 'address.country'])
				reader.getNodeParameter(name, i, '');
		// name: missing on item 4; line1 (first_name): on item 5 only.
		expect(evaluations.mock.calls.map(([name, i]) => `${name} ${i}`)).toEqual([
			'address.line1 0',
			'address.line1 1',
			'address.line1 2',
			'address.line1 3',
			'name 4',
			'address.line1 4',
		]);
	});

	it('gives what n8n gives for a bill: vendor locator by ID, line items, other expressions', () => {
		const bills: IDataObject[] = [
			{ vendorId: '00901AAAAAAAAAAAAAAA', invoice: 'INV-1', amount: 12.5, memo: 'Paper' },
			{ vendorId: 901, invoice: 7, amount: '3', memo: '' },
			{ vendorId: null, invoice: 'INV-3', amount: { v: 1 } },
			{ invoice: 'INV-4', amount: 4, memo: 'x' },
		];
		const billParameters = {
			resource: 'bill',
			operation: 'createMany',
			billsInput: 'items',
			vendorId: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
			invoiceNumber: '={{ $json.invoice }}',
			invoiceDate: '2026-11-01',
			dueDate: '={{ $now.plus(30, "days").toISODate() }}',
			lineItemsInput: 'fields',
			lineItems: {
				lineItem: [
					{ pricedBy: 'amount', amount: '={{ $json.amount }}', description: '={{ $json.memo }}' },
					{ pricedBy: 'amount', amount: 1, description: 'fixed' },
				],
			},
			additionalFields: { description: '={{ $json.memo.toUpperCase() }}' },
		};
		const context = createContext({
			node: billNode,
			parameters: billParameters,
			items: bills,
			credentials: new CredentialStore({}),
		});
		const reader = perItemReader(context, billCreateMany);
		const reads: Array<[string, IDataObject | undefined]> = [
			['vendorId', { extractValue: true }],
			['vendorId', undefined],
			['invoiceNumber', undefined],
			['invoiceDate', undefined],
			['dueDate', undefined],
			['lineItems.lineItem', undefined],
			['lineItems', undefined],
			['additionalFields', undefined],
		];
		const outcome = (read: () => unknown) => {
			try {
				return read();
			} catch (error) {
				return `threw ${(error as Error).message}`;
			}
		};
		for (let i = 0; i < bills.length; i++)
			for (const [name, options] of reads) {
				const expected = outcome(() => context.getNodeParameter(name, i, '', options));
				const actual = outcome(() => reader.getNodeParameter(name, i, '', options));
				expect({ name, i, value: actual }).toEqual({ name, i, value: expected });
			}
	});
});
