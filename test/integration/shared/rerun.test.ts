/**
 * A lost answer on a create, then a re-run (issue 29), for every create of both nodes walked from
 * their registries (test/harness/creates.ts): the emulator applies the create and cuts the
 * connection; the item says `outcomeUnknown` and, in its message, that the request may have
 * reached BILL, was not sent again, and how to check; running the same workflow again (a node
 * added now, typeVersion 1.2) finds the object, `alreadyExisted: true`, and BILL has one.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { billCredentials, billNode, runBill } from '../../harness/bill';
import { runNode } from '../../harness/context';
import { CREATES, allCreates } from '../../harness/creates';
import { runSpend, spendCredentials } from '../../harness/spend';
import { RERUN_CASES } from './rerunCases';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());

/** The creates that offer the guarantee: each must have a case here. */
const guaranteed = allCreates().filter((entry) => !('none' in CREATES[entry.id]));

/** Requests BILL applied on the create's route (answered or cut after). */
const applied = (route: string) =>
	emulator
		.requests({ method: 'POST' })
		.filter((entry) => entry.route.replace(' (connection reset after)', '') === route)
		.filter((entry) => entry.status < 300).length;

describe('every re-run-safe create: a lost answer, then a re-run that finds the object', () => {
	it('each create offering the guarantee has a case', () => {
		expect(guaranteed.length).toBeGreaterThan(20);
		expect(guaranteed.map((e) => e.id).filter((id) => !RERUN_CASES[id])).toEqual([]);
	});

	it.each(guaranteed.filter((e) => RERUN_CASES[e.id]).map((e) => [e.id, e] as const))(
		'%s',
		async (id, entry) => {
			emulator.reset();
			resetSpendPacing();
			const rerunCase = RERUN_CASES[id];
			const spend = entry.node === 'billSpend';
			const credentials =
				rerunCase.credentials?.(emulator) ??
				(spend ? spendCredentials(emulator) : billCredentials(emulator));
			const prepared = (await rerunCase.prepare?.(emulator, credentials)) ?? {};
			const parameters = rerunCase.parameters(prepared);
			const options = { typeVersion: 1.2, continueOnFail: true };
			const run = async () =>
				rerunCase.binary
					? await runNode({
							node: billNode,
							parameters: parameters as INodeParameters,
							credentials,
							binary: [rerunCase.binary],
							...options,
						})
					: spend
						? await runSpend(credentials, parameters, options)
						: await runBill(credentials, parameters as INodeParameters, options);
			const { path, logged = path } = rerunCase.route;
			const before = applied(logged);

			emulator.addFault({ kind: 'resetAfter', method: 'POST', path });
			const lost = await run();
			emulator.faults.clear();
			expect(lost.error).toBeUndefined();
			const [item] = lost.output.map((o) => o.json);
			expect([id, item.outcomeUnknown]).toEqual([id, true]);
			const message = String(item.error);
			expect(message).toMatch(/may have reached BILL/);
			expect(message).toMatch(/not sent again/);
			expect(message).toMatch(
				/before (running|recording|paying|uploading)|Skip Existing|again with|again is safe/i,
			);
			expect(applied(logged) - before).toBe(1);

			const again = await run();
			expect(again.error).toBeUndefined();
			const [found] = again.output.map((o) => o.json as IDataObject);
			const isFound = rerunCase.found ?? ((json: IDataObject) => json.alreadyExisted === true);
			expect([id, found.error, isFound(found)]).toEqual([id, undefined, true]);
			// BILL has one: nothing was created by the re-run.
			expect(applied(logged) - before).toBe(1);
		},
	);
});
