// What comes back: the small form of a bank account (Create and Update with "Simplify" on).

import type { IDataObject } from 'n8n-workflow';

import { simplifyOutputField } from '../../helpers/simplify';

export const simplifyBankAccountField = simplifyOutputField(
	'ID, bank nickname, name on account, last 4 digits of the account number, type, owner type, status, default for payables and receivables, access to admins, archived',
);

/** A bank account as one flat object (fields of BILL's bank account, Postman "Get bank account details"). */
export function simplifyBankAccount(account: IDataObject): IDataObject {
	const flags = (account.default as IDataObject | undefined) ?? {};
	const simple: IDataObject = {
		id: account.id,
		bankName: account.bankName,
		nameOnAccount: account.nameOnAccount,
		accountNumberLast4: String(account.accountNumber ?? '').slice(-4) || undefined,
		type: account.type,
		ownerType: account.ownerType,
		status: account.status,
		defaultForPayables: flags.payables === true,
		defaultForReceivables: flags.receivables === true,
		accessToAdmins: account.accessToAdmins,
		archived: account.archived,
	};
	if (account.alreadyExisted !== undefined) simple.alreadyExisted = account.alreadyExisted;
	return simple;
}
