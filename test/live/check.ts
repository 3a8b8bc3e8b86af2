/**
 * The live check: the calls of steps.ts made on BILL (the sandbox, or whatever loopback URL
 * stands in for it) and on an emulator started here, answer by answer, and every difference
 * in status code, BILL error codes, or field names and types (see shape.ts). The emulator is
 * started in-process with its fixture credentials unless one is given.
 */
import { startEmulator, type Emulator } from '../../emulator';
import { BillSide, type Answer, type SideName } from './client';
import type { LiveConfig } from './config';
import { seedReference } from './reference';
import { compareShapes, errorCodes, errorMessage, type ShapeNote } from './shape';
import { missingVars, pathOf, PREFIX, STEPS, type RunInfo, type Step } from './steps';

export interface Outcome {
	status: number;
	codes: string[];
	message?: string;
	/** No HTTP answer (network error, timeout, or a call the check refuses to send). */
	error?: string;
}

export interface CallRecord {
	n: number;
	name: string;
	method: string;
	host: 'api' | 'events';
	route: string;
	bill?: Outcome;
	emulator?: Outcome;
	/** Why the call was not made (on both sides, so the two stay comparable). */
	skipped?: string;
}

export type DifferenceKind =
	| 'status'
	| 'code'
	| 'onlyInBill'
	| 'onlyInEmulator'
	| 'type'
	| 'failed';

export interface Difference {
	call: number;
	name: string;
	method: string;
	route: string;
	kind: DifferenceKind;
	path?: string;
	bill?: string;
	emulator?: string;
}

export interface Note extends ShapeNote {
	call: number;
	name: string;
	method: string;
	route: string;
}

export interface LiveResult {
	startedAt: string;
	config: Pick<LiveConfig, 'urls' | 'sandbox' | 'notificationUrl'> & { mfa: boolean };
	prefix: string;
	calls: CallRecord[];
	differences: Difference[];
	notes: Note[];
	/** Leftover `n8n-live-check-…` webhook subscriptions of earlier runs deleted first, per side. */
	leftoversDeleted: Record<SideName, number>;
	/** Values to mask in anything written: secrets and session IDs, and the ids of what was created. */
	secrets: string[];
	ids: string[];
}

export interface LiveCheckOptions {
	config: LiveConfig;
	/** The emulator to compare with (default: one started and stopped here). */
	reference?: Emulator;
	/** Gives the reference emulator data first, so its lists are not empty (default true; reference.ts). */
	seedReference?: boolean;
	now?: Date;
	/** One line per call, as it happens. */
	log?: (line: string) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

function runInfo(now: Date, notificationUrl: string): RunInfo {
	const day = (d: Date) =>
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	const stamp = `${day(now).replace(/-/g, '')}-${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
	return {
		prefix: `${PREFIX}${stamp}`,
		notificationUrl,
		today: day(now),
		dueDate: day(new Date(now.getTime() + 30 * 86_400_000)),
	};
}

function outcomeOf(answer: Answer): Outcome {
	const outcome: Outcome = { status: answer.status, codes: [] };
	if (answer.error) outcome.error = answer.error;
	if (answer.status >= 400) {
		outcome.codes = errorCodes(answer.body);
		outcome.message = errorMessage(answer.body);
	}
	return outcome;
}

async function callOn(side: BillSide, step: Step, run: RunInfo): Promise<Answer> {
	try {
		return await side.call({
			method: step.method,
			host: step.host,
			path: pathOf(step, side.vars),
			query: step.query?.(side.vars),
			body: step.body?.(side, run),
			auth: step.auth ?? 'session',
			idempotencyKey: step.idempotencyKey,
		});
	} catch (error) {
		return { status: 0, body: undefined, error: (error as Error).message };
	}
}

const statusClass = (status: number) => Math.floor(status / 100);

function compare(
	record: CallRecord,
	bill: Answer,
	emulator: Answer,
	differences: Difference[],
	notes: Note[],
) {
	const base = { call: record.n, name: record.name, method: record.method, route: record.route };
	if (bill.error || emulator.error) {
		if (bill.error !== emulator.error)
			differences.push({
				...base,
				kind: 'failed',
				bill: bill.error ?? String(bill.status),
				emulator: emulator.error ?? String(emulator.status),
			});
		return;
	}
	if (bill.status !== emulator.status)
		differences.push({
			...base,
			kind: 'status',
			bill: String(bill.status),
			emulator: String(emulator.status),
		});
	if (statusClass(bill.status) !== statusClass(emulator.status)) return;
	if (bill.status >= 400) {
		const a = errorCodes(bill.body).join(', ');
		const b = errorCodes(emulator.body).join(', ');
		if (a !== b)
			differences.push({ ...base, kind: 'code', bill: a || '(none)', emulator: b || '(none)' });
	}
	const shapes = compareShapes(bill.body, emulator.body);
	for (const d of shapes.differences)
		differences.push({
			...base,
			kind: d.kind,
			path: d.path,
			bill: d.bill,
			emulator: d.emulator,
		});
	for (const n of shapes.notes) notes.push({ ...base, ...n });
}

/** Deletes `n8n-live-check-…` subscriptions a failed earlier run left (BILL allows 10, no duplicates). */
async function deleteLeftovers(side: BillSide): Promise<number> {
	try {
		return await deleteLeftoversOf(side);
	} catch {
		return 0; // e.g. an id of a form the check does not send; the create then says what is wrong
	}
}

async function deleteLeftoversOf(side: BillSide): Promise<number> {
	const list = await side.call({
		method: 'GET',
		host: 'events',
		path: '/v3/subscriptions',
		query: { max: '100' },
		auth: 'session',
	});
	// BILL's list envelope `{ results }` (https://developer.bill.com/docs/v3-bills-changes); a bare array is taken too.
	const results = Array.isArray(list.body)
		? list.body
		: (list.body as { results?: unknown } | undefined)?.results;
	if (list.status !== 200 || !Array.isArray(results)) return 0;
	let deleted = 0;
	for (const s of results as Array<{ id?: unknown; name?: unknown }>) {
		if (typeof s.id !== 'string' || typeof s.name !== 'string' || !s.name.startsWith(PREFIX))
			continue;
		const answer = await side.call({
			method: 'DELETE',
			host: 'events',
			path: `/v3/subscriptions/${encodeURIComponent(s.id)}`,
			auth: 'session',
		});
		if (answer.status >= 200 && answer.status < 300) deleted++;
	}
	return deleted;
}

export async function runLiveCheck(options: LiveCheckOptions): Promise<LiveResult> {
	const { config } = options;
	const log = options.log ?? (() => undefined);
	const now = options.now ?? new Date();
	const run = runInfo(now, config.notificationUrl);
	const reference = options.reference ?? (await startEmulator());
	const f = reference.fixtures;
	const mfa = Boolean(config.credentials.mfaId && config.credentials.device);
	const bill = new BillSide('BILL', config.urls, config.credentials);
	const emulator = new BillSide(
		'emulator',
		{ api: reference.baseUrl, events: reference.eventsBaseUrl },
		{
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
			...(mfa ? { mfaId: f.mfaId, device: f.device } : {}),
		},
	);
	const result: LiveResult = {
		startedAt: now.toISOString(),
		config: {
			urls: config.urls,
			sandbox: config.sandbox,
			notificationUrl: config.notificationUrl,
			mfa,
		},
		prefix: run.prefix,
		calls: [],
		differences: [],
		notes: [],
		leftoversDeleted: { BILL: 0, emulator: 0 },
		secrets: [],
		ids: [],
	};
	let broken: string | undefined;
	try {
		if (options.seedReference ?? true) await seedReference(reference);
		for (const [i, step] of STEPS.entries()) {
			const record: CallRecord = {
				n: i + 1,
				name: step.name,
				method: step.method,
				host: step.host,
				route: step.route,
			};
			result.calls.push(record);
			if (broken && !step.cleanup) {
				record.skipped = broken;
				continue;
			}
			const missingOnBill = missingVars(step, bill.vars);
			const missingOnEmulator = missingVars(step, emulator.vars);
			const missing = [
				...missingOnBill.map((v) => `${v} (BILL)`),
				...missingOnEmulator.map((v) => `${v} (emulator)`),
			];
			if (missing.length) record.skipped = `needs ${missing.join(', ')} from an earlier call`;
			// A call is compared only when both sides can make it; a clean-up is still made on the
			// side that can (what the check created in BILL is archived or deleted in any case).
			const runBill = !missingOnBill.length && (!missing.length || step.cleanup);
			const runEmulator = !missingOnEmulator.length && (!missing.length || step.cleanup);
			const onBill = runBill ? await callOn(bill, step, run) : undefined;
			const onEmulator = runEmulator ? await callOn(emulator, step, run) : undefined;
			const okay = (a: Answer) => a.status >= 200 && a.status < 300;
			if (onBill) {
				record.bill = outcomeOf(onBill);
				if (okay(onBill)) step.save?.(onBill.body, bill);
			}
			if (onEmulator) {
				record.emulator = outcomeOf(onEmulator);
				if (okay(onEmulator)) step.save?.(onEmulator.body, emulator);
			}
			const before = result.differences.length;
			if (onBill && onEmulator)
				compare(record, onBill, onEmulator, result.differences, result.notes);
			const show = (o: Outcome | undefined) =>
				o ? (o.error ?? [o.status, ...o.codes].join(' ')) : 'not made';
			log(
				`${record.n}. ${step.name} (${step.method} ${step.route}): BILL ${show(record.bill)}, emulator ${show(record.emulator)}${result.differences.length > before ? `, ${result.differences.length - before} difference(s)` : ''}${record.skipped ? ` (${record.skipped})` : ''}`,
			);
			if (!onBill) continue;
			if (onBill.error && !broken) broken = `not made: an earlier call got no answer from BILL`;
			if (step.route === '/v3/login' && step.method === 'POST') {
				if (!bill.sessionId || !emulator.sessionId) broken = 'not made: the login failed';
				else {
					result.leftoversDeleted.BILL = await deleteLeftovers(bill);
					result.leftoversDeleted.emulator = await deleteLeftovers(emulator);
				}
			}
		}
	} finally {
		if (!options.reference) await reference.stop();
	}
	result.secrets = [
		config.credentials.password,
		config.credentials.devKey,
		config.credentials.mfaId ?? '',
		config.credentials.username,
		config.credentials.organizationId,
		f.admin.password,
		f.devKey,
		f.mfaId,
		f.admin.username,
		f.organizationId,
		...bill.sessionIds,
		...emulator.sessionIds,
	].filter(Boolean);
	result.ids = [...Object.values(bill.vars), ...Object.values(emulator.vars)].filter(
		(id) => id !== 'yes',
	);
	return result;
}
