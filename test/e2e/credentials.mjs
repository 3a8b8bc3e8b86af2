// @ts-check
/**
 * The credentials in a real n8n: the "Test" button through n8n's REST API as the editor calls it,
 * and the partner credential in both scopes, each sending only the keys BILL documents for it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runN8n } from '../../scripts/n8n-runtime.mjs';
import {
	CREDENTIAL,
	emulatorCredential,
	importWorkflow,
	nodeOutput,
	restClient,
	startN8nServer,
} from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { manualWorkflow } from '../../scripts/lib/e2e.mjs';

/**
 * The credential Test button, the partner credential.
 * @param {import('./context.mjs').E2EContext} ctx
 */
export async function credentialTests(ctx) {
	const { test, runOk, env, emulator, workdir, n8nPort } = ctx;
	// 9. The credential's "Test" button, through n8n's REST API as the editor calls it.
	await test("credential Test through n8n's REST API: OK for the emulator credential, an error and no password for a wrong one", async () => {
		const server = await startN8nServer(env, n8nPort);
		try {
			const rest = restClient(server.base);
			const owner = await rest.ownerSession();
			check(owner.loggedIn, 'could not log in to n8n');
			const stored = await rest.call('GET', `/credentials/${CREDENTIAL.id}?includeData=true`);
			const ok = await rest.call('POST', '/credentials/test', {
				credentials: {
					id: CREDENTIAL.id,
					name: CREDENTIAL.name,
					type: 'billApi',
					data: stored.data,
				},
			});
			equal(ok.status, 'OK', `test of the stored credential (${ok.message})`);
			const wrong = { ...emulatorCredential(emulator).data, password: 'not-the-password' };
			// As the editor sends a credential being edited: its id, the changed field in clear.
			const refused = await rest.call('POST', '/credentials/test', {
				credentials: { id: CREDENTIAL.id, name: CREDENTIAL.name, type: 'billApi', data: wrong },
			});
			equal(refused.status, 'Error', 'test with a wrong password');
			check(
				refused.message && !refused.message.includes('not-the-password'),
				`the message must not show the password: ${refused.message}`,
			);
			// n8n shows the statusText of the login error's response: BILL's code, message and hint.
			check(
				/BDC_1101/.test(refused.message) && /password/i.test(refused.message),
				`n8n should show BILL's BDC_1101 and what to check: ${refused.message}`,
			);
			return `wrong password → n8n shows: "${refused.message}"`;
		} finally {
			await server.stop();
		}
	});

	// 9b. The partner credential in n8n: exactly the key pair BILL documents for each scope, with
	//     the emulator refusing any call that carries both keys (the strict reading).
	await test('partner credential: organization scope runs the BILL node, partner scope passes the Test button, each with only its own key', async () => {
		const f = emulator.fixtures;
		const partner = (scope) => ({
			id: scope === 'organization' ? 'billPartnerOrgCred' : 'billPartnerCred',
			name: `BILL partner, ${scope} scope (emulator)`,
			type: 'billPartnerApi',
			data: {
				environment: 'custom',
				customBaseUrl: emulator.baseUrl,
				appKey: f.appKey,
				username: f.partner.username,
				password: f.partner.password,
				scope,
				...(scope === 'organization'
					? { organizationId: f.organizationId, userId: f.admin.userId, devKey: f.devKey }
					: {}),
			},
		});
		const file = join(workdir, 'partner-credentials.json');
		writeFileSync(file, JSON.stringify([partner('organization'), partner('partner')]));
		const imported = await runN8n(['import:credentials', `--input=${file}`], env);
		check(imported.code === 0, `import:credentials: ${imported.stderr.slice(-1500)}`);
		const before = await emulator.control('GET', '/options');
		const logStart = (await emulator.control('GET', '/log')).length;
		await emulator.control('POST', '/options', { readings: { keyHeaders: 'strict' } });
		try {
			const workflow = manualWorkflow(
				'billcomE2EPartner',
				'e2e: vendors through the partner credential',
				{
					parameters: {
						authentication: 'billPartnerApi',
						resource: 'vendor',
						operation: 'getMany',
						returnAll: false,
						limit: 3,
					},
					id: 'vendors',
					name: 'Vendors',
					type: 'n8n-nodes-billcom.bill',
					typeVersion: 1,
					credentials: {
						billPartnerApi: { id: 'billPartnerOrgCred', name: partner('organization').name },
					},
				},
			);
			await importWorkflow(env, workflow, workdir);
			const run = await runOk(env, 'billcomE2EPartner');
			const vendors = nodeOutput(run, 'Vendors');
			check(vendors?.length > 0, 'no vendor read through the partner credential');

			const server = await startN8nServer(env, n8nPort);
			try {
				const rest = restClient(server.base);
				check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
				const stored = await rest.call('GET', '/credentials/billPartnerCred?includeData=true');
				const tested = await rest.call('POST', '/credentials/test', {
					credentials: {
						id: 'billPartnerCred',
						name: partner('partner').name,
						type: 'billPartnerApi',
						data: stored.data,
					},
				});
				equal(tested.status, 'OK', `Test of the partner-scope credential (${tested.message})`);
			} finally {
				await server.stop();
			}
			const log = (await emulator.control('GET', '/log')).slice(logStart);
			const refused = log.filter((e) => e.status >= 400);
			check(!refused.length, `BILL refused: ${JSON.stringify(refused).slice(0, 800)}`);
			return `${vendors.length} vendors at organization scope; partner scope Test OK; no call carried both keys`;
		} finally {
			await emulator.control('POST', '/options', { readings: before.readings });
		}
	});
}
