/**
 * `/__emulator/*`: the control API for tests, the demo and benchmarks that run the emulator
 * in another process. Never part of BILL's API.
 *   GET  /__emulator/health            → { ok, baseUrl, fixtures }
 *   GET  /__emulator/stats             → { requests by route, logins, counts }
 *   GET  /__emulator/log               → the request log (no secrets, no bodies)
 *   GET  /__emulator/state/:collection → every stored object of bills|vendors|bankAccounts|subscriptions|events|payments
 *                                        (and customers|invoices|receivablePayments: AR_COLLECTIONS)
 *   GET  /__emulator/sms               → the MFA codes "sent"
 *   POST /__emulator/reset             → fixtures only
 *   POST /__emulator/clock             → { advanceMs }
 *   POST /__emulator/seed/organizations → { count }: client organizations of the partner (seedOrganizations.ts)
 *   POST /__emulator/sessions/end      → { organizationId }: BILL ends that organization's sessions
 *                                        (what 35 idle minutes or a logout do); → { ended: n }
 *   POST /__emulator/faults            → a Fault, or [Fault]; DELETE clears them
 *   GET  /__emulator/options           → the options and readings in force
 *   POST /__emulator/options           → { latencyMs?, limits?, mfaStatusReading?, readings? } (readings.ts: the
 *                                        reading played where BILL's documents are silent)
 *   /__emulator/spend/*                → Spend & Expense: limits, seed, tokens, stats (routes/spendControl.ts),
 *                                        subscriptions, deliveries and sending one again (spendWebhooks.ts),
 *                                        3D Secure challenges (spendThreeDs.ts)
 */
import type { Emulator, Reply } from './server';
import type { Fault } from './faults';
import { withReadings } from './readings';
import { spendControl } from './routes/spendControl';
import { threeDsControl } from './routes/spendThreeDs';
import { spendDeliveryControl } from './routes/spendWebhooks';
import { receivables } from './receivables';

const COLLECTIONS = [
	'bills',
	'vendors',
	'bankAccounts',
	'bankAccountUsers',
	'subscriptions',
	'events',
	'payments',
] as const;
const AR_COLLECTIONS = [
	'customers',
	'invoices',
	'receivablePayments',
	'customerBankAccounts',
] as const;

export async function control(
	emulator: Emulator,
	method: string,
	url: URL,
	raw: Buffer,
): Promise<Reply> {
	const path = url.pathname.slice('/__emulator'.length);
	const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
	if (method === 'GET' && path === '/health') {
		return { body: { ok: true, baseUrl: emulator.baseUrl, fixtures: emulator.fixtures } };
	}
	if (method === 'GET' && path === '/stats') {
		return {
			body: {
				requests: emulator.stats(),
				logins: emulator.logins(),
				partnerLogins: emulator
					.requests({ method: 'POST', route: '/v3/partner/login' })
					.filter((e) => e.status === 200).length,
				loginsAsUser: Object.fromEntries(emulator.state.loginsAsUser),
				counts: emulator.state.counts(),
				total: emulator.log.length,
			},
		};
	}
	if (method === 'GET' && path === '/log') return { body: emulator.log };
	if (method === 'GET' && path === '/sms') return { body: emulator.state.sms };
	if (method === 'GET' && path.startsWith('/state/')) {
		const name = path.slice('/state/'.length) as (typeof COLLECTIONS)[number];
		const ar = name as unknown as (typeof AR_COLLECTIONS)[number];
		if (AR_COLLECTIONS.includes(ar)) return { body: [...receivables(emulator.state)[ar].values()] };
		if (!COLLECTIONS.includes(name))
			return { status: 404, body: { error: `no collection ${name}` } };
		return { body: [...emulator.state[name].values()] };
	}
	if (method === 'POST' && path === '/reset') {
		emulator.reset();
		return { body: { ok: true } };
	}
	if (method === 'POST' && path === '/seed/organizations') {
		const { seedClientOrganizations } = await import('./seedOrganizations');
		return { body: seedClientOrganizations(emulator, Number(body.count ?? 50)) };
	}
	if (method === 'POST' && path === '/sessions/end') {
		let ended = 0;
		for (const [id, session] of emulator.state.sessions)
			if (session.organizationId === String(body.organizationId ?? '')) {
				emulator.state.sessions.delete(id);
				ended++;
			}
		return { body: { ended } };
	}
	if (method === 'POST' && path === '/clock') {
		emulator.clock.advance(Number(body.advanceMs ?? 0));
		return { body: { now: emulator.clock.timestamp() } };
	}
	if (path === '/faults') {
		if (method === 'DELETE') {
			emulator.faults.clear();
			return { body: { ok: true } };
		}
		if (method === 'POST') {
			for (const fault of (Array.isArray(body) ? body : [body]) as Fault[])
				emulator.addFault(fault);
			return { body: { ok: true, pending: emulator.faults.pending } };
		}
		if (method === 'GET')
			return { body: { pending: emulator.faults.pending, fired: emulator.faults.fired } };
	}
	if (method === 'GET' && path === '/options')
		return { body: { ...emulator.options, readings: emulator.readings } };
	if (method === 'POST' && path === '/options') {
		if (body.latencyMs !== undefined) emulator.options.latencyMs = Number(body.latencyMs);
		if (body.limits !== undefined) emulator.options.limits = Boolean(body.limits);
		if (body.mfaStatusReading !== undefined) {
			if (body.mfaStatusReading !== 'organization' && body.mfaStatusReading !== 'session')
				return { status: 400, body: { error: 'mfaStatusReading: organization or session' } };
			emulator.options.mfaStatusReading = body.mfaStatusReading;
		}
		if (body.readings !== undefined) {
			try {
				emulator.readings = withReadings(
					emulator.readings,
					body.readings as Record<string, unknown>,
				);
			} catch (error) {
				return { status: 400, body: { error: (error as Error).message } };
			}
		}
		return { body: { ...emulator.options, readings: emulator.readings } };
	}
	const spend = path.startsWith('/spend/')
		? (spendControl(emulator, method, path, body) ??
			spendDeliveryControl(emulator, method, path, body) ??
			threeDsControl(emulator, method, path, body))
		: undefined;
	if (spend) return spend;
	return { status: 404, body: { error: `no control endpoint ${method} ${path}` } };
}
