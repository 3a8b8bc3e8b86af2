import type { INodeProperties } from 'n8n-workflow';

export const cardLimitField = (required: boolean): INodeProperties => ({
	displayName: 'Card Limit',
	name: 'cardLimit',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	required,
	description: 'What the card may spend in the current period (USD)',
});

export const recurringLimitField: INodeProperties = {
	displayName: 'Recurring Limit',
	name: 'recurringLimit',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description: 'The limit each new budget period starts the card with (USD)',
};

/** Postman "Delete a vendor card": `reason` = CANCELLED, LOST, STOLEN or MISPLACED. */
export const DELETE_REASONS = [
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Lost', value: 'LOST' },
	{ name: 'Misplaced', value: 'MISPLACED' },
	{ name: 'Stolen', value: 'STOLEN' },
];
