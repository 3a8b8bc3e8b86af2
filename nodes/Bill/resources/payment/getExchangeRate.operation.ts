import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getAmount, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorLocator } from '../vendor/descriptions';
import { PAYMENTS_PATH } from './paths';

const properties: INodeProperties[] = [
	vendorLocator('The international vendor to pay'),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { numberPrecision: 2, minValue: 0 },
		default: 0,
		required: true,
		description:
			"The amount to pay, in the vendor's bill currency (or in USD with the option below)",
	},
	{
		displayName: 'Amount Is in USD',
		name: 'baseCurrency',
		type: 'boolean',
		default: false,
		description:
			"Whether the amount is in your organization's currency (USD) rather than the vendor's bill currency (BILL's baseCurrency option)",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['getExchangeRate'] } },
	properties,
);

/**
 * `GET /v3/payments/exchange-rate?vendorId=&amount=[&baseCurrency=true]` (Postman "Get BILL
 * foreign exchange rate"): BILL's current rate for paying an international vendor, with the
 * `exchangeRateBatchId` a payment to a vendor whose bill currency is not USD needs and its
 * `expirationTime` (https://developer.bill.com/reference/getexchangerate). The output is BILL's answer.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const amount = getAmount(this, itemIndex, 'amount', 'Amount');
	const qs: IDataObject = { vendorId, amount };
	if (this.getNodeParameter('baseCurrency', itemIndex, false) === true) qs.baseCurrency = true;
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `${PAYMENTS_PATH}/exchange-rate`,
		qs,
		itemIndex,
	});
}
