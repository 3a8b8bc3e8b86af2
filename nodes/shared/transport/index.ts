export {
	billApiRequest,
	billApiRequestAllItems,
	baseUrlsOf,
	credentialTypeOf,
	BILL_MAX_CONCURRENT_REQUESTS,
} from './request';
export type { BillFunctions, BillRequest, PageOptions } from './request';
export { closeRequests, mapWithConcurrency } from './concurrency';
export {
	asNodeError,
	billApiError,
	errorJson,
	problemFromResponse,
	hintFor,
	withHint,
} from './errors';
