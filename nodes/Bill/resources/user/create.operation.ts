import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest, billApiRequestAllItems } from '../../../shared/transport';
import { roleLocator } from '../role/descriptions';
import { newUserBody, sameEmail } from './body';
import { newUserConsent, newUserNames } from './descriptions';

const properties: INodeProperties[] = [
	...newUserNames(true),
	roleLocator('The role of the new user'),
	...newUserConsent,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['create'] } },
	properties,
);

/** Postman "Create a user" (201): needs the ADMINISTRATOR role; BILL emails the user. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = newUserBody(this, itemIndex, true);
	if (this.getNodeParameter('returnExisting', itemIndex, true) === true) {
		const users = await billApiRequestAllItems.call(
			this,
			{ method: 'GET', path: '/v3/users', itemIndex },
			{ returnAll: true },
		);
		const existing = sameEmail(users, body.email);
		if (existing) return { ...existing, alreadyExisted: true };
	}
	return await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/users',
		body,
		itemIndex,
		uncertainHint: `Look for a user with the email ${String(body.email)} (User → Get Many) before running it again, or leave "Return Existing User With This Email" on.`,
	});
}
