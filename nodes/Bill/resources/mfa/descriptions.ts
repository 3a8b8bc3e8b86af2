// What the editor shows: the MFA parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

/** The 6-digit code BILL texts, as a parameter. */
export function codeField(operation: string, what: string): INodeProperties {
	return {
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123456',
		description: `The 6-digit code BILL texted ${what}`,
		displayOptions: { show: { resource: ['mfa'], operation: [operation] } },
	};
}
