import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { getBankAccountId } from './body';
import { bankAccountLocator } from './descriptions';
import { BANKS_PATH } from './paths';

const properties: INodeProperties[] = [bankAccountLocator('The bank account to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['get'] } },
	properties,
);

/** `GET /v3/funding-accounts/banks/{id}`; the output is BILL's answer as it is. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bankAccountId = getBankAccountId(this, itemIndex);
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `${BANKS_PATH}/${bankAccountId}`,
		itemIndex,
	});
}
