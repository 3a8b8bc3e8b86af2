import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest, withHint } from '../../../shared/transport';
import { chartOfAccountId, defaultFlags, getBankAccountId } from './body';
import {
	accessToAdminsField,
	bankAccountLocator,
	chartOfAccountField,
	ownerTypeOptions,
} from './descriptions';
import { simplifyBankAccount, simplifyBankAccountField } from './output';
import { BANKS_PATH } from './paths';
import { wantsSimplified } from '../../helpers/simplify';

const NOT_VERIFIED_HINT =
	'If the account is not verified yet: BILL changes a bank account only once it is verified; run Bank Account → Verify with the micro-deposit amount first (0.50 in the sandbox).';

const properties: INodeProperties[] = [
	bankAccountLocator('The bank account to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				accessToAdminsField,
				{ displayName: 'Bank Nickname', name: 'bankName', type: 'string', default: '' },
				chartOfAccountField,
				{
					displayName: 'Default for Payables',
					name: 'defaultForPayables',
					type: 'boolean',
					default: true,
					description: 'Whether BILL pays bills from this account unless told otherwise',
				},
				{
					displayName: 'Default for Receivables',
					name: 'defaultForReceivables',
					type: 'boolean',
					default: true,
					description:
						'Whether BILL deposits customer payments into this account unless told otherwise',
				},
				{ displayName: 'Name on Account', name: 'nameOnAccount', type: 'string', default: '' },
				{
					displayName: 'Owner Type',
					name: 'ownerType',
					type: 'options',
					options: ownerTypeOptions,
					default: 'BUSINESS',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName:
			'BILL updates a bank account only once it is verified. Routing number, account number and account type cannot change: create a new bank account instead.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	...simplifyBankAccountField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/funding-accounts/banks/{id}` with only what changes (Postman "Update a bank account"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bankAccountId = getBankAccountId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const [key, parameter] of [
		['nameOnAccount', 'Name on Account'],
		['bankName', 'Bank Nickname'],
	] as const) {
		if (fields[key] === undefined) continue;
		const text = String(fields[key]).trim();
		if (!text) throw invalid(this, itemIndex, `Update Fields → ${parameter}`, 'must not be empty');
		body[key] = text;
	}
	if (fields.ownerType) body.ownerType = fields.ownerType;
	if (typeof fields.accessToAdmins === 'boolean') body.accessToAdmins = fields.accessToAdmins;
	const flags = defaultFlags(fields);
	if (flags) body.default = flags;
	const coa = chartOfAccountId(
		this,
		itemIndex,
		'Update Fields → Chart of Account',
		fields.chartOfAccountId,
	);
	if (coa) body.chartOfAccountId = coa;
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	const simplify = wantsSimplified(this, itemIndex);
	try {
		const account = await billApiRequest.call(this, {
			method: 'PATCH',
			path: `${BANKS_PATH}/${bankAccountId}`,
			body,
			itemIndex,
		});
		return simplify ? simplifyBankAccount(account) : account;
	} catch (error) {
		throw withHint(
			error,
			NOT_VERIFIED_HINT,
			(status) => status === 400 || status === 409 || status === 422,
		);
	}
}
