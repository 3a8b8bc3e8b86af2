/** BILL Network and Risk Verification resources against the emulator. */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { seedVendor } from '../../../emulator/routes/bills';
import { listSearch } from '../../../nodes/Bill/listSearch';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';
import { loadOptionsContext } from '../../harness/context';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const network = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'network',
	operation,
	...extra,
});
const risk = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'riskVerification',
	operation,
	...extra,
});

describe('BILL Network', () => {
	it('finds whole words only in the BILL network, parts of names among RPPS billers', async () => {
		const credentials = billCredentials(emulator);
		const found = await runBillOk(credentials, network('search', { name: 'Harbor Freight' }));
		expect(found.map((o) => o.name)).toEqual(['Harbor Freight Logistics']);
		expect(await runBillOk(credentials, network('search', { name: 'Harb' }))).toEqual([]);
		const billers = await runBillOk(
			credentials,
			network('search', { name: 'Gas and', scope: 'RPPS' }),
		);
		expect(billers.map((o) => o.name)).toEqual(['Pacific Gas and Electric']);
	});

	it("refuses a name under BILL's 3 characters before sending, naming the parameter and the item", async () => {
		const { error } = await runBill(
			billCredentials(emulator),
			network('search', { name: expr('ab') }),
		);
		expect(error?.message).toBe('Name: must be 3 to 200 characters [item 0]');
		expect(emulator.requests({ route: '/v3/network' })).toHaveLength(0);
	});

	it('invites a vendor (pending), tells its status, cancels it; emails a vendor not in the network', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = seedVendor(emulator, 'Harbor Freight Logistics');
		const [network0] = await runBillOk(credentials, network('search', { name: 'Harbor Freight' }));
		const [invited] = await runBillOk(
			credentials,
			network('inviteVendor', { vendorId: byId(vendorId), networkId: String(network0.id) }),
		);
		expect(invited).toMatchObject({ id: vendorId, status: 'PENDING', networkId: network0.id });
		expect(emulator.state.vendors.get(vendorId)?.networkStatus).toBe('PENDING');
		const [status] = await runBillOk(
			credentials,
			network('getInvitation', { vendorId: byId(vendorId) }),
		);
		expect(status.status).toBe('PENDING');
		const [cancelled] = await runBillOk(
			credentials,
			network('cancelInvitation', { vendorId: byId(vendorId) }),
		);
		expect(cancelled.status).toBe('NOT_CONNECTED');
		const [emailed] = await runBillOk(
			credentials,
			network('emailInvitation', { vendorId: byId(vendorId), email: 'ap@harbor.example' }),
		);
		expect(emailed).toMatchObject({ sent: true });
		const { error } = await runBill(
			credentials,
			network('emailInvitation', { vendorId: byId(vendorId), email: expr('nobody') }),
		);
		expect(error?.message).toMatch(/^Email: "nobody" is not an email address \[item 0\]$/);
	});

	it('invites a customer by ID, and accepts an invitation', async () => {
		const credentials = billCredentials(emulator);
		const customerId = '0cu02EMULATORCUST001';
		const [invited] = await runBillOk(
			credentials,
			network('inviteCustomer', { customerId: byId(customerId), networkId: '0190000EMUPNI000001' }),
		);
		expect(invited).toMatchObject({ id: customerId, status: 'PENDING' });
		const [status] = await runBillOk(
			credentials,
			network('getInvitation', { counterparty: 'customer', customerId: byId(customerId) }),
		);
		expect(status.status).toBe('PENDING');
		const [accepted] = await runBillOk(
			credentials,
			network('accept', { networkId: '0190000EMUPNI000002', type: 'VENDOR' }),
		);
		expect(accepted).toMatchObject({ accepted: true, type: 'VENDOR' });
	});

	it('network: the existing record of Accept, from the vendors or customers as They Are Your says', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = seedVendor(emulator, 'Harbor Freight Logistics');
		for (const [shape, value] of [
			['saved plain string', vendorId],
			[
				'picked from the list',
				{ __rl: true, mode: 'list', value: vendorId, cachedResultName: 'x' },
			],
		] as const) {
			const [accepted] = await runBillOk(
				credentials,
				network('accept', { networkId: '0190000EMUPNI000002', type: 'VENDOR', recordId: value }),
			);
			expect([shape, accepted]).toEqual([
				shape,
				expect.objectContaining({ id: vendorId, type: 'VENDOR', accepted: true }),
			]);
		}
		const [customer] = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'create',
			name: 'Paperless Band',
			email: 'ap@paperless.example',
		});
		const records = async (type: string, filter: string) =>
			(
				await listSearch.searchNetworkRecords.call(
					loadOptionsContext({
						node: billNode,
						parameters: { resource: 'network', operation: 'accept', type },
						credentials,
					}),
					filter,
				)
			).results.map((r) => r.value);
		expect(await records('VENDOR', 'Harbor')).toEqual([vendorId]);
		expect(await records('CUSTOMER', 'Paperless')).toEqual([customer.id]);
		// The customer of an invitation: from the customers' list too.
		const customers = await listSearch.searchCustomers.call(
			loadOptionsContext({
				node: billNode,
				parameters: { resource: 'network', operation: 'inviteCustomer' },
				credentials,
			}),
			'Paper',
		);
		expect(customers.results.map((r) => r.value)).toEqual([customer.id]);
	});

	it("does not send an invitation again when BILL's answer is lost", async () => {
		const vendorId = seedVendor(emulator, 'Harbor Freight Logistics');
		emulator.addFault({
			kind: 'resetAfter',
			method: 'POST',
			path: `/v3/network/invitation/vendor/${vendorId}`,
		});
		const { output } = await runBill(
			billCredentials(emulator),
			network('inviteVendor', { vendorId: byId(vendorId), networkId: '0190000EMUPNI000002' }),
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ outcomeUnknown: true });
		expect(String(output[0].json.error)).toMatch(/Get Invitation/);
		expect(emulator.requests({ method: 'POST', route: /invitation/ })).toHaveLength(1);
	});
});

describe('Risk Verification', () => {
	it('adds a phone, starts the verification and reads it', async () => {
		const credentials = billCredentials(emulator);
		const [before] = await runBillOk(credentials, risk('get'));
		expect(before.processingStatus).toBe('NOT_STARTED');
		const [added] = await runBillOk(credentials, risk('addPhone', { phoneNumber: '4155550123' }));
		expect(added).toMatchObject({ added: true, phoneType: 'MOBILE' });
		const [phone] = await runBillOk(credentials, risk('getPhone'));
		expect(phone.hasPhone).toBe(true);
		const [started] = await runBillOk(credentials, risk('create'));
		expect(started).toMatchObject({ processingStatus: 'IN_PROGRESS', decision: 'IN_PROGRESS' });
		const [after] = await runBillOk(credentials, risk('get'));
		expect(after.referenceId).toBe(started.referenceId);
	});

	it("gives BILL's refusal for a user without the right, and refuses a bad phone before sending", async () => {
		const { output } = await runBill(billCredentials(emulator, { clerk: true }), risk('create'), {
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ code: 'BDC_1146', httpCode: '403' });
		const { error } = await runBill(
			billCredentials(emulator),
			risk('addPhone', { phoneNumber: expr('call me') }),
		);
		expect(error?.message).toMatch(/^Phone Number: "call me" is not a phone number \[item 0\]$/);
	});
});
