import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cardLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [cardLocator('The card to freeze')];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['freeze'] } },
	properties,
);

/**
 * `POST /v3/spend/cards/{cardId}/freeze` (Postman "Freeze a vendor card"): stops the card paying until it is unfrozen; answers the card.
 * The same state when repeated, so it is sent again after a lost answer.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const cardId = getSpendId(this, itemIndex, 'cardId', 'Card');
	return await spendApiRequest.call(this, {
		method: 'POST',
		path: `/v3/spend/cards/${cardId}/freeze`,
		repeatable: true,
		itemIndex,
	});
}
