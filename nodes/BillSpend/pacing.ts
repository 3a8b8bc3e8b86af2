import { sleep } from 'n8n-workflow';

/**
 * BILL Spend & Expense allows 60 calls a minute
 * (https://developer.bill.com/docs/spend-expense-api). The node keeps under it by itself, per
 * token, for all executions of this n8n process; calls from elsewhere with the same token (another
 * n8n worker, another app) are met by waiting out BILL's refusal. Tests shorten the minute.
 */
export const spendTransportSettings = {
	callsPerWindow: 60,
	windowMs: 60_000,
	/** Waits after a refusal that gives no Retry-After, bounded by the window. */
	refusedBackoffMs: [2_000, 5_000, 10_000, 20_000, 30_000, 60_000],
	requestTimeoutMs: 120_000,
};

interface Slot {
	/** When the slot frees: the answer's arrival plus one window; Infinity while in flight. */
	until: number;
}

/** Calls made per token (keyed by a hash, never the token itself), for the pacing below. */
const pacers = new Map<string, Slot[]>();

export function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

/**
 * Waits for a free call of the token's minute, then holds it. A call counts from when it is
 * sent until one window after its answer arrived, so BILL (which counts arrivals) never sees
 * more than the limit in any window, whatever the network's delays.
 */
export async function acquireSlot(key: string): Promise<Slot> {
	const { callsPerWindow, windowMs } = spendTransportSettings;
	let slots = pacers.get(key);
	if (!slots) {
		slots = [];
		pacers.set(key, slots);
	}
	for (;;) {
		const now = Date.now();
		for (let i = slots.length - 1; i >= 0; i--) if (slots[i].until <= now) slots.splice(i, 1);
		if (slots.length < callsPerWindow) {
			const slot: Slot = { until: Infinity };
			slots.push(slot);
			return slot;
		}
		const next = Math.min(...slots.map((s) => s.until));
		await sleep(Number.isFinite(next) ? Math.max(1, next - now) : Math.min(50, windowMs));
	}
}

export function releaseSlot(slot: Slot): void {
	slot.until = Date.now() + spendTransportSettings.windowMs;
}

/** Only for tests: forget the calls counted so far. */
export function resetSpendPacing(): void {
	pacers.clear();
}
