import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

/**
 * The poll's context as the shared transport reads a node: `getNodeParameter(name, itemIndex,
 * fallback, options)` (a poll's takes no item index), and a `resource` that names the polling
 * trigger, so a partner credential acts for the organization named in the node (actingForOf).
 */
export function asItemContext(context: IPollFunctions): IPollFunctions & IExecuteFunctions {
	const adapted = Object.create(context) as IPollFunctions & IExecuteFunctions;
	Object.defineProperty(adapted, 'getNodeParameter', {
		value: (name: string, _itemIndex?: number, fallback?: unknown, options?: object) => {
			if (name === 'resource') return 'pollingTrigger';
			if (name === 'operation') return 'poll';
			return context.getNodeParameter(name, fallback, options);
		},
	});
	return adapted;
}
