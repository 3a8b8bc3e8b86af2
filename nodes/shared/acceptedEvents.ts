/**
 * The event IDs a subscription has already accepted, so BILL's repeated deliveries (same
 * `metadata.eventId`) start no second execution: the BILL Trigger's and the BILL Spend & Expense
 * Trigger's subscriptions (UUIDs from BILL, never the same for two).
 *
 * Kept in two places: in this process's memory, and in the node's static data. n8n 2.41 does not
 * save static data changed by a production webhook call (found by the queue-mode test, and for
 * the Spend trigger by test/e2e/spend.mjs: the change flag is reset before the execution ends), so memory is what holds between deliveries
 * that reach one n8n process (n8n's main process receives every webhook, also in queue mode).
 * Static data still helps where n8n saves it (manual runs, a future n8n).
 */
const PER_SUBSCRIPTION = 1000;
const SUBSCRIPTIONS = 200;

const bySubscription = new Map<string, Set<string>>();

/** Records the event; false when it was accepted before (by this process or in static data). */
export function acceptEvent(
	subscriptionId: string,
	eventId: string,
	stored: string[] | undefined,
): boolean {
	let seen = bySubscription.get(subscriptionId);
	if (!seen) {
		seen = new Set(stored ?? []);
		bySubscription.set(subscriptionId, seen);
		if (bySubscription.size > SUBSCRIPTIONS)
			bySubscription.delete(bySubscription.keys().next().value as string);
	}
	if (seen.has(eventId) || stored?.includes(eventId)) return false;
	seen.add(eventId);
	if (seen.size > PER_SUBSCRIPTION) seen.delete(seen.values().next().value as string);
	return true;
}

/** Forgets a subscription's events (it was deleted or replaced). */
export function forgetSubscription(subscriptionId: string | undefined): void {
	if (subscriptionId) bySubscription.delete(subscriptionId);
}
