// What the editor shows: the approval parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

/** The comment BILL keeps with an approval or a denial. */
export function commentField(description: string): INodeProperties {
	return {
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description,
	};
}
