/**
 * Reading 1 (`keyHeaders`): the partner credential sends exactly the documented key pair for each
 * level, whether BILL is lenient or strict about carrying both.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import {
	BillPartnerApi,
	partnerAuthHeaders,
} from '../../../../credentials/BillPartnerApi.credentials';
import { billCredentials, byId, partnerCredentials, runBillOk } from '../../../harness/bill';
import {
	emulator,
	http,
	play,
	subscriptions,
	refusals,
	trigger,
	createVendor,
	useReadingsEmulator,
} from './setup';

useReadingsEmulator();

describe('1. partner credential: exactly the documented key pair for each level', () => {
	const credentials = (scope: string): ICredentialDataDecryptedObject => ({
		scope,
		appKey: 'the-app-key',
		devKey: 'the-dev-key',
		sessionId: 'the-session',
	});

	it('organization scope sends devKey + sessionId, partner scope appKey + sessionId, and nothing else (as n8n calls it)', async () => {
		const authenticate = new BillPartnerApi().authenticate as (
			c: ICredentialDataDecryptedObject,
			r: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>;
		expect(typeof authenticate).toBe('function');
		const request: IHttpRequestOptions = {
			url: '/v3/bills',
			headers: { Accept: 'application/json' },
		};
		const organization = await authenticate(credentials('organization'), request);
		expect(organization.headers).toEqual({
			Accept: 'application/json',
			devKey: 'the-dev-key',
			sessionId: 'the-session',
		});
		const partner = await authenticate(credentials('partner'), request);
		expect(partner.headers).toEqual({
			Accept: 'application/json',
			appKey: 'the-app-key',
			sessionId: 'the-session',
		});
		expect(partnerAuthHeaders(credentials('organization'))).not.toHaveProperty('appKey');
		expect(partnerAuthHeaders(credentials('partner'))).not.toHaveProperty('devKey');
	});

	it('the strict reading refuses a call that carries both keys, even one of them empty', async () => {
		play({ keyHeaders: 'strict' });
		const f = emulator.fixtures;
		const login = await http.post(`${emulator.baseUrl}/v3/login`, {
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		});
		const sessionId = String(login.data.sessionId);
		const both = await http.get(`${emulator.baseUrl}/v3/vendors`, {
			headers: { devKey: f.devKey, sessionId, appKey: '' },
		});
		expect(both.status).toBe(400);
		const one = await http.get(`${emulator.baseUrl}/v3/vendors`, {
			headers: { devKey: f.devKey, sessionId },
		});
		expect(one.status).toBe(200);
	});

	describe.each(['lenient', 'strict'] as const)('key headers read %s', (keyHeaders) => {
		beforeEach(() => play({ keyHeaders }));

		it('organization scope (log in as user): the BILL node works', async () => {
			const credentials = partnerCredentials(emulator);
			const authentication = { authentication: 'billPartnerApi' };
			const vendor = await createVendor(credentials, 'Partner-made vendor', authentication);
			const [read] = await runBillOk(credentials, {
				...authentication,
				resource: 'vendor',
				operation: 'get',
				vendorId: byId(String(vendor.id)),
			});
			expect(read.name).toBe('Partner-made vendor');
			expect(refusals()).toEqual([]);
		});

		it('partner scope: the BILL Trigger subscribes at partner level and receives an event of a client organization', async () => {
			const partner = await trigger(partnerCredentials(emulator, { scope: 'partner' }), {
				authentication: 'billPartnerApi',
			});
			await partner.activate();
			const [subscription] = subscriptions();
			expect(emulator.state.subscriptionScopes.get(subscription.id)).toEqual({
				appKey: emulator.fixtures.appKey,
			});
			await createVendor(billCredentials(emulator), 'Seen by the partner');
			await emulator.waitForDeliveries(1);
			await emulator.deliveriesSettled();
			expect(partner.executions.map(([item]) => (item.vendor as IDataObject).name)).toEqual([
				'Seen by the partner',
			]);
			await partner.activate(); // checkExists finds it again
			expect(await partner.deactivate()).toBe(true);
			expect(subscriptions()).toEqual([]);
			expect(refusals()).toEqual([]);
		});

		it('organization scope: the BILL Trigger subscribes at organization level', async () => {
			const harness = await trigger(partnerCredentials(emulator), {
				authentication: 'billPartnerApi',
			});
			await harness.activate();
			const [subscription] = subscriptions();
			expect(emulator.state.subscriptionScopes.get(subscription.id)).toEqual({
				organizationId: emulator.fixtures.organizationId,
			});
			expect(refusals()).toEqual([]);
		});
	});
});
