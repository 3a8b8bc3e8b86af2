/**
 * The collection's variables, made on demand for one request: a fresh trusted admin session,
 * a vendor, a bill, a verified bank account, an MFA challenge and so on, each created through
 * the emulator's API as a user would (postman.test.ts fills BILL's requests with them). The
 * makers are tables, one per side of BILL: organizationVariables.ts, payableVariables.ts,
 * receivableVariables.ts, and spendVariables.ts for Spend & Expense.
 */
import type axios from 'axios';

import type { Emulator } from '../../emulator';
import type { Fixtures } from '../../emulator/state';
import { CLASSIFICATION_VARIABLES } from './apDepth';
import { ORGANIZATION_VARIABLES } from './organizationVariables';
import { PAYABLE_VARIABLES } from './payableVariables';
import type { PostmanRequest } from './postman';
import { RECEIVABLE_VARIABLES } from './receivableVariables';
import { spendVariable } from './spendVariables';

/** What a maker gets: the variables made so far, the request being filled, the variable's name. */
export interface MakerInput {
	v: Variables;
	request: PostmanRequest;
	name: string;
	f: Fixtures;
}

/** Variables' names and how to make them. */
export type Makers = Array<
	[names: string[], make: (input: MakerInput) => string | Promise<string>]
>;

const MAKERS: Makers = [...ORGANIZATION_VARIABLES, ...PAYABLE_VARIABLES, ...RECEIVABLE_VARIABLES];

export class Variables {
	readonly cache = new Map<string, string>();

	constructor(
		readonly emulator: Emulator,
		readonly http: ReturnType<typeof axios.create>,
	) {}

	async get(name: string, request: PostmanRequest): Promise<string> {
		if (!this.cache.has(name)) this.cache.set(name, await this.make(name, request));
		return this.cache.get(name)!;
	}

	async call(
		method: string,
		path: string,
		body?: unknown,
		host: 'api' | 'events' = 'api',
		extra: Record<string, string> = {},
	) {
		const base = host === 'events' ? this.emulator.eventsBaseUrl : this.emulator.baseUrl;
		const headers = {
			devKey: this.emulator.fixtures.devKey,
			sessionId: await this.get('session_id', undefined as never),
			...extra,
		};
		const response = await this.http.request({ method, url: base + path, data: body, headers });
		if (response.status >= 300)
			throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.data)}`);
		return response.data as Record<string, unknown>;
	}
	private async make(name: string, request: PostmanRequest): Promise<string> {
		const maker = MAKERS.find(([names]) => names.includes(name));
		if (maker) return await maker[1]({ v: this, request, name, f: this.emulator.fixtures });
		const spend = await spendVariable(
			name,
			this.emulator,
			this.http,
			(n) => this.get(n, request),
			request.path,
		);
		if (spend !== undefined) return spend;
		if (CLASSIFICATION_VARIABLES[name]) {
			const { path, body } = CLASSIFICATION_VARIABLES[name];
			return String((await this.call('POST', `/v3/classifications/${path}`, body)).id);
		}
		throw new Error(
			`The contract test does not know how to make {{${name}}} (${request.method} ${request.path})`,
		);
	}
}
