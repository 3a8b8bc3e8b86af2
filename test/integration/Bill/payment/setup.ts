/**
 * Set-up for the payment, approval and document tests: vendors, bills, bank accounts and
 * approval policies made through the emulator's API as a BILL user would (so `bill.created`
 * applies approval policies), with a trusted administrator session.
 */
import axios from 'axios';

import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { byId } from '../../../harness/bill';

export interface Api {
	call<T = Record<string, unknown>>(
		method: string,
		path: string,
		body?: unknown,
		headers?: Record<string, string>,
	): Promise<{ status: number; data: T }>;
	vendor(name?: string): Promise<string>;
	bill(
		vendorId: string,
		amount: number,
		dueDate?: string,
		invoiceNumber?: string,
	): Promise<Record<string, unknown>>;
	bankAccount(verified?: boolean): Promise<string>;
	policy(minimumAmount: number, approverIds: string[]): Promise<string>;
}

let counter = 0;

/** Day `offset` days from the emulator's today, as yyyy-MM-dd. */
export const day = (emulator: Emulator, offset: number) =>
	new Date(emulator.clock.ms() + offset * 86_400_000).toISOString().slice(0, 10);

export function api(emulator: Emulator, user: 'admin' | 'clerk' = 'admin'): Api {
	const http = axios.create({ validateStatus: () => true });
	let sessionId: string | undefined;
	const login = async () => {
		const f = emulator.fixtures;
		const who = user === 'admin' ? f.admin : f.clerk;
		const r = await http.post(`${emulator.baseUrl}/v3/login`, {
			username: who.username,
			password: who.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
			...(user === 'admin' ? { rememberMeId: f.mfaId, device: f.device } : {}),
		});
		if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.data)}`);
		return String(r.data.sessionId);
	};
	const self: Api = {
		async call(method, path, body, headers = {}) {
			sessionId ??= await login();
			const r = await http.request({
				method,
				url: emulator.baseUrl + path,
				data: body,
				headers: { devKey: emulator.fixtures.devKey, sessionId, ...headers },
			});
			return { status: r.status, data: r.data };
		},
		async vendor(name = `Vendor ${++counter}`) {
			const r = await self.call('POST', '/v3/vendors', {
				name,
				accountType: 'BUSINESS',
				email: 'ap@example.com',
				phone: '4155550100',
			});
			if (r.status !== 201) throw new Error(JSON.stringify(r.data));
			return String(r.data.id);
		},
		async bill(vendorId, amount, dueDate = day(emulator, 5), invoiceNumber = `INV-${++counter}`) {
			const r = await self.call('POST', '/v3/bills', {
				vendorId,
				dueDate,
				invoice: { invoiceNumber, invoiceDate: day(emulator, -10) },
				billLineItems: [{ amount, description: 'Studio time' }],
			});
			if (r.status !== 201) throw new Error(JSON.stringify(r.data));
			return r.data;
		},
		async bankAccount(verified = true) {
			const r = await self.call('POST', '/v3/funding-accounts/banks', {
				nameOnAccount: 'Emulator Music Co',
				routingNumber: '074000010',
				accountNumber: `55500${String(++counter).padStart(4, '0')}`,
				type: 'CHECKING',
				ownerType: 'BUSINESS',
				bankName: `Operating ${counter}`,
			});
			if (r.status !== 201) throw new Error(JSON.stringify(r.data));
			const id = String(r.data.id);
			if (verified) {
				const v = await self.call('POST', `/v3/funding-accounts/banks/${id}/verify`, {
					depositAmount: 0.5,
				});
				if (v.status !== 200) throw new Error(JSON.stringify(v.data));
			}
			return id;
		},
		async policy(minimumAmount, approverIds) {
			const r = await self.call('POST', '/v3/bill-approvals/policies', {
				policyName: `Bills of ${minimumAmount} or more`,
				rules: [{ key: 'BILL_AMOUNT', op: 'gte', values: [String(minimumAmount)] }],
				approvers: approverIds,
			});
			if (r.status !== 201) throw new Error(JSON.stringify(r.data));
			return String(r.data.id);
		},
	};
	return self;
}

/** The payment tests' emulator (reset before each test, BILL's limits off), its admin and its events. */
export let emulator: Emulator;
export let admin: Api;
export const events: Array<{ type: string; id: unknown; status?: unknown }> = [];

export function usePaymentEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator({ limits: false });
		emulator.onEvent((event) =>
			events.push({ type: event.type, id: event.entity.id, status: event.entity.status }),
		);
	});
	afterAll(async () => emulator.stop());
	beforeEach(() => {
		emulator.reset();
		admin = api(emulator);
		events.length = 0;
	});
}

export const bills = () => emulator.state.bills;
export const payments = () => [...emulator.state.payments.values()];
/** POSTs to a route, counting those whose connection a fault cut after BILL applied them. */
export const posts = (route: string) =>
	emulator.requests({
		method: 'POST',
		route: new RegExp(`^${route}( \\(connection reset after\\))?$`),
	}).length;

export async function billAndAccount(
	amount = 300,
): Promise<{ vendorId: string; billId: string; accountId: string }> {
	const vendorId = await admin.vendor();
	const bill = await admin.bill(vendorId, amount);
	return { vendorId, billId: String(bill.id), accountId: await admin.bankAccount() };
}

export const payParameters = (
	billId: string,
	accountId: string,
	amount: number,
	processDate: string,
	extra: IDataObject = {},
) => ({
	resource: 'payment',
	operation: 'create',
	billId: byId(billId),
	amount,
	processDate,
	fundingType: 'BANK_ACCOUNT',
	fundingAccountId: byId(accountId),
	...extra,
});
