/** BILL's bill approvals (Postman folder "bill-approvals"). */
export const PENDING_APPROVALS_PATH = '/v3/bill-approvals/pending-user-approvals';
export const APPROVAL_ACTIONS_PATH = '/v3/bill-approvals/actions';
export const APPROVAL_POLICIES_PATH = '/v3/bill-approvals/policies';
/**
 * Where BILL's guide creates a policy (https://developer.bill.com/docs/ap-bill-approvals and
 * https://developer.bill.com/changelog/2025-11-05-new-endpoints-bill-approvals); Postman's "Create a
 * bill approval policy" posts to APPROVAL_POLICIES_PATH. A guess which one BILL serves: docs/GUESSES.md.
 */
export const APPROVAL_POLICY_CREATE_PATH_GUIDE = '/v3/bill-approvals';
