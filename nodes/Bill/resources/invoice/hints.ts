// What users are told when BILL refuses an invoice call, or its answer is uncertain.

/**
 * BILL's payment links are "valid only for customers not connected to you in the BILL network"
 * (https://developer.bill.com/reference/getpaymentlink); BILL documents no code for the refusal,
 * so the hint goes with any 4xx of that call.
 */
export const PAYMENT_LINK_HINT =
	'BILL gives payment links only for customers who are not connected to you in the BILL network. A connected customer sees and pays the invoice in their own BILL account: send it with Invoice → Send by Email instead.';

export const RECORD_PAYMENT_HINT = (invoiceIds: string[]) =>
	`Check the due amount of invoice${invoiceIds.length > 1 ? 's' : ''} ${invoiceIds.join(', ')} in BILL (Invoice → Get) before recording it again: a repeat would record the payment twice. With "Skip Paid Invoices" on, a re-run records nothing for invoices already paid in full.`;
