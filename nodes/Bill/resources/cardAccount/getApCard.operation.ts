import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import type { ApCard } from '../../types';
import { apCardLocator } from './descriptions';
import { AP_CARDS_PATH } from './paths';

const properties: INodeProperties[] = [apCardLocator('The AP card to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['cardAccount'], operation: ['getApCard'] } },
	properties,
);

/**
 * One AP card. BILL lists AP cards only (Postman "Get list of AP Cards", no request for one), so
 * the node reads the list and picks the card; a card not in it is reported as not found.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const apCardId = getId(this, itemIndex, 'apCardId', 'AP Card');
	const list = await billApiRequest.call(this, { method: 'GET', path: AP_CARDS_PATH, itemIndex });
	const card = (Array.isArray(list) ? (list as ApCard[]) : []).find((c) => c.id === apCardId);
	if (!card)
		throw invalid(
			this,
			itemIndex,
			'AP Card',
			`BILL has no AP card ${apCardId} in this organization`,
			'Pick the card from the list, or list them with Card Account → Get Many AP Cards.',
		);
	return card as unknown as IDataObject;
}
