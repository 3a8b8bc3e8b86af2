/** S&E reimbursements (Postman "Get list of reimbursements" … "Delete a reimbursement receipt"). */
import { errors } from '../../errors';
import type { RequestContext } from '../../server';
import { spendListRules } from '../../spendLists';
import type { Json } from '../../state';
import { find, identity } from '../spendState';
import { amount, body, notFound, oneOf, onlyFields, required, spendPage } from '../spendRequest';
import { emitSpend } from '../spendWebhooks';
import {
	adminOnly,
	receipt,
	reimbursementOf,
	patch,
	uploadUrl,
	uploadedUrl,
	type SpendRoutes,
} from './objects';

const reimbursementEvent = (
	context: RequestContext,
	what: 'created' | 'updated' | 'deleted',
	r: Json,
) => emitSpend(context.emulator, `spend.reimbursement.${what}`, 'reimbursement', r);

export const reimbursementsRoutes: SpendRoutes = [
	[
		'GET',
		'/v3/spend/reimbursements',
		(context, { data }) => ({
			body: spendPage([...data.reimbursements.values()], context.query, {
				...spendListRules('reimbursements'),
				view: (r) => ({
					...r,
					reimbursementIds: [r.uuid, r.id],
					userIds: [r.userUuid, r.userId],
					budgetIds: [r.budgetUuid, r.budgetId],
					customFieldValueIds: ((r.customFields as Json[] | undefined) ?? []).flatMap((c) =>
						((c.selectedValues as Json[] | undefined) ?? []).flatMap((v) => [v.uuid, v.id]),
					),
				}),
			}),
		}),
	],
	[
		'POST',
		'/v3/spend/reimbursements/image-upload-url',
		(context, { data }) => ({
			body: uploadUrl(context, data),
		}),
	],
	[
		'POST',
		'/v3/spend/reimbursements',
		(context, { data, user: submitter }) => {
			const b = body(context);
			// Postman "Create a reimbursement"; customFields: https://developer.bill.com/reference/createreimbursement.
			onlyFields(b, [
				'budgetId',
				'userId',
				'occurredDate',
				'note',
				'merchantName',
				'amount',
				'receipts',
				'customFields',
			]);
			required(b, 'budgetId', 'userId', 'occurredDate', 'merchantName');
			amount(b, 'amount', { required: true });
			if (Number(b.amount) <= 0) throw errors.invalid('amount: must be more than 0');
			if (!/^\d{4}-\d{2}-\d{2}$/.test(String(b.occurredDate)))
				throw errors.invalid('occurredDate: must be yyyy-MM-dd');
			const budget = find(data.budgets, String(b.budgetId));
			const user = find(data.users, String(b.userId));
			if (!budget) throw errors.invalid(`budgetId: no such budget ${String(b.budgetId)}`);
			if (!user) throw errors.invalid(`userId: no such user ${String(b.userId)}`);
			const receipts = ((b.receipts as Json[] | undefined) ?? []).map((r) =>
				receipt(uploadedUrl(data, r.url), r.filename),
			);
			const now = new Date(context.clock.ms()).toISOString();
			const r: Json = {
				...identity(),
				amount: Number(b.amount),
				merchantName: b.merchantName,
				note: b.note ?? '',
				submittedTime: now,
				occurredDate: b.occurredDate,
				retired: false,
				// Open question: BILL's examples show no status for a new submission; the emulator
				// says AWAITING_APPROVAL until an ADMIN approves (APPROVED) or denies (DENIED) it.
				status: 'AWAITING_APPROVAL',
				// BILL's reimbursement types: PURCHASE, MILEAGE (https://developer.bill.com/reference/listreimbursements).
				type: 'PURCHASE',
				statusHistory: [
					{
						actorId: submitter.id,
						actorRole: 'SUBMITTER',
						occurredTime: now,
						note: b.note ?? '',
						status: 'AWAITING_APPROVAL',
					},
				],
				budgetId: budget.id,
				budgetUuid: budget.uuid,
				userId: user.id,
				userUuid: user.uuid,
				receipts,
				customFields: [],
			};
			data.reimbursements.set(String(r.uuid), r);
			reimbursementEvent(context, 'created', r);
			return { body: r };
		},
	],
	[
		'GET',
		'/v3/spend/reimbursements/:reimbursementId',
		(context, { data }) => ({
			body: reimbursementOf(data, context.params.reimbursementId),
		}),
	],
	[
		'PATCH',
		'/v3/spend/reimbursements/:reimbursementId',
		(context, { data }) => {
			const r = reimbursementOf(data, context.params.reimbursementId);
			if (['APPROVED', 'PAID', 'READY_TO_PAY'].includes(String(r.status)))
				throw errors.invalid(`Reimbursement is ${String(r.status)} and can no longer be changed`);
			const b = body(context);
			if (b.amount !== undefined) b.amount = amount(b, 'amount');
			if (b.occurredDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(b.occurredDate)))
				throw errors.invalid('occurredDate: must be yyyy-MM-dd');
			if (b.budgetId !== undefined) {
				const budget = find(data.budgets, String(b.budgetId));
				if (!budget) throw errors.invalid(`budgetId: no such budget ${String(b.budgetId)}`);
				delete b.budgetId;
				r.budgetId = budget.id;
				r.budgetUuid = budget.uuid;
			}
			patch(r, b, ['amount', 'merchantName', 'note', 'occurredDate']);
			reimbursementEvent(context, 'updated', r);
			return { body: r };
		},
	],
	[
		'DELETE',
		'/v3/spend/reimbursements/:reimbursementId',
		(context, { data }) => {
			const r = reimbursementOf(data, context.params.reimbursementId);
			data.reimbursements.delete(String(r.uuid));
			reimbursementEvent(context, 'deleted', r);
			return { status: 200 };
		},
	],
	[
		'POST',
		'/v3/spend/reimbursements/:reimbursementId/action',
		(context, spend) => {
			adminOnly(spend, 'approve or deny reimbursements');
			const r = reimbursementOf(spend.data, context.params.reimbursementId);
			const b = body(context);
			onlyFields(b, ['action', 'note']);
			// Open question: Postman "Approve or deny a reimbursement" shows APPROVE; DENY is the emulator's
			// (and the node's) word for the other.
			oneOf(b, 'action', ['APPROVE', 'DENY']);
			required(b, 'action');
			if (r.status !== 'AWAITING_APPROVAL')
				throw errors.invalid(`Reimbursement is ${String(r.status)}, not awaiting approval`);
			const status = b.action === 'APPROVE' ? 'APPROVED' : 'DENIED';
			r.status = status;
			(r.statusHistory as Json[]).push({
				actorId: spend.user.id,
				actorRole: 'MANAGER',
				occurredTime: spend.now,
				note: b.note ?? '',
				status,
			});
			reimbursementEvent(context, 'updated', r);
			return { body: r };
		},
	],
	[
		'POST',
		'/v3/spend/reimbursements/:reimbursementId/receipts',
		(context, { data }) => {
			const r = reimbursementOf(data, context.params.reimbursementId);
			const b = body(context);
			const added = receipt(uploadedUrl(data, b.url), b.filename);
			(r.receipts as Json[]).push(added);
			reimbursementEvent(context, 'updated', r);
			return { body: added };
		},
	],
	[
		'DELETE',
		'/v3/spend/reimbursements/:reimbursementId/receipts/:receiptId',
		(context, { data }) => {
			const r = reimbursementOf(data, context.params.reimbursementId);
			const receipts = r.receipts as Json[];
			const index = receipts.findIndex((x) => x.uuid === context.params.receiptId);
			if (index < 0) throw notFound('Receipt', context.params.receiptId);
			receipts.splice(index, 1);
			return { status: 200 };
		},
	],
];
