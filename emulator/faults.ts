/**
 * Fault injection (reliability tests): a fault matches requests by method and path (a route
 * pattern like `/v3/bills/bulk`, a RegExp, or any), and fires on the Nth matching request,
 * a number of times, or with a seeded probability.
 */
export type FaultKind =
	| 'status' // answer with an HTTP error (default 500 BDC_1001) without applying the request
	| 'resetBefore' // cut the connection before the request is applied
	| 'resetAfter' // apply the request, then cut the connection (the client never learns the outcome)
	| 'expireSession' // the session ends just before this request
	| 'limit1322' // BILL's concurrency refusal
	| 'limit1144' // BILL's hourly limit
	| 'slow' // wait delayMs before answering
	| 'truncated' // apply, then answer with half a JSON body
	| 'nonJson'; // apply, then answer 502 with an HTML page

export interface Fault {
	kind: FaultKind;
	method?: string;
	/** Exact path below the host (e.g. `/v3/bills/bulk`) or a RegExp source string prefixed with `~`. */
	path?: string;
	/** Skip this many matching requests first (default 0). */
	after?: number;
	/** Fire this many times (default 1; Infinity for always). */
	times?: number;
	/** Fire with this probability (with `seed`, repeatable). */
	probability?: number;
	seed?: number;
	status?: number;
	code?: string;
	message?: string;
	delayMs?: number;
}

interface ActiveFault extends Fault {
	seen: number;
	fired: number;
	random: () => number;
}

/** mulberry32: a small seeded generator, so a probabilistic fault run can be repeated. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultSet {
	private faults: ActiveFault[] = [];
	/** Faults that fired, for the reliability report. */
	readonly fired: Array<{ kind: FaultKind; method: string; path: string }> = [];

	add(fault: Fault): void {
		this.faults.push({ ...fault, seen: 0, fired: 0, random: seeded(fault.seed ?? 1) });
	}

	clear(): void {
		this.faults = [];
		this.fired.length = 0;
	}

	get pending(): number {
		return this.faults.filter((f) => f.fired < (f.times ?? 1)).length;
	}

	take(method: string, path: string): Fault | undefined {
		for (const fault of this.faults) {
			if (fault.method && fault.method !== method) continue;
			if (fault.path) {
				const hit = fault.path.startsWith('~')
					? new RegExp(fault.path.slice(1)).test(path)
					: fault.path === path;
				if (!hit) continue;
			}
			if (fault.fired >= (fault.times ?? 1)) continue;
			fault.seen++;
			if (fault.seen <= (fault.after ?? 0)) continue;
			if (fault.probability !== undefined && fault.random() >= fault.probability) continue;
			fault.fired++;
			this.fired.push({ kind: fault.kind, method, path });
			return fault;
		}
		return undefined;
	}
}
