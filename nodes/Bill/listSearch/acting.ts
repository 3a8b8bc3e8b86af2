// The node's list searches act for the organization named in the node as the operation being
// edited does (its `actsFor`): a partner picks a vendor from that organization's vendors.

import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { Resource } from '../../shared/operation';
import { actFor } from '../../shared/transport/organizationSession';
import { actingNamed } from '../actingFor';

type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

function current(context: ILoadOptionsFunctions, name: string): unknown {
	try {
		return context.getCurrentNodeParameter(name);
	} catch {
		return undefined;
	}
}

/** Each list search, first handing the transport how the edited operation acts. */
export function actingListSearch<T extends Record<string, ListSearch>>(
	methods: T,
	resources: Record<string, Resource>,
): T {
	const wrapped: Record<string, ListSearch> = {};
	for (const [name, search] of Object.entries(methods)) {
		wrapped[name] = async function (this: ILoadOptionsFunctions, filter, paginationToken) {
			const resource = resources[String(current(this, 'resource'))];
			const acts =
				resource?.operations[String(current(this, 'operation'))]?.actsFor ??
				resource?.actsFor ??
				'always';
			actFor(this, acts === 'never' ? undefined : { acts, named: (i) => actingNamed(this, i) });
			return await search.call(this, filter, paginationToken);
		};
	}
	return wrapped as T;
}
