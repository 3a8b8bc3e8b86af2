/**
 * Runs the emulator on its own: `npm run emulator -- --port 4010 --latency 50 --seed`.
 * Prints one JSON line `{ "baseUrl": ..., "fixtures": ... }` once it listens, then the control
 * API (/__emulator/*) serves tests and benchmarks in other processes.
 */
import { startEmulator } from './index';
import { seedDemoData } from './seed';

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
	});
	if (flag('seed')) seedDemoData(emulator);
	console.log(JSON.stringify({ baseUrl: emulator.baseUrl, url: emulator.url, fixtures: emulator.fixtures }));
	const stop = () => void emulator.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
