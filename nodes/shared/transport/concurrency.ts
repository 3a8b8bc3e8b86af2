/**
 * Runs `task` over `inputs` with at most `limit` in flight, keeping results in input order.
 * BILL allows 3 concurrent requests per organization and developer key (https://developer.bill.com/docs/api-rate-limits).
 *
 * When a task fails, no further input is started, the ones in flight are allowed to finish
 * (a request already sent is never abandoned halfway), and then the first error is thrown.
 */
export async function mapWithConcurrency<T, R>(
	inputs: readonly T[],
	limit: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	let firstError: { error: unknown } | undefined;
	const worker = async () => {
		while (next < inputs.length && !firstError) {
			const index = next++;
			try {
				results[index] = await task(inputs[index], index);
			} catch (error) {
				firstError ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
	if (firstError) throw firstError.error;
	return results;
}
