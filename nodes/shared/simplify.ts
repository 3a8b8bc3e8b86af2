// The "Simplify" switch of both action nodes, on by default for new nodes (typeVersion 1.1) and
// off, as it always was, for nodes saved at typeVersion 1.

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The first typeVersion of the BILL and BILL Spend & Expense nodes whose Simplify is on by
 * default. New nodes get it (the nodes' `defaultVersion`); a node saved at 1 keeps version 1.
 */
export const SIMPLIFY_BY_DEFAULT_SINCE = 1.1;

/**
 * "Simplify" declared twice, once per version, as n8n's own nodes change a default: n8n saves
 * only the parameters that differ from their defaults and fills the defaults in when it loads a
 * workflow (n8n-workflow's getNodeParameters), so a saved node's omitted Simplify reads the
 * default of the node's own typeVersion. Off at 1 (saved workflows keep BILL's full object), on
 * from 1.1 (new nodes output the small form; switching it off gives the full object).
 */
export function simplifyByVersion(description: string): INodeProperties[] {
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: false,
			description,
			displayOptions: { show: { '@version': [1] } },
		},
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description,
			displayOptions: { show: { '@version': [{ _cnd: { gte: SIMPLIFY_BY_DEFAULT_SINCE } }] } },
		},
	];
}

/** Whether the item's output is the small form (n8n filled in the node version's default). */
export function wantsSimplified(context: IExecuteFunctions, itemIndex: number): boolean {
	const byDefault = context.getNode().typeVersion >= SIMPLIFY_BY_DEFAULT_SINCE;
	return context.getNodeParameter('simplify', itemIndex, byDefault) === true;
}
