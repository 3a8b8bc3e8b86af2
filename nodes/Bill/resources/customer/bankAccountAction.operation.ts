// Get, update and archive one bank account of a customer: the same two parameters, one call each.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { ownerTypeOptions } from '../bankAccount/descriptions';
import {
	customerBankAccountLocator,
	customerBankAccountsPath,
	getCustomerBankAccountId,
	getCustomerId,
} from './bankAccounts';
import { customerLocator } from './descriptions';

const OPERATIONS = ['getBankAccount', 'updateBankAccount', 'archiveBankAccount'];

const properties: INodeProperties[] = [
	customerLocator('The customer the bank account belongs to'),
	customerBankAccountLocator('The bank account of the customer (ID starting with cba)'),
];

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'bankAccountFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'BILL lets only the nickname and the owner type change',
	options: [
		{ displayName: 'Nickname', name: 'nickname', type: 'string', default: '' },
		{
			displayName: 'Owner Type',
			name: 'ownerType',
			type: 'options',
			options: ownerTypeOptions,
			default: 'BUSINESS',
		},
	],
};

export const description = [
	...updateDisplayOptions({ show: { resource: ['customer'], operation: OPERATIONS } }, properties),
	...updateDisplayOptions({ show: { resource: ['customer'], operation: ['updateBankAccount'] } }, [
		updateFields,
	]),
];

/**
 * `GET …/bank-accounts/{id}`, `PATCH …/bank-accounts/{id}` (nickname, ownerType) and
 * `POST …/bank-accounts/{id}/archive` (it cannot be restored): each lands in the same state when
 * repeated.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	const customerId = getCustomerId(this, itemIndex);
	const path = `${customerBankAccountsPath(customerId)}/${getCustomerBankAccountId(this, itemIndex)}`;
	if (operation === 'getBankAccount')
		return await billApiRequest.call(this, { method: 'GET', path, itemIndex });
	if (operation === 'archiveBankAccount') {
		return await billApiRequest.call(this, {
			method: 'POST',
			path: `${path}/archive`,
			repeatable: true,
			itemIndex,
		});
	}
	const fields = this.getNodeParameter('bankAccountFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.nickname !== undefined) body.nickname = String(fields.nickname);
	if (fields.ownerType !== undefined) body.ownerType = fields.ownerType;
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add the nickname or the owner type');
	return await billApiRequest.call(this, { method: 'PATCH', path, body, itemIndex });
}
