/**
 * MFA: the emulator's own rules, as BILL's Postman MFA requests describe them.
 */
import axios from 'axios';
import { emulator, lastCode, useMfaEmulator } from './setup';

useMfaEmulator();

describe('MFA: emulator rules (Postman MFA requests)', () => {
	async function session(): Promise<Record<string, string>> {
		const f = emulator.fixtures;
		const login = await axios.post(`${emulator.baseUrl}/v3/login`, {
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		});
		return { sessionId: login.data.sessionId, devKey: f.devKey };
	}
	const post = async (path: string, body: unknown, headers: Record<string, string>) =>
		await axios.post(`${emulator.baseUrl}${path}`, body, { headers, validateStatus: () => true });

	it('refuses useBackup true and primary false with 400, as BILL does since 2026-04-03; takes the Postman collection\'s "false" text', async () => {
		const headers = await session();
		expect((await post('/v3/mfa/challenge', { useBackup: true }, headers)).status).toBe(400);
		expect((await post('/v3/mfa/challenge', { useBackup: 'false' }, headers)).status).toBe(200);
		expect(
			(
				await post(
					'/v3/mfa/setup',
					{ phone: '+14155550100', type: 'TEXT', primary: false },
					headers,
				)
			).status,
		).toBe(400);
		expect(
			(await post('/v3/mfa/setup', { phone: '+14155550100', type: 'TEXT' }, headers)).status,
		).toBe(200);
	});

	it('accepts the prose path /v3/mfa/validate as well, and binds a challenge to its session', async () => {
		const headers = await session();
		const setup = await post(
			'/v3/mfa/setup',
			{ phone: '+14155550100', type: 'TEXT', primary: true },
			headers,
		);
		const validated = await post(
			'/v3/mfa/validate',
			{ setupId: setup.data.setupId, type: 'TEXT', token: lastCode('setup') },
			headers,
		);
		expect(validated.data).toEqual({ status: 'SUCCESS' });
		const challenge = await post('/v3/mfa/challenge', { useBackup: false }, headers);
		const other = await session();
		const elsewhere = await post(
			'/v3/mfa/challenge/validate',
			{ challengeId: challenge.data.challengeId, token: lastCode('challenge') },
			other,
		);
		expect(elsewhere.status).toBe(400);
		expect(emulator.state.sessions.get(other.sessionId)!.trusted).toBe(false);
	});
});
