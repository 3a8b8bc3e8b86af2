// The parameters of a whole credit memo (Create, Create Many, Replace).

import type { INodeProperties } from 'n8n-workflow';

import { customerLocator } from '../customer/descriptions';
import { creditMemoLinesField, optionalCreditMemoFields } from './descriptions';

export const creditMemoFields = (withLineIds: boolean): INodeProperties[] => [
	customerLocator('The customer the credit is for'),
	{
		displayName: 'Reference Number',
		name: 'referenceNumber',
		type: 'string',
		default: '',
		required: true,
		description: 'Your number for the credit memo; a re-run recognises it by this number',
	},
	{
		displayName: 'Credit Date',
		name: 'creditDate',
		description: 'The date of the credit memo (yyyy-MM-dd)',
		type: 'dateTime',
		default: '',
		required: true,
	},
	creditMemoLinesField(withLineIds, true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalCreditMemoFields,
	},
];

export const skipExistingField: INodeProperties = {
	displayName: 'Skip Existing Reference Numbers',
	name: 'skipExisting',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the active credit memo the customer already has with this reference number instead of creating a second one, so a re-run creates nothing twice. The output then has alreadyExisted: true.',
};
