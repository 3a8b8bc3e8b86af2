// @ts-check
/**
 * One `n8n start` at a time, in its own process group (so its task runner goes with it), with
 * its output in a log file. stop() ends the group; stopAll() is called on exit and on signals.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

import { N8N_BIN, NODE_BIN } from '../../scripts/n8n-runtime.mjs';

const running = new Set();

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

export function stopAll() {
	for (const child of running) killGroup(child, 'SIGKILL');
	running.clear();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether n8n serves the production webhook `path` now: a CORS preflight answers 204 for a
 * registered webhook and an error otherwise, without running the workflow.
 */
async function webhookRegistered(url, path) {
	try {
		const response = await fetch(`${url}/webhook/${path}`, {
			method: 'OPTIONS',
			headers: { Origin: 'http://localhost', 'Access-Control-Request-Method': 'POST' },
		});
		return response.status === 204;
	} catch {
		return false;
	}
}

/**
 * Starts n8n and waits until it serves the production webhook `path` (the published workflows
 * are activated after n8n says it is ready, the first start after an import even later).
 */
export async function startN8n(env, logFile, path, { timeoutMs = 120_000 } = {}) {
	const fd = openSync(logFile, 'w');
	const child = spawn(NODE_BIN, [N8N_BIN, 'start'], {
		env,
		stdio: ['ignore', fd, fd],
		detached: true,
	});
	closeSync(fd);
	running.add(child);
	let exited = false;
	child.on('exit', () => {
		exited = true;
		running.delete(child);
	});
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const started = Date.now();
	for (;;) {
		if (exited)
			throw new Error(`n8n exited while starting:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
		if (Date.now() - started > timeoutMs) {
			killGroup(child, 'SIGKILL');
			throw new Error(
				`n8n did not start within ${timeoutMs / 1000} s:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
			);
		}
		if (await webhookRegistered(url, path)) break;
		await sleep(250);
	}
	return {
		pid: child.pid,
		url,
		startMs: Date.now() - started,
		async webhook(path, body, { timeoutMs: callTimeout = 10 * 60_000 } = {}) {
			const response = await fetch(`${url}/webhook/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(callTimeout),
			});
			const text = await response.text();
			let json;
			try {
				json = text ? JSON.parse(text) : undefined;
			} catch {
				json = undefined;
			}
			return { status: response.status, json, text };
		},
		async stop() {
			if (exited) return;
			const gone = new Promise((resolve) => child.once('exit', resolve));
			killGroup(child, 'SIGTERM');
			const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
			await gone;
			clearTimeout(timer);
			// Whatever of the group outlived n8n (a task runner) goes too.
			killGroup(child, 'SIGKILL');
		},
	};
}
