import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cardLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [cardLocator('The card to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['get'] } },
	properties,
);

/** `GET /v3/spend/cards/{cardId}` (Postman "Get vendor card details"): never the card number. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const cardId = getSpendId(this, itemIndex, 'cardId', 'Card');
	return await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/cards/${cardId}`,
		itemIndex,
	});
}
