import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { asNodeError, billApiRequest } from '../../../shared/transport';
import { APPROVAL_POLICIES_PATH, APPROVAL_POLICY_CREATE_PATH_GUIDE } from './paths';
import { policyBody, policyFields } from './policy';

const properties: INodeProperties[] = [
	...policyFields,
	{
		displayName: 'Skip Existing Policy Names',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the policy that already has this name (compared ignoring case) instead of creating a second one, so a re-run creates nothing twice. The output then has alreadyExisted: true.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['createPolicy'] } },
	properties,
);

/** One after another: a second item with the same name finds the first's policy, and learns which path BILL serves. */
export const concurrent = false;

/** Runs in which the guide's path was not there: their next creates go to Postman's at once. */
const guidePathMissing = new WeakSet<object>();

/** BILL has no such route (404 or 405): nothing was created, so the other path may be tried. */
function noSuchRoute(error: unknown): boolean {
	return error instanceof NodeApiError && ['404', '405'].includes(String(error.httpCode));
}

async function create(context: IExecuteFunctions, itemIndex: number, body: IDataObject) {
	const send = async (path: string) =>
		await billApiRequest.call(context, {
			method: 'POST',
			path,
			body,
			itemIndex,
			uncertainHint: `Check Approval → Get Many Policies for "${String(body.policyName)}" before running it again, or run it again with "Skip Existing Policy Names" on.`,
		});
	if (!guidePathMissing.has(context)) {
		try {
			return await send(APPROVAL_POLICY_CREATE_PATH_GUIDE);
		} catch (error) {
			if (!noSuchRoute(error)) throw asNodeError(context.getNode(), error);
			guidePathMissing.add(context);
		}
	}
	return await send(APPROVAL_POLICIES_PATH);
}

/**
 * Creates a bill approval policy. BILL's guide posts to `/v3/bill-approvals`, its Postman
 * collection to `/v3/bill-approvals/policies`: the guide's path is tried first and, when BILL has
 * no such route (404 or 405, so nothing was made), Postman's. A lost answer is never sent again
 * on either path. With "Skip Existing Policy Names" a policy of the same name is returned instead.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = policyBody(this, itemIndex);
	if (this.getNodeParameter('skipExisting', itemIndex, true) === true) {
		const answer = (await billApiRequest.call(this, {
			method: 'GET',
			path: APPROVAL_POLICIES_PATH,
			itemIndex,
		})) as unknown;
		const name = String(body.policyName).trim().toLowerCase();
		const found = (Array.isArray(answer) ? (answer as IDataObject[]) : []).find(
			(p) =>
				String(p.policyName ?? '')
					.trim()
					.toLowerCase() === name,
		);
		if (found) return { ...found, alreadyExisted: true };
	}
	return { ...(await create(this, itemIndex, body)), alreadyExisted: false };
}
