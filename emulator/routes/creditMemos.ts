/**
 * Credit memos (BILL's Postman folder "Credit memos"; https://developer.bill.com/docs/ar-credit-memos):
 * create (201), bulk create (≤50, all or none, 201 `{creditMemos}`), get, list, PATCH and PUT
 * (one, and PATCH in bulk, `{creditMemos}`), archive and restore (one, and bulk with `?ids=`, no body).
 * Ids start with `ccr`. A `ratePercent` line applies to the sum of the line amounts above it.
 *
 * Choices where BILL's docs are silent: line item ids use the emulator's prefix `cli`; the list
 * filters by `id`, `customerId` and `archived` (BILL's collection shows only `id:eq`); a bulk
 * change naming a credit memo that is not there refuses the whole request (404).
 */
import { BillError, errors } from '../errors';
import { listPage } from '../list';
import { AR_CLASSIFICATIONS, AR_LINE_CLASSIFICATIONS, receivables } from '../receivables';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { cents, checkClassifications } from './amountLines';
import { customerOf } from './customers';

export const CREDIT_MEMO_BULK_LIMIT = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const memos = (context: RequestContext) => receivables(context.state).creditMemos;

function lines(body: Json, existing: Json[] = [], replace = true): Json[] {
	const given = body.creditMemoLineItems as Json[];
	const made: Json[] = given.map((line, i) => {
		const old = line.id !== undefined ? existing.find((l) => l.id === line.id) : undefined;
		if (line.id !== undefined && !old)
			throw errors.invalid(
				`creditMemoLineItems[${i}].id: ${String(line.id)} is not a line of this credit memo`,
			);
		return { ...(old ?? { id: newId('cli') }), ...line, id: old?.id ?? newId('cli') };
	});
	const all = replace
		? made
		: [
				...existing.map((l) => made.find((m) => m.id === l.id) ?? l),
				...made.filter((m) => !existing.some((l) => l.id === m.id)),
			];
	let above = 0;
	return all.map((line) => {
		const amount =
			line.ratePercent !== undefined
				? cents((above * Number(line.ratePercent)) / 100)
				: cents(Number(line.quantity ?? 1) * Number(line.price ?? 0));
		above = cents(above + amount);
		return { taxable: false, classifications: {}, ...line, amount };
	});
}

function check(body: Json, creating: boolean, where = ''): void {
	if (creating)
		for (const key of ['customerId', 'referenceNumber', 'creditDate', 'creditMemoLineItems'])
			if (body[key] === undefined || body[key] === null || body[key] === '')
				throw errors.invalid(`${where}${key}: must not be null`);
	if (body.creditDate !== undefined && !DATE.test(String(body.creditDate)))
		throw errors.invalid(`${where}creditDate: must be a date as yyyy-MM-dd`);
	if (
		body.creditMemoLineItems !== undefined &&
		(!Array.isArray(body.creditMemoLineItems) || !body.creditMemoLineItems.length)
	)
		throw errors.invalid(`${where}creditMemoLineItems: must not be empty`);
	checkClassifications(`${where}classifications`, body.classifications, AR_CLASSIFICATIONS);
	((body.creditMemoLineItems as Json[] | undefined) ?? []).forEach((line, i) =>
		checkClassifications(
			`${where}creditMemoLineItems[${i}].classifications`,
			line?.classifications,
			AR_LINE_CLASSIFICATIONS,
		),
	);
}

function settle(memo: Json): void {
	memo.amount = cents(
		(memo.creditMemoLineItems as Json[]).reduce((sum, l) => sum + Number(l.amount), 0),
	);
}

function make(context: RequestContext, body: Json): Json {
	customerOf(context, String(body.customerId));
	const now = context.clock.timestamp();
	const memo: Json = {
		id: newId('ccr'),
		customerId: body.customerId,
		referenceNumber: String(body.referenceNumber),
		creditDate: body.creditDate,
		description: body.description ?? '',
		archived: false,
		amount: 0,
		appliedAmount: 0,
		status: 'NOT_APPLIED',
		createdTime: now,
		updatedTime: now,
		creditMemoLineItems: lines(body),
	};
	for (const key of [
		'salesTaxItemId',
		'payToChartOfAccountId',
		'payToBankAccountId',
		'classifications',
	])
		if (body[key] !== undefined) memo[key] = body[key];
	settle(memo);
	return memo;
}

function store(context: RequestContext, memo: Json): Json {
	memos(context).set(String(memo.id), memo);
	context.state.owner.set(String(memo.id), context.organization!.id);
	return memo;
}

function memoOf(context: RequestContext, id: string): Json {
	const memo = memos(context).get(id);
	if (!memo || context.state.owner.get(id) !== context.organization!.id)
		throw errors.notFound('Credit memo', id);
	return memo;
}

function change(context: RequestContext, memo: Json, body: Json, replace: boolean): Json {
	if (body.customerId !== undefined) customerOf(context, String(body.customerId));
	for (const key of [
		'customerId',
		'referenceNumber',
		'creditDate',
		'description',
		'salesTaxItemId',
		'payToChartOfAccountId',
		'payToBankAccountId',
		'classifications',
	])
		if (body[key] !== undefined) memo[key] = body[key];
	if (body.creditMemoLineItems !== undefined)
		memo.creditMemoLineItems = lines(body, memo.creditMemoLineItems as Json[], replace);
	settle(memo);
	memo.updatedTime = context.clock.timestamp();
	return memo;
}

function bulkList(context: RequestContext): Json[] {
	const list = context.body;
	if (!Array.isArray(list) || !list.length)
		throw errors.invalid('Request body must be a non-empty JSON array of credit memos');
	if (list.length > CREDIT_MEMO_BULK_LIMIT)
		throw errors.invalid(
			`At most ${CREDIT_MEMO_BULK_LIMIT} credit memos per bulk request, got ${list.length}`,
		);
	return list as Json[];
}

function indexed<T>(i: number, run: () => T): T {
	try {
		return run();
	} catch (error) {
		if (error instanceof BillError)
			throw new BillError(error.status, error.code, `[${i}] ${error.message}`);
		throw error;
	}
}

function setArchived(context: RequestContext, memo: Json, archived: boolean): Json {
	if (memo.archived !== archived) {
		memo.archived = archived;
		memo.updatedTime = context.clock.timestamp();
	}
	return memo;
}

function idsOf(context: RequestContext): Json[] {
	const ids = String(context.query.ids ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (!ids.length) throw errors.invalid('ids: must not be empty');
	if (ids.length > CREDIT_MEMO_BULK_LIMIT)
		throw errors.invalid(`ids: at most ${CREDIT_MEMO_BULK_LIMIT}`);
	return ids.map((id) => memoOf(context, id));
}

export function registerCreditMemos(emulator: Emulator): void {
	emulator.add('POST', '/v3/credit-memos', (context) => {
		const body = objectBody(context);
		check(body, true);
		return { status: 201, body: store(context, make(context, body)) };
	});
	emulator.add('POST', '/v3/credit-memos/bulk', (context) => {
		// All or none: every credit memo is made before any is stored.
		const made = bulkList(context).map((body, i) =>
			indexed(i, () => (check(body, true), make(context, body))),
		);
		return { status: 201, body: { creditMemos: made.map((memo) => store(context, memo)) } };
	});
	for (const [method, replace] of [
		['PATCH', false],
		['PUT', true],
	] as const) {
		// BILL's "Replace multiple credit memos" (PUT …/bulk) is not served: the node does not offer it.
		if (method === 'PATCH')
			emulator.add(method, '/v3/credit-memos/bulk', (context) => {
				const list = bulkList(context);
				const targets = list.map((body, i) =>
					indexed(i, () => (check(body, replace), memoOf(context, String(body.id)))),
				);
				return {
					body: { creditMemos: targets.map((memo, i) => change(context, memo, list[i], replace)) },
				};
			});
		emulator.add(method, '/v3/credit-memos/:creditMemoId', (context) => {
			const body = objectBody(context);
			check(body, replace);
			return { body: change(context, memoOf(context, context.params.creditMemoId), body, replace) };
		});
	}
	emulator.add('GET', '/v3/credit-memos', (context) => ({
		body: listPage(
			context.state.ofOrganization(memos(context), context.organization!.id),
			context.query,
			{
				filterable: { id: ['eq', 'ne', 'in'], customerId: ['eq', 'in'], archived: ['eq', 'ne'] },
				sortable: [
					'archived',
					'creditDate',
					'amount',
					'appliedAmount',
					'createdTime',
					'updatedTime',
				],
			},
		),
	}));
	emulator.add('GET', '/v3/credit-memos/:creditMemoId', (context) => ({
		body: memoOf(context, context.params.creditMemoId),
	}));
	for (const [action, archived] of [
		['archive', true],
		['restore', false],
	] as const) {
		// The bulk route first: `bulk` would otherwise be taken for a credit memo id.
		emulator.add('POST', `/v3/credit-memos/bulk/${action}`, (context) => ({
			body: { creditMemos: idsOf(context).map((memo) => setArchived(context, memo, archived)) },
		}));
		emulator.add('POST', `/v3/credit-memos/:creditMemoId/${action}`, (context) => ({
			body: setArchived(context, memoOf(context, context.params.creditMemoId), archived),
		}));
	}
}
