/**
 * Data for the emulator the live check compares BILL with, so that its lists have something in
 * them (a list is compared by its first element; an empty one compares nothing): a verified
 * bank account (and so a bank-account user), a vendor with a paid bill, an approval policy for
 * bills of 1,000 or more, a bill of 5,000 waiting for the administrator's approval, and a
 * webhook subscription.
 *
 * Made through the emulator's own API (as a BILL user would, so its rules apply), on the
 * emulator object the check started: never on BILL, whatever the environment says.
 */
import { randomUUID } from 'crypto';

import type { Emulator } from '../../emulator';

/** Bills of this amount or more need the administrator's approval in the reference emulator. */
export const REFERENCE_POLICY_MINIMUM = 1000;

export async function seedReference(emulator: Emulator): Promise<void> {
	const f = emulator.fixtures;
	const post = async (path: string, body: unknown, sessionId?: string) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				...(sessionId ? { sessionId, devKey: f.devKey } : {}),
			},
			body: JSON.stringify(body),
		});
		const data = (await response.json().catch(() => undefined)) as Record<string, unknown>;
		if (response.status >= 300)
			throw new Error(`reference emulator: ${path} answered ${response.status}`);
		return data;
	};
	const login = await post('/v3/login', {
		username: f.admin.username,
		password: f.admin.password,
		organizationId: f.organizationId,
		devKey: f.devKey,
		rememberMeId: f.mfaId,
		device: f.device,
	});
	const session = String(login.sessionId);
	const day = (offset: number) =>
		new Date(emulator.clock.ms() + offset * 86_400_000).toISOString().slice(0, 10);

	const bank = await post(
		'/v3/funding-accounts/banks',
		{
			nameOnAccount: 'Emulator Music Co',
			routingNumber: '074000010',
			accountNumber: '111222333',
			type: 'CHECKING',
			ownerType: 'BUSINESS',
			bankName: 'Operating',
			accessToAdmins: true,
		},
		session,
	);
	await post(
		`/v3/funding-accounts/banks/${String(bank.id)}/verify`,
		{ depositAmount: 0.5 },
		session,
	);
	const vendor = await post(
		'/v3/vendors',
		{
			name: 'Reference Vendor',
			accountType: 'BUSINESS',
			email: 'ap@reference.example',
			phone: '4155550100',
		},
		session,
	);
	const bill = (amount: number, invoiceNumber: string) =>
		post(
			'/v3/bills',
			{
				vendorId: vendor.id,
				dueDate: day(10),
				invoice: { invoiceNumber, invoiceDate: day(-5) },
				billLineItems: [{ amount, description: 'Reference bill' }],
			},
			session,
		);
	const paid = await bill(250, 'REF-1');
	await post(
		'/v3/payments',
		{
			billId: paid.id,
			amount: 250,
			processDate: day(1),
			fundingAccount: { type: 'BANK_ACCOUNT', id: bank.id },
		},
		session,
	);
	await post(
		'/v3/bill-approvals/policies',
		{
			policyName: `Bills of ${REFERENCE_POLICY_MINIMUM} or more`,
			rules: [{ key: 'BILL_AMOUNT', op: 'gte', values: [String(REFERENCE_POLICY_MINIMUM)] }],
			approvers: [f.admin.userId],
		},
		session,
	);
	await bill(5000, 'REF-2');
	// A webhook subscription of someone else (an event the check does not cause: no delivery).
	const subscription = await fetch(`${emulator.eventsBaseUrl}/v3/subscriptions`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			sessionId: session,
			devKey: f.devKey,
			'X-Idempotent-Key': randomUUID(),
		},
		body: JSON.stringify({
			name: 'Reference subscription',
			status: { enabled: true },
			events: [{ type: 'invoice.created', version: '1' }],
			notificationUrl: 'https://example.invalid/reference',
		}),
	});
	if (subscription.status !== 200)
		throw new Error(`reference emulator: /v3/subscriptions answered ${subscription.status}`);
	await post('/v3/logout', {}, session);
}
