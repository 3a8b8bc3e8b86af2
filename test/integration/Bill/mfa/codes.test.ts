/**
 * MFA: codes checked before sending, and BILL's errors for wrong or expired ones.
 */
import { billCredentials, expr, runBill, runBillOk } from '../../../harness/bill';
import {
	emulator,
	DEVICE,
	lastCode,
	sessionOf,
	sendChallenge,
	validate,
	useMfaEmulator,
} from './setup';

useMfaEmulator();

describe('MFA: codes', () => {
	it.each([
		['five digits', '12345'],
		['letters', '12a456'],
		['seven digits', '1234567'],
		['a number that lost its leading zero', 12345],
		['nothing', ''],
	])('refuses %s before sending, naming the Code and the item', async (_label, code) => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		const { error } = await runBill(credentials, validate(challengeId, expr(code)));
		expect(error?.message).toMatch(/^Code: /);
		expect(error?.message).toMatch(/\[item 0\]/);
		expect(emulator.requests({ route: '/v3/mfa/challenge/validate' })).toHaveLength(0);
	});

	it('accepts a code typed with a space, and with Continue On Fail keeps the good item when another is bad', async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		const code = lastCode('challenge');
		const items = [{ code: '12' }, { code: `${code.slice(0, 3)} ${code.slice(3)}` }];
		const { output } = await runBill(
			credentials,
			(_i, json) => validate(challengeId, json.code as string),
			{ items, continueOnFail: true },
		);
		expect(output).toHaveLength(2);
		expect(output[0].json.error).toMatch(/^Code: .*\[item 0\]/);
		expect(output[1].json).toMatchObject({ mfaTrusted: true, deviceName: DEVICE });
		expect(emulator.requests({ route: '/v3/mfa/challenge/validate' })).toHaveLength(1);
	});

	it("shows BILL's message for a wrong code, and the right code still works afterwards", async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		const right = lastCode('challenge');
		const wrong = right === '000000' ? '111111' : '000000';
		const { error } = await runBill(credentials, validate(challengeId, wrong));
		expect(error?.message).toMatch(/BILL error BDC_\d+: token: the verification code is incorrect/);
		expect(sessionOf(credentials)!.trusted).toBe(false);
		const [output] = await runBillOk(credentials, validate(challengeId, right));
		expect(output.mfaTrusted).toBe(true);
	});

	it("shows BILL's message for an expired challenge", async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const challengeId = await sendChallenge(credentials);
		emulator.clock.advance(11 * 60_000);
		const { error } = await runBill(credentials, validate(challengeId, lastCode('challenge')));
		expect(error?.message).toMatch(/expired/);
		expect(emulator.state.rememberMe.size).toBe(1);
		expect(sessionOf(credentials)!.trusted).toBe(false);
	});

	it("explains BILL's limit of 5 texts a minute, and sends again a minute later", async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const items = Array.from({ length: 6 }, () => ({}));
		const { output } = await runBill(
			credentials,
			{ resource: 'mfa', operation: 'sendChallenge' },
			{ items, continueOnFail: true },
		);
		const refused = output.filter((o) => o.json.error);
		expect(refused).toHaveLength(1);
		expect(refused[0].json).toMatchObject({ code: 'BDC_1144' });
		expect(refused[0].json.hint).toMatch(/5 codes a minute/);
		expect(emulator.state.sms).toHaveLength(5);
		emulator.clock.advance(61_000);
		await sendChallenge(credentials);
		expect(emulator.state.sms).toHaveLength(6);
	});
});
