/** The emulator itself: BILL's session, error, list and limit rules, over plain HTTP. */
import axios from 'axios';

import { SESSION_IDLE_MS, startEmulator, type Emulator } from '../../emulator';

let emulator: Emulator;
const http = axios.create({ validateStatus: () => true });

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

async function login(extra: Record<string, unknown> = {}) {
	const f = emulator.fixtures;
	const response = await http.post(`${emulator.baseUrl}/v3/login`, {
		username: f.admin.username,
		password: f.admin.password,
		organizationId: f.organizationId,
		devKey: f.devKey,
		...extra,
	});
	return response;
}

const headers = (sessionId: string) => ({ devKey: emulator.fixtures.devKey, sessionId });

describe('login and sessions', () => {
	it("logs in with BILL's response fields, untrusted without an MFA ID", async () => {
		const response = await login();
		expect(response.status).toBe(200);
		expect(Object.keys(response.data).sort()).toEqual([
			'organizationId',
			'sessionId',
			'trusted',
			'userId',
		]);
		expect(response.data.trusted).toBe(false);
		expect(response.data.userId).toBe(emulator.fixtures.admin.userId);
	});

	it('makes the session MFA-trusted with rememberMeId + device, and refuses a wrong pair with BDC_1356', async () => {
		const f = emulator.fixtures;
		expect((await login({ rememberMeId: f.mfaId, device: f.device })).data.trusted).toBe(true);
		const wrong = await login({ rememberMeId: f.mfaId, device: 'Another phone' });
		expect(wrong.status).toBe(400);
		expect(wrong.data[0].code).toBe('BDC_1356');
	});

	it('tracks trust per session, and plays both readings of mfaStatus (switch: POST /__emulator/options)', async () => {
		const f = emulator.fixtures;
		const details = async (sessionId: string) =>
			(await http.get(`${emulator.baseUrl}/v3/login/session`, { headers: headers(sessionId) }))
				.data as { mfaStatus: string; mfaBypass: boolean };
		const setReading = async (mfaStatusReading: string) =>
			http.post(`${emulator.url}/__emulator/options`, { mfaStatusReading });
		const plain = String((await login()).data.sessionId);
		const other = String((await login()).data.sessionId);
		const stepUp = await http.post(
			`${emulator.baseUrl}/v3/mfa/step-up`,
			{ rememberMeId: f.mfaId, device: f.device },
			{ headers: headers(plain) },
		);
		expect(stepUp.data).toEqual({ trusted: true });
		expect(emulator.state.sessions.get(plain)!.trusted).toBe(true);
		expect(emulator.state.sessions.get(other)!.trusted).toBe(false);
		try {
			// BILL's reference: the organization's MFA status, the same for both sessions.
			expect((await setReading('organization')).status).toBe(200);
			expect(await details(plain)).toEqual(expect.objectContaining({ mfaStatus: 'COMPLETE' }));
			expect((await details(other)).mfaStatus).toBe('COMPLETE');
			// Third-party code's reading: this session's MFA state.
			expect((await setReading('session')).status).toBe(200);
			expect((await details(plain)).mfaStatus).toBe('COMPLETE');
			expect((await details(other)).mfaStatus).toBe('NONE');
			expect((await details(other)).mfaBypass).toBe(false);
			expect((await setReading('both')).status).toBe(400);
		} finally {
			await setReading('organization');
		}
	});

	it("answers a wrong password with BDC_1101 and a wrong developer key with BDC_1102, in BILL's error array", async () => {
		const password = await login({ password: 'nope' });
		expect(password.status).toBe(400);
		expect(password.data[0]).toEqual(
			expect.objectContaining({ code: 'BDC_1101', severity: 'ERROR', category: 'REQUEST' }),
		);
		expect(password.data[0].timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect((await login({ devKey: 'other' })).data[0].code).toBe('BDC_1102');
	});

	it('ends a session after 35 idle minutes with 401 BDC_1109, and each call restarts the timer', async () => {
		const { sessionId } = (await login()).data;
		emulator.clock.advance(SESSION_IDLE_MS - 1000);
		expect(
			(await http.get(`${emulator.baseUrl}/v3/vendors`, { headers: headers(sessionId) })).status,
		).toBe(200);
		emulator.clock.advance(SESSION_IDLE_MS - 1000);
		expect(
			(await http.get(`${emulator.baseUrl}/v3/vendors`, { headers: headers(sessionId) })).status,
		).toBe(200);
		emulator.clock.advance(SESSION_IDLE_MS + 1000);
		const expired = await http.get(`${emulator.baseUrl}/v3/vendors`, {
			headers: headers(sessionId),
		});
		expect(expired.status).toBe(401);
		expect(expired.data[0].code).toBe('BDC_1109');
	});

	it('ends the session at logout', async () => {
		const { sessionId } = (await login()).data;
		expect(
			(await http.post(`${emulator.baseUrl}/v3/logout`, undefined, { headers: headers(sessionId) }))
				.status,
		).toBe(200);
		expect(
			(await http.get(`${emulator.baseUrl}/v3/vendors`, { headers: headers(sessionId) })).status,
		).toBe(401);
	});

	it('binds a session to its developer key', async () => {
		const { sessionId } = (await login()).data;
		const response = await http.get(`${emulator.baseUrl}/v3/vendors`, {
			headers: { devKey: 'unknown', sessionId },
		});
		expect(response.data[0].code).toBe('BDC_1102');
	});

	it('answers an unknown path with 404 BDC_1121', async () => {
		const { sessionId } = (await login()).data;
		const response = await http.get(`${emulator.baseUrl}/v3/nothing-here`, {
			headers: headers(sessionId),
		});
		expect(response.status).toBe(404);
		expect(response.data[0].code).toBe('BDC_1121');
	});
});

describe('lists', () => {
	async function vendors(sessionId: string, count: number) {
		for (let i = 0; i < count; i++) {
			const response = await http.post(
				`${emulator.baseUrl}/v3/vendors`,
				{
					name: `Vendor ${String(i).padStart(3, '0')}`,
					accountType: i % 2 ? 'PERSON' : 'BUSINESS',
					email: `v${i}@example.com`,
					phone: '1',
				},
				{ headers: headers(sessionId) },
			);
			expect(response.status).toBe(201);
		}
	}

	it('pages 20 by default, up to max, with no nextPage on the last page', async () => {
		const { sessionId } = (await login()).data;
		await vendors(sessionId, 45);
		const first = await http.get(`${emulator.baseUrl}/v3/vendors`, { headers: headers(sessionId) });
		expect(first.data.results).toHaveLength(20);
		expect(first.data.prevPage).toBeUndefined();
		const seen = new Set<string>();
		let page: string | undefined;
		let pages = 0;
		do {
			const response = await http.get(`${emulator.baseUrl}/v3/vendors`, {
				headers: headers(sessionId),
				params: { max: 10, page },
			});
			for (const v of response.data.results) seen.add(v.id);
			page = response.data.nextPage;
			pages++;
		} while (page);
		expect(seen.size).toBe(45);
		expect(pages).toBe(5);
	});

	it('refuses max 0 and 101 with 400', async () => {
		const { sessionId } = (await login()).data;
		for (const max of [0, 101]) {
			const response = await http.get(`${emulator.baseUrl}/v3/vendors`, {
				headers: headers(sessionId),
				params: { max },
			});
			expect(response.status).toBe(400);
		}
	});

	it('filters with quoted lists and sorts', async () => {
		const { sessionId } = (await login()).data;
		await vendors(sessionId, 6);
		const response = await http.get(`${emulator.baseUrl}/v3/vendors`, {
			headers: headers(sessionId),
			params: { filters: 'accountType:in:"PERSON,NONE",name:sw:"Vendor 00"', sort: 'name:desc' },
		});
		expect(response.data.results.map((v: { name: string }) => v.name)).toEqual([
			'Vendor 005',
			'Vendor 003',
			'Vendor 001',
		]);
		const refused = await http.get(`${emulator.baseUrl}/v3/vendors`, {
			headers: headers(sessionId),
			params: { filters: 'email:eq:x' },
		});
		expect(refused.status).toBe(400);
	});
});

describe('limits and faults', () => {
	it('refuses a fourth concurrent request of one organization with BDC_1322', async () => {
		await emulator.stop();
		emulator = await startEmulator({ latencyMs: 150 });
		const { sessionId } = (await login()).data;
		const answers = await Promise.all(
			Array.from({ length: 5 }, () =>
				http.get(`${emulator.baseUrl}/v3/vendors`, { headers: headers(sessionId) }),
			),
		);
		const refused = answers.filter((a) => a.status === 400);
		expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
		expect(refused.map((a) => a.data[0].code)).toEqual(['BDC_1322', 'BDC_1322']);
		await emulator.stop();
		emulator = await startEmulator();
	});

	it('applies a write and then cuts the connection on a resetAfter fault', async () => {
		const { sessionId } = (await login()).data;
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/vendors' });
		const error = await http
			.post(
				`${emulator.baseUrl}/v3/vendors`,
				{ name: 'Cut', accountType: 'NONE' },
				{ headers: headers(sessionId) },
			)
			.catch((e: { code?: string }) => e);
		expect((error as { code?: string }).code).toMatch(/ECONNRESET|socket hang up/i);
		expect(emulator.state.vendors.size).toBe(1);
	});

	it('logs requests by route without ids, bodies or secrets', async () => {
		const { sessionId } = (await login()).data;
		const created = await http.post(
			`${emulator.baseUrl}/v3/vendors`,
			{ name: 'Logged', accountType: 'NONE' },
			{ headers: headers(sessionId) },
		);
		await http.get(`${emulator.baseUrl}/v3/vendors/${created.data.id}`, {
			headers: headers(sessionId),
		});
		expect(emulator.stats()).toEqual({
			'POST /v3/login': 1,
			'POST /v3/vendors': 1,
			'GET /v3/vendors/:vendorId': 1,
		});
		const text = JSON.stringify(emulator.log);
		expect(text).not.toContain(sessionId);
		expect(text).not.toContain(emulator.fixtures.admin.password);
		expect(text).not.toContain(emulator.fixtures.devKey);
	});
});
