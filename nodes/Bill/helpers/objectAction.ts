// An operation on one object picked by a resource locator: Get (`GET path`), and the idempotent
// actions Archive and Restore (`POST path/archive`, repeatable: the same state when repeated).

import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	IHttpRequestMethods,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../shared/transport';
import { getId } from './validation';

export interface ObjectAction {
	resource: string;
	operation: string;
	/** The resource locator (its `name` is read, `displayName` names it in errors). */
	locator: INodeProperties;
	prefix: string;
	/** The request's path, e.g. `/v3/customers/${id}/archive`. */
	path: (id: string) => string;
	method?: IHttpRequestMethods;
}

export function objectAction(options: ObjectAction): {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>;
} {
	const method = options.method ?? 'GET';
	return {
		description: updateDisplayOptions(
			{ show: { resource: [options.resource], operation: [options.operation] } },
			[options.locator],
		),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const { name, displayName } = options.locator;
			const id = getId(this, itemIndex, name, displayName, options.prefix);
			return await billApiRequest.call(this, {
				method,
				path: options.path(id),
				// GET is a read; the POSTs here are archive and restore, which land in the same state.
				repeatable: true,
				itemIndex,
			});
		},
	};
}
