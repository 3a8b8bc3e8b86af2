// Reading the same parameters for many items (Create Many). n8n 2.x evaluates every expression in
// its sandbox (isolated-vm), about half a millisecond each: for 1,000 items mapped with
// `{{ $json.name }}`, `{{ $json.email }}`… that is most of the time before the first request
// (bench/RESULTS.md, "Mapped fields per item"). Two reads give the same value without it:
// - a parameter with no expression in it has the same value for every item: read once for the run;
// - an expression that is exactly `={{ $json.field }}` (or `$json.a.b`) is the item's own field:
//   when that is a string, number or boolean, it is what n8n's evaluation returns (the value as
//   it is; n8n's checks after evaluating change nothing here, as no parameter of this node has
//   `validateType`). A collection or resource locator whose expressions are all such is read
//   the same way. Anything else (a missing field, null, an object, any other expression, a read
//   option other than a plain locator's extractValue) is read through n8n as before.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Whether a saved parameter value holds an expression anywhere (n8n marks one by a leading "="). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

const JSON_FIELD = /^=\{\{\s*\$json((?:\.[A-Za-z][\w]*)+)\s*\}\}$/;

/**
 * Names n8n's expression sandbox refuses or treats apart (n8n-workflow's unsafe object properties,
 * and what every object inherits): those are always left to n8n.
 */
const LEFT_TO_N8N = new Set([
	'prototype',
	'constructor',
	'getPrototypeOf',
	'setPrototypeOf',
	'getOwnPropertyDescriptor',
	'getOwnPropertyDescriptors',
	'defineProperty',
	'defineProperties',
	'mainModule',
	'binding',
	'prepareStackTrace',
	'caller',
	'callee',
	'arguments',
	'getBuiltinModule',
	'dlopen',
	'execve',
	'loadEnvFile',
	'process',
	'require',
	'global',
	'globalThis',
	...Object.getOwnPropertyNames(Object.prototype),
]);

/** The item's field an expression `={{ $json.a.b }}` names, when it is a string, number or boolean. */
function jsonField(expression: string, json: unknown): { value: unknown } | undefined {
	const path = JSON_FIELD.exec(expression)?.[1].slice(1).split('.');
	if (!path || path.some((key) => LEFT_TO_N8N.has(key))) return undefined;
	let value = json;
	for (const key of path) {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
		if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return ['string', 'number', 'boolean'].includes(typeof value) ? { value } : undefined;
}

/**
 * A saved value with each expression replaced by the item's field it names; undefined when one
 * is not such an expression (then n8n evaluates the whole value).
 */
function withFields(value: unknown, json: unknown): { value: unknown } | undefined {
	if (typeof value === 'string') return value.startsWith('=') ? jsonField(value, json) : { value };
	if (value === null || typeof value !== 'object') return { value };
	const entries = Array.isArray(value)
		? value.map((v, n) => [n, v] as const)
		: Object.entries(value);
	const out = (Array.isArray(value) ? [] : {}) as Record<string | number, unknown>;
	for (const [key, v] of entries) {
		const resolved = withFields(v, json);
		if (!resolved) return undefined;
		out[key] = resolved.value;
	}
	return { value: out };
}

/** What `extractValue: true` gives for a resource locator whose mode extracts nothing: its value. */
function locatorValue(
	resolved: unknown,
	name: string,
	properties: INodeProperties[],
): { value: unknown } | undefined {
	const locator = resolved as { __rl?: unknown; mode?: unknown; value?: unknown } | null;
	if (!locator || typeof locator !== 'object' || !('mode' in locator) || !('value' in locator))
		return undefined;
	const property = properties.find((p) => p.name === name && p.type === 'resourceLocator');
	const mode = property?.modes?.find((m) => m.name === locator.mode);
	if (!mode || mode.extractValue) return undefined;
	return { value: locator.value };
}

/**
 * The run's context, with `getNodeParameter` answering as above; every other method is the run's
 * own. `properties` are the operation's (for the modes of its resource locators). A read through
 * n8n that fails is not kept (each item reads it again and gets its own error). Objects are
 * copied on every answer, so a caller changing one changes nothing for the next item.
 */
export function perItemReader(
	context: IExecuteFunctions,
	properties: INodeProperties[] = [],
): IExecuteFunctions {
	const saved = context.getNode().parameters;
	const items = context.getInputData();
	const constant = new Map<string, unknown>();
	const reader = Object.create(context) as IExecuteFunctions;
	reader.getNodeParameter = ((
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: Parameters<IExecuteFunctions['getNodeParameter']>[3],
	) => {
		const read = () => context.getNodeParameter(name, itemIndex, fallback as never, options);
		let raw: unknown = saved;
		for (const key of name.split('.'))
			raw = raw !== null && typeof raw === 'object' ? (raw as IDataObject)[key] : undefined;
		if (raw !== undefined && hasExpression(raw)) {
			const resolved = withFields(raw, items[itemIndex]?.json);
			if (!resolved) return read();
			const optionNames = Object.keys(options ?? {});
			if (!optionNames.length) return resolved.value;
			const extract = optionNames.length === 1 && options?.extractValue === true;
			const value =
				extract && !name.includes('.') && locatorValue(resolved.value, name, properties);
			return value ? value.value : read();
		}
		const key = JSON.stringify([name, fallback, options ?? {}]);
		if (!constant.has(key)) constant.set(key, read());
		const value = constant.get(key);
		return value !== null && typeof value === 'object' ? structuredClone(value) : value;
	}) as IExecuteFunctions['getNodeParameter'];
	return reader;
}
