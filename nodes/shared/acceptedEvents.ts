import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * The event IDs a subscription has already accepted, so BILL's repeated deliveries (same
 * `metadata.eventId`; BILL delivers "at least once") start no second execution: the BILL
 * Trigger's and the BILL Spend & Expense Trigger's subscriptions (UUIDs from BILL).
 *
 * Kept in two places: this process's memory (deliveries that reach one n8n process, at once) and
 * the node's static data, which n8n keeps in its database, so a redelivery after a restart, or
 * one that reaches another webhook process, is recognised too.
 *
 * Why static data needs help (n8n 2.41.1, packages/cli): LiveWebhooks.executeWebhook builds a
 * `Workflow` over the stored static data object and runs the node's `webhook()`, which changes it
 * (its `__dataChanged` flag set). executeWebhook then calls WorkflowRunner.run, whose
 * establishContextForPersistence builds a second `Workflow` over the SAME object:
 * ObservableObject.create redefines `__dataChanged` on it as false. Only then is the webhook
 * answered, and LiveWebhooks' callback calls WorkflowStaticDataService.saveStaticData, which
 * saves only when the flag is true: the change is dropped. The execution itself reloads static
 * data from the database (prepareNewExecution) and does not run the trigger again, so it saves
 * nothing either. keepMarked sets the flag again, turn after turn, until n8n has saved.
 */
const PER_SUBSCRIPTION = 1000;
const SUBSCRIPTIONS = 200;

/** How long a delivery's change is kept marked: n8n saves when it answers the delivery. */
export const acceptedEventsSettings = { keepMarkedMs: 30_000 };

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

/**
 * Writes the accepted IDs into the node's static data (`data.acceptedEventIds`): those stored,
 * and those this process accepted (a delivery whose save was missed is saved with the next one),
 * newest last, at most `limit`; and keeps the change marked until n8n saves it.
 */
export function storeAccepted(
	data: { acceptedEventIds?: string[] },
	subscriptionId: string,
	limit: number,
): void {
	const ids = new Set(data.acceptedEventIds ?? []);
	for (const id of bySubscription.get(subscriptionId) ?? []) {
		ids.delete(id);
		ids.add(id);
	}
	data.acceptedEventIds = [...ids].slice(-limit);
	keepMarked(data as IDataObject, 'acceptedEventIds');
}

/**
 * Assigns `data[key]` to itself (through the proxy: Reflect.set), again and again for a while: each assignment goes through
 * n8n's observable static data, which marks the workflow's static data as changed (see the top
 * of this file). The first turns follow each other closely (n8n resets the flag and saves within
 * a few database calls), later ones every 20 ms.
 */
export function keepMarked(data: IDataObject, key: string): void {
	const until = Date.now() + acceptedEventsSettings.keepMarkedMs;
	void (async () => {
		for (let turn = 0; Date.now() < until; turn++) {
			Reflect.set(data, key, data[key]);
			await sleep(turn < 500 ? 0 : 20);
		}
	})();
}

/** Forgets a subscription's events (it was deleted or replaced). */
export function forgetSubscription(subscriptionId: string | undefined): void {
	if (subscriptionId) bySubscription.delete(subscriptionId);
}
