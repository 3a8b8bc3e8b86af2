import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { billApiRequest } from '../../shared/transport';
import { APPROVAL_POLICIES_PATH } from '../resources/approval/paths';
import { matchesSearch } from './page';

/** The approval policies by name (BILL answers the whole list at once, a plain array). */
export async function searchApprovalPolicies(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = (await billApiRequest.call(this, {
		method: 'GET',
		path: APPROVAL_POLICIES_PATH,
	})) as unknown;
	const policies = (Array.isArray(answer) ? answer : []) as Array<{
		id: string;
		policyName?: string;
	}>;
	return {
		results: policies
			.filter((p) => matchesSearch(filter, [p.policyName]))
			.map((p) => ({ name: p.policyName ?? p.id, value: p.id })),
	};
}
