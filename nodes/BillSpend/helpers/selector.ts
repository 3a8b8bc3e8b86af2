import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/** The "Operation" selector of a resource, its options sorted by name as n8n's linter wants. */
export function operationSelector(
	resource: string,
	options: Array<INodePropertyOptions & { action: string; description: string }>,
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}
