/**
 * MFA (BILL's Postman folder "AP & AR Authentication / mfa"): phone set-up and its
 * validation, the sign-in challenge and its validation (which makes the session MFA-trusted and,
 * with `rememberMe`, issues a 30-day MFA ID bound to the user and the device), step-up of the
 * current session with an MFA ID, and the list of MFA phones.
 *
 * Every 6-digit token "sent" is recorded in `state.sms` (tests and `/__emulator/sms` read it
 * there); the token is the fixtures' `smsCode`, so runs are repeatable.
 */
import { BillError, errors } from '../errors';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json, type State, type User } from '../state';
import { required } from './auth';

/** An MFA ID made with "Remember Me" lasts 30 days (https://developer.bill.com/hc/reference/stepupsession). */
export const MFA_ID_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * Open question: BILL does not say how long a code stays valid; the emulator lets a challenge's
 * code live 10 minutes (set-up codes do not expire: State keeps no time for them).
 */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
/** Endpoints that send an SMS: 5 a minute (https://developer.bill.com/docs/api-rate-limits). */
const SMS_PER_MINUTE = 5;
/** Open question: BILL does not say how many wrong codes it takes; after 5 the code is void. */
const MAX_TRIES = 5;

// Open question: BILL documents no codes for a wrong or expired MFA token, an unknown setup or
// challenge, or the SMS limit. The emulator answers 400 in BILL's error array with BDC_1002
// (its "bad request" code) and a message that says what is wrong; the SMS limit reuses the
// request-limit code BDC_1144 with a per-minute message (https://developer.bill.com/docs/api-rate-limits).
const wrongCode = () => errors.invalid('token: the verification code is incorrect.');
const expiredCode = () =>
	errors.invalid('token: the verification code has expired. Request a new one.');
// BILL does not document the shape of setup, challenge and MFA IDs: the emulator makes
// 20-character ids like BILL's others, with prefixes of its own (mfs, mfc, mfr).
const smsLimit = () =>
	new BillError(
		400,
		'BDC_1144',
		`Max number of allowed requests per minute reached: ${SMS_PER_MINUTE}.`,
	);

/** When each user was last sent an SMS, per State (a reset starts a new State, and new counts). */
const smsSent = new WeakMap<State, Map<string, number[]>>();

/** Counts one SMS for the user, refusing the sixth within a minute. */
function sendSms(context: RequestContext, user: User, to: string, purpose: string): string {
	let perUser = smsSent.get(context.state);
	if (!perUser) smsSent.set(context.state, (perUser = new Map()));
	const now = context.clock.ms();
	const recent = (perUser.get(user.id) ?? []).filter((at) => now - at < 60_000);
	if (context.emulator.options.limits && recent.length >= SMS_PER_MINUTE) throw smsLimit();
	recent.push(now);
	perUser.set(user.id, recent);
	const token = context.state.fixtures.smsCode;
	context.state.sms.push({ to, token, purpose });
	return token;
}

/** BILL takes booleans; the Postman collection sends `"useBackup": "false"` as text, so both forms count. */
function flag(value: unknown): boolean | undefined {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	return undefined;
}

function tokenOf(body: Json): string {
	required(body, ['token']);
	return String(body.token).trim();
}

/** A wrong token counts against the code; too many make it void. */
function checkToken(
	entry: { token: string; tries: number },
	token: string,
	forget: () => void,
): void {
	if (token === entry.token) return;
	entry.tries++;
	if (entry.tries >= MAX_TRIES) forget();
	throw wrongCode();
}

function last4(phone: string): string {
	return phone.replace(/\D/g, '').slice(-4);
}

function validateSetup(context: RequestContext) {
	const body = objectBody(context);
	required(body, ['setupId', 'token']);
	const setupId = String(body.setupId);
	const setup = context.state.mfaSetups.get(setupId);
	if (!setup || setup.userId !== context.user!.id)
		throw errors.invalid(`setupId: no MFA set-up ${setupId} for this user`);
	if (body.type !== undefined && body.type !== setup.type)
		throw errors.invalid(`type: must be ${setup.type}, as at set-up`);
	checkToken(setup, tokenOf(body), () => context.state.mfaSetups.delete(setupId));
	context.state.mfaSetups.delete(setupId);
	const user = context.user!;
	// Since 2026-04-03 every new phone is the primary one (https://developer.bill.com/changelog/2026-04-03-mfa-api-improvements).
	const others = user.phones
		.filter((p) => p.phone !== setup.phone)
		.map((p) => ({ ...p, primary: false }));
	user.phones = [...others, { phone: setup.phone, type: 'MOBILE', primary: true }];
	return { body: { status: 'SUCCESS' } };
}

export function registerMfa(emulator: Emulator): void {
	emulator.add('POST', '/v3/mfa/setup', (context) => {
		const body = objectBody(context);
		required(body, ['phone']);
		const phone = String(body.phone).trim();
		if (!/^\+?[\d\s().-]{7,20}$/.test(phone) || phone.replace(/\D/g, '').length < 10)
			throw errors.invalid('phone: must be a valid phone number');
		const type = String(body.type ?? 'TEXT');
		// Only TEXT is confirmed by BILL's docs (Postman "Add phone for MFA setup"; the type list is not documented).
		if (type !== 'TEXT') throw errors.invalid('type: must be TEXT');
		// Since 2026-04-03 `primary` is no longer required and only true is accepted.
		if (body.primary !== undefined && flag(body.primary) !== true)
			throw errors.invalid('primary: only true is accepted');
		const user = context.user!;
		const setupId = newId('mfs');
		const token = sendSms(context, user, phone, 'setup');
		context.state.mfaSetups.set(setupId, { userId: user.id, phone, type, token, tries: 0 });
		return { body: { setupId } };
	});

	// The Postman collection's path, and the path BILL's prose names (https://developer.bill.com/changelog/2024-07-22-new-v3-api-endpoints-for-mfa): both work.
	emulator.add('POST', '/v3/mfa/setup/validate', validateSetup);
	emulator.add('POST', '/v3/mfa/validate', validateSetup);

	emulator.add('POST', '/v3/mfa/challenge', (context) => {
		const body = (context.body ?? {}) as Json;
		// Since 2026-04-03 only `useBackup: false` is accepted; true is answered with 400.
		if (body.useBackup !== undefined && flag(body.useBackup) !== false)
			throw errors.invalid('useBackup: only false is accepted');
		const user = context.user!;
		const phone = user.phones.find((p) => p.primary) ?? user.phones[0];
		if (!phone)
			throw errors.invalid('MFA is not set up for this user: add a phone with /v3/mfa/setup first');
		const challengeId = newId('mfc');
		const token = sendSms(context, user, phone.phone, 'challenge');
		context.state.mfaChallenges.set(challengeId, {
			sessionId: context.session!.id,
			userId: user.id,
			token,
			expiresMs: context.clock.ms() + CODE_LIFETIME_MS,
			tries: 0,
		});
		return { body: { challengeId } };
	});

	emulator.add('POST', '/v3/mfa/challenge/validate', (context) => {
		const body = objectBody(context);
		required(body, ['challengeId', 'token']);
		const challengeId = String(body.challengeId);
		const challenge = context.state.mfaChallenges.get(challengeId);
		// A challenge belongs to the session that asked for it.
		if (!challenge || challenge.sessionId !== context.session!.id)
			throw errors.invalid(`challengeId: no MFA challenge ${challengeId} in this session`);
		if (context.clock.ms() > challenge.expiresMs) {
			context.state.mfaChallenges.delete(challengeId);
			throw expiredCode();
		}
		const rememberMe = flag(body.rememberMe) === true;
		if (rememberMe) required(body, ['device']);
		checkToken(challenge, tokenOf(body), () => context.state.mfaChallenges.delete(challengeId));
		context.state.mfaChallenges.delete(challengeId);
		context.session!.trusted = true;
		if (!rememberMe) return { body: {} };
		const rememberMeId = newId('mfr');
		context.state.rememberMe.set(rememberMeId, {
			id: rememberMeId,
			userId: challenge.userId,
			device: String(body.device),
			expiresMs: context.clock.ms() + MFA_ID_LIFETIME_MS,
		});
		return { body: { rememberMeId } };
	});

	emulator.add('POST', '/v3/mfa/step-up', (context) => {
		const body = objectBody(context);
		required(body, ['rememberMeId', 'device']);
		const known = context.state.rememberMe.get(String(body.rememberMeId));
		if (
			!known ||
			known.userId !== context.user!.id ||
			known.device !== body.device ||
			known.expiresMs < context.clock.ms()
		) {
			throw errors.mfaInvalid();
		}
		context.session!.trusted = true;
		return { body: { trusted: true } };
	});

	emulator.add('GET', '/v3/mfa/phones', (context) => ({
		body: {
			results: context.user!.phones.map((p) => ({
				type: p.type,
				last4digits: last4(p.phone),
				primary: p.primary,
			})),
		},
	}));
}
