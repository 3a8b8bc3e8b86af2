import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { baseUrlsOf, credentialTypeOf } from '../../../shared/transport';
import {
	actingForOf,
	organizationSessionNowTrusted,
} from '../../../shared/transport/organizationSession';
import {
	KEEP_SESSION_ID,
	KEEP_SESSION_TRUSTED_BY,
	type SessionTrustedBy,
} from '../../../shared/transport/session';
import { transportSettings } from '../../../shared/transport/request';

/** How the current BILL session became MFA-trusted, as BILL said it. */
export type TrustedBy = SessionTrustedBy;

/**
 * Whether the credential's session is MFA-trusted is kept with the credential's session, never
 * in this process's memory: n8n runs executions in new processes (`n8n execute`, queue-mode
 * workers), and each must give the same answer BILL would. BILL says it three ways, and each
 * answer is stored with the session: the login's `trusted` (Postman "API login"), "MFA step-up
 * for API session" answering `trusted: true`, and "Validate MFA challenge" succeeding ("After
 * the validation is complete, your API session is MFA trusted"). A new login replaces them all.
 *
 * BILL has no call that says whether a session is trusted. "Get API session details"
 * (`GET /v3/login/session`) returns `mfaStatus` and `mfaBypass`, and BILL's reference
 * (https://developer.bill.com/reference/getsessioninfo) calls mfaStatus the MFA status of the
 * organization, documenting only DISABLED (MFA off for the organization, changelog
 * https://developer.bill.com/changelog/2024-11-22-mfa-status-improvements-get-api-session-details);
 * third-party code reads it per session (COMPLETE after a step-up). The same value would mean a
 * trusted session under one reading and an organization with MFA on under the other, so trust
 * is never taken from it: Get Details shows BILL's mfaStatus and mfaBypass as BILL gave them.
 */
export async function storedCredential(
	context: IExecuteFunctions,
): Promise<ICredentialDataDecryptedObject> {
	return await context.getCredentials(credentialTypeOf(context));
}

/**
 * Call after BILL made the current session trusted (step-up, validated challenge): stores that
 * with the credential's session, through n8n (login.ts, keptSession), with one
 * `GET /v3/login/session` that also checks the session is still BILL's. Never fails the
 * operation: BILL's answer stands, and if n8n could not store it, Get Details in a later
 * execution says untrusted (as it would have before) until the next Step Up.
 */
export async function keepTrusted(
	context: IExecuteFunctions,
	how: 'stepUp' | 'challenge',
): Promise<void> {
	const type = credentialTypeOf(context);
	const stored = await storedCredential(context);
	const sessionId = String(stored.sessionId ?? '');
	// Already trusted since its login: nothing to add.
	if (!sessionId || stored.sessionTrusted === true) return;
	const saved = context.getNode().credentials?.[type];
	const request: IHttpRequestOptions = {
		method: 'GET',
		url: `${(await baseUrlsOf(context)).api}/v3/login/session`,
		headers: { Accept: 'application/json' },
		json: true,
		timeout: transportSettings.requestTimeoutMs,
	};
	try {
		await context.helpers.httpRequestWithAuthentication.call(context, type, request, {
			credentialsDecrypted: {
				id: saved?.id ?? '',
				name: saved?.name ?? '',
				type,
				data: {
					...stored,
					sessionId: '',
					[KEEP_SESSION_ID]: sessionId,
					[KEEP_SESSION_TRUSTED_BY]: how,
				},
			},
		});
	} catch {
		// See above: the session stays trusted at BILL whatever happened here.
	}
}

/**
 * Call after BILL made the session of this item trusted (Step Up, Validate Challenge): with a
 * partner credential and an organization named in the item, that organization's log-in-as-user
 * session (kept with its entry in the credential); else the credential's own session.
 */
export async function sessionNowTrusted(
	context: IExecuteFunctions,
	itemIndex: number,
	how: 'stepUp' | 'challenge',
): Promise<{ forOrganization: boolean }> {
	const acting =
		credentialTypeOf(context) === 'billPartnerApi'
			? await actingForOf(context, '/v3/mfa/step-up', itemIndex)
			: undefined;
	if (acting) await organizationSessionNowTrusted(context, acting, how);
	else await keepTrusted(context, how);
	return { forOrganization: acting !== undefined };
}

export function trustOf(credentials: ICredentialDataDecryptedObject): {
	mfaTrusted: boolean;
	mfaTrustedBy: TrustedBy;
} {
	if (credentials.sessionTrusted !== true) return { mfaTrusted: false, mfaTrustedBy: 'none' };
	const by = credentials.sessionTrustedBy;
	return {
		mfaTrusted: true,
		mfaTrustedBy: by === 'stepUp' || by === 'challenge' ? by : 'mfaIdAtLogin',
	};
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

/** The date an MFA ID made today stops working: BILL gives them 30 days (https://developer.bill.com/hc/reference/stepupsession). */
export function mfaIdExpiryFromToday(now = new Date()): string {
	return new Date(now.getTime() + 30 * DAY_MS).toISOString().slice(0, 10);
}
