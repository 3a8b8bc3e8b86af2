// @ts-check
/**
 * Sessions and MFA in a real n8n: the MFA ID walk-through (example 04, USERS.md job 5), one BILL
 * login for all executions, and an MFA-trusted session that survives a new n8n process.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runN8n } from '../../scripts/n8n-runtime.mjs';
import {
	emulatorCredential,
	exampleWorkflows,
	importWorkflow,
	nodeOutput,
} from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { manualWorkflow } from '../../scripts/lib/e2e.mjs';

/**
 * Example 04, the login count, MFA trust across processes.
 * @param {import('./context.mjs').E2EContext} ctx
 */
export async function sessionTests(ctx) {
	const { test, record, runOk, stats, pendingOr, env, emulator, workdir } = ctx;
	// 7. USERS.md job 5: the MFA ID walk-through, both runs, the texted code read from the emulator.
	const mfaWhy = pendingOr('billcomMfaSetup');
	if (mfaWhy) record('example 04: MFA ID walk-through', 'pending', mfaWhy);
	else {
		await test('example 04: MFA ID walk-through: challenge, then the texted code gives an MFA ID', async () => {
			const first = await runOk(env, 'billcomMfaSetup');
			const [sent] = nodeOutput(first, '1. Send the challenge');
			check(sent?.challengeId, 'no challengeId from "1. Send the challenge"');
			const sms = await emulator.control('GET', '/sms');
			check(sms.length > 0, 'the emulator texted no code');
			const workflow = structuredClone(
				/** @type {any} */ (exampleWorkflows().find((w) => w.id === 'billcomMfaSetup')).json,
			);
			const settings = workflow.nodes.find((n) => n.name === 'Settings').parameters.assignments
				.assignments;
			settings.find((a) => a.name === 'challengeId').value = sent.challengeId;
			settings.find((a) => a.name === 'smsCode').value = sms[sms.length - 1].token;
			await importWorkflow(env, workflow, workdir);
			const second = await runOk(env, 'billcomMfaSetup');
			const [validated] = nodeOutput(second, '2. Validate the code');
			check(
				typeof validated?.mfaId === 'string' && validated.mfaId.length > 0,
				'no MFA ID from "2. Validate the code"',
			);
			equal(
				validated.deviceName,
				settings.find((a) => a.name === 'deviceName').value,
				'device name of the MFA ID',
			);
		});
	}

	// 8. Sessions: measured, not assumed. n8n stores the session the credential's
	//    preAuthentication got, so later executions reuse it.
	await test('session: one BILL login for all executions (n8n keeps the session in the credential)', async () => {
		const s = await stats();
		const executions = Object.values(s.requests).reduce((a, b) => a + b, 0) - s.logins;
		check(executions > 0, 'no BILL request was made');
		equal(s.logins, 1, `logins for ${s.total} requests`);
		return `${s.logins} login for ${s.total} requests across all executions`;
	});

	// 8b. MFA trust in another process: a credential without an MFA ID, its session made trusted
	//     by Validate Challenge in one `n8n execute`, asked in the next one (a new process).
	await test('MFA trust survives a new process: Validate Challenge in one n8n execute, Session → Get Details in another says mfaTrusted', async () => {
		const f = emulator.fixtures;
		const noMfa = { id: 'billEmulatorNoMfa', name: 'BILL (emulator, no MFA ID)' };
		const credentialFile = join(workdir, 'credential-no-mfa.json');
		const data = { ...emulatorCredential(emulator).data, mfaId: '', deviceName: '' };
		writeFileSync(credentialFile, JSON.stringify([{ ...noMfa, type: 'billApi', data }]));
		const imported = await runN8n(['import:credentials', `--input=${credentialFile}`], env);
		rmSync(credentialFile, { force: true });
		check(imported.code === 0, `import:credentials exited with ${imported.code}`);
		const workflow = (id, parameters) =>
			manualWorkflow(id, id, {
				parameters: { authentication: 'billApi', ...parameters },
				id: 'bill',
				name: 'BILL',
				type: 'n8n-nodes-billcom.bill',
				typeVersion: 1,
				credentials: { billApi: noMfa },
			});
		const runBill = async (id, parameters) => {
			await importWorkflow(env, workflow(id, parameters), workdir);
			const [json] = nodeOutput(await runOk(env, id), 'BILL');
			return json;
		};
		const loginsBefore = (await stats()).logins;
		const before = await runBill('trustDetails', {
			resource: 'session',
			operation: 'getDetails',
		});
		equal(before.mfaTrusted, false, 'mfaTrusted before the challenge');
		const sent = await runBill('trustSend', { resource: 'mfa', operation: 'sendChallenge' });
		check(sent?.challengeId, 'no challengeId from Send Challenge');
		const sms = await emulator.control('GET', '/sms');
		const validated = await runBill('trustValidate', {
			resource: 'mfa',
			operation: 'validateChallenge',
			challengeId: sent.challengeId,
			code: sms[sms.length - 1].token,
			rememberMe: false,
		});
		equal(validated.mfaTrusted, true, 'mfaTrusted from Validate Challenge');
		const readings = {};
		for (const mfaStatusReading of ['organization', 'session']) {
			await emulator.control('POST', '/options', { mfaStatusReading });
			const details = await runOk(env, 'trustDetails');
			const [json] = nodeOutput(details, 'BILL');
			equal(
				[json.mfaTrusted, json.mfaTrustedBy, json.userId],
				[true, 'challenge', f.admin.userId],
				`Get Details in a new process (mfaStatus read as ${mfaStatusReading})`,
			);
			readings[mfaStatusReading] = json.mfaStatus;
		}
		await emulator.control('POST', '/options', { mfaStatusReading: 'organization' });
		equal((await stats()).logins - loginsBefore, 1, 'logins of the credential without MFA ID');
		return `trusted in 2 later executions; mfaStatus ${JSON.stringify(readings)}`;
	});
}
