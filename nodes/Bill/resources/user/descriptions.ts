// What the editor shows: the user parameters several operations share (organization and partner users).

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const userLocator = (description: string) =>
	idLocator({
		name: 'userId',
		displayName: 'User',
		object: 'user',
		prefix: ID_PREFIX.user,
		searchListMethod: 'searchUsers',
		description,
	});

export const emailField = (description?: string): INodeProperties => ({
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	required: true,
	description,
});

/** First and last name and email of a new user (BILL requires the last name of organization users only). */
export const newUserNames = (lastNameRequired: boolean): INodeProperties[] => [
	{
		displayName: 'First Name',
		name: 'firstName',
		description: "The user's first name",
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		description: "The user's last name",
		type: 'string',
		default: '',
		required: lastNameRequired,
	},
	emailField('BILL emails the new user there to finish signing up'),
];

/** Terms of service and the re-run guard of Create. */
export const newUserConsent: INodeProperties[] = [
	{
		displayName: 'Accept Terms of Service',
		name: 'acceptTermsOfService',
		type: 'boolean',
		default: false,
		required: true,
		description: "Whether the user accepts BILL's terms of service (BILL requires it)",
	},
	{
		displayName: 'Return Existing User With This Email',
		name: 'returnExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether a user of the organization with this email already is returned (with alreadyExisted: true) instead of created, so a re-run creates nobody twice',
	},
];

/** Update's fields, with the role picked from the given list. */
export const userUpdateFields = (role: INodeProperties): INodeProperties => ({
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{ ...emailField(), required: false },
		{
			displayName: 'First Name',
			name: 'firstName',
			description: "The user's first name",
			type: 'string',
			default: '',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			description: "The user's last name",
			type: 'string',
			default: '',
		},
		{ ...role, required: false },
	],
});
