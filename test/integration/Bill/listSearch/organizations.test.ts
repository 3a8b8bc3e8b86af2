/** The searchable lists of the partner and organization resources. */
import { listSearch } from '../../../../nodes/Bill/listSearch';
import { startEmulator, type Emulator } from '../../../../emulator';
import { seedClientOrganizations } from '../../../../emulator/seedOrganizations';
import { billCredentials, billNode, byId, partnerCredentials } from '../../../harness/bill';
import { loadOptionsContext } from '../../../harness/context';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const partnerScope = () =>
	partnerCredentials(emulator, { scope: 'partner', organizationId: '', userId: '' });

describe('searchable lists', () => {
	it("the partner's organizations (a page of 100, then the next), matched by name; their users and roles", async () => {
		const clients = seedClientOrganizations(emulator, 120);
		const credentials = partnerScope();
		const context = loadOptionsContext({
			node: billNode,
			parameters: { authentication: 'billPartnerApi', resource: 'vendor', operation: 'getMany' },
			credentials,
		});
		const page1 = await listSearch.searchPartnerOrganizations.call(context);
		expect(page1.results).toHaveLength(100);
		const page2 = await listSearch.searchPartnerOrganizations.call(
			context,
			undefined,
			page1.paginationToken as string,
		);
		expect(page2.results).toHaveLength(22);
		const found = await listSearch.searchPartnerOrganizations.call(context, 'client 000007');
		expect(found.results).toEqual([{ name: clients[6].name, value: clients[6].organizationId }]);
		const withOrganization = loadOptionsContext({
			node: billNode,
			parameters: {
				authentication: 'billPartnerApi',
				resource: 'partner',
				operation: 'createUser',
				partnerOrganizationId: byId(clients[0].organizationId),
			},
			credentials,
		});
		const users = await listSearch.searchPartnerUsers.call(withOrganization);
		expect(users.results.map((u) => u.value)).toEqual([clients[0].userId]);
		const roles = await listSearch.searchPartnerRoles.call(withOrganization, 'clerk');
		expect(roles.results.map((r) => r.name)).toEqual(['Clerk']);
	});

	it('the partner lists say which credential they need', async () => {
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'vendor', operation: 'getMany' },
			credentials: billCredentials(emulator),
		});
		await expect(listSearch.searchPartnerOrganizations.call(context)).rejects.toThrow(
			/scope "Partner \(All Organizations\)"/,
		);
	});

	it("the organization's users, roles and billing statements", async () => {
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'user', operation: 'get' },
			credentials: billCredentials(emulator),
		});
		const users = await listSearch.searchUsers.call(context, 'clerk');
		expect(users.results).toEqual([
			{ name: 'ap clerk — ap.clerk@example.com', value: emulator.fixtures.clerk.userId },
		]);
		const roles = await listSearch.searchRoles.call(context);
		expect(roles.results.map((r) => r.name)).toEqual([
			'Accountant',
			'Administrator',
			'Approver',
			'Auditor',
			'Clerk',
			'Payer',
		]);
		const statements = await listSearch.searchBillingStatements.call(context);
		expect(statements.results).toHaveLength(3);
	});
});
