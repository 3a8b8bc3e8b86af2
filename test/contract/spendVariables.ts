/**
 * The Postman collection's Spend & Expense variables (`{{api_token}}`, `{{se_budget_uuid}}`, …),
 * made on demand through the emulator's S&E API as a user would (postman.test.ts asks here for
 * the names it does not know).
 */
import type { AxiosInstance } from 'axios';

import type { Emulator } from '../../emulator';
import { SPEND_FIXTURES } from '../../emulator/routes/spendState';
import { createThreeDsChallenge } from '../../emulator/routes/spendThreeDs';

/** Fields BILL documented after the collection was made, with where: the emulator serves them. */
export const SPEND_FIELDS_AFTER_COLLECTION: Record<string, string> = {
	'$.results[].status':
		'transaction status, https://developer.bill.com/changelog/2026-04-17-se-transactions-improvements',
	'$.status':
		'transaction status, https://developer.bill.com/changelog/2026-04-17-se-transactions-improvements',
};

export async function spendVariable(
	name: string,
	emulator: Emulator,
	http: AxiosInstance,
	get: (name: string) => Promise<string>,
	requestPath = '',
): Promise<string | undefined> {
	const call = async (method: string, path: string, data?: unknown) => {
		const response = await http.request({
			method,
			url: emulator.baseUrl + path,
			data,
			headers: { apiToken: SPEND_FIXTURES.apiToken },
		});
		if (response.status >= 300)
			throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.data)}`);
		return response.data as Record<string, unknown>;
	};
	const upload = async (path: string) => {
		const { url } = (await call('POST', path)) as { url: string };
		await http.put(url, Buffer.from('89504e47', 'hex'), {
			headers: { 'Content-Type': 'image/png' },
		});
		return url;
	};
	switch (name) {
		case 'api_token':
			return SPEND_FIXTURES.apiToken;
		case 'file_name_with_extension':
			return 'receipt.png';
		case 'se_user_uuid':
			return String(
				(
					await call('POST', '/v3/spend/users', {
						firstName: 'Contract',
						lastName: 'User',
						email: 'contract.user@example.com',
						role: 'MEMBER',
					})
				).uuid,
			);
		case 'se_budget_uuid':
			return String(
				(
					await call('POST', '/v3/spend/budgets', {
						name: 'Contract budget',
						owners: [await get('se_user_uuid')],
						recurringInterval: 'MONTHLY',
						limit: 500,
					})
				).uuid,
			);
		case 'se_card_uuid':
			return String(
				(
					await call('POST', '/v3/spend/cards', {
						name: 'Contract card',
						userId: await get('se_user_uuid'),
						budgetId: await get('se_budget_uuid'),
						limit: 100,
					})
				).uuid,
			);
		case 'se_custom_field_uuid':
			return String(
				(
					await call('POST', '/v3/spend/custom-fields', {
						name: 'Project',
						allowCustomValues: false,
						global: true,
						values: ['Alpha', 'Beta'],
					})
				).uuid,
			);
		case 'se_custom_field_value_uuid01': {
			const field = await get('se_custom_field_uuid');
			const values = await call('GET', `/v3/spend/custom-fields/${field}/values`);
			return String((values.results as Array<{ uuid: string }>)[0].uuid);
		}
		case 'se_transaction_url':
			return await upload('/v3/spend/transactions/receipt-upload-url');
		case 'se_reimbursement_url':
			return await upload('/v3/spend/reimbursements/image-upload-url');
		case 'se_transaction_uuid': {
			// "Accept or reject a transaction" takes the transaction of a 3D Secure challenge (the id
			// BILL sends with spend.three-ds-challenge.created): one the emulator makes, as BILL would.
			if (requestPath.endsWith('/3ds-challenge'))
				return String(createThreeDsChallenge(emulator).uuid);
			const list = await call('GET', '/v3/spend/transactions?max=1');
			return String((list.results as Array<{ uuid: string }>)[0].uuid);
		}
		case 'se_transaction_receipt_uuid': {
			const id = await get('se_transaction_uuid');
			const receipt = await call('POST', `/v3/spend/transactions/${id}/receipts`, {
				url: await get('se_transaction_url'),
			});
			return String(receipt.uuid);
		}
		case 'se_reimbursement_uuid':
			return String(
				(
					await call('POST', '/v3/spend/reimbursements', {
						budgetId: await get('se_budget_uuid'),
						userId: await get('se_user_uuid'),
						occurredDate: '2025-12-25',
						merchantName: 'Jasmine Thai',
						amount: 50,
					})
				).uuid,
			);
		case 'se_reimbursement_receipt_uuid': {
			const id = await get('se_reimbursement_uuid');
			const receipt = await call('POST', `/v3/spend/reimbursements/${id}/receipts`, {
				url: await get('se_reimbursement_url'),
				filename: 'receipt.png',
			});
			return String(receipt.uuid);
		}
		default:
			return undefined;
	}
}

/**
 * Requests whose example body holds Postman's placeholder text where a real id belongs: BILL
 * refuses them as sent, and so does the emulator (a 400 naming the field is the expected answer).
 */
export const SPEND_PLACEHOLDER_BODIES: Record<string, RegExp> = {
	'PUT /v3/spend/transactions/:transactionId/custom-fields': /customFieldId: no such custom field/,
};
