import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { billLocator } from './descriptions';

const properties: INodeProperties[] = [billLocator('The bill to archive')];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['archive'] } },
	properties,
);

/** `POST /v3/bills/{id}/archive`: idempotent (Postman "Archive a bill"), so a repeat after a lost answer is safe. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const billId = getId(this, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/bills/${billId}/archive`,
		repeatable: true,
		itemIndex,
	});
}
