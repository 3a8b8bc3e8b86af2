import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { actFor } from '../shared/transport/organizationSession';
import { actingNamed } from '../Bill/actingFor';

/**
 * The poll's context as the shared transport reads a node: `getNodeParameter(name, itemIndex,
 * fallback, options)` (a poll's takes no item index). A partner credential acts for the
 * organization named in the node (the trigger's requests always act, as the BILL node's do).
 */
export function asItemContext(context: IPollFunctions): IPollFunctions & IExecuteFunctions {
	const adapted = Object.create(context) as IPollFunctions & IExecuteFunctions;
	Object.defineProperty(adapted, 'getNodeParameter', {
		value: (name: string, _itemIndex?: number, fallback?: unknown, options?: object) => {
			return context.getNodeParameter(name, fallback, options);
		},
	});
	actFor(adapted, { acts: 'always', named: (itemIndex) => actingNamed(adapted, itemIndex) });
	return adapted;
}
