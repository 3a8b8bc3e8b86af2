#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: our node against n8n's HTTP Request node on the same four jobs, in the same
 * real n8n (scripts/n8n-runtime.mjs), against the same BILL emulator (a process with a simulated
 * round trip and BILL's limits on: 3 concurrent requests per organization):
 *   1 create  N bills from N input items (default 1,000)
 *   2 list    N bills with Return All (default 10,000)
 *   3 update  N bills (default 500)
 *   4 read    one bill, R executions in a row (default 20)
 *   5 invoices  create N invoices from N input items (default 1,000; BILL has no bulk invoice create)
 *   6 vendors   create N vendors from N input items (default 1,000; BILL's bulk create, 20 a request)
 * For each job and variant: the requests BILL saw (logins apart, refusals apart), the wall time
 * of the execution(s), the peak memory of the n8n process tree, and the floor (the fewest
 * requests BILL allows and what they cost at the round trip and BILL's concurrency).
 *
 *   npm run bench                     full run, writes bench/RESULTS.md and bench/out/*.json
 *   npm run bench -- --quick          100 / 1,000 / 50 / 5 / 100 / 100: a check in a few minutes (no RESULTS.md)
 *   options: --latency 50  --create 1000  --list 10000  --update 500  --reads 20  --invoices 1000  --vendors 1000
 *            --jobs create,list,update,read,invoices,vendors  --batch-interval <ms>  --no-build  --results
 *            --report out/<run>.json (RESULTS.md again from a run's JSON)
 *            --variants ours,oursJson,oursItems,theirs,theirsBulk,theirsLoginEach,n8nOnly  --profile (n8n with --cpu-prof, into bench/out/profiles/)
 * n8n runs one at a time and is restarted for every job and variant, so each peak is its own.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';

import {
	N8N_VERSION,
	NODE_VERSION,
	REPO,
	n8nEnv,
	prepareRuntime,
	runN8n,
} from '../scripts/n8n-runtime.mjs';
import { installPackage } from '../scripts/lib/package.mjs';
import { emulatorCredential, freePort, startEmulatorProcess } from '../scripts/lib/stack.mjs';
import { BillApi, billBody, invoiceRow, vendorRow } from './lib/bill-api.mjs';
import { hwmMiB, sampleMemory } from './lib/memory.mjs';
import { startN8n, stopAll } from './lib/n8n-server.mjs';
import { benchWorkflows } from './lib/workflows.mjs';
import { floorOf, markdown, summarize } from './lib/report.mjs';
import { listedBytes, requestsIn, round, timelineOf, verify } from './lib/checks.mjs';

const OUT_DIR = join(REPO, 'bench', 'out');
const JOBS = ['create', 'list', 'update', 'read', 'invoices', 'vendors'];

function options(argv) {
	const flag = (name) => {
		const i = argv.indexOf(`--${name}`);
		if (i < 0) return undefined;
		const next = argv[i + 1];
		return next && !next.startsWith('--') ? next : 'true';
	};
	const quick = flag('quick') !== undefined || process.env.BENCH_QUICK === '1';
	const number = (name, full, small) =>
		Number(
			flag(name) ??
				process.env[`BENCH_${name.toUpperCase().replace('-', '_')}`] ??
				(quick ? small : full),
		);
	const latencyMs = number('latency', 50, 50);
	const o = {
		quick,
		latencyMs,
		create: number('create', 1000, 100),
		list: number('list', 10_000, 1000),
		update: number('update', 500, 50),
		reads: number('reads', 20, 5),
		invoices: number('invoices', 1000, 100),
		vendors: number('vendors', 1000, 100),
		// A careful user's Batching: 3 items, then wait 4 round trips, so a batch has finished
		// before the next one starts (BILL refuses a 4th concurrent request with BDC_1322, and the
		// node does not wait for a batch's answers). 2 round trips were refused on a busy machine.
		batchIntervalMs: number('batch-interval', 4 * latencyMs, 4 * latencyMs),
		jobs: (flag('jobs') ?? JOBS.join(',')).split(','),
		variants: flag('variants')?.split(','),
		build: flag('no-build') === undefined,
		writeResults: flag('results') !== undefined || !quick,
		// --profile: n8n runs with --cpu-prof; the profiles land in bench/out/profiles/.
		profile: flag('profile') !== undefined,
	};
	if (o.list < 2 * o.update)
		throw new Error(
			'--list must be at least twice --update (job 3 updates bills that job 2 lists)',
		);
	return o;
}

const log = (text) => console.log(text);

async function n8nOk(args, env, what) {
	const result = await runN8n(args, env);
	if (result.code !== 0)
		throw new Error(`${what} failed:\n${(result.stdout + result.stderr).slice(-2000)}`);
}

/** `--report <file.json>`: RESULTS.md again from a run's JSON (e.g. after a change to the report). */
function rerender(file) {
	const run = JSON.parse(readFileSync(file, 'utf8'));
	run.summary = summarize(run);
	writeFileSync(join(REPO, 'bench', 'RESULTS.md'), markdown(run));
	log(`written: bench/RESULTS.md from ${file}`);
}

async function main() {
	const report = process.argv.indexOf('--report');
	if (report >= 0) return rerender(process.argv[report + 1]);
	const o = options(process.argv.slice(2));
	const startedAt = new Date();
	log(`bench: ${JSON.stringify({ ...o, writeResults: undefined })}`);
	if (o.build) {
		log('▸ build');
		const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' });
		if (build.status !== 0)
			throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
	}
	prepareRuntime();

	log('▸ BILL emulator');
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-bench-'));
	const cleanup = async () => {
		stopAll();
		await emulator.stop();
		rmSync(workdir, { recursive: true, force: true });
	};
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.once(signal, () => void cleanup().then(() => process.exit(130)));
	process.once('exit', () => {
		// An unexpected exit: n8n's process group and the emulator go with the benchmark.
		stopAll();
		if (emulator.process.exitCode === null) emulator.process.kill('SIGTERM');
	});
	try {
		await emulator.control('POST', '/options', { latencyMs: o.latencyMs, limits: true });
		const results = await runJobs(o, emulator, workdir);
		const run = {
			startedAt: startedAt.toISOString(),
			finishedAt: new Date().toISOString(),
			command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
			options: o,
			machine: {
				cpus: cpus().length,
				cpuModel: cpus()[0]?.model,
				memoryGiB: Math.round(totalmem() / 2 ** 30),
				loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
				n8n: N8N_VERSION,
				node: NODE_VERSION,
			},
			results,
		};
		run.summary = summarize(run);
		mkdirSync(OUT_DIR, { recursive: true });
		const file = join(OUT_DIR, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
		writeFileSync(file, JSON.stringify(run, null, 2));
		const text = markdown(run);
		log(`\n${text}`);
		log(`JSON: ${file}`);
		if (o.writeResults) {
			writeFileSync(join(REPO, 'bench', 'RESULTS.md'), text);
			log('written: bench/RESULTS.md');
		}
	} finally {
		await cleanup();
	}
}

async function runJobs(o, emulator, workdir) {
	const rtt = o.latencyMs;
	const api = new BillApi(emulator);
	await api.login();

	log('▸ seeding BILL through its API');
	const createVendors = {
		ours: await api.createVendors('Create ours', 10),
		oursJson: await api.createVendors('Create ours JSON', 10),
		oursItems: await api.createVendors('Create ours items', 10),
		theirs: await api.createVendors('Create theirs', 10),
		theirsBulk: await api.createVendors('Create bulk', 10),
	};
	const invoiceCustomers = {};
	if (o.jobs.includes('invoices'))
		for (const variant of ['ours', 'theirs', 'theirsLoginEach'])
			invoiceCustomers[variant] = await api.createCustomers(`Invoices ${variant}`, 10);
	const [listVendor] = await api.createVendors('List', 1);
	// The 10,000 bills only for the jobs that read or change them (2, 3, 4).
	const needsBills = ['list', 'update', 'read'].some((job) => o.jobs.includes(job));
	const listed = needsBills
		? await api.createBills(
				Array.from({ length: o.list }, (_, n) => billBody(listVendor, 'LIST', n)),
			)
		: [];
	const listBytes = needsBills ? await listedBytes(api, listVendor) : 0;
	const rowsFor = (vendors, prefix) =>
		Array.from({ length: o.create }, (_, n) => {
			const body = billBody(vendors[n % vendors.length], prefix, n);
			return {
				vendorId: body.vendorId,
				invoiceNumber: body.invoice.invoiceNumber,
				invoiceDate: body.invoice.invoiceDate,
				dueDate: body.dueDate,
				amount: body.billLineItems[0].amount,
				description: body.billLineItems[0].description,
			};
		});
	const updateSets = {
		ours: listed.slice(0, o.update),
		theirs: listed.slice(o.update, 2 * o.update),
	};
	const readBill = listed[0]?.id;
	log(
		`  ${listed.length} bills of one vendor (${(listBytes / 2 ** 20).toFixed(1)} MiB as BILL returns them), 40 vendors for the creates`,
	);

	const env = n8nEnv({
		userFolder: join(workdir, 'n8n'),
		encryptionKey: randomBytes(24).toString('hex'),
		port: await freePort(),
		brokerPort: await freePort(),
		extensions: undefined,
		extra: {
			// Executions are not stored: the runs measure the nodes, not n8n writing 10,000 items to SQLite.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			...(o.profile
				? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(OUT_DIR, 'profiles')}` }
				: {}),
		},
	});
	installPackage(env);
	const workflows = benchWorkflows({
		baseUrl: emulator.baseUrl,
		fixtures: emulator.fixtures,
		batchIntervalMs: o.batchIntervalMs,
	}).filter((w) => o.jobs.includes(w.job) && (!o.variants || o.variants.includes(w.variant)));
	log(`▸ importing ${workflows.length} workflows and the BILL credential into n8n ${N8N_VERSION}`);
	const credentialFile = join(workdir, 'credentials.json');
	writeFileSync(credentialFile, JSON.stringify([emulatorCredential(emulator)]));
	mkdirSync(join(workdir, 'workflows'));
	for (const w of workflows)
		writeFileSync(join(workdir, 'workflows', `${w.id}.json`), JSON.stringify(w.json, null, 2));
	await n8nOk(
		['import:workflow', '--separate', `--input=${join(workdir, 'workflows')}`],
		env,
		'Importing the workflows',
	);
	for (const w of workflows)
		await n8nOk(['publish:workflow', `--id=${w.id}`], env, `Publishing ${w.name}`);

	const inputs = {
		create: (variant) => [{ rows: rowsFor(createVendors[variant], `INV-${variant}`) }],
		list: () => [{ vendorId: listVendor }],
		update: (variant) => [
			{
				rows: updateSets[variant].map((bill) => ({
					id: bill.id,
					description: `Updated by ${variant}`,
				})),
			},
		],
		read: () => Array.from({ length: o.reads }, () => ({ billId: readBill })),
		invoices: (variant) => [
			{
				rows: Array.from({ length: o.invoices }, (_, n) =>
					invoiceRow(
						invoiceCustomers[variant][n % invoiceCustomers[variant].length],
						`AR-${variant}`,
						n,
					),
				),
			},
		],
		vendors: (variant) => [
			{ rows: Array.from({ length: o.vendors }, (_, n) => vendorRow(`Bench ${variant}`, n)) },
		],
	};
	const sizes = {
		create: o.create,
		list: o.list,
		update: o.update,
		read: o.reads,
		invoices: o.invoices,
		vendors: o.vendors,
	};

	// n8n's output of each run, kept for a look when a run fails (bench/out is git-ignored).
	const logDir = join(OUT_DIR, 'logs');
	mkdirSync(logDir, { recursive: true });
	const seeded = { invoiceCustomers, createVendors, updateSets, readBill, listBytes };
	const run = { o, emulator, env, credentialFile, logDir, inputs, sizes, seeded };
	const results = [];
	for (const job of JOBS.filter((j) => o.jobs.includes(j))) {
		for (const w of workflows.filter((x) => x.job === job)) {
			const result = await measure(w, run);
			results.push(result);
		}
	}
	return results;
}

/**
 * Runs one workflow in a fresh n8n: the requests BILL saw, the wall time, the memory, the check.
 * @param {{ job: string, variant: string, name: string, path: string }} w
 * @param {any} run what runJobs prepared: options, emulator, env, inputs, sizes and the seed
 */
async function measure(w, run) {
	const { o, emulator, env, credentialFile, logDir, inputs, sizes, seeded } = run;
	const { job } = w;
	const rtt = o.latencyMs;
	const { listBytes } = seeded;
	// Every run of our node starts from the credential as saved: no session yet.
	if (w.variant.startsWith('ours'))
		await n8nOk(
			['import:credentials', `--input=${credentialFile}`],
			env,
			'Importing the BILL credential',
		);
	// Each run in an hour of its own on the emulator's clock: BILL's hourly limits (20,000
	// requests and 200 logins per developer key) count each run alone, so a run that hits
	// them (a login per call) does not stop the next one.
	const { now } = await emulator.control('POST', '/clock', { advanceMs: 3_600_000 });
	// The emulator's log is on its clock, now this far ahead of ours.
	const clockAheadMs = Date.parse(now) - Date.now();
	const server = await startN8n(env, join(logDir, `n8n-${w.job}-${w.variant}.log`), w.path);
	let result;
	try {
		const { total: logStart } = await emulator.control('GET', '/stats');
		const memory = sampleMemory(server.pid);
		const startedAt = Date.now();
		const started = process.hrtime.bigint();
		const answers = [];
		for (const body of inputs[job](w.variant)) answers.push(await server.webhook(w.path, body));
		const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
		const mem = memory.stop();
		const hwm = hwmMiB(server.pid);
		const entries = (await emulator.control('GET', '/log')).slice(logStart);
		const seen = requestsIn(entries);
		const timeline = timelineOf(entries, startedAt + clockAheadMs, wallMs);
		const check = await verify(job, w.variant, answers, { emulator, sizes, ...seeded });
		result = {
			job,
			variant: w.variant,
			workflow: w.name,
			n: sizes[job],
			wallMs: Math.round(wallMs),
			...seen,
			memory: {
				beforeMiB: round(mem.beforeMiB),
				peakMiB: round(mem.peakMiB),
				growthMiB: round(mem.peakMiB - mem.beforeMiB),
				n8nHwmMiB: round(hwm),
				samples: mem.samples,
			},
			timeline,
			n8nStartMs: server.startMs,
			check,
			floor: floorOf(job, sizes[job], rtt),
			...(job === 'list' ? { dataMiB: round(listBytes / 2 ** 20) } : {}),
		};
	} finally {
		await server.stop();
	}
	log(
		`  ${job.padEnd(6)} ${w.variant.padEnd(10)} ${String(result.requests).padStart(5)} requests + ${result.logins} login(s)` +
			`${Object.keys(result.refused).length ? ` (refused: ${JSON.stringify(result.refused)})` : ''}, ${(result.wallMs / 1000).toFixed(2)} s, ` +
			`${result.timeline ? `(before/during/after BILL ${result.timeline.beforeFirstRequestMs}/${result.timeline.requestsMs}/${result.timeline.afterLastAnswerMs} ms) ` : ''}` +
			`peak ${result.memory.peakMiB} MiB (+${result.memory.growthMiB}), ${result.check.ok ? 'checked' : `CHECK FAILED: ${result.check.problem}`}`,
	);
	return result;
}

main().catch((error) => {
	console.error(`\nbench failed: ${error.stack ?? error}`);
	stopAll();
	process.exit(1);
});
