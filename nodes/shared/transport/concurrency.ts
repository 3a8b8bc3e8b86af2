/**
 * Runs `task` over `inputs` with at most `limit` in flight, keeping results in input order.
 * BILL allows 3 concurrent requests per organization and developer key (https://developer.bill.com/docs/api-rate-limits).
 *
 * When a task fails, no further input is started, the ones in flight are allowed to finish
 * (a request already sent is never abandoned halfway), and then the first error is thrown.
 */
export async function mapWithConcurrency<T, R>(
	inputs: readonly T[],
	limit: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	let firstError: { error: unknown } | undefined;
	const worker = async () => {
		while (next < inputs.length && !firstError) {
			const index = next++;
			try {
				results[index] = await task(inputs[index], index);
			} catch (error) {
				firstError ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
	if (firstError) throw firstError.error;
	return results;
}

/** A request not sent because an earlier item had failed the run (closeRequests). */
export class RequestNotSent extends Error {
	constructor() {
		super('Not sent: an earlier item failed and stopped the run');
	}
}

interface Waiting {
	itemIndex: number;
	go: () => void;
	stop: (error: Error) => void;
}

/** A run's requests in flight and those waiting for one of BILL's concurrent slots. */
interface Gate {
	inFlight: number;
	waiting: Waiting[];
	/** The run failed at this item: the requests of later items are not sent. */
	failedAt?: number;
}

const gates = new WeakMap<object, Gate>();

function gateOf(run: object): Gate {
	let gate = gates.get(run);
	if (!gate) {
		gate = { inFlight: 0, waiting: [] };
		gates.set(run, gate);
	}
	return gate;
}

const stopped = (gate: Gate, itemIndex: number) =>
	gate.failedAt !== undefined && itemIndex > gate.failedAt;

/**
 * Sends `request` (of item `itemIndex`) once fewer than `limit` requests of this run (one node
 * execution) are in flight, first come first served. Items can then prepare their next request
 * (read parameters, evaluate expressions) while BILL answers the others, and BILL's 3 slots stay
 * busy. Only the sending waits here, never a retry's backoff nor a request another one depends
 * on, so a request holding a slot never waits for another.
 */
export async function withRequestSlot<T>(
	run: object,
	limit: number,
	itemIndex: number,
	request: () => Promise<T>,
): Promise<T> {
	const gate = gateOf(run);
	if (stopped(gate, itemIndex)) throw new RequestNotSent();
	// A slot freed is handed to the first waiting request, so none is taken twice meanwhile.
	if (gate.inFlight < limit) gate.inFlight++;
	else await new Promise<void>((go, stop) => gate.waiting.push({ itemIndex, go, stop }));
	try {
		return await request();
	} finally {
		const next = gate.waiting.shift();
		if (next) next.go();
		else gate.inFlight--;
	}
}

/**
 * Item `itemIndex` failed the run: the requests of later items still waiting for a slot are not
 * sent (each fails with RequestNotSent), nor any later one of theirs, as if those items had not
 * started; requests in flight finish, and earlier items go on to their end.
 */
export function closeRequests(run: object, itemIndex: number): void {
	const gate = gateOf(run);
	gate.failedAt = Math.min(gate.failedAt ?? itemIndex, itemIndex);
	const waiting = gate.waiting.splice(0);
	for (const waiter of waiting) {
		if (stopped(gate, waiter.itemIndex)) waiter.stop(new RequestNotSent());
		else gate.waiting.push(waiter);
	}
}
