// The "Simplify" switch of creates and updates: BILL's object, or its small form as Get shows it.

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * "Simplify" on a create or update, off by default like Get's and Get Many's.
 *
 * Why off, though new nodes would be better served by the small form: n8n saves only the
 * parameters that differ from their defaults, fills in the defaults when it loads a workflow
 * (n8n-workflow's Workflow constructor, getNodeParameters with returnDefaults), and gives a new
 * node every parameter's default (the editor does the same). Node `defaults` take only a name
 * and a colour. So a default of true would switch every saved create and update to the small
 * output, and no default can tell a new node from a saved one; only a new node version
 * (typeVersion) can, which this package does not use. The raw object stays the default;
 * the small form is one switch away.
 */
export function simplifyOutputField(fields: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: `Whether to return a small, flat object (${fields}) instead of BILL's full object. Good for the next node, AI agents and digests.`,
	};
}

export function wantsSimplified(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter('simplify', itemIndex, false) === true;
}
