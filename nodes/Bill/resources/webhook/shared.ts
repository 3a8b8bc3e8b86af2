import type { IExecuteFunctions } from 'n8n-workflow';

import { getString, invalid } from '../../helpers/validation';

/** BILL's subscription and event IDs are UUIDs (Postman "Create a subscription", "Resend an event"). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A subscription or event ID of the item, checked before anything is sent. */
export function getUuid(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	parameter: string,
): string {
	const value = getString(context, itemIndex, name, parameter);
	if (!UUID.test(value))
		throw invalid(
			context,
			itemIndex,
			parameter,
			`"${value.slice(0, 60)}" is not a BILL webhook ID (a UUID such as 61ba4018-7478-459f-9014-623996af49b6)`,
		);
	return value;
}

export const eventsPath = (subscriptionId: string) =>
	`/v3/events/subscription/${encodeURIComponent(subscriptionId)}`;
