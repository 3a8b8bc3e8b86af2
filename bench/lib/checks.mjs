// @ts-check
/** What a benchmark run saw and whether it did its work (bench/run.mjs). */

/** What BILL saw in a window of the emulator's log. */
/**
 * @param {any[]} entries
 */
export function requestsIn(entries) {
	/** @type {Record<string, number>} */
	const byRoute = {};
	let logins = 0;
	let requests = 0;
	/** @type {Record<string, number>} */
	const refused = {};
	for (const e of entries) {
		const key = `${e.method} ${e.route}`;
		if (e.method === 'POST' && e.route === '/v3/login') logins++;
		else requests++;
		byRoute[key] = (byRoute[key] ?? 0) + 1;
		if (e.status >= 400 || e.status < 0)
			refused[`${e.status} ${e.code ?? ''}`.trim()] =
				(refused[`${e.status} ${e.code ?? ''}`.trim()] ?? 0) + 1;
	}
	return { logins, requests, byRoute, refused };
}

/** @param {number} n */
export const round = (n) => Math.round(n * 10) / 10;

/**
 * Where the wall time went, from the emulator's log (same machine, same clock): before BILL saw
 * the first request (n8n and the node preparing), while requests were going, after the last
 * answer (n8n passing the items on and answering the webhook).
 * @param {any[]} entries
 * @param {number} startedAt
 * @param {number} wallMs
 */
export function timelineOf(entries, startedAt, wallMs) {
	if (!entries.length) return undefined;
	const first = Math.min(...entries.map((e) => Date.parse(e.at))) - startedAt;
	const last = Math.max(...entries.map((e) => Date.parse(e.at) + e.ms)) - startedAt;
	return {
		beforeFirstRequestMs: Math.round(first),
		requestsMs: Math.round(last - first),
		afterLastAnswerMs: Math.round(wallMs - last),
	};
}

/** The size of the list as BILL returns it (the pages' `results`, JSON). */
/**
 * @param {any} api
 * @param {string} vendorId
 */
export async function listedBytes(api, vendorId) {
	let bytes = 0;
	let page;
	do {
		const answer = await api.call(
			'GET',
			`/v3/bills?max=100&filters=${encodeURIComponent(`vendorId:eq:${vendorId}`)}${page ? `&page=${page}` : ''}`,
		);
		bytes += Buffer.byteLength(JSON.stringify(answer.results));
		page = answer.nextPage;
	} while (page);
	return bytes;
}

/** Whether the job did its work: checked in the emulator's state and in the workflow's answer. */
/**
 * @param {string} job
 * @param {string} variant
 * @param {any[]} answers
 * @param {any} seen
 * @returns {Promise<{ ok: boolean, output?: unknown, stored?: number, problem?: string }>}
 */
export async function verify(
	job,
	variant,
	answers,
	{ emulator, sizes, invoiceCustomers, createVendors, updateSets, readBill },
) {
	const bad = answers.find((a) => a.status !== 200);
	if (bad)
		return { ok: false, problem: `webhook answered ${bad.status}: ${bad.text.slice(0, 500)}` };
	const n = sizes[job];
	if (job === 'read') {
		if (variant === 'n8nOnly') return { ok: true };
		const wrong = answers.filter((a) => a.json?.id !== readBill).length;
		return wrong
			? { ok: false, problem: `${wrong} of ${answers.length} reads did not return the bill` }
			: { ok: true };
	}
	const output = answers[0].json?.count_id;
	if (job === 'list')
		return output === n
			? { ok: true, output }
			: { ok: false, output, problem: `the workflow returned ${output} bills, not ${n}` };
	if (job === 'invoices' || job === 'vendors') {
		const stored =
			job === 'invoices'
				? (await emulator.control('GET', '/state/invoices')).filter((i) =>
						invoiceCustomers[variant].includes(i.customerId),
					).length
				: (await emulator.control('GET', '/state/vendors')).filter((v) =>
						String(v.name).startsWith(`Bench ${variant} vendor `),
					).length;
		return outcome(stored, output, n, `BILL holds ${stored} of ${n} ${job}`);
	}
	const bills = await emulator.control('GET', '/state/bills');
	if (job === 'create') {
		const vendors = new Set(createVendors[variant]);
		const stored = bills.filter((b) => vendors.has(b.vendorId)).length;
		return outcome(stored, output, n, `BILL holds ${stored} of ${n} bills`);
	}
	const ids = new Set(updateSets[variant].map((b) => b.id));
	const stored = bills.filter(
		(b) => ids.has(b.id) && b.description === `Updated by ${variant}`,
	).length;
	return outcome(stored, output, n, `${stored} of ${n} bills updated in BILL`);
}

/** Done when BILL holds all N and the workflow counted all N. */
/**
 * @param {number} stored
 * @param {unknown} output
 * @param {number} n
 * @param {string} held
 */
const outcome = (stored, output, n, held) =>
	stored === n && output === n
		? { ok: true, output, stored }
		: { ok: false, output, stored, problem: `${held}; the workflow returned ${output}` };
