/**
 * MFA: phone set-up (Set Up Phone, Validate Phone) against the emulator.
 */
import { billCredentials, runBill, runBillOk } from '../../../harness/bill';
import { emulator, lastCode, sendChallenge, useMfaEmulator } from './setup';

useMfaEmulator();

describe('MFA: phone set-up', () => {
	it('registers a phone for a user without one: Set Up Phone, Validate Phone, then List Phones and a challenge', async () => {
		const credentials = billCredentials(emulator, { clerk: true });
		expect(await runBillOk(credentials, { resource: 'mfa', operation: 'listPhones' })).toEqual([]);
		const noPhone = await runBill(credentials, { resource: 'mfa', operation: 'sendChallenge' });
		expect(noPhone.error?.message).toMatch(/MFA is not set up/);
		const [setup] = await runBillOk(credentials, {
			resource: 'mfa',
			operation: 'setUpPhone',
			phone: '+1 (415) 555-0199',
		});
		expect(setup.setupId).toEqual(expect.any(String));
		expect(setup.next).toMatch(/ending 0199/);
		expect(emulator.state.sms[emulator.state.sms.length - 1]).toMatchObject({
			to: '+1 (415) 555-0199',
			purpose: 'setup',
		});
		const [validated] = await runBillOk(credentials, {
			resource: 'mfa',
			operation: 'validatePhone',
			setupId: setup.setupId as string,
			code: lastCode('setup'),
		});
		expect(validated.status).toBe('SUCCESS');
		expect(await runBillOk(credentials, { resource: 'mfa', operation: 'listPhones' })).toEqual([
			{ type: 'MOBILE', last4digits: '0199', primary: true },
		]);
		const [details] = await runBillOk(credentials, {
			resource: 'session',
			operation: 'getDetails',
		});
		expect(details.mfaStatus).toBe('COMPLETE');
		await sendChallenge(credentials);
		expect(emulator.requests({ route: '/v3/mfa/validate' })).toHaveLength(0);
	});

	it('falls back to /v3/mfa/validate only when BILL answers 404 for /v3/mfa/setup/validate', async () => {
		const credentials = billCredentials(emulator, { clerk: true });
		const [setup] = await runBillOk(credentials, {
			resource: 'mfa',
			operation: 'setUpPhone',
			phone: '+14155550142',
		});
		const parameters = {
			resource: 'mfa',
			operation: 'validatePhone',
			setupId: setup.setupId as string,
		};
		// A wrong code: BILL's 400 is shown, and the other path is not tried.
		const wrong = await runBill(credentials, {
			...parameters,
			code: lastCode('setup') === '999999' ? '888888' : '999999',
		});
		expect(wrong.error?.message).toMatch(/verification code is incorrect/);
		expect(emulator.requests({ route: '/v3/mfa/validate' })).toHaveLength(0);
		// BILL does not know the collection's path: the prose's path is used.
		emulator.addFault({
			kind: 'status',
			method: 'POST',
			path: '/v3/mfa/setup/validate',
			status: 404,
			code: 'BDC_1121',
			message: 'API not supported',
		});
		const [validated] = await runBillOk(credentials, { ...parameters, code: lastCode('setup') });
		expect(validated.status).toBe('SUCCESS');
		expect(emulator.requests({ route: '/v3/mfa/validate' })).toHaveLength(1);
		expect(emulator.state.users.get(emulator.fixtures.clerk.userId)!.phones).toHaveLength(1);
	});

	it('refuses a phone BILL could not text, before sending', async () => {
		const credentials = billCredentials(emulator, { clerk: true });
		const { error } = await runBill(credentials, {
			resource: 'mfa',
			operation: 'setUpPhone',
			phone: '555-0199',
		});
		expect(error?.message).toMatch(/^Phone: .*\[item 0\]/);
		expect(emulator.requests({ route: '/v3/mfa/setup' })).toHaveLength(0);
		expect(emulator.logins()).toBe(0);
	});
});
