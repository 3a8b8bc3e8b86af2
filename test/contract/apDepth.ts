/**
 * What the contract test needs for BILL's AP-depth requests (Postman folders "classifications",
 * "vendor credits", the vendor bank account): how to make their variables, and the collection's example bodies made
 * sendable. Some are not valid JSON ("Create a department", "Update a department": a trailing
 * comma; "Create a location": `""description"`), and the bulk updates carry the generated
 * placeholder "string" for the IDs they name.
 */

/** Each classification type's variable, its path, and a body that creates one. */
export const CLASSIFICATION_VARIABLES: Record<string, { path: string; body: object }> = {
	chart_of_accounts_id: {
		path: 'chart-of-accounts',
		body: { name: 'Contract Expenses', account: { type: 'EXPENSE', number: '6100' } },
	},
	accounting_class_id: { path: 'accounting-classes', body: { name: 'Contract Class' } },
	department_id: { path: 'departments', body: { name: 'Contract Department' } },
	employee_id: { path: 'employees', body: { firstName: 'Ada', lastName: 'Contract' } },
	item_id: { path: 'items', body: { name: 'Contract Item', type: 'SALES_TAX', percentage: 3 } },
	job_id: { path: 'jobs', body: { name: 'Contract Job' } },
	location_id: { path: 'locations', body: { name: 'Contract Location' } },
};

/** A vendor credit with two lines (the Postman folder names `vendor_credit_line_item_id01/02`). */
export const vendorCreditBody = (vendorId: string) => ({
	vendorId,
	referenceNumber: 'CONTRACT-1',
	creditDate: '2026-12-01',
	vendorCreditLineItems: [
		{ amount: 10, description: 'one' },
		{ amount: 20, description: 'two' },
	],
});

/** A vendor's bank account, for the requests that get or delete one. */
export const vendorBankAccount = {
	nameOnAccount: 'Contract Vendor',
	accountNumber: '111222333',
	routingNumber: '074000010',
	type: 'CHECKING',
	ownerType: 'BUSINESS',
};

type Json = Record<string, unknown>;
const isPlaceholder = (value: unknown) => value === 'string' || value === 'stri';

/** Drops fields holding the placeholder "string" (IDs BILL's example does not name). */
function dropPlaceholders(object: Json, keys: string[]): void {
	for (const key of keys) if (isPlaceholder(object[key])) delete object[key];
}

function classificationBody(path: string, body: string): string {
	const variable = Object.entries(CLASSIFICATION_VARIABLES).find(([, v]) =>
		path.startsWith(`/v3/classifications/${v.path}`),
	)?.[0];
	const parsed = JSON.parse(body.replace(/,(\s*[}\]])/g, '$1').replace(/""(\w)/g, '"$1')) as
		| Json
		| Json[];
	for (const entry of Array.isArray(parsed) ? parsed : [parsed]) {
		if (isPlaceholder(entry.id)) entry.id = `{{${variable}}}`;
		dropPlaceholders(entry, ['parentId', 'chartOfAccountId', 'expenseChartOfAccountId']);
	}
	return JSON.stringify(parsed);
}

function vendorCreditBulkBody(body: string): string {
	const list = JSON.parse(body) as Json[];
	for (const entry of list) {
		if (isPlaceholder(entry.id)) entry.id = '{{vendor_credit_id}}';
		if (isPlaceholder(entry.vendorId)) entry.vendorId = '{{vendor_id}}';
		dropPlaceholders(entry, ['applyToChartOfAccountId', 'applyToBankAccountId']);
		const lines = (entry.vendorCreditLineItems as Json[] | undefined) ?? [];
		lines.forEach((line, n) => {
			if (isPlaceholder(line.id)) line.id = `{{vendor_credit_line_item_id0${n + 1}}}`;
			const classifications = line.classifications as Json | undefined;
			if (classifications && Object.values(classifications).every(isPlaceholder))
				delete line.classifications;
		});
	}
	return JSON.stringify(list);
}

/** The collection's body for a request, made valid JSON with real IDs (others unchanged). */
export function sendableBody(path: string, body: string): string {
	if (path.startsWith('/v3/classifications/')) return classificationBody(path, body);
	if (path === '/v3/vendor-credits/bulk' && /"id": "string"/.test(body))
		return vendorCreditBulkBody(body);
	return body;
}
