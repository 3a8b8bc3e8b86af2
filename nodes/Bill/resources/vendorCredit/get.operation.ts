import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorCreditLocator } from './descriptions';

const properties: INodeProperties[] = [vendorCreditLocator('The vendor credit to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendorCredit'], operation: ['get'] } },
	properties,
);

/** `GET /v3/vendor-credits/{id}` (Postman "Get vendor credit details"; with `usage`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'vendorCreditId', 'Vendor Credit', ID_PREFIX.vendorCredit);
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/vendor-credits/${id}`,
		itemIndex,
	});
}
