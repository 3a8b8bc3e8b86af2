// An operation on one object picked by a resource locator: Get (`GET path`), and actions on it
// (`POST path/archive`). A read is repeated after an uncertain answer; an action only where it
// says why a repeat is safe (`repeatable`), so a new action copied from Archive (void, cancel,
// charge, approve) is never sent twice by default.

import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	IHttpRequestMethods,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Effect } from '../../shared/operation';
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
	/**
	 * Why sending the action again after an uncertain answer is safe (e.g. archive: the same
	 * state when repeated). Without it an action that changes state is never repeated.
	 */
	repeatable?: string;
}

export function objectAction(options: ObjectAction): {
	description: INodeProperties[];
	effect: Effect;
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>;
} {
	const method = options.method ?? 'GET';
	const effect: Effect =
		method === 'GET'
			? { changesState: false }
			: { changesState: true, repeatable: options.repeatable };
	return {
		description: updateDisplayOptions(
			{ show: { resource: [options.resource], operation: [options.operation] } },
			[options.locator],
		),
		effect,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const { name, displayName } = options.locator;
			const id = getId(this, itemIndex, name, displayName, options.prefix);
			return await billApiRequest.call(this, {
				method,
				path: options.path(id),
				repeatable: !effect.changesState || effect.repeatable !== undefined,
				itemIndex,
			});
		},
	};
}
