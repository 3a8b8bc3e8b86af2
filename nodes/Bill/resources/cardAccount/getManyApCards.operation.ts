import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { billApiRequest } from '../../../shared/transport';
import { limited, readLimit } from './output';
import { AP_CARDS_PATH } from './paths';

const properties: INodeProperties[] = [...returnAllOrLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['cardAccount'], operation: ['getManyApCards'] } },
	properties,
);

/**
 * `GET /v3/funding-accounts/ap-cards` (Postman "Get list of AP Cards"): BILL answers a bare array
 * (no pages); each AP card is one output item, with its status, balance and limit.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const list = await billApiRequest.call(this, { method: 'GET', path: AP_CARDS_PATH, itemIndex });
	return limited(Array.isArray(list) ? (list as IDataObject[]) : [], limit);
}
