/** BILL's bill approvals (Postman folder "bill-approvals"). */
export const PENDING_APPROVALS_PATH = '/v3/bill-approvals/pending-user-approvals';
export const APPROVAL_ACTIONS_PATH = '/v3/bill-approvals/actions';
export const APPROVAL_POLICIES_PATH = '/v3/bill-approvals/policies';
