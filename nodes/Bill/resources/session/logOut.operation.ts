import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'Ends the BILL session at once (runs once per input item). The next BILL call with this credential logs in again by itself, so nothing else needs to change.',
		name: 'logOutNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['logOut'] } },
	properties,
);

/**
 * `POST /v3/logout`. The credential keeps the ended session ID (a node cannot change it), and
 * that is enough: BILL answers the next call with 401, on which n8n logs in again
 * (preAuthentication) and repeats the call.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Logging out twice leaves the user logged out: safe to send again.
	await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/logout',
		repeatable: true,
		itemIndex,
	});
	return { loggedOut: true };
}

/** One logout at a time: items would otherwise end each other's fresh sessions mid-request. */
export const concurrent = false;
