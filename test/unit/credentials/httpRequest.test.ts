/**
 * Both BILL credentials are offered to n8n's HTTP Request node (Predefined Credential Type), and
 * log in there as in the BILL node: preAuthentication fills the expirable session ID, which n8n
 * renews when BILL answers 401. The end-to-end test (test/e2e/http-request.mjs) proves it in n8n.
 */
import type { ICredentialType } from 'n8n-workflow';

import { BillApi } from '../../../credentials/BillApi.credentials';
import { BillPartnerApi } from '../../../credentials/BillPartnerApi.credentials';
import { SANDBOX_BASE_URL } from '../../../nodes/shared/transport/environment';

describe.each([
	['BILL API', new BillApi() as ICredentialType],
	['BILL Partner API', new BillPartnerApi() as ICredentialType],
])('%s in the HTTP Request node', (_, credential) => {
	it('declares httpRequestNode with a name, its docs and the API base URL', () => {
		const http = credential.httpRequestNode!;
		expect(http.name).toMatch(/^BILL/);
		expect(http.docsUrl).toMatch(/^https:\/\/developer\.bill\.com\//);
		expect('apiBaseUrlPlaceholder' in http && http.apiBaseUrlPlaceholder).toMatch(
			new RegExp(`^${SANDBOX_BASE_URL.replace(/\./g, '\\.')}/v3/`),
		);
		// No panel entry of its own above the BILL node (n8n's node creator lists only credentials
		// whose httpRequestNode is not hidden); Predefined Credential Type still lists it.
		expect(http.hidden).toBe(true);
	});

	it('logs in by itself (preAuthentication, an expirable session) and authenticates every request', async () => {
		expect(typeof credential.preAuthentication).toBe('function');
		const session = credential.properties.find((p) => p.name === 'sessionId');
		expect(session?.type).toBe('hidden');
		expect(session?.typeOptions?.expirable).toBe(true);
		// The session goes with every request, as a header: the partner credential's authenticate
		// is a function (n8n calls it), the organization credential's a generic block.
		const { authenticate } = credential;
		if (typeof authenticate === 'function') {
			const data = { scope: 'organization', sessionId: 'the-session', devKey: 'k', appKey: 'a' };
			const signed = await authenticate(data, { url: '/v3/bills', headers: {} });
			expect(signed.headers).toEqual({ devKey: 'k', sessionId: 'the-session' });
		} else {
			expect(authenticate?.properties.headers?.sessionId).toBe('={{$credentials.sessionId}}');
		}
	});
});
