import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { pageOptions } from '../../helpers/getMany';
import { partnerOrganizationLocator } from './descriptions';
import { partnerList, partnerOrganizationOf } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization whose roles to list'),
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['getManyRoles'] } },
	properties,
);

/** Postman "Get list of user roles" (partner folder). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await partnerList(
		this,
		{ method: 'GET', path: '/v3/partner/roles', itemIndex },
		pageOptions(this, itemIndex),
		partnerOrganizationOf(this, itemIndex),
	);
}
