import type { Emulator } from '../../emulator';

/** The query of every request (but logins) the emulator answered while `run` ran, in order. */
export async function queriesSent(
	emulator: Emulator,
	run: () => Promise<unknown>,
): Promise<Array<{ method: string; path: string; query: Record<string, string> }>> {
	const sent: Array<{ method: string; path: string; query: Record<string, string> }> = [];
	const saved = emulator.routes.map((r) => [r, r.handler] as const);
	for (const [route, handler] of saved) {
		route.handler = (context) => {
			if (!/login/.test(context.path))
				sent.push({ method: context.method, path: context.path, query: context.query });
			return handler(context);
		};
	}
	try {
		await run();
	} finally {
		for (const [route, handler] of saved) route.handler = handler;
	}
	return sent;
}
