// The one bulk engine of the BILL node: every Many operation (bills, vendors, classifications,
// vendor credits, credit memos) and Payment → Create Bulk send through it.
export * from './entries';
export { sendIds } from './ids';
export { bulkRefusals, refusalError, valueAt, type BulkRefusal } from './refusals';
export { listRequest, sendAll, sendPart, type BulkAdapter, type Failure } from './send';
