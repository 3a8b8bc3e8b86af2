/**
 * What an AI agent sees of the BILL node. `usableAsTool` makes n8n add `billTool`: one tool per
 * node in the workflow, whose description (with "Tool Description: Set Automatically") n8n makes
 * from the chosen operation's `action` ("Get many bills in BILL"), through n8n-workflow's
 * getToolDescriptionForNode; without an action it would fall back to the node's generic
 * description, and the agent could not tell the tools apart. Every resource and operation must
 * therefore have an action and a description, and no two operations the same action.
 */
import type { INode, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Bill } from '../../nodes/Bill/Bill.node';
import { resources } from '../../nodes/Bill/resources';

const description: INodeTypeDescription = new Bill().description;

/** Every (resource, operation) the node offers, with the operation's option as the selector shows it. */
function operations() {
	const resourceSelector = description.properties.find((p) => p.name === 'resource')!;
	return (resourceSelector.options as INodePropertyOptions[]).flatMap((resource) => {
		const selector = description.properties.find(
			(p) =>
				p.name === 'operation' &&
				(p.displayOptions?.show?.resource as string[] | undefined)?.includes(
					resource.value as string,
				),
		);
		return ((selector?.options ?? []) as INodePropertyOptions[]).map((operation) => ({
			resource,
			operation,
		}));
	});
}

/** The tool n8n would build from a BILL node with these parameters. */
function toolDescription(parameters: INode['parameters']): string {
	const node = {
		id: 'tool',
		name: 'BILL',
		type: 'n8n-nodes-billcom.billTool',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	} as INode;
	return NodeHelpers.getToolDescriptionForNode(node, {
		description,
	} as never) as string;
}

describe('BILL as an AI tool', () => {
	it('is usable as a tool and says what it is for', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.description.length).toBeGreaterThan(40);
	});

	it('every resource has an operation selector, a summary, and the operations it declares', () => {
		for (const [value, resource] of Object.entries(resources)) {
			expect(resource.summary.trim()).not.toBe('');
			const listed = operations()
				.filter((o) => o.resource.value === value)
				.map((o) => o.operation.value as string)
				.sort();
			expect({ resource: value, operations: listed }).toEqual({
				resource: value,
				operations: Object.keys(resource.operations).sort(),
			});
		}
	});

	it.each(operations().map((o) => [`${o.resource.value} → ${o.operation.value}`, o] as const))(
		'%s has an action and a description, and the tool n8n builds names it',
		(_, { resource, operation }) => {
			expect(operation.action?.trim()).toBeTruthy();
			expect(operation.description?.trim()).toBeTruthy();
			expect(toolDescription({ resource: resource.value, operation: operation.value })).toBe(
				`${operation.action} in BILL`,
			);
			expect(
				toolDescription({
					resource: resource.value,
					operation: operation.value,
					descriptionType: 'auto',
				}),
			).not.toBe(description.description);
		},
	);

	it('no two operations share an action (the agent tells the tools apart by it)', () => {
		const actions = operations().map((o) => String(o.operation.action).toLowerCase());
		const repeated = actions.filter((a, i) => actions.indexOf(a) !== i);
		expect(repeated).toEqual([]);
	});

	it('counts the tools: one per operation', () => {
		expect(operations().length).toBeGreaterThanOrEqual(40);
	});
});
