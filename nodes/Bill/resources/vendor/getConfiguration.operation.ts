import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorLocator } from './descriptions';

const properties: INodeProperties[] = [vendorLocator('The vendor whose configuration to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['getConfiguration'] } },
	properties,
);

/**
 * `GET /v3/vendors/{id}/configuration` (Postman "Get vendor configuration"): what an existing
 * international vendor needs (payment purpose codes, regulatory fields and their patterns).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/vendors/${vendorId}/configuration`,
		itemIndex,
	});
}
