/**
 * Parameters of the BILL node that were text fields (an ID typed in) and became resource locators
 * (picked from a searchable list). A workflow saved before holds a plain string there: n8n hands
 * it to the node as it is (n8n-core's extractValue returns a value that is not a locator
 * unchanged; n8n-workflow's isValidResourceLocatorParameterValue accepts a non-empty string), and
 * the node reads both shapes (helpers/validation.ts checkId, helpers/getMany.ts notGiven).
 *
 * Each entry names the test that runs a saved plain string through the parameter (file, then
 * the test's title); test/unit/compatibility.test.ts accepts the fixture's type change
 * (string → resourceLocator) only for these paths, and only where that test exists.
 */
export const TEXT_TO_LOCATOR: Array<{ path: RegExp; proof: [file: string, title: string] }> = [
	{
		path: /^bill\.\w+\.(\w+\.)*classifications\.\w+Id$/,
		proof: ['test/integration/Bill/bill/classifications.test.ts', 'takes plain ID strings'],
	},
	{
		path: /^bankAccount\.(create|update)\.(additionalFields|updateFields)\.chartOfAccountId$/,
		proof: ['test/integration/Bill/savedIds/payables.test.ts', 'bank account: chart of account'],
	},
	{
		path: /^bankAccount\.nominateUser\.userId$/,
		proof: ['test/integration/Bill/savedIds/payables.test.ts', 'bank account: user to nominate'],
	},
	{
		path: /^bankAccount\.removeUser\.bankAccountUserId$/,
		proof: [
			'test/integration/Bill/savedIds/payables.test.ts',
			'bank account: bank account user to remove',
		],
	},
	{
		path: /^bill\.\w+\.(additionalFields|updateFields)\.payFromChartOfAccountId$/,
		proof: [
			'test/integration/Bill/savedIds/payables.test.ts',
			'bill: pay-from chart of account and vendor credits',
		],
	},
	{
		path: /^bill\.\w+\.(additionalFields|updateFields)\.vendorCredits\.credit\.id$/,
		proof: [
			'test/integration/Bill/savedIds/payables.test.ts',
			'bill: pay-from chart of account and vendor credits',
		],
	},
	{
		path: /^bill\.recordPayment\.payments\.payment\.billId$/,
		proof: ['test/integration/Bill/savedIds/payables.test.ts', 'bill: bills of a recorded payment'],
	},
	{
		path: /^creditMemo\.\w+\.(additionalFields|updateFields)\.(payToBankAccountId|payToChartOfAccountId|salesTaxItemId)$/,
		proof: [
			'test/integration/Bill/savedIds/receivables.test.ts',
			'credit memo: refund bank account, chart of account and sales tax item',
		],
	},
	{
		path: /^invoice\.\w+\.(additionalFields|updateFields)\.(payToChartOfAccountId|salesTaxItemId)$/,
		proof: [
			'test/integration/Bill/savedIds/receivables.test.ts',
			'invoice: chart of account, sales tax item, reply-to user and invoices of a recorded payment',
		],
	},
	{
		path: /^invoice\.(sendEmail\.replyToUserId|recordPayment\.invoices\.invoice\.invoiceId)$/,
		proof: [
			'test/integration/Bill/savedIds/receivables.test.ts',
			'invoice: chart of account, sales tax item, reply-to user and invoices of a recorded payment',
		],
	},
	{
		path: /^classification\.\w+\.(additionalFields|updateFields)\.(parentId|chartOfAccountId|expenseChartOfAccountId)$/,
		proof: [
			'test/integration/Bill/savedIds/classificationPayment.test.ts',
			'classification: parent and the charts of account of an item',
		],
	},
	{
		path: /^payment\.(get|cancel|void)\.paymentId$/,
		proof: [
			'test/integration/Bill/savedIds/classificationPayment.test.ts',
			'payment: the payment of Get and Cancel, and the bills of Create Bulk',
		],
	},
	{
		path: /^payment\.createBulk\.payments\.payment\.billId$/,
		proof: [
			'test/integration/Bill/savedIds/classificationPayment.test.ts',
			'payment: the payment of Get and Cancel, and the bills of Create Bulk',
		],
	},
	{
		path: /^document\.get\.documentId$/,
		proof: ['test/integration/Bill/document.test.ts', 'document: the document of Get'],
	},
	{
		path: /^network\.accept\.recordId$/,
		proof: ['test/integration/Bill/network.test.ts', 'network: the existing record of Accept'],
	},
	{
		path: /^payment\.(create|createBulk)\.cardAccountId$/,
		proof: ['test/integration/Bill/payment/extras.test.ts', 'a verified card account pays'],
	},
];
