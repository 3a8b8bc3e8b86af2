/**
 * Start a BILL v3 emulator for a test, the demo or a benchmark:
 *   const emulator = await startEmulator();
 *   credentials: { environment: 'custom', customBaseUrl: emulator.baseUrl, ...emulator.fixtures }
 *   await emulator.stop();
 */
import { registrations } from './routes';
import { Emulator, type EmulatorOptions } from './server';

export { Emulator, SESSION_IDLE_MS, type EmulatorOptions } from './server';
export { FIXTURES, type Fixtures } from './state';
export type { Fault } from './faults';
export { DEFAULT_READINGS, type Readings } from './readings';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const emulator = new Emulator(options);
	for (const register of registrations) register(emulator);
	return await emulator.start(options.port);
}
