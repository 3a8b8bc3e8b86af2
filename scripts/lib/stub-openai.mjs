// @ts-check
/**
 * A scripted stand-in for an OpenAI-compatible chat model, so n8n's AI Agent runs end to end
 * without any model service. It answers `POST …/chat/completions` with the next step of a script:
 * each step is a function of the request (its messages, the tool results in them, the tools
 * offered) that returns either `{ toolCalls: [{ name, arguments }] }` (the model calls tools) or
 * `{ content }` (the final answer). `GET …/models` lists one model.
 *
 * Bounded: loopback only, bodies up to 2 MB, at most `maxRequests` completions (then 429), and it
 * closes itself after `lifetimeMs`. Every request body it received is kept in `requests`.
 */
import { createServer } from 'node:http';

const MAX_BODY = 2 * 1024 * 1024;

/**
 * The tool results in a chat request: [{ name, toolCallId, content, json }] in order.
 * @param {any} body the chat request
 */
export function toolResults(body) {
	const messages = body?.messages ?? [];
	const names = new Map();
	for (const m of messages)
		for (const call of m.tool_calls ?? []) names.set(call.id, call.function?.name);
	return messages
		.filter((m) => m.role === 'tool')
		.map((m) => {
			const content =
				typeof m.content === 'string'
					? m.content
					: (m.content ?? []).map((part) => part.text ?? '').join('');
			let json;
			try {
				json = JSON.parse(content);
			} catch {
				json = undefined;
			}
			return { name: names.get(m.tool_call_id), toolCallId: m.tool_call_id, content, json };
		});
}

/**
 * The text of the last user message of a chat request.
 * @param {any} body the chat request
 * @returns {string}
 */
export function lastUserMessage(body) {
	const user = (body?.messages ?? []).filter((m) => m.role === 'user').at(-1);
	if (!user) return '';
	return typeof user.content === 'string'
		? user.content
		: (user.content ?? []).map((part) => part.text ?? '').join('');
}

/**
 * Starts the stub. Resolves with { baseUrl (…/v1, for the OpenAI credential's Base URL),
 * requests, failures, stop() }. A step that throws answers 400 with its message, and the message
 * is kept in `failures` for the test to report.
 * @param {{ script: ((body: any, context: { step: number, tools: any[] }) => any)[], model?: string, maxRequests?: number, lifetimeMs?: number }} options
 */
export function startStubOpenAi({
	script,
	model = 'gpt-4o-mini',
	maxRequests = 20,
	lifetimeMs = 10 * 60_000,
}) {
	const requests = [];
	const failures = [];
	let step = 0;
	let calls = 0;

	const reply = (res, status, json) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(json));
	};

	const completion = (body, answer) => {
		const id = `chatcmpl-stub-${requests.length}`;
		const created = Math.floor(Date.now() / 1000);
		const toolCalls = (answer.toolCalls ?? []).map((call, index) => ({
			index,
			id: `call_stub_${requests.length}_${index}`,
			type: 'function',
			function: { name: call.name, arguments: JSON.stringify(call.arguments ?? {}) },
		}));
		const message = toolCalls.length
			? { role: 'assistant', content: null, tool_calls: toolCalls }
			: { role: 'assistant', content: String(answer.content ?? '') };
		const finish = toolCalls.length ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		if (!body.stream) {
			return {
				json: {
					id,
					object: 'chat.completion',
					created,
					model: body.model ?? model,
					choices: [
						{
							index: 0,
							message: {
								...message,
								tool_calls: message.tool_calls?.map(({ index: _index, ...call }) => call),
							},
							finish_reason: finish,
							logprobs: null,
						},
					],
					usage,
				},
			};
		}
		/** @type {(delta: object, finishReason?: string | null, extra?: object) => string} */
		const chunk = (delta, finishReason = null, extra = {}) =>
			`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model ?? model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }], ...extra })}\n\n`;
		const events = [chunk({ role: 'assistant', content: toolCalls.length ? null : '' })];
		if (toolCalls.length) events.push(chunk({ tool_calls: toolCalls }));
		else events.push(chunk({ content: message.content }));
		events.push(chunk({}, finish));
		if (body.stream_options?.include_usage)
			events.push(
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model ?? model, choices: [], usage })}\n\n`,
			);
		events.push('data: [DONE]\n\n');
		return { sse: events.join('') };
	};

	const server = createServer((req, res) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY) {
				reply(res, 413, { error: { message: 'request body over 2 MB' } });
				req.destroy();
			} else chunks.push(chunk);
		});
		req.on('end', () => {
			if (res.writableEnded) return;
			const path = new URL(req.url ?? '/', 'http://stub').pathname;
			if (req.method === 'GET' && path.endsWith('/models'))
				return reply(res, 200, {
					object: 'list',
					data: [{ id: model, object: 'model', owned_by: 'stub' }],
				});
			if (req.method !== 'POST' || !path.endsWith('/chat/completions'))
				return reply(res, 404, { error: { message: `the stub answers no ${req.method} ${path}` } });
			if (++calls > maxRequests)
				return reply(res, 429, {
					error: { message: `the stub answers at most ${maxRequests} completions` },
				});
			let body;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				return reply(res, 400, { error: { message: 'the body is not JSON' } });
			}
			requests.push(body);
			const next = script[step++];
			let answer;
			try {
				if (!next)
					throw new Error(`the script has ${script.length} steps; request ${step} has none`);
				answer = next(body, { step: step - 1, tools: toolResults(body) });
			} catch (caught) {
				const error = /** @type {Error} */ (caught);
				failures.push(error.message);
				return reply(res, 400, {
					error: { message: `stub: ${error.message}`, type: 'invalid_request_error' },
				});
			}
			const out = completion(body, answer);
			if (out.json) return reply(res, 200, out.json);
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			res.end(out.sse);
		});
	});
	server.requestTimeout = 30_000;

	return new Promise((resolveStart, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			const lifetime = setTimeout(() => server.close(), lifetimeMs);
			lifetime.unref();
			resolveStart({
				baseUrl: `http://127.0.0.1:${port}/v1`,
				requests,
				failures,
				/** Steps of the script answered so far. */
				get steps() {
					return step;
				},
				stop: () =>
					/** @type {Promise<void>} */ (
						new Promise((resolveStop) => {
							clearTimeout(lifetime);
							server.closeAllConnections?.();
							server.close(() => resolveStop());
						})
					),
			});
		});
	});
}
