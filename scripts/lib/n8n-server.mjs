// @ts-check
/**
 * A running n8n: `n8n start` waited for until its REST API answers, the REST API as the editor
 * uses it (cookie session), and the demo owner account `npm start` and the tests create.
 */
import { spawn } from 'node:child_process';

import { NODE_BIN, RuntimeError, n8nBin } from '../n8n-runtime.mjs';

/** The owner account `npm start` and the tests create in a new n8n (local demo only). */
export const DEMO_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Demo-password-1',
};

/**
 * `n8n start` (editor and REST API on `port`); resolves once n8n answers its readiness check.
 * `output`: where n8n's log goes: 'ignore', 'inherit' or an open file descriptor.
 * @param {NodeJS.ProcessEnv} env
 * @param {number} port
 * @param {{ output?: 'ignore' | 'inherit' | number, timeoutMs?: number }} [options]
 */
export async function startN8nServer(env, port, { output = 'ignore', timeoutMs = 120_000 } = {}) {
	/** @type {import('node:child_process').ChildProcess} */
	const child = spawn(NODE_BIN, [n8nBin(env), 'start'], { env, stdio: ['ignore', output, output] });
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	/** @type {number | null} */
	let exited = null;
	child.once('exit', (code) => (exited = code ?? -1));
	for (;;) {
		if (exited !== null)
			throw new RuntimeError(`n8n start exited with ${exited} before it was ready`);
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new RuntimeError(`n8n did not answer on ${base} within ${timeoutMs / 1000} s`);
		}
		try {
			// n8n 1.x answers its readiness check before its REST API is mounted: wait for both.
			if (
				(await fetch(`${base}/healthz/readiness`)).ok &&
				(await fetch(`${base}/rest/settings`)).ok
			)
				break;
		} catch {
			// not listening yet
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
	const stop = () =>
		/** @type {Promise<void>} */ (
			new Promise((resolveStop) => {
				if (exited !== null) return resolveStop();
				child.once('exit', () => resolveStop());
				child.kill('SIGTERM');
			})
		);
	return { child, base, stop };
}

/**
 * n8n's REST API as the editor uses it (cookie session, browser id).
 * @param {string} base n8n's URL
 */
export function restClient(base) {
	let cookie = '';
	const call = async (method, path, body) => {
		const response = await fetch(`${base}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'n8n-nodes-billcom',
				...(cookie ? { cookie } : {}),
			},
			body: body ? JSON.stringify(body) : undefined,
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie?.startsWith('n8n-auth=')) cookie = setCookie.split(';')[0];
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		if (!response.ok)
			throw new Error(`n8n REST ${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
		return json?.data;
	};
	/**
	 * Activates a workflow in either n8n line: 2.x publishes it (POST /workflows/:id/activate with
	 * its version), 1.x has no such route and sets `active` with PATCH /workflows/:id.
	 */
	const setActive = async (id, active) => {
		const workflow = await call('GET', `/workflows/${id}`);
		try {
			return active
				? await call('POST', `/workflows/${id}/activate`, { versionId: workflow.versionId })
				: await call('POST', `/workflows/${id}/deactivate`, {});
		} catch (error) {
			if (!/: 404 /.test(String(/** @type {Error} */ (error).message))) throw error;
			return await call('PATCH', `/workflows/${id}`, { active, versionId: workflow.versionId });
		}
	};
	return {
		call,
		activate: (id) => setActive(id, true),
		deactivate: (id) => setActive(id, false),
		/** Creates the owner on a new n8n (returns true), or leaves an existing one (false); then logs in as DEMO_OWNER when it can. */
		async ownerSession() {
			const settings = await call('GET', '/settings');
			const created = settings?.userManagement?.showSetupOnFirstLoad === true;
			if (created) await call('POST', '/owner/setup', DEMO_OWNER);
			try {
				await call('POST', '/login', {
					emailOrLdapLoginId: DEMO_OWNER.email,
					password: DEMO_OWNER.password,
				});
				return { created, loggedIn: true };
			} catch {
				return { created, loggedIn: false };
			}
		},
	};
}
