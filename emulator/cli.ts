/**
 * Runs the emulator on its own: `npm run emulator -- --port 4010 --latency 50 --seed`
 * (`--readings keyHeaders=strict,notFound=badRequest` plays other readings, readings.ts).
 * (`--organizations 50` adds the partner's client organizations).
 * Prints one JSON line `{ "baseUrl": ..., "fixtures": ..., "routes": [...] }` once it listens,
 * then the control API (/__emulator/*) serves tests and benchmarks in other processes. `routes`
 * ("POST /v3/bills/bulk", "GET events /v3/subscriptions"...) tells a caller which BILL areas
 * this emulator answers, so the end-to-end tests run the examples it can serve.
 */
import { startEmulator } from './index';
import { seedDemoData } from './seed';
import { seedClientOrganizations } from './seedOrganizations';

function flag(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	if (i < 0) return undefined;
	const next = process.argv[i + 1];
	return next && !next.startsWith('--') ? next : 'true';
}

async function main() {
	const emulator = await startEmulator({
		port: Number(flag('port') ?? process.env.BILL_EMULATOR_PORT ?? 4010),
		latencyMs: Number(flag('latency') ?? 0),
		limits: flag('no-limits') === undefined,
		// --readings keyHeaders=strict,paymentFilters=strict (readings.ts)
		readings: Object.fromEntries(
			(flag('readings') ?? '')
				.split(',')
				.filter(Boolean)
				.map((pair) => pair.split('=')),
		),
	});
	if (flag('seed')) seedDemoData(emulator);
	// --organizations 50: the partner's client organizations (examples/16-partner-nightly-bills.json).
	if (flag('organizations')) seedClientOrganizations(emulator, Number(flag('organizations')));
	const routes = emulator.routes.map((r) =>
		r.host === 'api' ? `${r.method} ${r.pattern}` : `${r.method} ${r.host} ${r.pattern}`,
	);
	console.log(
		JSON.stringify({
			baseUrl: emulator.baseUrl,
			url: emulator.url,
			fixtures: emulator.fixtures,
			routes,
		}),
	);
	const stop = () => void emulator.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(`BILL emulator could not start: ${error.message}`);
	process.exit(1);
});
