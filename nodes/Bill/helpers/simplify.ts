// The "Simplify" switch of creates and updates: BILL's object, or its small form as Get shows it.

import type { INodeProperties } from 'n8n-workflow';

import { simplifyByVersion } from '../../shared/simplify';

export { wantsSimplified } from '../../shared/simplify';

/**
 * "Simplify" on a create or update: off for nodes saved at typeVersion 1 (as it always was), on
 * for new nodes (typeVersion 1.1); see nodes/shared/simplify.ts.
 */
export function simplifyOutputField(fields: string): INodeProperties[] {
	return simplifyByVersion(
		`Whether to return a small, flat object (${fields}) instead of BILL's full object. Good for the next node, AI agents and digests.`,
	);
}
