// What goes to BILL: the limits and id shapes a document request is checked against before
// anything is sent.

/** BILL's limit for one document (Postman "Upload bill document"). */
export const MAX_DOCUMENT_BYTES = 6 * 1024 * 1024;

/**
 * A finished document's id starts with 00h; while BILL still processes an upload it has an upload
 * id starting with 0du (Postman "Upload bill document"; https://developer.bill.com/docs/bill-generated-ids).
 */
export const DOCUMENT_ID_PREFIX = '00h';
export const UPLOAD_ID_PREFIX = '0du';
