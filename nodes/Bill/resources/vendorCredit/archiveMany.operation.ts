import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendIds } from '../../helpers/bulk';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { vendorCreditLocator } from './descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['vendorCredit'], operation: ['archiveMany'] } },
	[
		vendorCreditLocator('The vendor credit to archive; each input item names one'),
		{
			displayName:
				'The IDs are sent 50 per request. BILL cannot restore an archived vendor credit.',
			name: 'bulkNotice',
			type: 'notice',
			default: '',
		},
	],
);

/** `POST /v3/vendor-credits/bulk/archive?ids=a,b` (Postman "Archive multiple vendor credits"). */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await sendIds(this, items, {
		plural: 'vendor credits',
		answerKey: 'vendorCredits',
		what: 'archive',
		path: '/v3/vendor-credits/bulk/archive',
		readId: (itemIndex) =>
			getId(this, itemIndex, 'vendorCreditId', 'Vendor Credit', ID_PREFIX.vendorCredit),
	});
}
