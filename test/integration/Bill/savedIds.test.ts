/**
 * Text fields that became resource locators (test/harness/textToLocator.ts): each one run with a
 * plain ID string, as a workflow saved before holds it, and with the locator the editor saves now
 * (picked from the list), against the emulator; plus the lists added for them.
 */
import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import { listSearch } from '../../../nodes/Bill/listSearch';
import { startEmulator, type Emulator } from '../../../emulator';
import { receivables } from '../../../emulator/receivables';
import type { Json } from '../../../emulator/state';
import { billCredentials, billNode, byId, runBill, runBillOk } from '../../harness/bill';
import { createContext, loadOptionsContext } from '../../harness/context';
import { api, day } from './payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = () => billCredentials(emulator);

/** What the editor saves for a pick from the list. */
export const picked = (value: string, name = 'picked'): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName: name,
});

/** The two shapes a converted parameter holds: a saved plain string, and a locator. */
const shapes = (id: string): Array<[string, string | INodeParameterResourceLocator]> => [
	['saved plain string', id],
	['picked from the list', picked(id)],
];

const lists = () =>
	loadOptionsContext({
		node: billNode,
		parameters: { resource: 'bill', operation: 'create' },
		credentials: credentials(),
	});

async function classification(type: string, fields: IDataObject): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'classification',
		operation: 'create',
		classificationType: type,
		...fields,
	});
	return made.id as string;
}

let accountCounter = 4000;
async function bankAccount(additionalFields: INodeParameters = {}): Promise<string> {
	const [account] = await runBillOk(credentials(), {
		resource: 'bankAccount',
		operation: 'create',
		nameOnAccount: 'Emulator Music Co',
		routingNumber: '074000010',
		accountNumber: `98765432${++accountCounter}`,
		bankAccountType: 'CHECKING',
		ownerType: 'BUSINESS',
		bankName: 'Chase operating',
		accessToAdmins: true,
		additionalFields,
	});
	return account.id as string;
}

async function verify(id: string): Promise<void> {
	await runBillOk(credentials(), {
		resource: 'bankAccount',
		operation: 'verify',
		bankAccountId: byId(id),
		depositAmount: 0.5,
	});
}

async function verified(): Promise<string> {
	const id = await bankAccount();
	await verify(id);
	return id;
}

describe('Saved plain IDs and picked ones', () => {
	it('n8n-core hands a saved plain string in a locator parameter to the node as it is', () => {
		// n8n-core's extractValue (utils/extract-value.js, extractValueRLC) returns a value that is
		// not a { mode, value } object unchanged; a locator gives its value.
		const read = (value: unknown) =>
			createContext({
				node: billNode,
				parameters: { resource: 'payment', operation: 'get', paymentId: value } as INodeParameters,
				credentials: credentials(),
			}).getNodeParameter('paymentId', 0, '', { extractValue: true });
		expect(read('stp02ABCDEFGHIJKLMNO')).toBe('stp02ABCDEFGHIJKLMNO');
		expect(read(picked('stp02ABCDEFGHIJKLMNO'))).toBe('stp02ABCDEFGHIJKLMNO');
		// Without extractValue the node gets the locator object; checkId reads both.
		const raw = createContext({
			node: billNode,
			parameters: {
				resource: 'payment',
				operation: 'get',
				paymentId: picked('stp02ABCDEFGHIJKLMNO'),
			},
			credentials: credentials(),
		}).getNodeParameter('paymentId', 0);
		expect(raw).toMatchObject({ mode: 'list', value: 'stp02ABCDEFGHIJKLMNO' });
	});

	it('bank account: chart of account', async () => {
		const coa = await classification('chartOfAccount', { name: 'Cash', accountType: 'BANK' });
		for (const [shape, value] of shapes(coa)) {
			const id = await bankAccount({ chartOfAccountId: value });
			expect([shape, emulator.state.bankAccounts.get(id)?.chartOfAccountId]).toEqual([shape, coa]);
			await verify(id);
			await runBillOk(credentials(), {
				resource: 'bankAccount',
				operation: 'update',
				bankAccountId: byId(id),
				updateFields: { chartOfAccountId: value, bankName: 'Renamed' },
			});
			expect(emulator.state.bankAccounts.get(id)?.bankName).toBe('Renamed');
		}
		// Added but nothing picked: not sent.
		const id = await bankAccount({ chartOfAccountId: { __rl: true, mode: 'list', value: '' } });
		expect(emulator.state.bankAccounts.get(id)?.chartOfAccountId).toBeUndefined();
	});

	it('bank account: user to nominate', async () => {
		const { clerk } = emulator.fixtures;
		for (const [shape, value] of shapes(clerk.userId)) {
			const account = await verified();
			await runBillOk(credentials(), {
				resource: 'bankAccount',
				operation: 'nominateUser',
				bankAccountId: byId(account),
				userId: value,
			});
			const entries = [...emulator.state.bankAccountUsers.values()].filter(
				(e: Json) => e.bankAccountId === account && e.userId === clerk.userId,
			);
			expect([shape, entries.length]).toEqual([shape, 1]);
		}
		const found = await listSearch.searchUsers.call(lists(), 'clerk');
		expect(found.results.map((r) => r.value)).toContain(clerk.userId);
	});

	it('bank account: bank account user to remove', async () => {
		const { admin } = emulator.fixtures;
		for (const [shape, value] of shapes('')) {
			void value;
			const account = await verified();
			const entry = [...emulator.state.bankAccountUsers.values()].find(
				(e: Json) => e.bankAccountId === account && e.userId === admin.userId,
			)!;
			const listed = await listSearch.searchBankAccountUsers.call(lists(), account);
			expect(listed.results).toContainEqual({
				name: expect.stringContaining(account) as string,
				value: entry.id,
			});
			const given = shape === 'saved plain string' ? String(entry.id) : picked(String(entry.id));
			await runBillOk(credentials(), {
				resource: 'bankAccount',
				operation: 'removeUser',
				bankAccountUserId: given,
			});
			expect([shape, emulator.state.bankAccountUsers.get(String(entry.id))?.archived]).toEqual([
				shape,
				true,
			]);
		}
	});

	it('bill: pay-from chart of account and vendor credits', async () => {
		const coa = await classification('chartOfAccount', { name: 'Cash', accountType: 'BANK' });
		const vendorId = await vendor();
		let n = 0;
		for (const [shape, value] of shapes(coa)) {
			const [made] = await runBillOk(
				credentials(),
				bill(vendorId, `PF-${++n}`, { payFromChartOfAccountId: value }),
			);
			expect([shape, emulator.state.bills.get(made.id as string)?.payFromChartOfAccountId]).toEqual(
				[shape, coa],
			);
			await runBillOk(credentials(), {
				resource: 'bill',
				operation: 'update',
				billId: byId(made.id as string),
				updateFields: { payFromChartOfAccountId: value, description: 'updated' },
			});
			expect(emulator.state.bills.get(made.id as string)?.description).toBe('updated');
		}
		// The emulator knows no vendor credits: its refusal names the ID the node sent.
		for (const [shape, value] of shapes('vcr02ABCDEFGHIJKLMNO')) {
			const { error } = await runBill(
				credentials(),
				bill(vendorId, `VC-${++n}`, { vendorCredits: { credit: [{ id: value, amount: 5 }] } }),
			);
			expect([shape, error?.message]).toEqual([
				shape,
				expect.stringContaining('vendor credit vcr02ABCDEFGHIJKLMNO does not exist'),
			]);
		}
	});

	it('bill: bills of a recorded payment', async () => {
		const vendorId = await vendor();
		const [made] = await runBillOk(credentials(), bill(vendorId, 'RP-1'));
		const billId = made.id as string;
		for (const [shape, value] of shapes(billId)) {
			await runBillOk(credentials(), {
				resource: 'bill',
				operation: 'recordPayment',
				vendorId: byId(vendorId),
				processDate: '2026-11-20',
				payments: { payment: [{ billId: value, amount: 10 }] },
			});
			expect([shape, emulator.state.bills.get(billId)?.paidAmount]).toEqual([
				shape,
				shape === 'saved plain string' ? 10 : 20,
			]);
		}
	});

	it('credit memo: refund bank account, chart of account and sales tax item', async () => {
		const customerId = await customer();
		const coa = await classification('chartOfAccount', { name: 'Sales', accountType: 'INCOME' });
		const tax = await classification('item', { name: 'Sales tax', itemType: 'SALES_TAX' });
		const bank = await bankAccount();
		let n = 0;
		for (const [shape, pick] of [
			['saved plain string', (id: string) => id],
			['picked from the list', (id: string) => picked(id)],
		] as const) {
			const [memo] = await runBillOk(credentials(), {
				resource: 'creditMemo',
				operation: 'create',
				customerId: byId(customerId),
				referenceNumber: `CM-${++n}`,
				creditDate: '2026-12-01',
				lineItems: {
					item: [{ description: 'Returned', lineType: 'priced', quantity: 1, price: 10 }],
				},
				additionalFields: {
					payToBankAccountId: pick(bank),
					payToChartOfAccountId: pick(coa),
					salesTaxItemId: pick(tax),
				},
			});
			expect([shape, receivables(emulator.state).creditMemos.get(String(memo.id))]).toEqual([
				shape,
				expect.objectContaining({
					payToBankAccountId: bank,
					payToChartOfAccountId: coa,
					salesTaxItemId: tax,
				}),
			]);
		}
	});

	it('invoice: chart of account, sales tax item, reply-to user and invoices of a recorded payment', async () => {
		const customerId = await customer();
		const coa = await classification('chartOfAccount', { name: 'Sales', accountType: 'INCOME' });
		const tax = await classification('item', { name: 'Sales tax', itemType: 'SALES_TAX' });
		const { clerk } = emulator.fixtures;
		let n = 0;
		for (const [shape, pick] of [
			['saved plain string', (id: string) => id],
			['picked from the list', (id: string) => picked(id)],
		] as const) {
			const [invoice] = await runBillOk(credentials(), {
				resource: 'invoice',
				operation: 'create',
				customerMode: 'existing',
				customerId: byId(customerId),
				invoiceNumber: `INV-${++n}`,
				lineItems: { item: [{ description: 'Drum sticks', quantity: 2, price: 10 }] },
				additionalFields: {
					dueDate: '2026-12-31',
					payToChartOfAccountId: pick(coa),
					salesTaxItemId: pick(tax),
				},
			});
			const invoiceId = String(invoice.id);
			expect([shape, receivables(emulator.state).invoices.get(invoiceId)]).toEqual([
				shape,
				expect.objectContaining({ payToChartOfAccountId: coa, salesTaxItemId: tax }),
			]);
			const [sent] = await runBillOk(credentials(), {
				resource: 'invoice',
				operation: 'sendEmail',
				invoiceId: byId(invoiceId),
				recipients: 'ap@paperless.example',
				replyToUserId: pick(clerk.userId),
			});
			expect([shape, sent.replyToUserId]).toEqual([shape, clerk.userId]);
			const [payment] = await runBillOk(credentials(), {
				resource: 'invoice',
				operation: 'recordPayment',
				customerId: byId(customerId),
				paymentDate: '2026-12-05',
				paymentType: 'CREDIT_CARD',
				amount: 5,
				invoices: { invoice: [{ invoiceId: pick(invoiceId), amount: 5 }] },
			});
			expect([shape, payment.id]).toEqual([shape, expect.stringMatching(/^0rp/)]);
			expect(receivables(emulator.state).invoices.get(invoiceId)?.dueAmount).toBe(
				(receivables(emulator.state).invoices.get(invoiceId)?.totalAmount as number) - 5,
			);
		}
		// Left empty: the user the credential signs in as.
		const [invoice] = await runBillOk(credentials(), {
			resource: 'invoice',
			operation: 'create',
			customerMode: 'existing',
			customerId: byId(customerId),
			invoiceNumber: 'INV-9',
			lineItems: { item: [{ description: 'Picks', quantity: 1, price: 10 }] },
		});
		const [sent] = await runBillOk(credentials(), {
			resource: 'invoice',
			operation: 'sendEmail',
			invoiceId: byId(String(invoice.id)),
			recipients: 'ap@paperless.example',
			replyToUserId: { __rl: true, mode: 'list', value: '' },
		});
		expect(sent.replyToUserId).toBe(emulator.fixtures.admin.userId);
	});

	it('classification: parent and the charts of account of an item', async () => {
		const retail = await classification('department', { name: 'Retail' });
		const income = await classification('chartOfAccount', { name: 'Sales', accountType: 'INCOME' });
		const expense = await classification('chartOfAccount', {
			name: 'COGS',
			accountType: 'EXPENSE',
		});
		// What BILL holds, read back through the node.
		const stored = async (type: string, id: string) =>
			(
				await runBillOk(credentials(), {
					resource: 'classification',
					operation: 'get',
					classificationType: type,
					classificationId: byId(id),
				})
			)[0];
		let n = 0;
		for (const [shape, pick] of [
			['saved plain string', (id: string) => id],
			['picked from the list', (id: string) => picked(id)],
		] as const) {
			const store = await classification('department', {
				name: `Store ${++n}`,
				additionalFields: { parentId: pick(retail) },
			});
			expect([shape, (await stored('department', store)).parentId]).toEqual([shape, retail]);
			const other = await classification('department', { name: `Other ${n}` });
			await runBillOk(credentials(), {
				resource: 'classification',
				operation: 'update',
				classificationType: 'department',
				classificationId: byId(other),
				updateFields: { parentId: pick(retail) },
			});
			expect([shape, (await stored('department', other)).parentId]).toEqual([shape, retail]);
			const item = await classification('item', {
				name: `Guitar ${n}`,
				itemType: 'INVENTORY',
				additionalFields: {
					chartOfAccountId: pick(income),
					expenseChartOfAccountId: pick(expense),
				},
			});
			expect([shape, await stored('item', item)]).toEqual([
				shape,
				expect.objectContaining({ chartOfAccountId: income, expenseChartOfAccountId: expense }),
			]);
		}
		// The parent's list is of the type chosen.
		const context = loadOptionsContext({
			node: billNode,
			parameters: {
				resource: 'classification',
				operation: 'create',
				classificationType: 'department',
			},
			credentials: credentials(),
		});
		const found = await listSearch.searchClassifications.call(context, 'retail');
		expect(found.results).toEqual([{ name: 'Retail', value: retail }]);
	});

	it('payment: the payment of Get and Cancel, and the bills of Create Bulk', async () => {
		const admin = api(emulator);
		const accountId = await admin.bankAccount();
		const a = String((await admin.bill(await admin.vendor('Harbor Audio'), 300)).id);
		const b = String((await admin.bill(await admin.vendor('Lumen Lighting'), 200)).id);
		const made = await runBillOk(credentials(), {
			resource: 'payment',
			operation: 'createBulk',
			processDate: day(emulator, 1),
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(accountId),
			payments: {
				payment: [
					{ billId: a, amount: 300 },
					{ billId: picked(b), amount: 200 },
				],
			},
		});
		expect(made.map((p) => [p.billId, p.amount])).toEqual([
			[a, 300],
			[b, 200],
		]);
		const [first, second] = made.map((p) => String(p.id));
		const listed = await listSearch.searchPayments.call(lists(), 'lumen');
		expect(listed.results).toEqual([
			{ name: expect.stringMatching(/^Lumen Lighting · 200 · /) as string, value: second },
		]);
		for (const [shape, value] of [
			['saved plain string', first],
			['picked from the list', picked(second)],
		] as const) {
			const [got] = await runBillOk(credentials(), {
				resource: 'payment',
				operation: 'get',
				paymentId: value,
			});
			expect([shape, got.id]).toEqual([shape, typeof value === 'string' ? value : value.value]);
			const [cancelled] = await runBillOk(credentials(), {
				resource: 'payment',
				operation: 'cancel',
				paymentId: value,
			});
			expect([shape, cancelled.status]).toEqual([shape, 'CANCELLED']);
		}
	});
});

async function vendor(): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'vendor',
		operation: 'create',
		name: `Landlord ${Math.random().toString(36).slice(2, 8)}`,
		accountType: 'BUSINESS',
		email: 'rent@landlord.example',
		phone: '1',
	});
	return made.id as string;
}

function bill(vendorId: string, invoiceNumber: string, additionalFields: INodeParameters = {}) {
	return {
		resource: 'bill',
		operation: 'create',
		vendorId: byId(vendorId),
		invoiceNumber,
		invoiceDate: '2026-12-01',
		dueDate: '2026-12-05',
		lineItemsInput: 'fields',
		lineItems: { lineItem: [{ pricedBy: 'amount', amount: 100, description: 'Rent' }] },
		additionalFields,
	} as INodeParameters;
}

async function customer(): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'customer',
		operation: 'create',
		name: `Paperless ${Math.random().toString(36).slice(2, 8)}`,
		email: 'ap@paperless.example',
	});
	return made.id as string;
}
