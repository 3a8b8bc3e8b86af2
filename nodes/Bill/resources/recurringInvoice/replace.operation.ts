import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { recurringInvoiceBody } from './body';
import { recurringInvoiceLocator } from './descriptions';
import { recurringInvoiceFields } from './recurringDescriptions';

const properties: INodeProperties[] = [
	recurringInvoiceLocator('The recurring invoice to replace'),
	...recurringInvoiceFields(true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['replace'] } },
	properties,
);

/** `PUT /v3/recurring-invoices/{id}`: all future invoices change; lines left out are removed. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(
		this,
		itemIndex,
		'recurringInvoiceId',
		'Recurring Invoice',
		ID_PREFIX.recurringInvoice,
	);
	return await billApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/recurring-invoices/${id}`,
		body: recurringInvoiceBody(this, itemIndex),
		itemIndex,
	});
}
