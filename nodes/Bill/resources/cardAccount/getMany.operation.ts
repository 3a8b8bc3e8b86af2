import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import type { CardAccountList } from '../../types';
import { limited, readLimit } from './output';
import { CARDS_PATH } from './paths';

export const cardUserStatusOptions = [
	{
		name: 'Nominated',
		value: 'NOMINATED',
		description: 'Cards you were nominated for and must still verify before paying',
	},
	{ name: 'Verified', value: 'VERIFIED', description: 'Cards you can pay with' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Your Card User Status',
		name: 'cardUserStatus',
		type: 'options',
		options: cardUserStatusOptions,
		default: 'VERIFIED',
		description:
			'Which card accounts to list: those the signed-in user may pay with, or those they must still verify (BILL requires one)',
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['cardAccount'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v3/funding-accounts/cards?cardUserStatus=` (Postman "Get list of card accounts"): BILL
 * answers `{rates, cards}`, not pages; each card is one output item, with
 * `defaultForCardPayments` set on the one BILL's `rates.defaultCardAccountId` names.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const status = this.getNodeParameter('cardUserStatus', itemIndex, 'VERIFIED') as string;
	if (!cardUserStatusOptions.some((o) => o.value === status))
		throw invalid(
			this,
			itemIndex,
			'Your Card User Status',
			`"${String(status)}" is not VERIFIED or NOMINATED`,
		);
	const limit = readLimit(this, itemIndex);
	const list = (await billApiRequest.call(this, {
		method: 'GET',
		path: CARDS_PATH,
		qs: { cardUserStatus: status },
		itemIndex,
	})) as CardAccountList;
	const defaultId = list.rates?.defaultCardAccountId;
	const cards = (list.cards ?? []).map((card) => ({
		...card,
		defaultForCardPayments: Boolean(defaultId) && card.id === defaultId,
	}));
	return limited(cards as unknown as IDataObject[], limit);
}
