import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import { mfaActingForProperties } from '../../actingFor';
import * as listPhones from './listPhones.operation';
import * as sendChallenge from './sendChallenge.operation';
import * as setUpPhone from './setUpPhone.operation';
import * as validateChallenge from './validateChallenge.operation';
import * as validatePhone from './validatePhone.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['mfa'] } },
	options: [
		{
			name: 'List Phones',
			value: 'listPhones',
			description: 'List the phones registered for MFA (type, last 4 digits, primary)',
			action: 'List MFA phones',
		},
		{
			name: 'Send Challenge',
			value: 'sendChallenge',
			description:
				'Step 1 of getting an MFA ID or a trusted session: BILL texts a 6-digit code to the MFA phone and returns a Challenge ID',
			action: 'Send an MFA challenge',
		},
		{
			name: 'Set Up Phone',
			value: 'setUpPhone',
			description:
				'Step 1 of MFA set-up when no phone is registered yet: BILL texts a 6-digit code to the phone and returns a Setup ID',
			action: 'Set up an MFA phone',
		},
		{
			name: 'Validate Challenge',
			value: 'validateChallenge',
			description:
				'Step 2: check the texted code; the session becomes MFA-trusted, and with Remember Me BILL returns the MFA ID to put in the credential (valid 30 days)',
			action: 'Validate an MFA challenge',
		},
		{
			name: 'Validate Phone',
			value: 'validatePhone',
			description:
				'Step 2 of MFA set-up: check the code texted after Set Up Phone, registering the phone for MFA',
			action: 'Validate an MFA phone',
		},
	],
	default: 'sendChallenge',
};

export const mfa: Resource = {
	displayName: 'MFA',
	// In the named organization's session when one is named, else the credential's own.
	actsFor: 'optional',
	summary:
		'Multi-factor authentication: register a phone, and get the MFA ID that makes unattended logins trusted (needed for payments and bank accounts)',
	description: [
		operationSelector,
		...mfaActingForProperties,
		...setUpPhone.description,
		...validatePhone.description,
		...sendChallenge.description,
		...validateChallenge.description,
		...listPhones.description,
	],
	operations: { listPhones, sendChallenge, setUpPhone, validateChallenge, validatePhone },
};
