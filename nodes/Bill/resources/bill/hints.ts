// What the user is told to check when BILL's answer to a create is uncertain.

import type { IDataObject } from 'n8n-workflow';

/** How a user checks whether bills of an uncertain create exist. */
export function createHint(bills: IDataObject[]): string {
	const numbers = bills.map((b) => `"${String((b.invoice as IDataObject).invoiceNumber)}"`);
	const shown =
		numbers.length > 5
			? `${numbers.slice(0, 5).join(', ')} and ${numbers.length - 5} more`
			: numbers.join(', ');
	const vendors = [...new Set(bills.map((b) => String(b.vendorId)))];
	return `Check in BILL whether ${vendors.length === 1 ? `vendor ${vendors[0]}` : 'the vendors'} already ${
		bills.length === 1 ? 'has a bill with invoice number' : 'have bills with invoice numbers'
	} ${shown} (Bill → Get Many, filter by vendor), or run it again with "Skip Existing Invoice Numbers" on, which creates only what is missing.`;
}
