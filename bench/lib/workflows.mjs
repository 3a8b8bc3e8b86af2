// @ts-check
/**
 * The benchmark's workflows, one per job and variant, each started by a production Webhook
 * (responds when its last node finished):
 *   ours      our node (n8n-nodes-billcom.bill) with the BILL credential;
 *   oursJson  (job 1 only) our node with "Bills Input: JSON", one expression per item instead of
 *             one per field (n8n evaluates every expression on its own, ~0.5 ms each here);
 *   oursItems (job 1 only) a Code node maps all rows to BILL's bill format at once, then our node
 *             with "Bills Input: Input Items as They Are": no expression per item at all;
 *   theirs    what a careful user builds from BILL's docs with n8n's HTTP Request node: a login
 *             request, then the calls with the sessionId and devKey headers, Batching set to
 *             BILL's 3 concurrent requests, n8n's pagination option following `nextPage`;
 *   theirsBulk (job 1 only) the same user who also found BILL's bulk create: Loop Over Items
 *             in groups of 100, Aggregate, one POST /v3/bills/bulk per group;
 *   theirsLoginEach (job 5 only) HTTP Request with a login before every call, as BILL allows
 *             (each item logs in, then creates its invoice with that session);
 *   n8nOnly   (job 4 only) the webhook and a No Operation node: what an execution costs in n8n
 *             before any BILL call, the part of job 4 no node can make faster.
 * Jobs 5 (invoices) and 6 (vendors) use the same variants: BILL has no bulk invoice create, so
 * ours is Invoice → Create per item (one session for all); vendors have BILL's bulk create (20 a
 * request), so ours is Vendor → Create Many and theirsBulk groups of 20.
 * Input comes in the webhook's body, the same for every variant.
 */
import { chain, startWorkflow } from './workflow-nodes.mjs';
import { createBillWorkflows, listAndUpdateWorkflows, readWorkflows } from './workflows-bills.mjs';
import { perItemWorkflows } from './workflows-per-item.mjs';

/** @type {Record<string, string>} */
export const VARIANTS = {
	ours: 'our node',
	theirs: 'HTTP Request',
	theirsBulk: 'HTTP Request + bulk',
	oursJson: 'our node, JSON input',
	oursItems: 'our node, input items as they are',
	theirsLoginEach: 'HTTP Request, a login per call',
	n8nOnly: 'n8n alone (no BILL call)',
};

/**
 * Workflows for `{ baseUrl, fixtures }` and the theirs batching interval. Returns
 * [{ job, variant, id, name, path, json }].
 * @param {import('./workflows-bills.mjs').Setup} setup
 */
export function benchWorkflows(setup) {
	/** @type {{ job: string, variant: string, id: string, path: string, name: string, json: any }[]} */
	const list = [];
	/** @type {import('./workflows-bills.mjs').Add} */
	const add = (job, variant, build) => {
		const path = `bench-${job}-${variant}`.toLowerCase();
		const id = `benchWorkflow${String(list.length + 1).padStart(3, '0')}`;
		startWorkflow();
		const json = chain(id, `Bench ${job}: ${VARIANTS[variant]}`, build(path));
		const workflow = { job, variant, id, path, name: json.name, json };
		list.push(workflow);
		return workflow;
	};
	createBillWorkflows(add, setup);
	listAndUpdateWorkflows(add, setup);
	perItemWorkflows(add, setup);
	readWorkflows(add, setup);
	return list;
}
