import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { cardAccountLocator } from './descriptions';
import { CARDS_PATH } from './paths';

const properties: INodeProperties[] = [cardAccountLocator('The card account to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['cardAccount'], operation: ['get'] } },
	properties,
);

/** `GET /v3/funding-accounts/cards/{cardAccountId}` (Postman "Get card account details"), as BILL answers. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const cardAccountId = getId(this, itemIndex, 'cardAccountId', 'Card Account');
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `${CARDS_PATH}/${cardAccountId}`,
		itemIndex,
	});
}
