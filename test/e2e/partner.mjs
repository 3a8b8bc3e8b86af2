// @ts-check
/**
 * A partner's jobs in a real n8n (USERS.md jobs 6 and 10, issue 17): the nightly job over 50
 * client organizations (example 16), and an MFA ID per organization.
 */
import {
	importCredentials,
	importWorkflow,
	nodeOutput,
	partnerEmulatorCredential,
} from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { PARTNER_CREDENTIAL } from './context.mjs';

/**
 * Example 16 and the MFA ID per organization; after the one-login test (it adds the partner's logins).
 * @param {import('./context.mjs').E2EContext} ctx
 */
export async function partnerTests(ctx) {
	const { test, record, runOk, stats, pendingOr, env, emulator, workdir } = ctx;
	// 11. USERS.md jobs 6 and 10: a partner's nightly job over 50 client organizations, after
	//     the one-login test above (it adds the partner's logins).
	const partnerWhy = pendingOr('billcomPartner');
	if (partnerWhy) record('example 16: partner nightly job', 'pending', partnerWhy);
	else {
		await test("example 16: a partner's nightly job over 50 organizations: one row each, one partner login, one session per organization, none more on the next night", async () => {
			const clients = await emulator.control('POST', '/seed/organizations', { count: 50 });
			await importCredentials(env, [partnerEmulatorCredential(emulator)], workdir);
			const before = await stats();
			const run = await runOk(env, 'billcomPartner');
			const rows = nodeOutput(run, 'One row per organization');
			const after = await stats();
			const organizations = (await emulator.control('GET', '/stats')).loginsAsUser;
			const expected = new Map(clients.map((c) => [c.organizationId, c.billsYesterday]));
			const seeded = rows.filter((r) => expected.has(r.organizationId));
			equal(seeded.length, 50, 'rows for the 50 seeded organizations');
			for (const row of seeded)
				equal(row.bills, expected.get(row.organizationId), `bills of ${row.organization}`);
			equal(after.partnerLogins - before.partnerLogins, 1, 'partner logins');
			for (const c of clients)
				equal(organizations[c.organizationId], 1, `log-ins as user for ${c.organizationId}`);
			// The next night (a new n8n process): the partner session and each organization's
			// session are stored with the credential (n8n's database): no login of any kind.
			await runOk(env, 'billcomPartner');
			const next = await stats();
			equal(next.partnerLogins - after.partnerLogins, 0, 'partner logins the next night');
			const again = clients.filter(
				(c) => next.loginsAsUser[c.organizationId] !== organizations[c.organizationId],
			);
			equal(again.length, 0, 'organizations logged in as user again the next night');
			const total = seeded.reduce((sum, r) => sum + r.bills, 0);
			return `${seeded.length} organizations, ${total} bills; 1 partner login, 1 log-in as user per organization; the next night (a new n8n process) none: the sessions are stored with the credential`;
		});

		// Issue 17: an MFA ID per organization (node parameters, by expression). Only the
		// organization whose MFA ID the node names gets an MFA-trusted session, Session → Get
		// Details says so, and the MFA ID is in no output of the run.
		await test('partner: an MFA ID named for one of three organizations makes only its session MFA-trusted (Session → Get Details in n8n), the MFA ID in no output', async () => {
			const clients = (await emulator.control('POST', '/seed/organizations', { count: 50 })).slice(
				5,
				8,
			);
			const [, withMfa] = clients;
			const items = clients.map((c) => ({ organizationId: c.organizationId, userId: c.userId }));
			const workflow = {
				id: 'billcomE2EPartnerMfa',
				name: 'e2e: an MFA ID per organization',
				active: false,
				nodes: [
					{
						parameters: {},
						id: 'run',
						name: 'Run',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
					},
					{
						parameters: {
							jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));`,
						},
						id: 'organizations',
						name: 'Organizations',
						type: 'n8n-nodes-base.code',
						typeVersion: 2,
						position: [220, 0],
					},
					{
						parameters: {
							authentication: 'billPartnerApi',
							resource: 'session',
							operation: 'getDetails',
							actForOrganization: {
								__rl: true,
								mode: 'id',
								value: '={{ $json.organizationId }}',
							},
							actAsUser: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
							actAsUserMfaId: `={{ $json.organizationId === '${withMfa.organizationId}' ? '${withMfa.mfaId}' : '' }}`,
							actAsUserDeviceName: `={{ $json.organizationId === '${withMfa.organizationId}' ? '${withMfa.device}' : '' }}`,
						},
						id: 'details',
						name: 'Session details',
						type: 'n8n-nodes-billcom.bill',
						typeVersion: 1,
						position: [440, 0],
						credentials: { billPartnerApi: PARTNER_CREDENTIAL },
					},
				],
				connections: {
					Run: { main: [[{ node: 'Organizations', type: 'main', index: 0 }]] },
					Organizations: { main: [[{ node: 'Session details', type: 'main', index: 0 }]] },
				},
				settings: {},
			};
			await importWorkflow(env, workflow, workdir);
			const run = await runOk(env, 'billcomE2EPartnerMfa');
			const details = nodeOutput(run, 'Session details');
			equal(
				details.map((d) => [d.organizationId, d.mfaTrusted]),
				clients.map((c) => [c.organizationId, c === withMfa]),
				'organization and mfaTrusted of each session',
			);
			const sessions = (await emulator.control('GET', '/log')).filter(
				(e) =>
					e.route === '/v3/login/session' &&
					clients.some((c) => c.organizationId === e.organizationId),
			);
			check(sessions.length === 3, `GET /v3/login/session per organization: ${sessions.length}`);
			const text = JSON.stringify(run.data.resultData.runData);
			check(!text.includes(withMfa.mfaId), 'the MFA ID appears in the output of the run');
			return `3 organizations (the example's sessions reused, ${withMfa.organizationId}'s logged in again with its MFA ID): mfaTrusted ${details.map((d) => d.mfaTrusted).join(' / ')}; the MFA ID in no output`;
		});
	}
}
