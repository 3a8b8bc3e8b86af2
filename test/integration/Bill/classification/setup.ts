/**
 * Set-up for the Classification tests, in-process against the emulator (over the seven types):
 * what the emulator stored and which requests it was sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../../../../emulator';
import { setBulkReading, storedClassifications } from '../../../../emulator/routes/classifications';

export let emulator: Emulator;

export const stored = () => [...storedClassifications(emulator.state).values()];
export const sent = (route: RegExp | string, method?: string) =>
	emulator.requests({ route, method }).length;

export const create = (classificationType: string, fields: IDataObject): INodeParameters => ({
	resource: 'classification',
	operation: 'create',
	classificationType,
	...fields,
});

/** One emulator for the file, reset before each test, bulk calls read as atomic. */
export function useClassificationEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(async () => emulator.stop());
	beforeEach(() => {
		emulator.reset();
		setBulkReading(emulator, 'atomic');
	});
}
