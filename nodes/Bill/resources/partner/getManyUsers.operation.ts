import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { pageOptions } from '../../helpers/getMany';
import { partnerOrganizationLocator } from './descriptions';
import { partnerList, partnerOrganizationOf } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization whose users to list'),
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['getManyUsers'] } },
	properties,
);

/** Postman "Get list of users" (partner folder): the organization in the `organizationId` header. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const users = await partnerList(
		this,
		{ method: 'GET', path: '/v3/partner/users', itemIndex },
		pageOptions(this, itemIndex),
		organizationId,
	);
	// The organization goes with each user, so a next node can act for it (Organization = {{ $json.organizationId }}).
	return users.map((user) => ({ ...user, organizationId }));
}
