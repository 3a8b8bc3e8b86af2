/**
 * Schema Preview: n8n's editor shows an operation's output before it has run by asking
 * `/schemas/<node type>/<x.y.z>/<resource>/<operation>.json`, which n8n serves from
 * `<node folder>/__schema__/v<x.y.z>/<resource>/<operation>.json` (n8n-core's
 * resolveOutputSchemaPath). We ship them for every Get and Get Many of both nodes and for the
 * creates (a create returns the object Get returns), at each node version (version 1 outputs
 * BILL's object, 1.1 the simplified one).
 *
 * The files are generated from what the node outputs against the emulator, so they cannot drift:
 * this test runs every Get Many and Get, infers the schema the way n8n's editor infers one from
 * data (an object's properties, an array's first item, a value's type), and compares it with the
 * committed file. After a deliberate change of an output:
 *   UPDATE_OUTPUT_SCHEMAS=1 npx jest test/integration/schemas
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { IDataObject, INodeProperties, INodeType } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { seedDemoData } from '../../../emulator/seed';
import { billCredentials, billNode } from '../../harness/bill';
import { runNode, type CredentialStore } from '../../harness/context';
import { spendCredentials, spendNode } from '../../harness/spend';

const UPDATE = process.env.UPDATE_OUTPUT_SCHEMAS === '1';
const NODES = join(__dirname, '..', '..', '..', 'nodes');

type Schema = { type: string; properties?: Record<string, Schema>; items?: Schema };

/** n8n's editor's inference (useRunWorkflow's schema of data), with types merged over items. */
function schemaOf(value: unknown): Schema {
	if (value === null || value === undefined) return { type: 'null' };
	if (Array.isArray(value))
		return { type: 'array', items: value.length ? merge(value.map(schemaOf)) : ({} as Schema) };
	if (typeof value === 'object')
		return {
			type: 'object',
			properties: Object.fromEntries(
				Object.keys(value)
					.sort()
					.map((key) => [key, schemaOf((value as IDataObject)[key])]),
			),
		};
	return { type: ['string', 'number', 'boolean'].includes(typeof value) ? typeof value : 'string' };
}

/** One schema for several samples: object properties united, `null` giving way to a real type. */
function merge(schemas: Schema[]): Schema {
	const typed = schemas.filter((s) => s.type !== 'null');
	if (!typed.length) return schemas[0] ?? { type: 'null' };
	const [first] = typed;
	if (first.type === 'object') {
		const keys = [...new Set(typed.flatMap((s) => Object.keys(s.properties ?? {})))].sort();
		return {
			type: 'object',
			properties: Object.fromEntries(
				keys.map((k) => [
					k,
					merge(typed.map((s) => s.properties?.[k]).filter(Boolean) as Schema[]),
				]),
			),
		};
	}
	if (first.type === 'array') {
		const items = typed.map((s) => s.items).filter((s): s is Schema => !!s?.type);
		return { type: 'array', items: items.length ? merge(items) : ({} as Schema) };
	}
	return first;
}

interface Target {
	folder: string;
	node: INodeType;
	credentials: () => CredentialStore;
}

const optionValues = (p?: INodeProperties) =>
	(p?.options ?? []).map((o) => String((o as { value?: unknown }).value));

function operationsOf(node: INodeType, resource: string): string[] {
	return node.description.properties
		.filter(
			(p) =>
				p.name === 'operation' &&
				optionValues(p) &&
				p.displayOptions?.show?.resource?.includes(resource),
		)
		.flatMap(optionValues);
}

/** The required resource locator of resource → get (the object to read). */
function locatorOf(node: INodeType, resource: string): string | undefined {
	return node.description.properties.find(
		(p) =>
			p.type === 'resourceLocator' &&
			p.required &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes('get'),
	)?.name;
}

/** The node versions with schemas: every version the nodes have (a test below checks it). */
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0'];

/** n8n's name of a version's folder: 1.2 → "1.2.0" (padVersion in n8n-core's resolver). */
const padVersion = (version: number) =>
	String(version).split('.').concat(['0', '0']).slice(0, 3).join('.');

async function outputs(
	target: Target,
	parameters: IDataObject,
	typeVersion: number,
): Promise<IDataObject[]> {
	const { output, error } = await runNode({
		node: target.node,
		parameters: parameters as never,
		credentials: target.credentials(),
		typeVersion,
	});
	return error ? [] : output.map((item) => item.json);
}

/** { "v1.1.0/vendor/get.json": schema, … } for one node. */
async function generate(target: Target): Promise<Map<string, Schema>> {
	const files = new Map<string, Schema>();
	const resources = optionValues(
		target.node.description.properties.find((p) => p.name === 'resource'),
	);
	for (const resource of resources) {
		const operations = operationsOf(target.node, resource);
		if (!operations.includes('getMany')) continue;
		for (const version of VERSIONS) {
			const typeVersion = Number(version.split('.').slice(0, 2).join('.'));
			const many = await outputs(
				target,
				{ resource, operation: 'getMany', returnAll: false, limit: 10 },
				typeVersion,
			);
			if (!many.length) continue;
			files.set(`v${version}/${resource}/getMany.json`, merge(many.map(schemaOf)));
			const locator = locatorOf(target.node, resource);
			const found = many.find((item) => (item.id ?? item.uuid) !== undefined);
			const id = found?.id ?? found?.uuid;
			if (!operations.includes('get') || !locator || id === undefined) continue;
			const one = await outputs(
				target,
				{ resource, operation: 'get', [locator]: { __rl: true, mode: 'id', value: String(id) } },
				typeVersion,
			);
			if (!one.length) continue;
			files.set(`v${version}/${resource}/get.json`, merge(one.map(schemaOf)));
			if (operations.includes('create'))
				files.set(`v${version}/${resource}/create.json`, merge(one.map(schemaOf)));
		}
	}
	return files;
}

function committed(folder: string): Map<string, Schema> {
	const root = join(NODES, folder, '__schema__');
	const files = new Map<string, Schema>();
	const walk = (dir: string): void => {
		if (!existsSync(dir)) return;
		for (const name of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, name.name);
			if (name.isDirectory()) walk(path);
			else files.set(relative(root, path), JSON.parse(readFileSync(path, 'utf8')) as Schema);
		}
	};
	walk(root);
	return files;
}

function write(folder: string, files: Map<string, Schema>): void {
	const root = join(NODES, folder, '__schema__');
	rmSync(root, { recursive: true, force: true });
	for (const [file, schema] of files) {
		mkdirSync(dirname(join(root, file)), { recursive: true });
		writeFileSync(join(root, file), `${JSON.stringify(schema, null, '\t')}\n`);
	}
}

const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });

/** One object of each kind a Get Many lists, made through the node's own creates. */
async function seedObjects(): Promise<void> {
	const run = async (node: INodeType, credentials: CredentialStore, parameters: IDataObject) => {
		const { output, error } = await runNode({ node, parameters: parameters as never, credentials });
		if (error)
			throw new Error(
				`${String(parameters.resource)} → ${String(parameters.operation)}: ${error.message}`,
			);
		return output[0].json;
	};
	const bill = (parameters: IDataObject) => run(billNode, billCredentials(emulator), parameters);
	const vendorId = [...emulator.state.vendors.keys()][0];
	const customer = await bill({
		resource: 'customer',
		operation: 'create',
		name: 'Paperless Band',
		email: 'ap@paperless.example',
	});
	const customerId = byId(customer.id);
	const invoiceLines = { item: [{ description: 'Drum sticks', quantity: 2, price: 14.99 }] };
	const invoice = await bill({
		resource: 'invoice',
		operation: 'create',
		customerMode: 'existing',
		customerId,
		invoiceNumber: 'INV-1',
		lineItems: invoiceLines,
		additionalFields: { invoiceDate: '2026-12-01' },
	});
	await bill({
		resource: 'invoice',
		operation: 'recordPayment',
		customerId,
		paymentDate: '2026-12-05',
		paymentType: 'CREDIT_CARD',
		amount: 10,
		invoices: { invoice: [{ invoiceId: String(invoice.id), amount: 10 }] },
	});
	const billLines = { lineItem: [{ pricedBy: 'amount', amount: 120, description: 'Strings' }] };
	await bill({
		resource: 'bill',
		operation: 'create',
		vendorId: byId(vendorId),
		invoiceNumber: 'B-1',
		invoiceDate: '2026-11-01',
		dueDate: '2026-12-01',
		lineItemsInput: 'fields',
		lineItems: billLines,
	});
	await bill({
		resource: 'creditMemo',
		operation: 'create',
		customerId,
		referenceNumber: 'CM-1',
		creditDate: '2026-12-01',
		lineItems: {
			item: [{ description: 'Returned sticks', lineType: 'priced', quantity: 1, price: 14.99 }],
		},
	});
	await bill({
		resource: 'vendorCredit',
		operation: 'create',
		vendorId: byId(vendorId),
		referenceNumber: 'VC-1',
		creditDate: '2026-11-15',
		lineItems: { lineItem: [{ amount: 20, description: 'Returned' }] },
	});
	await bill({
		resource: 'recurringBill',
		operation: 'create',
		vendorId: byId(vendorId),
		period: 'MONTHLY',
		frequency: 1,
		nextDueDate: '2027-01-01',
		lineItems: { lineItem: [{ amount: 2500, description: 'Office rent' }] },
	});
	await bill({
		resource: 'recurringInvoice',
		operation: 'create',
		customerId,
		period: 'MONTHLY',
		frequency: 1,
		nextDueDate: '2027-01-01',
		lineItems: invoiceLines,
	});
	const spend = (parameters: IDataObject) => run(spendNode, spendCredentials(emulator), parameters);
	await spend({
		resource: 'customField',
		operation: 'create',
		name: 'Team offsite',
		values: ['Travel', 'Food'],
	});
	const user = await spend({ resource: 'user', operation: 'getMany', returnAll: false, limit: 1 });
	const budget = await spend({
		resource: 'budget',
		operation: 'getMany',
		returnAll: false,
		limit: 1,
	});
	await spend({
		resource: 'reimbursement',
		operation: 'create',
		userId: byId(user.uuid ?? user.id),
		budgetId: byId(budget.uuid ?? budget.id),
		amount: 42.5,
		merchantName: 'Jasmine Thai',
		occurredDate: '2026-11-20',
		note: 'Team lunch',
	});
}

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
	seedDemoData(emulator);
	await seedObjects();
});
afterAll(async () => await emulator.stop());

describe.each([
	[
		'Bill',
		() => ({ folder: 'Bill', node: billNode, credentials: () => billCredentials(emulator) }),
	],
	[
		'BillSpend',
		() => ({ folder: 'BillSpend', node: spendNode, credentials: () => spendCredentials(emulator) }),
	],
])('output schemas of %s', (_name, makeTarget) => {
	it('match what the node outputs against the emulator, for every Get, Get Many and Create', async () => {
		const target = makeTarget() as Target;
		const generated = await generate(target);
		if (UPDATE) write(target.folder, generated);
		expect(generated.size).toBeGreaterThan(10);
		const shipped = committed(target.folder);
		expect([...shipped.keys()].sort()).toEqual([...generated.keys()].sort());
		for (const [file, schema] of generated)
			expect({ file, schema: shipped.get(file) }).toEqual({ file, schema });
	}, 120_000);

	it("has schemas for every version of the node (n8n's /schemas route takes the exact version only)", () => {
		const target = makeTarget() as Target;
		const { version } = target.node.description;
		const versions = (Array.isArray(version) ? version : [version]).map(padVersion);
		expect([...versions].sort()).toEqual([...VERSIONS].sort());
	});
});
