/**
 * Shorthands for tests of the BILL Spend & Expense node against the emulator:
 *   const credentials = spendCredentials(emulator);      // the ADMIN user's API token
 *   const items = await runSpendOk(credentials, { resource: 'budget', operation: 'getMany', ... });
 */
import type { IBinaryKeyData, IDataObject, INodeParameters } from 'n8n-workflow';

import { BillSpendApi } from '../../credentials/BillSpendApi.credentials';
import { BillSpend } from '../../nodes/BillSpend/BillSpend.node';
import type { Emulator } from '../../emulator';
import { SPEND_FIXTURES } from '../../emulator/routes/spendState';
import { CredentialStore, credentialTypes, runNode, type RunResult } from './context';

export { expr } from './context';

credentialTypes.billSpendApi = new BillSpendApi();

export const spendNode = new BillSpend();

export function spendCredentials(
	emulator: Emulator,
	options: { member?: boolean; apiToken?: string } = {},
): CredentialStore {
	return new CredentialStore({
		billSpendApi: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			apiToken:
				options.apiToken ??
				(options.member ? SPEND_FIXTURES.memberApiToken : SPEND_FIXTURES.apiToken),
		},
	});
}

export interface RunSpendOptions {
	items?: IDataObject[];
	binary?: Array<IBinaryKeyData | undefined>;
	continueOnFail?: boolean;
	/** The node's typeVersion (as saved in the workflow); 1 unless given. */
	typeVersion?: number;
}

/** The node's parameters (values from the emulator's objects are `unknown`-typed). */
export type SpendParameters =
	| Record<string, unknown>
	| ((itemIndex: number, json: IDataObject) => Record<string, unknown>);

export async function runSpend(
	credentials: CredentialStore,
	parameters: SpendParameters,
	options: RunSpendOptions = {},
): Promise<RunResult> {
	return await runNode({
		node: spendNode,
		parameters: parameters as INodeParameters | ((i: number, json: IDataObject) => INodeParameters),
		credentials,
		...options,
	});
}

export async function runSpendOk(
	credentials: CredentialStore,
	parameters: SpendParameters,
	options: RunSpendOptions = {},
): Promise<IDataObject[]> {
	const { output, error } = await runSpend(credentials, parameters, options);
	if (error) throw error;
	return output.map((item) => item.json);
}

/** A resource-locator value picked "By ID" (or from the list: the same value). */
export const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });

/** A tiny PNG (1×1) as n8n keeps binary data. */
export const PNG: IBinaryKeyData = {
	data: {
		data: Buffer.from(
			'89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
				'1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
			'hex',
		).toString('base64'),
		mimeType: 'image/png',
		fileName: 'receipt.png',
	},
};
