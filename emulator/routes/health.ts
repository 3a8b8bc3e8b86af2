/**
 * "Check app health" (`GET /v3/health`): no authentication headers, `{appId, appEnv, appVersion,
 * bdcRegion}` (BILL's Postman collection shows only the field names; the values are the emulator's).
 */
import type { Emulator } from '../server';

export function registerHealth(emulator: Emulator): void {
	emulator.add(
		'GET',
		'/v3/health',
		() => ({
			body: {
				appId: 'bill-v3-api-emulator',
				appEnv: 'sandbox',
				appVersion: '3.0.0-emulator',
				bdcRegion: 'us-west-2',
			},
		}),
		{ auth: 'none' },
	);
}
