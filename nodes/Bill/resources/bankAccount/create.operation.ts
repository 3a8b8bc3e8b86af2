import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getString } from '../../helpers/validation';
import { billApiRequest, billApiRequestAllItems, withHint } from '../../../shared/transport';
import { accountNumbersBody, chartOfAccountId } from './body';
import { accessToAdminsField, accountNumberFields, chartOfAccountField } from './descriptions';
import { MFA_AND_ADMIN_HINT } from './hints';
import { simplifyBankAccount, simplifyBankAccountField } from './output';
import { wantsSimplified } from '../../helpers/simplify';
import { BANKS_PATH } from './paths';

const properties: INodeProperties[] = [
	{
		displayName:
			'BILL creates bank accounts only for a user with the ADMINISTRATOR role, in an MFA-trusted session: set the MFA ID and device name in the BILL credential. The new account is Pending until verified with the micro-deposit (Bank Account → Verify).',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
	...accountNumberFields,
	{
		displayName: 'Bank Nickname',
		name: 'bankName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Chase operating account',
		description: 'The name the account has in BILL (BILL\'s "bankName")',
	},
	accessToAdminsField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [chartOfAccountField],
	},
	...simplifyBankAccountField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['create'] } },
	properties,
);

/**
 * The active account with the same routing number, type and account number, if the organization
 * has one. BILL may show account numbers only by their last digits (BILL's documents do not say; v2 masked them),
 * so the last four are compared. This makes a re-run (after a failure whose outcome was unknown)
 * return the account instead of adding it twice.
 */
async function findSameAccount(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject | undefined> {
	const accounts = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: BANKS_PATH, qs: { filters: 'archived:eq:false' }, itemIndex },
		{ returnAll: true },
	);
	const last4 = String(body.accountNumber).slice(-4);
	return accounts.find(
		(a) =>
			!a.archived &&
			a.routingNumber === body.routingNumber &&
			a.type === body.type &&
			String(a.accountNumber ?? '').slice(-4) === last4,
	);
}

/**
 * `POST /v3/funding-accounts/banks` (Postman "Create a bank account"): 201 with the account, status PENDING.
 * An account the organization already has is returned with `alreadyExisted: true`, not added
 * again; the create itself is never repeated when its outcome is unknown.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		...accountNumbersBody(this, itemIndex),
		bankName: getString(this, itemIndex, 'bankName', 'Bank Nickname'),
		accessToAdmins: this.getNodeParameter('accessToAdmins', itemIndex, false) === true,
	};
	const coa = chartOfAccountId(this, itemIndex, 'Chart of Account', additional.chartOfAccountId);
	if (coa) body.chartOfAccountId = coa;
	const output = wantsSimplified(this, itemIndex)
		? simplifyBankAccount
		: (account: IDataObject) => account;
	const existing = await findSameAccount(this, itemIndex, body);
	if (existing) return output({ ...existing, alreadyExisted: true });
	try {
		const created = await billApiRequest.call(this, {
			method: 'POST',
			path: BANKS_PATH,
			body,
			itemIndex,
			uncertainHint: `Running it again is safe: the node first looks for an active account with this routing number and account number, and returns it instead of adding a second one.`,
		});
		return output({ ...created, alreadyExisted: false });
	} catch (error) {
		// BILL's MFA refusal (BDC_1361) has its own hint; any other 403 is most likely the role.
		throw withHint(error, MFA_AND_ADMIN_HINT, (status) => status === 401 || status === 403);
	}
}
