import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { bankAccountPath } from './bankAccount';
import { vendorLocator } from './descriptions';

const properties: INodeProperties[] = [vendorLocator('The vendor whose bank account to remove')];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['removeBankAccount'] } },
	properties,
);

/**
 * `DELETE /v3/vendors/{id}/bank-account` → 204 (Postman "Delete a vendor bank account"). A repeat
 * finds no account, so it is safe; the vendor is then paid by check (or its other payment method).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	await billApiRequest.call(this, {
		method: 'DELETE',
		path: bankAccountPath(vendorId),
		repeatable: true,
		itemIndex,
	});
	return { vendorId, bankAccountRemoved: true };
}
