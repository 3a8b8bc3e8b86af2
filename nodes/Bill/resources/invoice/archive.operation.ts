import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { invoiceLocator } from './descriptions';

const properties: INodeProperties[] = [invoiceLocator('The invoice to archive')];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['archive'] } },
	properties,
);

/** `POST /v3/invoices/{id}/archive`: idempotent, so a repeat after a lost answer is safe. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = getId(this, itemIndex, 'invoiceId', 'Invoice', ID_PREFIX.invoice);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/invoices/${invoiceId}/archive`,
		repeatable: true,
		itemIndex,
	});
}
