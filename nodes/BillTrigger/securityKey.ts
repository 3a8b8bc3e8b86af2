import { randomUUID } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiRequest } from '../shared/transport';
import type { TriggerData } from './staticData';
import { subscriptionPath } from './subscriptionRequests';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Asks BILL for a new security key when the node has none (static data lost it) or when the
 * "Rotate Security Key After" option says it is time.
 */
export async function rotateKeyIfDue(
	context: IHookFunctions,
	data: TriggerData,
	id: string,
): Promise<void> {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const days = Number(options.rotateSecurityKeyAfterDays ?? 0);
	const issued = data.securityKeyIssued ? Date.parse(data.securityKeyIssued) : NaN;
	const due = days > 0 && (Number.isNaN(issued) || Date.now() - issued >= days * DAY_MS);
	if (data.securityKey && !due) return;
	await rotateKey(context, data, id);
	context.logger.info(`BILL Trigger: rotated the security key of webhook subscription ${id}`);
}

/**
 * `POST .../security_key` (Postman "Create a security key") with an `X-Idempotent-Key` kept until BILL has
 * answered, so a repeat cannot rotate twice and leave the node with a key BILL no longer uses.
 */
export async function rotateKey(
	context: IHookFunctions,
	data: TriggerData,
	id: string,
): Promise<void> {
	if (!data.pendingRotation || data.pendingRotation.subscriptionId !== id) {
		data.pendingRotation = { idempotencyKey: randomUUID(), subscriptionId: id };
	}
	const response = await billApiRequest.call(context, {
		method: 'POST',
		path: `${subscriptionPath(id)}/security_key`,
		host: 'events',
		headers: { 'X-Idempotent-Key': data.pendingRotation.idempotencyKey },
		repeatable: true,
	});
	delete data.pendingRotation;
	if (typeof response.securityKey !== 'string') {
		throw new NodeOperationError(
			context.getNode(),
			'BILL answered the security key rotation without a key',
		);
	}
	data.securityKey = response.securityKey;
	data.securityKeyIssued = new Date().toISOString();
}
