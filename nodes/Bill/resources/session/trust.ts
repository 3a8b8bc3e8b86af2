import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { credentialTypeOf } from '../../../shared/transport';

/** How the current BILL session became MFA-trusted, as far as this node can know. */
export type TrustedBy = 'mfaIdAtLogin' | 'stepUp' | 'challenge' | 'none';

/**
 * BILL cannot be asked whether a session is MFA-trusted. The node knows it two ways: the login
 * said so (`trusted`, kept by the credential in its hidden `sessionTrusted` field), or this n8n
 * process made the session trusted since (Session → Step Up, MFA → Validate Challenge). Those
 * sessions are remembered here by a hash of their ID, never the ID itself, and only in memory:
 * another queue-mode worker or a restart does not know them (then Get Details says untrusted).
 */
const trustedHere = new Map<string, Exclude<TrustedBy, 'mfaIdAtLogin' | 'none'>>();
const MAX_REMEMBERED = 500;

function fingerprint(sessionId: string): string {
	return createHash('sha256').update(sessionId).digest('hex');
}

/** The credential as stored now, with the session the last request used (n8n keeps it there). */
export async function storedCredential(
	context: IExecuteFunctions,
): Promise<ICredentialDataDecryptedObject> {
	return await context.getCredentials(credentialTypeOf(context));
}

function sessionIdOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.sessionId ?? '');
}

/** Call after BILL made the current session trusted (step-up, validated challenge). */
export async function rememberTrusted(
	context: IExecuteFunctions,
	how: 'stepUp' | 'challenge',
): Promise<void> {
	const sessionId = sessionIdOf(await storedCredential(context));
	if (!sessionId) return;
	if (trustedHere.size >= MAX_REMEMBERED)
		trustedHere.delete(trustedHere.keys().next().value as string);
	trustedHere.set(fingerprint(sessionId), how);
}

/** Call after a logout: that session is gone. */
export function forgetSession(credentials: ICredentialDataDecryptedObject): void {
	const sessionId = sessionIdOf(credentials);
	if (sessionId) trustedHere.delete(fingerprint(sessionId));
}

export function trustOf(credentials: ICredentialDataDecryptedObject): {
	mfaTrusted: boolean;
	mfaTrustedBy: TrustedBy;
} {
	if (credentials.sessionTrusted === true)
		return { mfaTrusted: true, mfaTrustedBy: 'mfaIdAtLogin' };
	const sessionId = sessionIdOf(credentials);
	const how = sessionId ? trustedHere.get(fingerprint(sessionId)) : undefined;
	return how
		? { mfaTrusted: true, mfaTrustedBy: how }
		: { mfaTrusted: false, mfaTrustedBy: 'none' };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The credential's MFA ID as far as it may be shown: whether one is set, its device name and the
 * expiry date the user kept with it (never the MFA ID itself).
 */
export function mfaIdOf(credentials: ICredentialDataDecryptedObject, now = new Date()) {
	const info: {
		mfaIdInCredential: boolean;
		deviceName?: string;
		mfaIdExpiresOn?: string;
		mfaIdDaysLeft?: number;
	} = {
		mfaIdInCredential: String(credentials.mfaId ?? '').trim() !== '',
	};
	const device = String(credentials.deviceName ?? '').trim();
	if (device) info.deviceName = device;
	const expiresOn = String(credentials.mfaIdExpiresOn ?? '')
		.trim()
		.slice(0, 10);
	if (info.mfaIdInCredential && /^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) {
		const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
		const [y, m, d] = expiresOn.split('-').map(Number);
		info.mfaIdExpiresOn = expiresOn;
		info.mfaIdDaysLeft = Math.round((Date.UTC(y, m - 1, d) - today) / DAY_MS);
	}
	return info;
}

/** The date an MFA ID made today stops working: BILL gives them 30 days (REFERENCE.md §3). */
export function mfaIdExpiryFromToday(now = new Date()): string {
	return new Date(now.getTime() + 30 * DAY_MS).toISOString().slice(0, 10);
}
