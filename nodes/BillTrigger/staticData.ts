import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { forgetSubscription } from '../shared/acceptedEvents';

/**
 * What the trigger keeps in the node's static data (saved with the workflow, never output).
 * The security key is the secret deliveries are verified with; BILL returns it only when the
 * subscription is created or its key rotated.
 */
export interface TriggerData extends IDataObject {
	subscriptionId?: string;
	securityKey?: string;
	/** When the security key was issued (ISO), for the optional rotation. */
	securityKeyIssued?: string;
	/** An idempotency key in use: kept until BILL has answered, so a retry sends the same one. */
	pendingCreate?: { idempotencyKey: string; request: string };
	pendingRotation?: { idempotencyKey: string; subscriptionId: string };
	/** Event IDs already accepted (BILL retries deliveries), newest last, bounded. */
	acceptedEventIds?: string[];
	/** When the last event was accepted (ISO): where a catch-up reads BILL's event history from. */
	lastAcceptedAt?: string;
	/** Partner level: names of the app key's organizations, by ID. */
	organizationNames?: Record<string, string>;
}

export const triggerData = (context: IHookFunctions) =>
	context.getWorkflowStaticData('node') as TriggerData;

/** Forgets the subscription and all that belongs to it (a pending create stays). */
export function forget(data: TriggerData): void {
	forgetSubscription(data.subscriptionId);
	delete data.subscriptionId;
	delete data.securityKey;
	delete data.securityKeyIssued;
	delete data.pendingRotation;
	delete data.acceptedEventIds;
	delete data.lastAcceptedAt;
}
