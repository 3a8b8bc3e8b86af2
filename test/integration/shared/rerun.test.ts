/**
 * A lost answer on a create, then a re-run (issue 29), for every create of both nodes walked from
 * their registries (test/harness/creates.ts): the emulator applies the create and cuts the
 * connection; the item says `outcomeUnknown` and, in its message, that the request may have
 * reached BILL, was not sent again, and how to check; running the same workflow again (a node
 * added now, typeVersion 1.2) finds the object, `alreadyExisted: true`, and BILL has one. The
 * creates listed without the guarantee (with their reason) get the same lost answer: it is said,
 * and nothing is sent twice (or, where BILL takes a repeat as the same request, it went through).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { billCredentials, billNode, runBill } from '../../harness/bill';
import { runNode, type RunResult } from '../../harness/context';
import { CREATES, allCreates, type OperationEntry } from '../../harness/creates';
import { runSpend, spendCredentials, spendNode } from '../../harness/spend';
import { RERUN_CASES, type RerunCase } from './rerunCases';
import { EXEMPT_CASES } from './rerunExemptCases';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());

/** The creates that offer the guarantee, and those listed with their reason: each has a case. */
const guaranteed = allCreates().filter((entry) => !('none' in CREATES[entry.id]));
const exempt = allCreates().filter((entry) => 'none' in CREATES[entry.id]);

/** Requests BILL applied on the create's route (answered or cut after). */
const applied = (route: string) =>
	emulator
		.requests({ method: 'POST' })
		.filter((entry) => entry.route.replace(' (connection reset after)', '') === route)
		.filter((entry) => entry.status < 300).length;

/** Runs the create of `entry` as `rerunCase` says, at typeVersion 1.2, with Continue On Fail. */
async function caseRunner(entry: OperationEntry, rerunCase: RerunCase) {
	emulator.reset();
	resetSpendPacing();
	const spend = entry.node === 'billSpend';
	const credentials =
		rerunCase.credentials?.(emulator) ??
		(spend ? spendCredentials(emulator) : billCredentials(emulator));
	const prepared = (await rerunCase.prepare?.(emulator, credentials)) ?? {};
	const parameters = rerunCase.parameters(prepared) as INodeParameters;
	const options = { typeVersion: 1.2, continueOnFail: true };
	const run = async () =>
		rerunCase.binary
			? await runNode({
					node: spend ? spendNode : billNode,
					parameters,
					credentials,
					binary: [rerunCase.binary],
					...options,
				})
			: spend
				? await runSpend(credentials, parameters, options)
				: await runBill(credentials, parameters, options);
	const { path, logged = path } = rerunCase.route;
	const before = applied(logged);
	return { run, path, made: () => applied(logged) - before };
}

/** Runs it with the answer lost: one item, with the error. */
async function lostAnswer(id: string, path: string, run: () => Promise<RunResult>) {
	emulator.addFault({ kind: 'resetAfter', method: 'POST', path });
	const lost = await run().finally(() => emulator.faults.clear());
	expect([id, lost.error]).toEqual([id, undefined]);
	return lost.output.map((o) => o.json)[0];
}

function saysLost(id: string, item: IDataObject) {
	expect([id, item.outcomeUnknown]).toEqual([id, true]);
	const message = String(item.error);
	expect(message).toMatch(/may have reached BILL/);
	expect(message).toMatch(/not sent again/);
	// Then how to check, in the message itself (the operation's own hint, or BILL's default).
	expect(message).toMatch(/whether BILL applied it is unknown\. \S.{20,}/);
}

describe('every re-run-safe create: a lost answer, then a re-run that finds the object', () => {
	it('each create offering the guarantee has a case', () => {
		expect(guaranteed.length).toBeGreaterThan(20);
		expect(guaranteed.map((e) => e.id).filter((id) => !RERUN_CASES[id])).toEqual([]);
	});

	it.each(guaranteed.filter((e) => RERUN_CASES[e.id]).map((e) => [e.id, e] as const))(
		'%s',
		async (id, entry) => {
			const rerunCase = RERUN_CASES[id];
			const { run, path, made } = await caseRunner(entry, rerunCase);
			saysLost(id, await lostAnswer(id, path, run));
			expect(made()).toBe(1);

			const again = await run();
			expect(again.error).toBeUndefined();
			const [found] = again.output.map((o) => o.json as IDataObject);
			const isFound = rerunCase.found ?? ((json: IDataObject) => json.alreadyExisted === true);
			expect([id, found.error, isFound(found)]).toEqual([id, undefined, true]);
			// BILL has one: nothing was created by the re-run.
			expect(made()).toBe(1);
		},
	);
});

describe('every create without the guarantee: a lost answer is said, and nothing is sent twice', () => {
	it('each of them has a case', () => {
		expect(exempt.map((e) => e.id).filter((id) => !EXEMPT_CASES[id])).toEqual([]);
	});

	it.each(exempt.filter((e) => EXEMPT_CASES[e.id]).map((e) => [e.id, e] as const))(
		'%s',
		async (id, entry) => {
			const exemptCase = EXEMPT_CASES[id];
			const { run, path, made } = await caseRunner(entry, exemptCase);
			const item = await lostAnswer(id, path, run);
			if (exemptCase.repeats) {
				// Sent again after the lost answer, as the operation says BILL takes it.
				expect([id, item.error]).toEqual([id, undefined]);
				return;
			}
			saysLost(id, item);
			expect([id, made()]).toEqual([id, 1]);
		},
	);
});
