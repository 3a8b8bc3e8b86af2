/**
 * The BILL OAuth credential against the emulator: `oauthCredentials(emulator)` is the Full-access
 * app, `oauthCredentials(emulator, 'accounting')` the Accounting-data-access one; the Accountant
 * Console and sync-token sign-ins below.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Emulator } from '../../emulator';
import { CONSOLE_FIXTURES, SYNC_FIXTURES } from '../../emulator/routes/authConsole';
import { OAUTH_FIXTURES, oauthData } from '../../emulator/routes/authOAuth';
import { CredentialStore } from './context';

export function oauthCredentials(
	emulator: Emulator,
	app: 'full' | 'accounting' = 'full',
	overrides: ICredentialDataDecryptedObject = {},
): CredentialStore {
	return new CredentialStore({
		billOAuthApi: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			clientId: OAUTH_FIXTURES[app].clientId,
			clientSecret: OAUTH_FIXTURES[app].clientSecret,
			appScope: app,
			...overrides,
		},
	});
}

/** Token requests the emulator answered since its last reset. */
export const tokenCalls = (emulator: Emulator) => oauthData(emulator).tokenCalls;

/** The Accountant Console credential: signs in to the fixture organization by default. */
export function consoleCredentials(
	emulator: Emulator,
	overrides: ICredentialDataDecryptedObject = {},
): CredentialStore {
	return new CredentialStore({
		billConsoleApi: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			username: CONSOLE_FIXTURES.username,
			consoleApiToken: CONSOLE_FIXTURES.consoleApiToken,
			organizationId: emulator.fixtures.organizationId,
			devKey: emulator.fixtures.devKey,
			...overrides,
		},
	});
}

/** The BILL API credential signing in with the fixture's AP/AR sync token. */
export function syncTokenCredentials(emulator: Emulator): CredentialStore {
	return new CredentialStore({
		billApi: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			signInWith: 'syncToken',
			username: SYNC_FIXTURES.tokenName,
			password: SYNC_FIXTURES.token,
			organizationId: emulator.fixtures.organizationId,
			devKey: emulator.fixtures.devKey,
		},
	});
}
