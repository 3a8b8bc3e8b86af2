/**
 * Set-up for the tests of text fields that became resource locators (test/harness/textToLocator.ts):
 * what the editor saves for a pick, and the objects (vendors, bills, customers, bank accounts,
 * classifications) the saved IDs point at, made through the node.
 */
import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, billNode, byId, runBillOk } from '../../../harness/bill';
import { loadOptionsContext } from '../../../harness/context';

export let emulator: Emulator;

export const credentials = () => billCredentials(emulator);

/** What the editor saves for a pick from the list. */
export const picked = (value: string, name = 'picked'): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName: name,
});

/** The two shapes a converted parameter holds: a saved plain string, and a locator. */
export const shapes = (id: string): Array<[string, string | INodeParameterResourceLocator]> => [
	['saved plain string', id],
	['picked from the list', picked(id)],
];

export const lists = () =>
	loadOptionsContext({
		node: billNode,
		parameters: { resource: 'bill', operation: 'create' },
		credentials: credentials(),
	});

export async function classification(type: string, fields: IDataObject): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'classification',
		operation: 'create',
		classificationType: type,
		...fields,
	});
	return made.id as string;
}

export let accountCounter = 4000;
export async function bankAccount(additionalFields: INodeParameters = {}): Promise<string> {
	const [account] = await runBillOk(credentials(), {
		resource: 'bankAccount',
		operation: 'create',
		nameOnAccount: 'Emulator Music Co',
		routingNumber: '074000010',
		accountNumber: `98765432${++accountCounter}`,
		bankAccountType: 'CHECKING',
		ownerType: 'BUSINESS',
		bankName: 'Chase operating',
		accessToAdmins: true,
		additionalFields,
	});
	return account.id as string;
}

export async function verify(id: string): Promise<void> {
	await runBillOk(credentials(), {
		resource: 'bankAccount',
		operation: 'verify',
		bankAccountId: byId(id),
		depositAmount: 0.5,
	});
}

export async function verified(): Promise<string> {
	const id = await bankAccount();
	await verify(id);
	return id;
}

export async function vendor(): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'vendor',
		operation: 'create',
		name: `Landlord ${Math.random().toString(36).slice(2, 8)}`,
		accountType: 'BUSINESS',
		email: 'rent@landlord.example',
		phone: '1',
	});
	return made.id as string;
}

export function bill(
	vendorId: string,
	invoiceNumber: string,
	additionalFields: INodeParameters = {},
) {
	return {
		resource: 'bill',
		operation: 'create',
		vendorId: byId(vendorId),
		invoiceNumber,
		invoiceDate: '2026-12-01',
		dueDate: '2026-12-05',
		lineItemsInput: 'fields',
		lineItems: { lineItem: [{ pricedBy: 'amount', amount: 100, description: 'Rent' }] },
		additionalFields,
	} as INodeParameters;
}

export async function customer(): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'customer',
		operation: 'create',
		name: `Paperless ${Math.random().toString(36).slice(2, 8)}`,
		email: 'ap@paperless.example',
	});
	return made.id as string;
}

/** One emulator for the file, reset before each test. */
export function useSavedIdsEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(async () => emulator.stop());
	beforeEach(() => emulator.reset());
}
