/** Organization, User and Role resources against the emulator: every operation and refusal. */
import { startEmulator, type Emulator } from '../../../emulator';
import { seedClientOrganizations } from '../../../emulator/seedOrganizations';
import {
	billCredentials,
	byId,
	expr,
	partnerCredentials,
	runBill,
	runBillOk,
} from '../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const org = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'organization',
	operation,
	...extra,
});

describe('Organization', () => {
	it("gets, updates the organization of the credential's session, and its price plan", async () => {
		const credentials = billCredentials(emulator);
		const [details] = await runBillOk(credentials, org('get'));
		expect(details.id).toBe(emulator.fixtures.organizationId);
		const [updated] = await runBillOk(
			credentials,
			org('update', {
				updateFields: { phone: '4155550000', address: { zipOrPostalCode: '95002' } },
			}),
		);
		expect(updated).toMatchObject({
			phone: '4155550000',
			address: { zipOrPostalCode: '95002', city: 'San Jose' },
		});
		const patch = emulator.requests({ method: 'PATCH' });
		expect(patch.map((e) => e.route)).toEqual(['/v3/organizations/:organizationId']);
		const [plan] = await runBillOk(credentials, org('getPricePlan'));
		expect(plan).toMatchObject({ monthlyPrice: expect.any(Number), planTerms: expect.any(Array) });
		expect(emulator.logins()).toBe(1);
	});

	it("refuses an update without fields before sending; a clerk gets BILL's refusal with its code", async () => {
		const { error } = await runBill(billCredentials(emulator), org('update', { updateFields: {} }));
		expect(error?.message).toBe('Update Fields: add at least one field to change [item 0]');
		expect(emulator.requests({ method: 'PATCH' })).toHaveLength(0);
		const typo = await runBill(
			billCredentials(emulator),
			org('update', { updateFields: { industry: 'Acounting' } }),
		);
		expect(typo.error?.message).toMatch(
			/^Update Fields → Industry: "Acounting" is not one of BILL's industries \[item 0\]$/,
		);
		expect(emulator.requests({ method: 'PATCH' })).toHaveLength(0);
		const { output } = await runBill(billCredentials(emulator, { clerk: true }), org('get'), {
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ code: 'BDC_1146', httpCode: '403' });
	});

	it("lists BILL's industries, one item each", async () => {
		const industries = await runBillOk(billCredentials(emulator), org('getIndustries'));
		expect(industries.length).toBeGreaterThan(5);
		expect(industries[0]).toEqual({ industry: expect.any(String) });
	});

	it('lists billing statements page by page, or within dates in one call without max and page, and gets one', async () => {
		const credentials = billCredentials(emulator);
		const all = await runBillOk(credentials, org('getManyBillingStatements', { returnAll: true }));
		expect(all).toHaveLength(3);
		const dated = await runBillOk(
			credentials,
			org('getManyBillingStatements', {
				returnAll: false,
				limit: 1,
				filters: { invoiceDateFrom: '2026-09-01' },
			}),
		);
		expect(dated).toHaveLength(1);
		const query = emulator.requests({
			route: '/v3/organizations/:organizationId/billing-statements',
		});
		expect(query).toHaveLength(2);
		const [one] = await runBillOk(
			credentials,
			org('getBillingStatement', { billingStatementId: byId(String(all[0].id)) }),
		);
		expect(one).toMatchObject({ id: all[0].id, downloadLink: { pdf: expect.any(String) } });
		const { error } = await runBill(
			credentials,
			org('getManyBillingStatements', {
				returnAll: true,
				filters: { invoiceDateFrom: expr('last week') },
			}),
		);
		expect(error?.message).toMatch(/^Filters → Invoice Date From: .*\[item 0\]$/);
	});

	it('acts for the organization named in the item with the partner credential', async () => {
		const [client] = seedClientOrganizations(emulator, 1);
		const credentials = partnerCredentials(emulator, {
			scope: 'partner',
			organizationId: '',
			userId: '',
		});
		const [details] = await runBillOk(credentials, {
			...org('get'),
			authentication: 'billPartnerApi',
			actForOrganization: byId(client.organizationId),
			actAsUser: byId(client.userId),
		});
		expect(details).toMatchObject({ id: client.organizationId, name: client.name });
	});
});

describe('User and Role', () => {
	it('lists roles, gets one, creates a user with it (once: a re-run returns the user), updates, archives and restores', async () => {
		const credentials = billCredentials(emulator);
		const roles = await runBillOk(credentials, {
			resource: 'role',
			operation: 'getMany',
			returnAll: true,
		});
		const clerk = roles.find((r) => r.type === 'CLERK')!;
		const [role] = await runBillOk(credentials, {
			resource: 'role',
			operation: 'get',
			roleId: byId(String(clerk.id)),
		});
		expect(role.description).toBe('Clerk');
		const create = {
			resource: 'user',
			operation: 'create',
			firstName: 'Clark',
			lastName: 'Billenterson',
			email: 'clark@happymusic.example',
			roleId: byId(String(clerk.id)),
			acceptTermsOfService: true,
		};
		const [created] = await runBillOk(credentials, create);
		expect(created).toMatchObject({ id: expect.stringMatching(/^006/), role: { type: 'CLERK' } });
		const [again] = await runBillOk(credentials, create);
		expect(again).toMatchObject({ id: created.id, alreadyExisted: true });
		expect(emulator.requests({ method: 'POST', route: '/v3/users' })).toHaveLength(1);
		const id = byId(String(created.id));
		const [got] = await runBillOk(credentials, { resource: 'user', operation: 'get', userId: id });
		expect(got.email).toBe('clark@happymusic.example');
		const [updated] = await runBillOk(credentials, {
			resource: 'user',
			operation: 'update',
			userId: id,
			updateFields: { lastName: 'Billson' },
		});
		expect(updated.lastName).toBe('Billson');
		const [archived] = await runBillOk(credentials, {
			resource: 'user',
			operation: 'archive',
			userId: id,
		});
		expect(archived.archived).toBe(true);
		const active = await runBillOk(credentials, {
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
			filters: { archived: false },
		});
		expect(active.map((u) => u.id)).not.toContain(created.id);
		const [restored] = await runBillOk(credentials, {
			resource: 'user',
			operation: 'restore',
			userId: id,
		});
		expect(restored.archived).toBe(false);
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const credentials = billCredentials(emulator);
		const base = {
			resource: 'user',
			operation: 'create',
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.example',
			roleId: byId('0po02ABCDEFGHIJKLMNO'),
			acceptTermsOfService: true,
		};
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[
				{ email: expr('not-an-email') },
				/^Email: "not-an-email" is not an email address \[item 0\]$/,
			],
			[{ acceptTermsOfService: expr(false) }, /^Accept Terms of Service: must be on/],
			[{ roleId: byId(expr('00602ABCDEFGHIJKLMNO')) as unknown as string }, /^Role: /],
		];
		for (const [change, message] of cases) {
			const { error } = await runBill(credentials, { ...base, ...change });
			expect(error?.message).toMatch(message);
		}
		expect(emulator.requests({ method: 'POST', route: '/v3/users' })).toHaveLength(0);
	});

	it("does not send a create again when BILL's answer is lost, and says how to check", async () => {
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/users' });
		const roles = await runBillOk(billCredentials(emulator), {
			resource: 'role',
			operation: 'getMany',
			returnAll: true,
		});
		const { output } = await runBill(
			billCredentials(emulator),
			{
				resource: 'user',
				operation: 'create',
				firstName: 'Lost',
				lastName: 'Answer',
				email: 'lost@answer.example',
				roleId: byId(String(roles[0].id)),
				acceptTermsOfService: true,
				returnExisting: false,
			},
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ outcomeUnknown: true });
		expect(String(output[0].json.error)).toMatch(/lost@answer.example/);
		expect(emulator.requests({ method: 'POST', route: /\/v3\/users/ })).toHaveLength(1);
	});
});
