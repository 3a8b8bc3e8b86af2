// @ts-check
/**
 * Example 06 (the AI agent with BILL tools) without a model service, for `npm run demo` and the
 * end-to-end tests (test/e2e/agents.mjs): the example's OpenAI Chat Model gets an OpenAI credential
 * whose Base URL is a scripted OpenAI-compatible stub (stub-openai.mjs), and the script does what a
 * model does with the example's question: it asks the Vendors tool for the vendor named in the
 * question, the Unpaid bills tool for that vendor's ID, and answers with the total of what came
 * back. With a real model the example is unchanged: its OpenAI Chat Model takes your credential.
 */
import { cents, check } from './testkit.mjs';
import { lastUserMessage } from './stub-openai.mjs';

/** The OpenAI credential the demo and the tests give the example's OpenAI Chat Model. */
export const STUB_CREDENTIAL = { id: 'openAiStubCred', name: 'OpenAI (scripted stub)' };

/**
 * @param {number | string} n
 */
export const money = (n) => `$${Number(n).toFixed(2)}`;
export { cents };

/**
 * The credential (plain data, for `n8n import:credentials`) pointing at the stub's base URL.
 * @param {string} baseUrl
 */
export function stubCredential(baseUrl) {
	return {
		...STUB_CREDENTIAL,
		type: 'openAiApi',
		data: { apiKey: 'sk-stub-not-a-key', url: baseUrl, header: false },
	};
}

/**
 * Example 06's workflow (JSON) with the stub's credential on its OpenAI Chat Model.
 * @param {any} workflow
 */
export function withStubModel(workflow) {
	const copy = structuredClone(workflow);
	copy.nodes.find((n) => n.name === 'OpenAI Chat Model').credentials = {
		openAiApi: STUB_CREDENTIAL,
	};
	return copy;
}

/**
 * Every object with an `id` found in a tool result (n8n gives the items as JSON, maybe wrapped).
 * @param {any} value
 * @param {any[]} [out]
 * @returns {any[]}
 */
export function objectsIn(value, out = []) {
	if (typeof value === 'string') {
		try {
			return objectsIn(JSON.parse(value), out);
		} catch {
			return out;
		}
	}
	if (Array.isArray(value)) value.forEach((v) => objectsIn(v, out));
	else if (value && typeof value === 'object') {
		if (typeof value.id === 'string') out.push(value);
		else Object.values(value).forEach((v) => objectsIn(v, out));
	}
	return out;
}

/**
 * The unpaid bills of a vendor in the emulator (as the tool filters them), and their total due.
 * @param {import('./stack.mjs').Emulator} emulator
 * @param {string} vendorId
 * @param {string} [dueDateTo]
 */
export async function owedInEmulator(emulator, vendorId, dueDateTo) {
	const bills = (await emulator.control('GET', '/state/bills')).filter(
		(b) =>
			b.vendorId === vendorId &&
			!b.archived &&
			['UNPAID', 'PARTIAL'].includes(b.paymentStatus) &&
			(!dueDateTo || b.dueDate <= dueDateTo),
	);
	const total = cents(bills.reduce((sum, b) => sum + Number(b.dueAmount ?? b.amount), 0));
	return { bills, total };
}

/**
 * The scripted model, three completions: Vendors with the first two words of the vendor named in
 * the question, Unpaid bills with the ID of the vendor it found, then the answer with the total.
 * Each step checks the request n8n sent (tools offered, tool results) and throws when it is
 * wrong (the stub then answers 400 and keeps the message). What it saw goes to `seen`.
 * @param {Record<string, any>} seen
 */
export function billsAssistantScript(seen) {
	const toolNames = (body) => (body.tools ?? []).map((t) => t.function?.name);
	return [
		(body) => {
			const names = toolNames(body);
			seen.tools = body.tools;
			check(
				names.includes('Vendors') && names.includes('Unpaid_bills'),
				`the agent offered the tools ${JSON.stringify(names)}`,
			);
			const asked = /owe (.+?)[,?]/.exec(lastUserMessage(body))?.[1];
			if (!asked) throw new Error(`no vendor in the question "${lastUserMessage(body)}"`);
			seen.nameStartsWith = asked.split(' ').slice(0, 2).join(' ');
			return {
				toolCalls: [{ name: 'Vendors', arguments: { nameStartsWith: seen.nameStartsWith } }],
			};
		},
		(body, { tools }) => {
			const result = tools.findLast((t) => t.name === 'Vendors');
			check(result, 'no result of the Vendors tool in the second request');
			const vendor = objectsIn(result.content).find((v) => v.name?.startsWith(seen.nameStartsWith));
			check(vendor, `the Vendors tool gave no matching vendor: ${result.content.slice(0, 300)}`);
			seen.vendorId = vendor.id;
			return {
				toolCalls: [{ name: 'Unpaid_bills', arguments: { vendorId: vendor.id, dueDateTo: '' } }],
			};
		},
		(body, { tools }) => {
			const result = tools.findLast((t) => t.name === 'Unpaid_bills');
			check(result, 'no result of the Unpaid bills tool in the third request');
			const bills = objectsIn(result.content).filter((b) => b.dueDate);
			seen.bills = bills;
			const total = cents(bills.reduce((sum, b) => sum + Number(b.dueAmount ?? b.amount), 0));
			const oldest = bills.map((b) => b.dueDate).sort()[0];
			seen.total = total;
			return {
				content: bills.length
					? `We owe ${bills[0].vendorName ?? 'them'} ${money(total)} over ${bills.length} unpaid bill${bills.length === 1 ? '' : 's'}; the oldest is due on ${oldest}.`
					: `We owe ${seen.nameStartsWith} nothing: ${money(0)}, no unpaid bill.`,
			};
		},
	];
}

/**
 * The tool calls of an agent run, from n8n's run data, in the order n8n ran them:
 * [{ tool (node name), input (the arguments n8n ran it with, keys sorted), items (the BILL
 * objects it returned) }].
 * @param {any} run n8n's run data
 * @param {string[]} toolNodes
 */
export function toolCalls(run, toolNodes) {
	const runData = run?.data?.resultData?.runData ?? {};
	return toolNodes
		.flatMap((tool) =>
			(runData[tool] ?? []).map((r) => ({
				tool,
				startTime: r.startTime,
				input: Object.fromEntries(
					Object.entries(r.inputOverride?.ai_tool?.[0]?.[0]?.json ?? {}).sort(([a], [b]) =>
						a.localeCompare(b),
					),
				),
				// n8n keeps a tool's answer wrapped ({ response: [...] }): the BILL objects in it.
				items: objectsIn((r.data?.ai_tool?.[0] ?? []).map((item) => item.json)),
			})),
		)
		.sort((a, b) => a.startTime - b.startTime)
		.map(({ startTime: _startTime, ...call }) => call);
}
