// "Skip Existing …" of the creates that gained it with typeVersion 1.2 (Vendor → Create and the
// Spend & Expense creates): on by default for new nodes, off for nodes saved at 1 or 1.1, whose
// re-run made a second object and whose output had no alreadyExisted.

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The first typeVersion of both action nodes whose new "Skip Existing …" options are on by default. */
export const SKIP_EXISTING_BY_DEFAULT_SINCE = 1.2;

/**
 * The option declared once per version range, as Simplify is (nodes/shared/simplify.ts): n8n
 * fills an omitted parameter with the default of the node's own typeVersion, so a saved node
 * keeps today's behaviour and a node added now is re-run safe.
 */
export function skipExistingByVersion(displayName: string, description: string): INodeProperties[] {
	const field = { displayName, name: 'skipExisting', type: 'boolean' as const, description };
	return [
		{
			...field,
			default: false,
			displayOptions: { show: { '@version': [1, 1.1] } },
		},
		{
			...field,
			default: true,
			displayOptions: {
				show: { '@version': [{ _cnd: { gte: SKIP_EXISTING_BY_DEFAULT_SINCE } }] },
			},
		},
	];
}

/** Whether the item looks for the existing object first (n8n filled in the version's default). */
export function wantsSkipExisting(context: IExecuteFunctions, itemIndex: number): boolean {
	const byDefault = context.getNode().typeVersion >= SKIP_EXISTING_BY_DEFAULT_SINCE;
	return context.getNodeParameter('skipExisting', itemIndex, byDefault) === true;
}
