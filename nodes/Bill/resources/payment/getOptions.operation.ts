import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getAmount, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorLocator } from '../vendor/descriptions';
import { PAYMENTS_PATH } from './paths';

const properties: INodeProperties[] = [
	vendorLocator('The vendor to pay'),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { numberPrecision: 2, minValue: 0 },
		default: 0,
		required: true,
		description: 'The amount to pay; fees and availability depend on it',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['getOptions'] } },
	properties,
);

/**
 * `GET /v3/payments/options?vendorId=&amount=`: which bank accounts and cards can pay this vendor,
 * with the earliest process date, delivery date and fee of each (or why one is not available).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const amount = getAmount(this, itemIndex, 'amount', 'Amount');
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `${PAYMENTS_PATH}/options`,
		qs: { vendorId, amount },
		itemIndex,
	});
}
