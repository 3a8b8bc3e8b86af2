import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { resolveBaseUrls } from './environment';
import { login, post, type LoginResult } from './login';
import {
	ORGANIZATION_SESSION,
	OrganizationSessionEnded,
	loggedIn,
	organizationSessionsToStore,
	type OrganizationSessionsToStore,
} from './session';

/**
 * Accountant Console (https://developer.bill.com/docs/bill-accountant-console-operations):
 * `POST /v3/login` with `consoleApiToken` in place of the password, for one client organization.
 * GUESS (docs/GUESSES.md): the rest of the body is the standard login's (`username` = the console
 * user's email, `organizationId`, `devKey`).
 */
export async function loginConsoleTo(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	organizationId: string,
): Promise<{ sessionId: string }> {
	const { api } = resolveBaseUrls(credentials);
	const body: IDataObject = {
		username: credentials.username,
		consoleApiToken: credentials.consoleApiToken,
		organizationId,
		devKey: credentials.devKey,
	};
	const data = await post(
		helper,
		`${api}/v3/login`,
		body,
		{},
		'BILL console login failed',
		credentials,
	);
	return { sessionId: data.sessionId as string };
}

/** The Accountant Console credential: its own organization's session, as loginPartner keeps the partner's. */
export async function loginConsole(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<LoginResult | OrganizationSessionsToStore> {
	if (credentials[ORGANIZATION_SESSION]) throw new OrganizationSessionEnded();
	const store = organizationSessionsToStore(credentials);
	if (store) return store;
	return await login(this, credentials, async (helper, _api, c) =>
		loggedIn((await loginConsoleTo(helper, c, String(c.organizationId ?? ''))).sessionId, false),
	);
}
