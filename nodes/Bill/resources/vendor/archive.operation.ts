import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorLocator } from './descriptions';

const properties: INodeProperties[] = [vendorLocator('The vendor to archive')];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['archive'] } },
	properties,
);

/** `POST /v3/vendors/{id}/archive`: idempotent, so a repeat after a lost answer is safe. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/vendors/${vendorId}/archive`,
		repeatable: true,
		itemIndex,
	});
}
