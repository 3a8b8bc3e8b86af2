/**
 * What the contract test needs for BILL's classification requests (Postman folder
 * "classifications"): how to make the `{{<type>_id}}` variables, and the collection's example
 * bodies made sendable. Some are not valid JSON ("Create a department", "Update a department":
 * a trailing comma; "Create a location": `""description"`), and the bulk updates carry the
 * generated placeholder "string" for `id` and for the IDs they point to.
 */

/** Each type's variable, its path, and a body that creates one. */
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

/** The collection's body for a classification request, made valid JSON with real IDs. */
export function sendableClassificationBody(path: string, body: string): string {
	const match = /^\/v3\/classifications\/([a-z-]+)/.exec(path);
	if (!match) return body;
	const variable = Object.entries(CLASSIFICATION_VARIABLES).find(
		([, v]) => v.path === match[1],
	)?.[0];
	return body
		.replace(/,(\s*[}\]])/g, '$1')
		.replace(/""(\w)/g, '"$1')
		.replace(/"id": "string"/g, `"id": "{{${variable}}}"`)
		.replace(/"parentId": "string",?/g, '')
		.replace(/"(expenseChartOfAccountId|chartOfAccountId)": "string",?/g, '')
		.replace(/,(\s*[}\]])/g, '$1');
}
