/**
 * Which node offers which sign-in (issue 27 §1): the BILL node every one; the Spend & Expense
 * node its API token (the default, for nodes saved before) and OAuth; the BILL Trigger only what
 * can subscribe to webhooks, with a notice saying why; a saved Spend node without the
 * "Authentication" parameter still uses its API token.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { Bill } from '../../nodes/Bill/Bill.node';
import { BillSpend } from '../../nodes/BillSpend/BillSpend.node';
import { spendCredentialOf } from '../../nodes/BillSpend/transport';
import { BillTrigger } from '../../nodes/BillTrigger/BillTrigger.node';
import { BillOAuthApi } from '../../credentials/BillOAuthApi.credentials';

const credentialNames = (node: { description: { credentials?: Array<{ name: string }> } }) =>
	(node.description.credentials ?? []).map((c) => c.name);
const authentication = (properties: INodeProperties[]) =>
	properties.find((p) => p.name === 'authentication');

describe('sign-ins offered by each node', () => {
	it('the BILL node: BILL API (default), Partner, OAuth and Accountant Console', () => {
		const bill = new Bill();
		expect(credentialNames(bill)).toEqual([
			'billApi',
			'billPartnerApi',
			'billOAuthApi',
			'billConsoleApi',
		]);
		expect(authentication(bill.description.properties)?.default).toBe('billApi');
	});

	it('the Spend & Expense node: its API token (default) and OAuth', () => {
		const spend = new BillSpend();
		expect(credentialNames(spend)).toEqual(['billSpendApi', 'billOAuthApi']);
		expect(authentication(spend.description.properties)?.default).toBe('billSpendApi');
	});

	it('a Spend node saved without "Authentication" keeps its API token', () => {
		const saved = {
			getNodeParameter: (name: string, _i: number, fallback: unknown) => {
				if (name === 'authentication') return fallback;
				throw new Error(`no ${name}`);
			},
		} as unknown as IExecuteFunctions;
		expect(spendCredentialOf(saved)).toBe('billSpendApi');
	});

	it('the BILL Trigger: only credentials that can subscribe, and a notice that says why', () => {
		const trigger = new BillTrigger();
		expect(credentialNames(trigger)).toEqual(['billApi', 'billPartnerApi']);
		const notice = trigger.description.properties.find((p) => p.name === 'webhookSignInNotice');
		expect(notice?.displayName).toMatch(/does not support OAuth/);
	});

	it("the OAuth credential is offered to n8n's HTTP Request node and sends only the Bearer token", async () => {
		const credential = new BillOAuthApi();
		expect(credential.httpRequestNode?.name).toBeTruthy();
		const authenticate = credential.authenticate as unknown as (
			c: Record<string, unknown>,
			o: { headers: Record<string, string> },
		) => Promise<{ headers: Record<string, string> }>;
		const sent = await authenticate(
			{ accessToken: 'tok' },
			{ headers: { devKey: 'k', sessionId: 's', apiToken: 'a', Accept: 'application/json' } },
		);
		expect(sent.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok' });
	});
});
