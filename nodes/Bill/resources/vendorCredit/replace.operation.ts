import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { creditBody } from './body';
import { creditFields, vendorCreditLocator } from './descriptions';

const properties: INodeProperties[] = [
	vendorCreditLocator('The vendor credit to replace'),
	...creditFields(true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendorCredit'], operation: ['replace'] } },
	properties,
);

/**
 * `PUT /v3/vendor-credits/{id}` (Postman "Replace a vendor credit"): the credit becomes what is
 * sent; a line with an ID is kept, one without is added, an existing line not listed is removed.
 * A repeat sends the same credit; a new line (no ID) could be added twice, so a PUT with new
 * lines is not repeated after a lost answer.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'vendorCreditId', 'Vendor Credit', ID_PREFIX.vendorCredit);
	const body = creditBody(this, itemIndex, true);
	const addsLines = (body.vendorCreditLineItems as IDataObject[]).some((line) => !line.id);
	return await billApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/vendor-credits/${id}`,
		body,
		repeatable: !addsLines,
		itemIndex,
		uncertainHint: 'Check the credit in BILL (Vendor Credit → Get) before running it again.',
	});
}
