import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { pageOptions } from '../../helpers/getMany';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequestAllItems } from '../../../shared/transport';
import { billLocator } from '../bill/descriptions';
import { BILL_DOCUMENTS_PATH } from './paths';

const properties: INodeProperties[] = [
	billLocator('The bill whose documents to list'),
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/documents/bills/{billId}`, page by page: id, name, createdTime, downloadLink of each. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const billId = getId(this, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	const documents = await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `${BILL_DOCUMENTS_PATH}/${billId}`, itemIndex },
		pageOptions(this, itemIndex),
	);
	return documents.map((document) => ({ ...document, billId }));
}
