import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { organizationPath } from './current';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['organization'], operation: ['getPricePlan'] } },
	properties,
);

/** Postman "Get organization price plan details": needs the ADMINISTRATOR role. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `${await organizationPath(this, itemIndex)}/price-plan`,
		itemIndex,
	});
}
