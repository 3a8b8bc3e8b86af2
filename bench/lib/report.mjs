// @ts-check
/**
 * The floor of each job, the targets of issue 8, and bench/RESULTS.md.
 */

const BULK_MAX = 100;
const PAGE_MAX = 100;
const CONCURRENCY = 3;

export const JOB_TITLES = {
	create: (n) =>
		`1. Create ${n.toLocaleString('en-US')} bills from ${n.toLocaleString('en-US')} items`,
	list: (n) => `2. List ${n.toLocaleString('en-US')} bills (Return All)`,
	update: (n) => `3. Update ${n.toLocaleString('en-US')} bills`,
	read: (n) => `4. Read one bill, ${n} executions in a row`,
	invoices: (n) =>
		`5. Create ${n.toLocaleString('en-US')} invoices from ${n.toLocaleString('en-US')} items`,
	vendors: (n) =>
		`6. Create ${n.toLocaleString('en-US')} vendors from ${n.toLocaleString('en-US')} items`,
};

/** BILL's bulk vendor create takes 20 vendors a request (Postman "Create multiple vendors"). */
const VENDOR_BULK_MAX = 20;

/**
 * The fewest requests BILL's API allows for the job, and what they cost at the round trip with
 * BILL's 3 concurrent requests, plus one login round trip (every job needs a session once):
 *   create  ceil(N/100) bulk creates, 3 at a time
 *   list    ceil(N/100) pages, one after the other (each needs the previous page's token)
 *   update  N updates (BILL has no bulk bill update), 3 at a time
 *   read    1 GET per execution, executions one after the other
 *   invoices N creates (BILL has no bulk invoice create), 3 at a time
 *   vendors  ceil(N/20) bulk creates, 3 at a time
 */
export function floorOf(job, n, rttMs) {
	let requests;
	let rounds;
	if (job === 'create') {
		requests = Math.ceil(n / BULK_MAX);
		rounds = Math.ceil(requests / CONCURRENCY);
	} else if (job === 'list') {
		requests = Math.max(1, Math.ceil(n / PAGE_MAX));
		rounds = requests;
	} else if (job === 'update' || job === 'invoices') {
		requests = n;
		rounds = Math.ceil(n / CONCURRENCY);
	} else if (job === 'vendors') {
		requests = Math.ceil(n / VENDOR_BULK_MAX);
		rounds = Math.ceil(requests / CONCURRENCY);
	} else {
		requests = n;
		rounds = n;
	}
	return { requests, logins: 1, wallMs: (rounds + 1) * rttMs };
}

const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

/** Per job: ours against each HTTP Request variant, and the targets. */
export function summarize(run) {
	const jobs = {};
	for (const r of run.results) (jobs[r.job] ??= {})[r.variant] = r;
	const comparisons = [];
	for (const [job, byVariant] of Object.entries(jobs)) {
		const ours = byVariant.ours;
		if (!ours) continue;
		for (const [variant, theirs] of Object.entries(byVariant)) {
			if (variant.startsWith('ours') || variant === 'n8nOnly') continue;
			comparisons.push({
				job,
				against: variant,
				requests: ratio(ours.requests, theirs.requests),
				logins: ratio(ours.logins, theirs.logins),
				wall: ratio(ours.wallMs, theirs.wallMs),
				speedup: ratio(theirs.wallMs, ours.wallMs),
				peakMemory: ratio(ours.memory.peakMiB, theirs.memory.peakMiB),
				memoryGrowth: ratio(ours.memory.growthMiB, theirs.memory.growthMiB),
			});
		}
	}
	const targets = [];
	const ours = (job) => jobs[job]?.ours;
	const theirs = (job) => jobs[job]?.theirs;
	if (ours('read')) {
		const o = ours('read');
		targets.push({
			target: `Logins: one per credential across executions (job 4: 1 login, not ${o.n})`,
			met: o.logins === 1 && Object.values(jobs).every((v) => !v.ours || v.ours.logins <= 1),
			detail: `job 4: ours ${o.logins} login(s), HTTP Request ${theirs('read')?.logins ?? '?'}; jobs 1–3, 5, 6: ours ${[
				'create',
				'list',
				'update',
				'invoices',
				'vendors',
			]
				.map((j) => ours(j)?.logins ?? '–')
				.join(' / ')}`,
		});
	}
	for (const job of ['create', 'list', 'update', 'invoices', 'vendors']) {
		const o = ours(job);
		if (!o) continue;
		targets.push({
			target: `Requests within 10% of the floor (job ${job})`,
			met: o.requests <= o.floor.requests * 1.1,
			detail: `${o.requests} requests, floor ${o.floor.requests} (${ratio(o.requests, o.floor.requests)}×)`,
		});
	}
	if (ours('invoices')) {
		// Issue 30: per-item creates keep BILL's 3 concurrent requests busy.
		const o = ours('invoices');
		targets.push({
			target: 'Wall time within 1.2× the floor (job invoices, one create per item)',
			met: o.wallMs <= o.floor.wallMs * 1.2,
			detail: `ours ${seconds(o.wallMs)}, floor ${seconds(o.floor.wallMs)} (${ratio(o.wallMs, o.floor.wallMs)}×)`,
		});
	}
	for (const job of ['create', 'read']) {
		const o = ours(job);
		const t = theirs(job);
		if (!o || !t) continue;
		let detail = `ours ${seconds(o.wallMs)}, HTTP Request ${seconds(t.wallMs)} (${ratio(t.wallMs, o.wallMs)}× faster)`;
		const alone = jobs.read?.n8nOnly;
		if (job === 'read') {
			const per = (r) => `${Math.round(r.wallMs / r.n)} ms`;
			detail +=
				`; per execution ours ${per(o)}, HTTP Request ${per(t)}, n8n alone (webhook, no BILL call) ${alone ? per(alone) : '?'}; ` +
				`at the round trip alone ours needs 1 request per execution and HTTP Request 2 (login + GET), so the most any node can gain here is 2×`;
		}
		targets.push({
			target: `Wall time at least 5× better than HTTP Request (job ${job})`,
			met: t.wallMs >= 5 * o.wallMs,
			detail,
		});
	}
	for (const [job, byVariant] of Object.entries(jobs)) {
		const o = byVariant.ours;
		if (!o) continue;
		const others = Object.entries(byVariant).filter(
			([v]) => !v.startsWith('ours') && v !== 'n8nOnly',
		);
		if (!others.length) continue;
		targets.push({
			target: `Wall time not worse than HTTP Request (job ${job})`,
			met: others.every(([, t]) => o.wallMs <= t.wallMs),
			detail:
				others
					.map(([v, t]) => `ours ${seconds(o.wallMs)} vs ${VARIANT_NAMES[v]} ${seconds(t.wallMs)}`)
					.join('; ') +
				(byVariant.oursJson
					? `; our node with Bills Input: JSON ${seconds(byVariant.oursJson.wallMs)}`
					: '') +
				(byVariant.oursItems
					? `; our node with Input Items as They Are ${seconds(byVariant.oursItems.wallMs)}`
					: ''),
		});
	}
	if (ours('list') && theirs('list')) {
		const o = ours('list');
		const t = theirs('list');
		targets.push({
			target: 'Memory for job 2 grows with the data returned, not with extra copies',
			met: o.memory.growthMiB <= t.memory.growthMiB,
			detail: `${o.dataMiB} MiB of bills as JSON; peak growth ours ${o.memory.growthMiB} MiB (${ratio(o.memory.growthMiB, o.dataMiB)}× the JSON), HTTP Request ${t.memory.growthMiB} MiB (${ratio(
				t.memory.growthMiB,
				o.dataMiB,
			)}×); met when ours grows no more than the HTTP Request workflow, which holds the pages and the split-out bills`,
		});
	}
	const checksFailed = run.results
		.filter((r) => !r.check.ok)
		.map((r) => {
			const refused = Object.entries(r.refused)
				.map(([k, v]) => `${v}× ${k}`)
				.join(', ');
			return `${r.job}/${VARIANT_NAMES[r.variant]}: ${r.check.problem}${refused ? ` (BILL refused ${refused}${/1322/.test(refused) ? ': more than 3 requests at once' : ''})` : ''}`;
		});
	return { comparisons, targets, checksFailed };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const VARIANT_NAMES = {
	ours: 'our node',
	oursJson: 'our node, Bills Input: JSON',
	oursItems: 'our node, Bills Input: Input Items as They Are',
	theirs: 'HTTP Request',
	theirsBulk: 'HTTP Request + bulk',
	theirsLoginEach: 'HTTP Request, a login per call',
	n8nOnly: 'n8n alone (webhook, no BILL call)',
};

export function markdown(run) {
	const { options: o, machine: m, summary } = run;
	const lines = [];
	lines.push('# Benchmark: our node against the HTTP Request node');
	lines.push('');
	lines.push(
		`Run ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC with \`${run.command}\` (issue 8): real n8n ${m.n8n} on Node ${m.node}, the BILL emulator as a process with ` +
			`${o.latencyMs} ms round trip per request and BILL's limits on (3 concurrent requests per organization). ` +
			`n8n is restarted for every job and variant; executions are started by production webhooks, one at a time.`,
	);
	lines.push('');
	lines.push(
		`Machine: ${m.cpus} CPU cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, load average at the end ${m.loadAverageAtEnd.join(' / ')} ` +
			'(other work was running on the machine: wall times are indicative, request counts are exact).',
	);
	lines.push('');
	lines.push(
		'Requests = what BILL (the emulator) received, logins counted apart, refusals (4xx/5xx) shown in brackets. Wall = from the webhook call to the answer (job 4: the 20 calls). ' +
			'Peak = highest RSS of the n8n process tree during the job (growth over the idle n8n in brackets). Floor = the fewest requests BILL allows and what they cost at the round trip, 3 at a time, plus one login.',
	);
	lines.push('');
	lines.push(
		'| Job | Variant | Requests | Logins | Wall | Peak memory | Floor | ours / this variant (requests, wall, peak) |',
	);
	lines.push('|---|---|---:|---:|---:|---:|---|---|');
	const byJob = {};
	for (const r of run.results) (byJob[r.job] ??= []).push(r);
	for (const [job, list] of Object.entries(byJob)) {
		for (const r of list) {
			const c = summary.comparisons.find((x) => x.job === job && x.against === r.variant);
			const refused = Object.entries(r.refused)
				.map(([k, v]) => `${v}× ${k}`)
				.join(', ');
			lines.push(
				`| ${JOB_TITLES[job](r.n)} | ${VARIANT_NAMES[r.variant]}${r.check.ok ? '' : ' ⚠'} | ${r.requests}${refused ? ` (${refused})` : ''} | ${r.logins} | ${seconds(r.wallMs)} | ` +
					`${r.memory.peakMiB} MiB (+${r.memory.growthMiB}) | ${r.variant === 'n8nOnly' ? '–' : `${r.floor.requests} req, ${seconds(r.floor.wallMs)}`} | ${c ? `${c.requests ?? '–'} / ${c.wall} / ${c.peakMemory}` : '–'} |`,
			);
		}
	}
	lines.push('');
	lines.push('## Targets');
	lines.push('');
	for (const t of summary.targets)
		lines.push(`- ${t.met ? '**met**' : '**missed**'}: ${t.target}. ${t.detail}.`);
	if (summary.checksFailed.length) {
		lines.push('');
		lines.push('## Runs that did not do the whole job');
		lines.push('');
		for (const c of summary.checksFailed) lines.push(`- ${c}`);
	}
	lines.push('');
	lines.push('## Where the wall time went');
	lines.push('');
	lines.push(
		'Before the first request BILL saw (n8n and the node preparing, the login included in "during") / while requests were going / after the last answer (from the emulator\'s log, same clock):',
	);
	lines.push('');
	for (const r of run.results) {
		const t = r.timeline;
		if (t)
			lines.push(
				`- ${r.job} / ${VARIANT_NAMES[r.variant]}: ${seconds(t.beforeFirstRequestMs)} / ${seconds(t.requestsMs)} / ${seconds(t.afterLastAnswerMs)}`,
			);
	}
	lines.push('');
	lines.push('## Requests by route');
	lines.push('');
	for (const r of run.results) {
		const routes = Object.entries(r.byRoute)
			.map(([k, v]) => `${k} ×${v}`)
			.join(', ');
		lines.push(`- ${r.job} / ${VARIANT_NAMES[r.variant]}: ${routes || 'none'}`);
	}
	lines.push('');
	lines.push(
		`HTTP Request workflows: Batching 3 items per ${o.batchIntervalMs} ms (BILL allows 3 concurrent requests; the node does not wait for a batch to finish), ` +
			'pagination "Update a Parameter in Each Request" with `page = {{ $response.body.nextPage }}` until `{{ !$response.body.nextPage }}`, `max=100`. ' +
			'Our node: Create Many (100 bills a request, Skip Existing Invoice Numbers on, as by default), Get Many with Return All, Update, Get; ' +
			'Invoice → Create per item (BILL has no bulk invoice create; Skip Existing Invoice Numbers on), Vendor → Create Many (20 vendors a request, Skip Existing Names on). See bench/README.md for how to read these numbers.',
	);
	lines.push('');
	return lines.join('\n');
}
