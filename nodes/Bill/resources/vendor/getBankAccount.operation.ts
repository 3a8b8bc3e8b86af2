import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { bankAccountPath, maskedAccount } from './bankAccount';
import { vendorLocator } from './descriptions';

const properties: INodeProperties[] = [vendorLocator('The vendor whose bank account to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['getBankAccount'] } },
	properties,
);

/** `GET /v3/vendors/{id}/bank-account`; the account number as its last four digits only. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const account = await billApiRequest.call(this, {
		method: 'GET',
		path: bankAccountPath(vendorId),
		itemIndex,
	});
	return maskedAccount(vendorId, account);
}
