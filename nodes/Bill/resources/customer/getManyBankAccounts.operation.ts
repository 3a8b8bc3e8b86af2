import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { pageOptions } from '../../helpers/getMany';
import { billApiRequestAllItems } from '../../../shared/transport';
import { customerBankAccountsPath, getCustomerId } from './bankAccounts';
import { customerLocator } from './descriptions';

const properties: INodeProperties[] = [
	customerLocator('The customer whose bank accounts to list'),
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getManyBankAccounts'] } },
	properties,
);

/** `GET /v3/customers/{id}/bank-accounts` (BILL's "List customer bank accounts"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = getCustomerId(this, itemIndex);
	return await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: customerBankAccountsPath(customerId), itemIndex },
		pageOptions(this, itemIndex),
	);
}
