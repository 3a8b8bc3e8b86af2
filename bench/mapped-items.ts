/**
 * Create Many with fields mapped per item by expressions, 1,000 vendors and 1,000 bills, on the
 * n8n-core harness against the in-process emulator: how long the node spends before its first
 * request to BILL (reading and checking the items) and in all.
 *
 *   npx tsx bench/mapped-items.ts [--items 1000] [--runs 3]
 *
 * The harness evaluates expressions with n8n-workflow's in-process (legacy) evaluator, about ten
 * times cheaper than the isolated-vm sandbox n8n 2.41's server uses (which needs a whole workflow
 * execution to start): what the node itself spends per item shows here, the sandbox's cost only
 * in `npm run bench -- --jobs create,vendors --variants ours` (bench/RESULTS.md).
 */
import type { IDataObject } from 'n8n-workflow';

// Bill.node.ts by its full name: tsx would take Bill.node.json (the codex file) for `Bill.node`.
import { Bill } from '../nodes/Bill/Bill.node.ts';
import { startEmulator, type Emulator } from '../emulator';
import { CredentialStore, runNode } from '../test/harness/context';
import { seedVendor } from '../emulator/routes/bills';

const arg = (name: string, fallback: number) => {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const count = arg('items', 1000);
const runs = arg('runs', 3);

const node = new Bill();
const credentials = (emulator: Emulator) => {
	const f = emulator.fixtures;
	return new CredentialStore({
		billApi: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
			mfaId: f.mfaId,
			deviceName: f.device,
		},
	});
};

async function main() {
	const emulator = await startEmulator();
	const jobs: Array<{
		name: string;
		parameters: IDataObject;
		items: () => IDataObject[];
	}> = [
		{
			name: `Vendor → Create Many, ${count} items`,
			parameters: {
				resource: 'vendor',
				operation: 'createMany',
				name: '={{ $json.name }}',
				accountType: 'BUSINESS',
				email: '={{ $json.email }}',
				phone: '={{ $json.phone }}',
				address: {
					line1: '={{ $json.line1 }}',
					city: '={{ $json.city }}',
					zipOrPostalCode: '={{ $json.zip }}',
					country: 'US',
				},
				additionalFields: { accountNumber: '={{ $json.account }}' },
			},
			items: () =>
				Array.from({ length: count }, (_, i) => ({
					name: `Vendor ${i}`,
					email: `ap${i}@vendor.example`,
					phone: '555-0100',
					line1: `${i} Main St`,
					city: 'Springfield',
					zip: '12345',
					account: `A-${i}`,
				})),
		},
		{
			name: `Bill → Create Many (One Bill per Input Item), ${count} items`,
			parameters: {
				resource: 'bill',
				operation: 'createMany',
				billsInput: 'items',
				vendorId: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
				invoiceNumber: '={{ $json.invoice }}',
				invoiceDate: '={{ $json.invoiceDate }}',
				dueDate: '={{ $json.dueDate }}',
				lineItemsInput: 'fields',
				lineItems: {
					lineItem: [
						{
							pricedBy: 'amount',
							amount: '={{ $json.amount }}',
							description: '={{ $json.memo }}',
						},
					],
				},
				additionalFields: { description: '={{ $json.memo }}' },
			},
			items: () => {
				const vendorId = seedVendor(emulator, 'Bench Vendor');
				return Array.from({ length: count }, (_, i) => ({
					vendorId,
					invoice: `INV-${i}`,
					invoiceDate: '2026-11-01',
					dueDate: '2026-12-01',
					amount: 10 + (i % 50),
					memo: `Bill ${i}`,
				}));
			},
		},
	];
	for (const job of jobs) {
		const before: number[] = [];
		const total: number[] = [];
		for (let run = 0; run < runs; run++) {
			emulator.reset();
			const items = job.items();
			const start = Date.now();
			const { output, error } = await runNode({
				node,
				parameters: job.parameters,
				credentials: credentials(emulator),
				items,
			});
			const end = Date.now();
			if (error) throw error;
			if (output.length !== count) throw new Error(`${job.name}: ${output.length} items out`);
			const first = Math.min(...emulator.requests().map((r) => Date.parse(r.at)));
			before.push(first - start);
			total.push(end - start);
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		console.log(
			`${job.name}: before the first request ${(median(before) / 1000).toFixed(2)} s, in all ${(median(total) / 1000).toFixed(2)} s (median of ${runs}; runs: ${before.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s before)`,
		);
	}
	await emulator.stop();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
