/**
 * The BILL OAuth credential against the emulator: `oauthCredentials(emulator)` is the Full-access
 * app, `oauthCredentials(emulator, 'accounting')` the Accounting-data-access one.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Emulator } from '../../emulator';
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
