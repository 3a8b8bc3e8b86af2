/**
 * Credentials as n8n's server keeps and applies them, for n8n-core in the test harness:
 * - `CredentialStore` stands in for n8n's credential database (one credential per type);
 * - `TestCredentialsHelper` is n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts
 *   in n8n-io/n8n), the part of n8n's server that n8n-core asks for credentials: it reads them
 *   from the store, runs the credential's `preAuthentication` when its expirable field is empty
 *   or expired (storing what it returns, as n8n saves it in its database) and applies the
 *   `authenticate` block through the workflow's expression engine. n8n-core's own
 *   `httpRequestWithAuthentication` calls it, sends the request, and on HTTP 401 asks for a new
 *   login and retries once.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression } from 'n8n-workflow';

import { BillApi } from '../../credentials/BillApi.credentials';
import { BillConsoleApi } from '../../credentials/BillConsoleApi.credentials';
import { BillOAuthApi } from '../../credentials/BillOAuthApi.credentials';
import { BillPartnerApi } from '../../credentials/BillPartnerApi.credentials';

export const credentialTypes: Record<string, ICredentialType> = {
	billApi: new BillApi(),
	billPartnerApi: new BillPartnerApi(),
	billOAuthApi: new BillOAuthApi(),
	billConsoleApi: new BillConsoleApi(),
};

/** Stands in for n8n's credential database: what preAuthentication returns is kept here. */
export class CredentialStore {
	readonly data: Record<string, ICredentialDataDecryptedObject> = {};
	/** How many times n8n called a credential's preAuthentication (logins). */
	preAuthentications = 0;

	constructor(initial: Record<string, ICredentialDataDecryptedObject> = {}) {
		for (const [type, value] of Object.entries(initial)) this.set(type, value);
	}

	/** Stores a credential as n8n's editor saves it: every field, defaults for those not given. */
	set(type: string, value: ICredentialDataDecryptedObject) {
		const defaults = Object.fromEntries(
			credentialTypes[type].properties.map((p) => [p.name, p.default as unknown]),
		) as ICredentialDataDecryptedObject;
		this.data[type] = { ...defaults, ...value };
	}

	get(type: string): ICredentialDataDecryptedObject {
		const value = this.data[type];
		if (!value) throw new Error(`No credentials of type ${type} in the test store`);
		return structuredClone(value);
	}
}

/** The credentials of a node: each type in the store, as n8n links a saved credential. */
export function nodeCredentialsOf(store: CredentialStore): INode['credentials'] {
	return Object.fromEntries(
		Object.keys(store.data).map((type) => [type, { id: `credential-${type}`, name: type }]),
	);
}

/** n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts) over a CredentialStore. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type].properties;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return this.store.get(type);
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('the test harness reads credentials through getDecrypted only');
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.data[type] = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {
		throw new Error('our credentials have no OAuth tokens');
	}

	/** As n8n: the generic `authenticate` block's keys and values, resolved as expressions. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialTypes[typeName];
		if (typeof authenticate === 'function')
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) throw new Error('declarative authentication needs the workflow');
			const resolve = (value: string) =>
				isExpression(value)
					? String(
							workflow.expression.getSimpleParameterValue(
								node,
								value,
								'internal',
								{ $credentials: credentials },
								undefined,
								'',
							) ?? '',
						)
					: value;
			const target = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					target[outerKey] ??= {};
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	/** As n8n: log in when the expirable field is empty or expired; keep what the login returns. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = credentialTypes[typeName];
		const expirable = credentialType.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.store.preAuthentications++;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined || !node.credentials?.[typeName]) return undefined;
		const stored: ICredentialDataDecryptedObject = this.store.get(typeName);
		for (const [key, value] of Object.entries(output)) {
			if (key === expirable.name || !isExpression(stored[key]))
				stored[key] = value as ICredentialDataDecryptedObject[string];
		}
		await this.updateCredentials(node.credentials[typeName], typeName, stored);
		return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = credentialTypes[typeName];
		if (typeof preAuthentication !== 'function') return undefined;
		return (await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}
}
