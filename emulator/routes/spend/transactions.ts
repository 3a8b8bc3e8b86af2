/**
 * S&E card transactions with their receipts and custom fields (Postman "Get list of transactions"
 * … "Delete a transaction receipt"), and the 3-D Secure answer (spendThreeDs.ts).
 */
import { errors } from '../../errors';
import type { RequestContext } from '../../server';
import { spendListRules } from '../../spendLists';
import type { Json } from '../../state';
import { find, identity } from '../spendState';
import { body, notFound, onlyFields, required, spendPage } from '../spendRequest';
import { threeDsRoute } from '../spendThreeDs';
import { emitSpend } from '../spendWebhooks';
import {
	customFieldOf,
	receipt,
	transactionOf,
	uploadUrl,
	uploadedUrl,
	type SpendRoutes,
} from './objects';

const transactionUpdated = (context: RequestContext, t: Json) =>
	emitSpend(context.emulator, 'spend.transaction.updated', 'transaction', t);

export const transactionsRoutes: SpendRoutes = [
	[
		'GET',
		'/v3/spend/transactions',
		(context, { data }) => {
			const page = spendPage([...data.transactions.values()], context.query, {
				...spendListRules('transactions'),
				view: (t) => ({
					...t,
					cardId: [t.cardUuid, t.cardId],
					userId: [t.userUuid, t.userId],
					budgetId: [t.budgetUuid, t.budgetId],
					transactionIds: [t.uuid, t.id],
					customFieldIds: ((t.customFields as Json[] | undefined) ?? []).flatMap((c) => [
						c.uuid,
						c.id,
					]),
					syncStatus: t.syncStatus ?? 'NOT_SYNCED',
				}),
			});
			if (context.query.includeReceipts !== 'true')
				page.results = (page.results as Json[]).map(({ receipts: _r, ...t }) => t);
			return { body: page };
		},
	],
	[
		'POST',
		'/v3/spend/transactions/receipt-upload-url',
		(context, { data }) => ({
			body: uploadUrl(context, data),
		}),
	],
	[
		'GET',
		'/v3/spend/transactions/:transactionId',
		(context, { data }) => ({
			body: transactionOf(data, context.params.transactionId),
		}),
	],
	[
		'PUT',
		'/v3/spend/transactions/:transactionId',
		(context, { data, now }) => {
			const t = transactionOf(data, context.params.transactionId);
			const b = body(context);
			onlyFields(b, ['budgetId']);
			required(b, 'budgetId');
			const budget = find(data.budgets, String(b.budgetId));
			if (!budget) throw errors.invalid(`budgetId: no such budget ${String(b.budgetId)}`);
			Object.assign(t, {
				budgetId: budget.id,
				budgetUuid: budget.uuid,
				budgetName: budget.name,
				updatedTime: now,
			});
			transactionUpdated(context, t);
			return { body: t };
		},
	],
	[
		'GET',
		'/v3/spend/transactions/:transactionId/custom-fields',
		(context, { data }) => ({
			body: { results: transactionOf(data, context.params.transactionId).customFields },
		}),
	],
	[
		'PUT',
		'/v3/spend/transactions/:transactionId/custom-fields',
		(context, { data, now }) => {
			const t = transactionOf(data, context.params.transactionId);
			const list = body(context).customFields;
			if (!Array.isArray(list) || list.length === 0)
				throw errors.invalid('customFields: must list at least one custom field');
			const set = (list as Json[]).map((entry, i) => {
				const field = find(data.customFields, String(entry.customFieldId));
				if (!field) throw errors.invalid(`customFields[${i}].customFieldId: no such custom field`);
				const values = data.values.get(String(field.uuid)) ?? [];
				const selected = ((entry.selectedValues as unknown[] | undefined) ?? []).map((v) => {
					const value = values.find((x) => (x.uuid === v || x.id === v) && !x.deleted);
					if (value) return { id: value.id, uuid: value.uuid, value: value.value };
					if (!field.allowCustomValues)
						throw errors.invalid(`customFields[${i}].selectedValues: no such value ${String(v)}`);
					return { ...identity(), value: String(v) };
				});
				return {
					id: field.id,
					uuid: field.uuid,
					name: field.name,
					note: entry.note ?? null,
					isRequired: field.required,
					selectedValues: selected,
				};
			});
			const current = (t.customFields as Json[]).filter((c) => !set.some((s) => s.uuid === c.uuid));
			t.customFields = [...current, ...set];
			t.updatedTime = now;
			transactionUpdated(context, t);
			return { body: { status: 'SUCCESS' } };
		},
	],
	[
		'GET',
		'/v3/spend/transactions/:transactionId/custom-fields/:customFieldId/values',
		(context, { data }) => {
			const t = transactionOf(data, context.params.transactionId);
			const field = customFieldOf(data, context.params.customFieldId);
			const set = (t.customFields as Json[]).find((c) => c.uuid === field.uuid);
			return {
				body: spendPage(
					(set?.selectedValues as Json[]) ?? [],
					context.query,
					spendListRules('transactionCustomFieldValues'),
				),
			};
		},
	],
	[
		'POST',
		'/v3/spend/transactions/:transactionId/receipts',
		(context, { data, now }) => {
			const t = transactionOf(data, context.params.transactionId);
			const url = uploadedUrl(data, body(context).url);
			const r = receipt(url);
			(t.receipts as Json[]).push(r);
			t.receiptStatus = 'ATTACHED';
			t.updatedTime = now;
			transactionUpdated(context, t);
			return { body: r };
		},
	],
	[
		'DELETE',
		'/v3/spend/transactions/:transactionId/receipts/:receiptId',
		(context, { data }) => {
			const t = transactionOf(data, context.params.transactionId);
			const receipts = t.receipts as Json[];
			const index = receipts.findIndex((r) => r.uuid === context.params.receiptId);
			if (index < 0) throw notFound('Receipt', context.params.receiptId);
			receipts.splice(index, 1);
			if (!receipts.length) t.receiptStatus = 'NOT_ATTACHED';
			transactionUpdated(context, t);
			return { status: 200 };
		},
	],

	// 3-D Secure (Postman "Accept or reject a transaction"): spendThreeDs.ts
	[
		'POST',
		'/v3/spend/transactions/:acsTransactionId/3ds-challenge',
		(context, spend) => threeDsRoute(context.emulator)(context, spend),
	],
];
