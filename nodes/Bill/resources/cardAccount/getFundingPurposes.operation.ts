import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, getString } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorLocator } from '../vendor/descriptions';
import { CARDS_PATH } from './paths';

const properties: INodeProperties[] = [
	vendorLocator('The vendor you mean to pay with a card account'),
	{
		displayName: 'Card Brand',
		name: 'brand',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'visa',
		description:
			"The brand of the card account you mean to pay with, as BILL names it (the card account's brand field, e.g. visa)",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['cardAccount'], operation: ['getFundingPurposes'] } },
	properties,
);

/**
 * `GET /v3/funding-accounts/cards/funding-purposes?vendorId=&brand=` (Postman "Get card funding
 * purpose"): the values a card-account payment's `cardFundingPurpose` may take. An empty 200
 * means BILL knows the vendor's industry and the payment needs none: the output then says
 * `cardFundingPurposeRequired: false` (an empty body and an empty `results` read the same).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const brand = getString(this, itemIndex, 'brand', 'Card Brand');
	const answer = (await billApiRequest.call(this, {
		method: 'GET',
		path: `${CARDS_PATH}/funding-purposes`,
		qs: { vendorId, brand },
		itemIndex,
	})) as IDataObject | undefined;
	const results = Array.isArray(answer?.results) ? (answer.results as IDataObject[]) : [];
	return {
		vendorId,
		brand,
		cardFundingPurposeRequired: results.length > 0,
		...(answer && typeof answer === 'object' ? answer : {}),
		results,
	};
}
