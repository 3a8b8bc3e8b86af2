import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cardLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { DELETE_REASONS } from './descriptions';

const properties: INodeProperties[] = [
	cardLocator('The card to delete (close)'),
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'options',
		options: DELETE_REASONS,
		default: 'CANCELLED',
		description: 'Why the card is closed. To stop a card for a while, use Freeze instead.',
	},
	{
		displayName: 'Deleting a card is permanent. Freeze stops it and can be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['delete'] } },
	properties,
);

/** `DELETE /v3/spend/cards/{cardId}?reason=…` (Postman "Delete a vendor card"; permanent). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const cardId = getSpendId(this, itemIndex, 'cardId', 'Card');
	const reason = this.getNodeParameter('reason', itemIndex, 'CANCELLED') as string;
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/cards/${cardId}`,
		qs: { reason },
		itemIndex,
	});
	return { cardId: decodeURIComponent(cardId), deleted: true, reason };
}
