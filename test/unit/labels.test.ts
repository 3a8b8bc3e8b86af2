/**
 * No two fields the panel shows at once for an operation have the same label: on Invoice →
 * Create, "Customer" (new or existing) followed by "Customer" (the picker) read as one field
 * twice. Each operation's fields are taken as n8n shows them with every parameter at its default
 * (n8n's own displayParameter decides), at the node's newest version.
 */
import {
	NodeHelpers,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
} from 'n8n-workflow';

import { Bill } from '../../nodes/Bill/Bill.node';
import { BillSpend } from '../../nodes/BillSpend/BillSpend.node';

function optionValues(property: INodeProperties): string[] {
	return (property.options ?? []).map((option) => String((option as { value?: unknown }).value));
}

/** The fields shown for resource + operation with every other parameter at its default. */
function shownFields(node: INodeType, resource: string, operation: string): INodeProperties[] {
	const version = Math.max(...[node.description.version].flat());
	const values: INodeParameters = { resource, operation };
	for (const property of node.description.properties)
		if (!(property.name in values)) values[property.name] = property.default;
	return node.description.properties.filter(
		(property) =>
			!['resource', 'operation'].includes(property.name) &&
			property.type !== 'notice' &&
			NodeHelpers.displayParameter(values, property, { typeVersion: version }, null),
	);
}

function repeatedLabels(node: INodeType): string[] {
	const properties = node.description.properties;
	const resources = optionValues(properties.find((p) => p.name === 'resource')!);
	return resources.flatMap((resource) => {
		const selectors = properties.filter(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource),
		);
		return selectors.flatMap(optionValues).flatMap((operation) => {
			const labels = shownFields(node, resource, operation).map((p) => p.displayName);
			const twice = labels.filter((label, i) => labels.indexOf(label) !== i);
			return [...new Set(twice)].map((label) => `${resource} → ${operation}: "${label}"`);
		});
	});
}

describe.each([
	['BILL', new Bill() as INodeType],
	['BILL Spend & Expense', new BillSpend() as INodeType],
])('%s node: labels', (_name, node) => {
	it('no operation shows two fields with the same label', () => {
		expect(repeatedLabels(node)).toEqual([]);
	});
});
