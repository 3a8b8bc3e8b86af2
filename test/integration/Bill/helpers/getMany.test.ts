/**
 * The queries the Get Many operations send BILL (filters, sort, page size) and the errors of bad
 * filters, for the same inputs, are those of test/fixtures/get-many-queries.json, written by the
 * node before its filters were declared per operation and built by one helper (listQuery).
 *
 * To rewrite the fixture after a deliberate change (review the diff):
 *   UPDATE_QUERY_FIXTURE=1 npx jest test/integration/Bill/helpers/getMany.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, runBill } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());

const V = '00902ABCDEFGHIJKLMNO';
const V2 = '00902ABCDEFGHIJKLMNP';
const B = '00n02ABCDEFGHIJKLMNO';
const B2 = '00n02ABCDEFGHIJKLMNP';
const P = 'stp02ABCDEFGHIJKLMNO';
const P2 = 'stp02ABCDEFGHIJKLMNP';
const A = 'bac02ABCDEFGHIJKLMNO';
const A2 = 'bac02ABCDEFGHIJKLMNP';
const times = {
	createdAfter: '2026-01-01T10:00:00+02:00',
	createdBefore: '2026-02-01',
	updatedAfter: '2026-03-01T00:00:00Z',
	updatedBefore: '2026-04-01T12:30:00.000Z',
};
const sort = { sortBy: { field: 'createdTime', direction: 'desc' } };
const cases: Array<[string, Record<string, unknown>]> = [
	['bill none', { resource: 'bill', operation: 'getMany', returnAll: true }],
	[
		'bill one',
		{
			resource: 'bill',
			operation: 'getMany',
			returnAll: true,
			sort,
			filters: {
				vendorId: byId(V),
				ids: B,
				paymentStatuses: ['UNPAID'],
				dueDateFrom: '2026-12-02',
				dueDateTo: '2026-12-31T05:00:00Z',
				archived: false,
				...times,
			},
		},
	],
	[
		'bill many',
		{
			resource: 'bill',
			operation: 'getMany',
			returnAll: true,
			filters: {
				vendorId: V,
				ids: `${B}, ${B2}`,
				paymentStatuses: ['UNPAID', 'PARTIAL'],
				archived: true,
				createdAfter: '2026-01-01',
			},
		},
	],
	[
		'bill bad id',
		{ resource: 'bill', operation: 'getMany', returnAll: true, filters: { ids: 'x' } },
	],
	[
		'bill bad date',
		{ resource: 'bill', operation: 'getMany', returnAll: true, filters: { dueDateTo: 'soon' } },
	],
	[
		'bill bad time',
		{ resource: 'bill', operation: 'getMany', returnAll: true, filters: { updatedBefore: 'soon' } },
	],
	[
		'bill bad vendor',
		{ resource: 'bill', operation: 'getMany', returnAll: true, filters: { vendorId: byId('123') } },
	],
	[
		'vendor one',
		{
			resource: 'vendor',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			sort,
			filters: {
				nameStartsWith: 'Ac me"',
				name: 'Acme, Inc.',
				archived: false,
				accountTypes: ['BUSINESS'],
				billCurrencies: 'usd',
				...times,
			},
		},
	],
	[
		'vendor many',
		{
			resource: 'vendor',
			operation: 'getMany',
			returnAll: true,
			filters: {
				accountTypes: ['BUSINESS', 'PERSON'],
				billCurrencies: 'usd, cad\neur',
				archived: true,
			},
		},
	],
	[
		'payment one',
		{
			resource: 'payment',
			operation: 'getMany',
			returnAll: true,
			sort,
			filters: {
				ids: P,
				vendorIds: V,
				statuses: ['PAID'],
				processDateFrom: '2026-01-01',
				processDateTo: '2026-02-01',
				...times,
			},
		},
	],
	[
		'payment many',
		{
			resource: 'payment',
			operation: 'getMany',
			returnAll: true,
			filters: { ids: `${P},${P2}`, vendorIds: `${V} ${V2}`, statuses: ['PAID', 'VOID'] },
		},
	],
	[
		'payment bad',
		{
			resource: 'payment',
			operation: 'getMany',
			returnAll: true,
			filters: { vendorIds: `${V} ${B}` },
		},
	],
	[
		'bank one',
		{
			resource: 'bankAccount',
			operation: 'getMany',
			returnAll: true,
			sort,
			filters: {
				ids: A,
				archived: false,
				statuses: ['VERIFIED'],
				type: 'CHECKING',
				ownerType: 'BUSINESS',
				accessToAdmins: true,
				...times,
			},
		},
	],
	[
		'bank many',
		{
			resource: 'bankAccount',
			operation: 'getMany',
			returnAll: true,
			filters: { ids: `${A},${A2}`, statuses: ['VERIFIED', 'PENDING'], accessToAdmins: false },
		},
	],
	[
		'bank users',
		{
			resource: 'bankAccount',
			operation: 'getManyUsers',
			returnAll: true,
			currentUser: true,
			sort: { sortBy: { field: 'archived' } },
			filters: { bankAccountId: byId(A), archived: false },
		},
	],
	['bank users none', { resource: 'bankAccount', operation: 'getManyUsers', returnAll: true }],
	[
		'bank users bad',
		{
			resource: 'bankAccount',
			operation: 'getManyUsers',
			returnAll: true,
			filters: { bankAccountId: 'nope' },
		},
	],
];

const FIXTURE = join(__dirname, '..', '..', '..', 'fixtures', 'get-many-queries.json');

it('sends the same queries and refuses the same bad filters as before', async () => {
	const credentials = billCredentials(emulator);
	const out: Record<string, unknown> = {};
	for (const [name, parameters] of cases) {
		const queries: unknown[] = [];
		const saved = emulator.routes.map((r) => [r, r.handler] as const);
		for (const [route, handler] of saved) {
			route.handler = (context) => {
				queries.push({ path: context.path ?? route.pattern, query: context.query });
				return handler(context);
			};
		}
		const result = await runBill(credentials, parameters as never);
		for (const [route, handler] of saved) route.handler = handler;
		out[name] = {
			queries: queries.filter((q) => !JSON.stringify(q).includes('login')),
			error: result.error
				? {
						message: result.error.message,
						description: (result.error as { description?: string }).description,
					}
				: undefined,
		};
	}
	if (process.env.UPDATE_QUERY_FIXTURE)
		writeFileSync(FIXTURE, `${JSON.stringify(out, null, '\t')}\n`);
	expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
});
