/**
 * Bad input (issue 9): property-based runs of every operation of the BILL node with random
 * values for its parameters (strings, unicode, huge and empty values, numbers of every kind,
 * wrong types, JSON that is not what it should be), each as an expression gives it. Each run ends
 * in a result, n8n's refusal of the workflow (parameter issues, before anything is sent), a
 * NodeOperationError naming the item, or BILL's refusal of something we cannot know beforehand
 * (an ID that does not exist); never a crash, never a request BILL rejects for a reason the node
 * could have caught (the emulator's field validation, BDC_1002).
 */
import fc from 'fast-check';
import { WorkflowHasIssuesError } from 'n8n-core';
import type { IDataObject, INodeProperties, INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resources } from '../../nodes/Bill/resources';
import { startEmulator, type Emulator } from '../../emulator';
import { billCredentials, runBill } from '../harness/bill';

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 25);
const SECRETS = /emu!|sandbox-password|emulator-dev-key|emulator-remember-me|emulator-app-key/;

const anyText = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.constantFrom(
		'',
		' ',
		'0',
		'-1',
		'null',
		'undefined',
		'{}',
		'[]',
		'{"a":',
		'2026-02-30',
		'2026-13-01',
		'31/12/2026',
		'00902',
		'00n02AAAAAAAAAAAAAAA',
		'<script>',
		'\u0000',
		'ü€😀',
	),
	fc.constant('x'.repeat(5000)),
);
const anyNumber = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.constantFrom(0, -0.001, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	anyText,
	anyNumber,
	fc.boolean(),
	fc.constant(null),
	fc.array(anyText, { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 8 }), anyText, { maxKeys: 3 }),
);

function arbitraryFor(p: INodeProperties): fc.Arbitrary<unknown> {
	switch (p.type) {
		case 'string':
		case 'json':
			return fc.oneof(anyText, anyValue);
		case 'number':
			return fc.oneof(anyNumber, anyValue);
		case 'boolean':
			return fc.oneof(fc.boolean(), anyValue);
		case 'options':
			return fc.oneof(
				fc.constantFrom(...((p.options ?? []) as Array<{ value: unknown }>).map((o) => o.value)),
				anyValue,
			);
		case 'multiOptions':
			return fc.oneof(
				fc.subarray(((p.options ?? []) as Array<{ value: unknown }>).map((o) => o.value)),
				anyValue,
			);
		case 'resourceLocator':
			return fc.oneof(
				anyText.map((value) => ({ __rl: true, mode: 'id', value })),
				anyValue,
			);
		case 'dateTime':
			return fc.oneof(
				fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
				anyValue,
			);
		case 'collection': {
			const options = (p.options ?? []) as INodeProperties[];
			if (!options.length) return anyValue;
			return fc.oneof(
				fc.record(Object.fromEntries(options.map((o) => [o.name, arbitraryFor(o)])), {
					requiredKeys: [],
				}),
				anyValue,
			);
		}
		case 'fixedCollection':
			return anyValue.chain((v) =>
				fc.constantFrom(v, { values: [v] }, { lineItems: [{ amount: v, description: v }] }, {}),
			);
		default:
			return anyValue;
	}
}

/**
 * The values as expressions would give them: each leaf is read from the item
 * (`={{ $json.v3 }}`), resource locators keep their mode. n8n checks only literal values before
 * a run (required, locator regexes), so the node's own checks get every value.
 */
function asExpressions(values: unknown): { parameters: unknown; json: IDataObject } {
	const json: IDataObject = {};
	const wrap = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(wrap);
		if (typeof value === 'object' && value !== null) {
			const object = value as IDataObject;
			if (object.__rl === true) return { ...object, value: wrap(object.value) };
			return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, wrap(v)]));
		}
		const key = `v${Object.keys(json).length}`;
		json[key] = value as IDataObject[string];
		return `={{ $json.${key} }}`;
	};
	return { parameters: wrap(values), json };
}

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());

const cases = Object.entries(resources).flatMap(([resource, r]) =>
	Object.keys(r.operations).map((operation) => [resource, operation] as const),
);

describe.each(cases)('%s → %s', (resource, operation) => {
	it('ends in a result or a clear error, never a crash or a request BILL refuses as malformed', async () => {
		const parameters = resources[resource].description.filter((p) => {
			const show = p.displayOptions?.show;
			return (
				p.name !== 'operation' &&
				(show?.resource as string[] | undefined)?.includes(resource) &&
				(show?.operation as string[] | undefined)?.includes(operation)
			);
		});
		const arbitrary = fc.record(
			Object.fromEntries(parameters.map((p) => [p.name, arbitraryFor(p)])),
			{ requiredKeys: [] },
		);
		const credentials = billCredentials(emulator);
		const problems: string[] = [];
		await fc.assert(
			fc.asyncProperty(arbitrary, async (values) => {
				const before = emulator.log.length;
				const { parameters: given, json } = asExpressions(values);
				const { error } = await runBill(
					credentials,
					{ resource, operation, ...(given as INodeParameters) },
					{ items: [json] },
				);
				if (!error) return;
				const text = `${error.message} ${error.description ?? ''}`;
				if (SECRETS.test(text)) problems.push(`secret in error: ${text}`);
				if (error instanceof WorkflowHasIssuesError) {
					// n8n refused the workflow before the run (a required value left out, say).
					if (emulator.log.length !== before) problems.push(`sent despite issues: ${text}`);
					return;
				}
				if (error instanceof NodeOperationError) {
					if (!/item 0/.test(text) && (error.context as { itemIndex?: number }).itemIndex !== 0)
						problems.push(`no item named: ${error.message}`);
					// Refused before sending: nothing reached BILL for a bad parameter.
					return;
				}
				if (error instanceof NodeApiError) {
					const malformed = emulator.log
						.slice(before)
						.find((e) => e.status === 400 && e.code === 'BDC_1002');
					if (malformed)
						problems.push(
							`BILL refused as malformed (${malformed.method} ${malformed.route}): ${error.message} with ${JSON.stringify(values).slice(0, 300)}`,
						);
					return;
				}
				problems.push(
					`crash (${error.constructor.name}): ${error.message} with ${JSON.stringify(values).slice(0, 300)}`,
				);
			}),
			{ numRuns: RUNS, seed: 20261125 },
		);
		expect([...new Set(problems)].slice(0, 5)).toEqual([]);
	});
});
