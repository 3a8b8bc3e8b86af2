/**
 * BILL Spend & Expense → Transaction → Respond to 3D Secure Challenge, against the emulator:
 * a challenge the emulator made (and announced with spend.three-ds-challenge.created) answered
 * once by an ADMIN's token, as BILL's "Accept or reject a transaction" takes it.
 */
import { BillSpendTrigger } from '../../../nodes/BillSpendTrigger/BillSpendTrigger.node';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { startEmulator, type Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { createThreeDsChallenge, threeDsChallenges } from '../../../emulator/routes/spendThreeDs';
import { expr, runSpend, runSpendOk, spendCredentials } from '../../harness/spend';
import { startTrigger } from '../../harness/trigger';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

const ROUTE = '/v3/spend/transactions/:acsTransactionId/3ds-challenge';
const respond = (transactionId: unknown, threeDsAction = 'ACCEPT') => ({
	resource: 'transaction',
	operation: 'respondToThreeDsChallenge',
	transactionId,
	threeDsAction,
});
const challengeOf = (uuid: unknown) => threeDsChallenges(emulator).get(String(uuid));

describe('BILL Spend & Expense: 3D Secure challenges', () => {
	it('accepts a challenge: BILL answers {id, status: ACCEPTED}; the transaction stays authorized', async () => {
		const t = createThreeDsChallenge(emulator, { amount: 42.5 });
		const [answer] = await runSpendOk(spendCredentials(emulator), respond(t.uuid));
		expect(answer).toEqual({ id: t.uuid, status: 'ACCEPTED' });
		expect(challengeOf(t.uuid)?.status).toBe('ACCEPTED');
		expect(spendData(emulator).transactions.get(String(t.uuid))).toMatchObject({
			transactionType: 'AUTHORIZATION',
			amount: 42.5,
		});
		expect(emulator.requests({ route: ROUTE })).toHaveLength(1);
	});

	it('rejects a challenge by the older id too: the transaction is declined', async () => {
		const t = createThreeDsChallenge(emulator);
		const [answer] = await runSpendOk(spendCredentials(emulator), respond(t.id, 'REJECT'));
		expect(answer).toEqual({ id: t.uuid, status: 'REJECTED' });
		expect(spendData(emulator).transactions.get(String(t.uuid))).toMatchObject({
			transactionType: 'DECLINE',
			status: 'DECLINED',
		});
	});

	it("gives BILL's error for a second answer and for a transaction without a challenge", async () => {
		const credentials = spendCredentials(emulator);
		const t = createThreeDsChallenge(emulator);
		await runSpendOk(credentials, respond(t.uuid));
		const again = await runSpend(credentials, respond(t.uuid, 'REJECT'));
		expect(again.error?.message).toBe(
			`BILL error BDC_1002: The 3D Secure challenge of transaction ${String(t.uuid)} was already answered: ACCEPTED`,
		);
		expect(again.error?.httpCode).toBe('400');
		expect(challengeOf(t.uuid)?.status).toBe('ACCEPTED');
		const plain = [...spendData(emulator).transactions.values()][0];
		const none = await runSpend(credentials, respond(plain.uuid));
		expect(none.error?.message).toBe(
			`BILL error BDC_1121: 3D Secure challenge not found: ${String(plain.uuid)}`,
		);
		expect(none.error?.httpCode).toBe('404');
	});

	it("gives BILL's 403 to a MEMBER's token, with a hint about ADMIN; the challenge stays open", async () => {
		const t = createThreeDsChallenge(emulator);
		const { error } = await runSpend(spendCredentials(emulator, { member: true }), respond(t.uuid));
		expect(error?.message).toBe(
			'BILL error BDC_1146: Only ADMIN users can accept or reject 3D Secure challenges.',
		);
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toMatch(/ADMIN/);
		expect(challengeOf(t.uuid)?.status).toBe('PENDING');
	});

	it('does not answer again when the answer was lost, and says how to check', async () => {
		const t = createThreeDsChallenge(emulator);
		emulator.addFault({
			method: 'POST',
			path: `/v3/spend/transactions/${String(t.uuid)}/3ds-challenge`,
			kind: 'resetAfter',
		});
		const { error } = await runSpend(spendCredentials(emulator), respond(t.uuid));
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(error?.description).toMatch(/Transaction → Get/);
		expect(emulator.requests({ route: /3ds-challenge/ })).toHaveLength(1);
		expect(challengeOf(t.uuid)?.status).toBe('ACCEPTED');
	});

	it('refuses bad input naming the parameter and the item, before anything is sent; Continue On Fail goes on', async () => {
		const credentials = spendCredentials(emulator);
		const cases: Array<[Record<string, unknown>, string]> = [
			[respond(expr('')), 'Transaction ID: is required [item 0]'],
			[
				respond('not an id!'),
				'Transaction ID: "not an id!" is not a BILL Spend & Expense ID [item 0]',
			],
			[
				respond('3fa85f64-5717-4562-b3fc-2c963f66afa6', expr('DENY')),
				'Response: must be Accept or Reject, not "DENY" [item 0]',
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runSpend(credentials, parameters);
			expect(error?.message).toBe(message);
		}
		expect(emulator.log).toHaveLength(0);
		const t = createThreeDsChallenge(emulator);
		const { output } = await runSpend(
			credentials,
			(i) => respond(i === 0 ? 'not an id!' : t.uuid),
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/^Transaction ID: .* \[item 0\]$/);
		expect(output[1].json).toEqual({ id: t.uuid, status: 'ACCEPTED' });
	});

	it('the Spend trigger runs on spend.three-ds-challenge.created with the transaction to answer', async () => {
		const harness = await startTrigger({
			nodeType: new BillSpendTrigger(),
			credentials: spendCredentials(emulator),
			credentialType: 'billSpendApi',
			parameters: { events: ['spend.three-ds-challenge.created'] },
			workflowName: '3DS',
		});
		try {
			await harness.activate();
			const t = createThreeDsChallenge(emulator);
			await emulator.deliveriesSettled();
			expect(harness.executions).toHaveLength(1);
			const [[event]] = harness.executions;
			expect(event).toMatchObject({
				eventType: 'spend.three-ds-challenge.created',
				transaction: expect.objectContaining({ uuid: t.uuid, amount: t.amount }),
			});
			const [answer] = await runSpendOk(
				spendCredentials(emulator),
				respond((event.transaction as { uuid: string }).uuid),
			);
			expect(answer.status).toBe('ACCEPTED');
		} finally {
			await emulator.deliveriesSettled();
			await harness.stop();
		}
	});
});
