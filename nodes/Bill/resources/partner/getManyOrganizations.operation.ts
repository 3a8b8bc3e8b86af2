import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { pageOptions } from '../../helpers/getMany';
import { partnerList } from './request';

const properties: INodeProperties[] = [...returnAllOrLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['getManyOrganizations'] } },
	properties,
);

/** Postman "Get list of organizations": every organization made with the partner's app key. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await partnerList(
		this,
		{ method: 'GET', path: '/v3/partner/organizations', itemIndex },
		pageOptions(this, itemIndex),
	);
}
