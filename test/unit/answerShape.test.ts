/** The answer-shape check of the contract test (test/contract/shape.ts) finds what it must. */
import { answerDifferences, shapeDifferences } from '../contract/shape';

describe("answers in BILL's shape", () => {
	const example = {
		id: 'string',
		amount: 1.5,
		lines: [{ id: 'string', classifications: { accountId: 'string' } }, { amount: 2 }],
		status: { value: 'reference #/components/schemas/X not found in the OpenAPI spec' },
		params: { key_0: 'string' },
	};

	it('finds a field the example lacks and a JSON type it does not have, at any depth', () => {
		expect(
			shapeDifferences(
				{
					id: 'x',
					amount: '1.50',
					extra: true,
					lines: [{ id: 'l', amount: 3, classifications: { accountId: 'a', jobId: 'j' } }],
				},
				example,
			),
		).toEqual([
			'$.amount: string, not number',
			'$.extra: no such field',
			'$.lines[].classifications.jobId: no such field',
		]);
	});

	it('lets null stand for any type, and takes anything where the example shows no shape', () => {
		expect(
			shapeDifferences(
				{ id: null, lines: [], status: { enabled: true }, params: { anything: 1 } },
				example,
			),
		).toEqual([]);
		expect(answerDifferences('[{"a":1}]', '{"a":1}')).toEqual(['$: array, not object']);
		expect(answerDifferences('not json', '{}')).toEqual([]);
	});
});
