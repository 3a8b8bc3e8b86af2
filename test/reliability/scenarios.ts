/**
 * The operations the reliability matrix runs under each fault: each knows how to prepare the
 * emulator, run the node (Continue On Fail, as a careful user would), and read back the state
 * that must end the same with or without the fault.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Emulator } from '../../emulator';
import { newId } from '../../emulator/state';
import type { CredentialStore, RunResult } from '../harness/context';
import { seedBills, seedVendor } from '../../emulator/routes/bills';
import { byId, runBill } from '../harness/bill';

export interface Scenario {
	name: string;
	/** Whether the operation creates something (then a fault may leave its outcome unknown). */
	creates: boolean;
	/** Data the operation works on, made before the fault is armed. */
	prepare(emulator: Emulator, credentials: CredentialStore): Promise<IDataObject>;
	run(credentials: CredentialStore, prepared: IDataObject): Promise<RunResult>;
	/** The state that must be the same after (fault + re-run) as after a clean run. */
	state(emulator: Emulator, prepared: IDataObject): unknown;
	/** For creating operations: how many objects of the kind exist (to see anything made twice). */
	created?(emulator: Emulator): number;
	/** How many output items a complete run gives. */
	items: number;
	/** The route the fault is aimed at (method + path or `~regex`). */
	target: { method: string; path: string };
}

const vendorParameters = (name: string) => ({
	resource: 'vendor',
	operation: 'create',
	name,
	accountType: 'BUSINESS',
	email: 'ap@example.com',
	phone: '555',
});

async function makeVendors(credentials: CredentialStore, names: string[]): Promise<string[]> {
	const { output, error } = await runBill(
		credentials,
		(_i, json) => vendorParameters(json.name as string),
		{
			items: names.map((name) => ({ name })),
		},
	);
	if (error) throw error;
	return output.map((o) => o.json.id as string);
}

export const vendorScenarios: Scenario[] = [
	{
		name: 'Vendor → Get Many (Return All, 150 vendors)',
		creates: false,
		items: 150,
		target: { method: 'GET', path: '/v3/vendors' },
		async prepare(_emulator, credentials) {
			await makeVendors(
				credentials,
				Array.from({ length: 150 }, (_, i) => `List ${i}`),
			);
			return {};
		},
		run: (credentials) =>
			runBill(
				credentials,
				{ resource: 'vendor', operation: 'getMany', returnAll: true },
				{ continueOnFail: true },
			),
		state: (emulator) => emulator.state.vendors.size,
	},
	{
		name: 'Vendor → Update (3 items)',
		creates: false,
		items: 3,
		target: { method: 'PATCH', path: '~^/v3/vendors/' },
		async prepare(_emulator, credentials) {
			return { ids: await makeVendors(credentials, ['U0', 'U1', 'U2']) };
		},
		run: (credentials, prepared) =>
			runBill(
				credentials,
				(i) => ({
					resource: 'vendor',
					operation: 'update',
					vendorId: byId((prepared.ids as string[])[i]),
					updateFields: { phone: `phone-${i}` },
				}),
				{ items: [{}, {}, {}], continueOnFail: true },
			),
		state: (emulator, prepared) =>
			(prepared.ids as string[]).map((id) => emulator.state.vendors.get(id)?.phone),
	},
];

const bankParameters = (i: number) => ({
	resource: 'bankAccount',
	operation: 'create',
	nameOnAccount: 'Emulator Music Co',
	routingNumber: '074000010',
	accountNumber: `4444000${1000 + i}`,
	bankAccountType: 'CHECKING',
	ownerType: 'BUSINESS',
	bankName: `Operating ${i}`,
	accessToAdmins: true,
});

export const bankAccountScenarios: Scenario[] = [
	{
		name: 'Bank Account → Create (2 items)',
		creates: true,
		items: 2,
		target: { method: 'POST', path: '/v3/funding-accounts/banks' },
		prepare: async () => ({}),
		run: (credentials) =>
			runBill(credentials, (i) => bankParameters(i), { items: [{}, {}], continueOnFail: true }),
		created: (emulator) => emulator.state.bankAccounts.size,
		state: (emulator) =>
			[...emulator.state.bankAccounts.values()]
				.map((a) => `${String(a.bankName)} ${String(a.accountNumber)} ${String(a.status)}`)
				.sort(),
	},
];

const billItem = (vendorId: string, i: number) => ({ vendorId, invoice: `R-${i}` });

const createManyParameters = (_i: number, json: IDataObject) => ({
	resource: 'bill',
	operation: 'createMany',
	billsInput: 'items',
	vendorId: byId(json.vendorId as string),
	invoiceNumber: json.invoice as string,
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: { lineItem: [{ pricedBy: 'amount', amount: 25 }] },
});

const billState = (emulator: Emulator) =>
	[...emulator.state.bills.values()]
		.map(
			(b) =>
				`${String((b.invoice as IDataObject).invoiceNumber)} ${String(b.amount)} ${String(b.archived)}`,
		)
		.sort();

export const billScenarios: Scenario[] = [
	{
		name: 'Bill → Create Many (250 items, 3 bulk requests)',
		creates: true,
		items: 250,
		target: { method: 'POST', path: '/v3/bills/bulk' },
		prepare: async (emulator) => ({ vendorId: seedVendor(emulator, 'Reliability Supplies') }),
		run: (credentials, prepared) =>
			runBill(credentials, createManyParameters, {
				items: Array.from({ length: 250 }, (_, i) => billItem(prepared.vendorId as string, i)),
				continueOnFail: true,
			}),
		created: (emulator) => emulator.state.bills.size,
		state: billState,
	},
	{
		name: 'Bill → Create (4 items)',
		creates: true,
		items: 4,
		target: { method: 'POST', path: '/v3/bills' },
		prepare: async (emulator) => ({ vendorId: seedVendor(emulator, 'Reliability Supplies') }),
		run: (credentials, prepared) =>
			runBill(
				credentials,
				(i) => ({
					resource: 'bill',
					operation: 'create',
					vendorId: byId(prepared.vendorId as string),
					invoiceNumber: `C-${i}`,
					invoiceDate: '2026-11-01',
					dueDate: '2026-12-01',
					lineItemsInput: 'fields',
					lineItems: { lineItem: [{ pricedBy: 'amount', amount: 40 }] },
				}),
				{ items: [{}, {}, {}, {}], continueOnFail: true },
			),
		created: (emulator) => emulator.state.bills.size,
		state: billState,
	},
	{
		name: 'Bill → Get Many (Return All, 1,050 bills)',
		creates: false,
		items: 1050,
		target: { method: 'GET', path: '/v3/bills' },
		async prepare(emulator) {
			seedBills(emulator, seedVendor(emulator, 'Reliability Supplies'), 1050);
			return {};
		},
		run: (credentials) =>
			runBill(
				credentials,
				{ resource: 'bill', operation: 'getMany', returnAll: true },
				{ continueOnFail: true },
			),
		state: billState,
	},
	{
		name: 'Bill → Update (5 items)',
		creates: false,
		items: 5,
		target: { method: 'PATCH', path: '~^/v3/bills/' },
		async prepare(emulator) {
			const bills = seedBills(emulator, seedVendor(emulator, 'Reliability Supplies'), 5);
			return { ids: bills.map((b) => b.id as string) };
		},
		run: (credentials, prepared) =>
			runBill(
				credentials,
				(i) => ({
					resource: 'bill',
					operation: 'update',
					billId: byId((prepared.ids as string[])[i]),
					updateFields: { description: `Updated ${i}` },
				}),
				{ items: [{}, {}, {}, {}, {}], continueOnFail: true },
			),
		state: (emulator, prepared) =>
			(prepared.ids as string[]).map((id) => emulator.state.bills.get(id)?.description),
	},
];

/**
 * Payments: two bills of the fixture organization, a verified bank account, each item pays one
 * bill in full. Made straight in the emulator's state (no requests), so the fault only meets the
 * payment requests.
 */
export async function preparePayments(emulator: Emulator): Promise<IDataObject> {
	const { state, clock } = emulator;
	const organizationId = emulator.fixtures.organizationId;
	const vendorId = seedVendor(emulator, 'Harbor Audio');
	const billIds = seedBills(emulator, vendorId, 2, clock.today()).map((bill) => String(bill.id));
	const accountId = newId('bac');
	const now = clock.timestamp();
	state.bankAccounts.set(accountId, {
		id: accountId,
		archived: false,
		status: 'VERIFIED',
		nameOnAccount: 'Emulator Music Co',
		bankName: 'Operating',
		routingNumber: '074000010',
		accountNumber: '444400001234',
		type: 'CHECKING',
		ownerType: 'BUSINESS',
		createdTime: now,
		updatedTime: now,
	});
	state.owner.set(accountId, organizationId);
	const processDate = new Date(clock.ms() + 86_400_000).toISOString().slice(0, 10);
	return {
		billIds,
		accountId,
		processDate,
		amounts: billIds.map((id) => state.bills.get(id)!.dueAmount),
	};
}

export const paymentScenarios: Scenario[] = [
	{
		name: 'Payment → Create (2 items)',
		creates: true,
		items: 2,
		target: { method: 'POST', path: '/v3/payments' },
		prepare: async (emulator) => await preparePayments(emulator),
		run: (credentials, prepared) =>
			runBill(
				credentials,
				(i) => ({
					resource: 'payment',
					operation: 'create',
					billId: byId((prepared.billIds as string[])[i]),
					amount: (prepared.amounts as number[])[i],
					processDate: prepared.processDate as string,
					fundingType: 'BANK_ACCOUNT',
					fundingAccountId: byId(prepared.accountId as string),
				}),
				{ items: [{}, {}], continueOnFail: true },
			),
		created: (emulator) => emulator.state.payments.size,
		state: (emulator, prepared) => ({
			// Bills by their place in the run (ids differ between runs).
			payments: [...emulator.state.payments.values()]
				.map(
					(p) =>
						`bill ${(prepared.billIds as string[]).indexOf(String(p.billId))} ${String(p.amount)} ${String(p.status)}`,
				)
				.sort(),
			bills: (prepared.billIds as string[]).map((id) => {
				const bill = emulator.state.bills.get(id)!;
				return `${String(bill.dueAmount)} ${String(bill.scheduledAmount)} ${String(bill.paymentStatus)}`;
			}),
		}),
	},
];
