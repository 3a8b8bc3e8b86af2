import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { vendorCreditLocator } from './descriptions';

const properties: INodeProperties[] = [
	vendorCreditLocator('The vendor credit to archive'),
	{
		displayName: 'BILL cannot restore an archived vendor credit.',
		name: 'archiveNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendorCredit'], operation: ['archive'] } },
	properties,
);

/**
 * `POST /v3/vendor-credits/{id}/archive` (Postman "Archive a vendor credit": "An archived vendor
 * credit cannot be restored"). A repeat leaves it archived, so a repeat after a lost answer is safe.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'vendorCreditId', 'Vendor Credit', ID_PREFIX.vendorCredit);
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/vendor-credits/${id}/archive`,
		repeatable: true,
		itemIndex,
	});
}
