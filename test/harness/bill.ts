/**
 * Shorthands for tests of the BILL node against the emulator:
 *   const emulator = await startEmulator();
 *   const credentials = billCredentials(emulator);            // admin, MFA-trusted
 *   const { output, error } = await runBill(credentials, { resource: 'vendor', operation: 'create', ... });
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { Bill } from '../../nodes/Bill/Bill.node';
import type { Emulator } from '../../emulator';
import { CredentialStore, runNode, type RunResult } from './context';

export { expr } from './context';

export const billNode = new Bill();

export interface CredentialOptions {
	/** Log in as the fixture's non-administrator (CLERK) user. */
	clerk?: boolean;
	/** Leave out the MFA ID, so the session is not MFA-trusted. */
	untrusted?: boolean;
	overrides?: ICredentialDataDecryptedObject;
}

export function billCredentials(
	emulator: Emulator,
	options: CredentialOptions = {},
): CredentialStore {
	const f = emulator.fixtures;
	const user = options.clerk ? f.clerk : f.admin;
	const trusted = !options.untrusted && !options.clerk;
	return new CredentialStore({
		billApi: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			username: user.username,
			password: user.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
			mfaId: trusted ? f.mfaId : '',
			deviceName: trusted ? f.device : '',
			...(options.overrides ?? {}),
		},
	});
}

export function partnerCredentials(
	emulator: Emulator,
	overrides: ICredentialDataDecryptedObject = {},
): CredentialStore {
	const f = emulator.fixtures;
	return new CredentialStore({
		billPartnerApi: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			appKey: f.appKey,
			username: f.partner.username,
			password: f.partner.password,
			scope: 'organization',
			organizationId: f.organizationId,
			userId: f.admin.userId,
			devKey: f.devKey,
			...overrides,
		},
	});
}

export interface RunBillOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** Another instance of the node, e.g. loaded in a fresh module registry (a new n8n process). */
	node?: INodeType;
	/** The node's typeVersion (as saved in the workflow); 1 unless given. */
	typeVersion?: number;
}

export async function runBill(
	credentials: CredentialStore,
	parameters: INodeParameters | ((itemIndex: number, json: IDataObject) => INodeParameters),
	options: RunBillOptions = {},
): Promise<RunResult> {
	return await runNode({
		node: options.node ?? billNode,
		parameters,
		credentials,
		items: options.items,
		continueOnFail: options.continueOnFail,
		typeVersion: options.typeVersion,
	});
}

/** The output items' json, or the run's error thrown (for tests that expect success). */
export async function runBillOk(
	credentials: CredentialStore,
	parameters: INodeParameters | ((itemIndex: number, json: IDataObject) => INodeParameters),
	options: RunBillOptions = {},
): Promise<IDataObject[]> {
	const { output, error } = await runBill(credentials, parameters, options);
	if (error) throw error;
	return output.map((item) => item.json);
}

/** A resource-locator value picked "By ID". */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
