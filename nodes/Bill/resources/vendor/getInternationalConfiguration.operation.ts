import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getString, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { accountTypeOptions } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'DK',
		description: "The vendor's country, two letters (ISO 3166-1 alpha-2)",
	},
	{
		displayName: 'Bill Currency',
		name: 'billCurrency',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'EUR',
		description: 'The currency the vendor bills in, three letters',
	},
	{
		displayName: 'Account Type',
		name: 'accountType',
		description: 'Whether the vendor is a business or a person',
		type: 'options',
		options: accountTypeOptions,
		default: 'BUSINESS',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['getInternationalConfiguration'] } },
	properties,
);

/**
 * `GET /v3/vendors/configuration/international-payments?country=&billCurrency=&accountType=`
 * (Postman "Get international payments configuration"; all three required): what a new
 * international vendor needs, before it is created.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const country = getString(this, itemIndex, 'country', 'Country').toUpperCase();
	if (!/^[A-Z]{2}$/.test(country))
		throw invalid(
			this,
			itemIndex,
			'Country',
			`"${country}" is not a two-letter country code`,
			'For example DK, GB or CA.',
		);
	const billCurrency = getString(this, itemIndex, 'billCurrency', 'Bill Currency').toUpperCase();
	if (!/^[A-Z]{3}$/.test(billCurrency))
		throw invalid(
			this,
			itemIndex,
			'Bill Currency',
			`"${billCurrency}" is not a three-letter currency code`,
			'For example EUR, GBP or CAD.',
		);
	return await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/vendors/configuration/international-payments',
		qs: { country, billCurrency, accountType: this.getNodeParameter('accountType', itemIndex) },
		itemIndex,
	});
}
