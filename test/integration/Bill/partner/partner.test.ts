/** Partner resource (partner credential at scope Partner): organizations, their users and roles. */
import type { INodeParameters } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../../../../emulator';
import {
	seedClientOrganizations,
	type ClientOrganization,
} from '../../../../emulator/seedOrganizations';
import {
	billCredentials,
	byId,
	expr,
	partnerCredentials,
	runBill,
	runBillOk,
} from '../../../harness/bill';

let emulator: Emulator;
let client: ClientOrganization;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	[client] = seedClientOrganizations(emulator, 1);
});

const partnerScope = () =>
	partnerCredentials(emulator, { scope: 'partner', organizationId: '', userId: '' });
const partner = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	authentication: 'billPartnerApi',
	resource: 'partner',
	operation,
	...extra,
});
const newOrganization = {
	name: 'Rice Cakes Inc',
	address: { line1: '987 Home St', city: 'San Jose', zipOrPostalCode: '95002', country: 'US' },
	phone: '4085550100',
	additionalFields: { companyOwnerName: 'Noodle Soupsmith', companyOwnerDateOfBirth: '1985-01-01' },
};

describe('Partner', () => {
	it('creates an organization (once: a re-run returns it), lists the organizations and sets a price plan', async () => {
		const credentials = partnerScope();
		const [created] = await runBillOk(credentials, partner('createOrganization', newOrganization));
		expect(created).toMatchObject({
			id: expect.stringMatching(/^008/),
			name: 'Rice Cakes Inc',
			companyOwner: { name: 'Noodle Soupsmith', dateOfBirth: '1985-01-01' },
		});
		const [again] = await runBillOk(credentials, partner('createOrganization', newOrganization));
		expect(again).toMatchObject({ id: created.id, alreadyExisted: true });
		expect(emulator.requests({ method: 'POST', route: '/v3/partner/organizations' })).toHaveLength(
			1,
		);
		const organizations = await runBillOk(
			credentials,
			partner('getManyOrganizations', { returnAll: true }),
		);
		expect(organizations.map((o) => o.id)).toEqual(
			expect.arrayContaining([created.id, client.organizationId]),
		);
		const [plan] = await runBillOk(
			credentials,
			partner('updatePricePlan', {
				partnerOrganizationId: byId(String(created.id)),
				pricePlanType: 'PricePlan3',
			}),
		);
		expect(plan).toMatchObject({ status: 'SUCCESS', pricePlanType: 'PricePlan3' });
		expect(emulator.logins()).toBe(1);
	});

	it("manages an organization's users with the organizationId header; the new user can be acted as", async () => {
		const credentials = partnerScope();
		const organization = byId(client.organizationId);
		const roles = await runBillOk(
			credentials,
			partner('getManyRoles', { partnerOrganizationId: organization, returnAll: true }),
		);
		const clerk = roles.find((r) => r.type === 'CLERK')!;
		const [role] = await runBillOk(
			credentials,
			partner('getRole', { partnerOrganizationId: organization, roleId: byId(String(clerk.id)) }),
		);
		expect(role.description).toBe('Clerk');
		const create = partner('createUser', {
			partnerOrganizationId: organization,
			firstName: 'Tomato',
			lastName: 'Soupsmith',
			email: 'tsoupsmith@ricecakes.example',
			username: 'tsoupsmith1',
			acceptTermsOfService: true,
		});
		const [user] = await runBillOk(credentials, create);
		expect(user).toMatchObject({
			organizationId: client.organizationId,
			role: { type: 'ADMINISTRATOR' },
		});
		const [again] = await runBillOk(credentials, create);
		expect(again).toMatchObject({ id: user.id, alreadyExisted: true });
		const userId = byId(String(user.id));
		const [updated] = await runBillOk(
			credentials,
			partner('updateUser', {
				partnerOrganizationId: organization,
				userId,
				updateFields: { roleId: byId(String(clerk.id)) },
			}),
		);
		expect(updated).toMatchObject({ role: { type: 'CLERK' } });
		const [archived] = await runBillOk(
			credentials,
			partner('archiveUser', { partnerOrganizationId: organization, userId }),
		);
		expect(archived.archived).toBe(true);
		const [restored] = await runBillOk(
			credentials,
			partner('restoreUser', { partnerOrganizationId: organization, userId }),
		);
		expect(restored.archived).toBe(false);
		const [got] = await runBillOk(
			credentials,
			partner('getUser', { partnerOrganizationId: organization, userId }),
		);
		expect(got.email).toBe('tsoupsmith@ricecakes.example');
		const users = await runBillOk(
			credentials,
			partner('getManyUsers', { partnerOrganizationId: organization, returnAll: true }),
		);
		expect(users.map((u) => u.id)).toContain(user.id);
		for (const entry of emulator.requests({ route: /^\/v3\/partner\/(users|roles)/ }))
			expect(entry.status).toBeLessThan(300);
		// The partner's new user acts for the organization (one workflow from onboarding to work).
		const vendors = await runBillOk(credentials, {
			authentication: 'billPartnerApi',
			resource: 'vendor',
			operation: 'getMany',
			returnAll: true,
			actForOrganization: organization,
			actAsUser: userId,
		});
		expect(vendors).toHaveLength(1);
		// BILL's onboarding: the partner adds the user's phone, the user (an administrator again)
		// starts the risk verification.
		const administrator = roles.find((r) => r.type === 'ADMINISTRATOR')!;
		await runBillOk(
			credentials,
			partner('updateUser', {
				partnerOrganizationId: organization,
				userId,
				updateFields: { roleId: byId(String(administrator.id)) },
			}),
		);
		const [phone] = await runBillOk(
			credentials,
			partner('addRiskPhone', {
				partnerOrganizationId: organization,
				userId,
				phoneNumber: '4155550123',
			}),
		);
		expect(phone).toMatchObject({ added: true, phoneType: 'MOBILE' });
		const [started] = await runBillOk(credentials, {
			authentication: 'billPartnerApi',
			resource: 'riskVerification',
			operation: 'create',
			actForOrganization: organization,
			actAsUser: userId,
		});
		expect(started).toMatchObject({ processingStatus: 'IN_PROGRESS' });
	});

	it("refuses another organization's ID, bad input and the wrong credential before sending", async () => {
		const credentials = partnerScope();
		const { output } = await runBill(
			credentials,
			partner('getManyUsers', {
				partnerOrganizationId: byId('00802NOTTHEPARTNERS1'),
				returnAll: true,
			}),
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'BDC_1146' });
		const cases: Array<[INodeParameters, RegExp]> = [
			[
				partner('createUser', {
					partnerOrganizationId: byId(client.organizationId),
					firstName: 'A',
					email: 'a@b.example',
					username: expr('a@b.example'),
					acceptTermsOfService: true,
				}),
				/^Username: /,
			],
			[
				partner('createOrganization', {
					...newOrganization,
					address: { line1: 'x', city: 'y', country: 'US' },
				}),
				/^Address → zipOrPostalCode: is required \[item 0\]$/,
			],
			[
				partner('updatePricePlan', {
					partnerOrganizationId: byId(client.organizationId),
					pricePlanType: expr('Gold'),
				}),
				/^Price Plan: must be one of/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials, parameters);
			expect(error?.message).toMatch(message);
		}
		const wrong = await runBill(
			partnerCredentials(emulator),
			partner('getManyOrganizations', { returnAll: true }),
		);
		expect(wrong.error?.message).toMatch(
			/^Authentication: partner operations need .*scope "Partner/,
		);
		const organizationCredential = await runBill(billCredentials(emulator), {
			...partner('getManyOrganizations', { returnAll: true }),
			authentication: 'billApi',
		});
		expect(organizationCredential.error?.message).toMatch(/^Authentication: /);
		expect(
			emulator.requests({ method: 'POST' }).filter((e) => e.route !== '/v3/partner/login'),
		).toHaveLength(0);
	});
});
