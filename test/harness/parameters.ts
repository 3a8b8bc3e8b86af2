import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

/**
 * What a saved workflow depends on in a node's parameters, one entry a parameter path:
 * name, type, default, option values (in order) and displayOptions. Nested parameters
 * (collection options, fixedCollection values) get the path of their parent plus their name.
 *
 * Top-level parameters are keyed by the resource and operation they show for, so the many
 * parameters called e.g. `billId` stay apart: `bill.get.billId`, `bill.update.billId`.
 */
export interface ParameterEntry {
	path: string;
	name: string;
	type: string;
	default: unknown;
	options?: Array<string | number | boolean>;
	displayOptions?: unknown;
}

function scope(property: INodeProperties): string {
	const show = property.displayOptions?.show ?? {};
	const part = (key: string) => {
		const values = show[key];
		return Array.isArray(values) ? values.map(String).join('|') : '*';
	};
	return `${part('resource')}.${part('operation')}`;
}

function isCollection(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && 'values' in option;
}

function isProperty(option: unknown): option is INodeProperties {
	return typeof option === 'object' && option !== null && 'type' in option && 'name' in option;
}

function walk(properties: INodeProperties[], prefix: string, out: ParameterEntry[], top: boolean) {
	for (const property of properties) {
		let path = top ? `${scope(property)}.${property.name}` : `${prefix}.${property.name}`;
		// The same name twice in one scope (e.g. shown under different other conditions): number it.
		if (out.some((entry) => entry.path === path)) {
			let n = 2;
			while (out.some((entry) => entry.path === `${path}#${n}`)) n++;
			path = `${path}#${n}`;
		}
		const entry: ParameterEntry = {
			path,
			name: property.name,
			type: property.type,
			default: property.default,
		};
		if (property.type === 'options' || property.type === 'multiOptions') {
			entry.options = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
		}
		if (property.displayOptions) entry.displayOptions = property.displayOptions;
		out.push(entry);
		for (const option of property.options ?? []) {
			if (isCollection(option)) {
				out.push({
					path: `${path}.${option.name}`,
					name: option.name,
					type: 'fixedCollectionOption',
					default: undefined,
				});
				walk(option.values, `${path}.${option.name}`, out, false);
			} else if (isProperty(option)) {
				walk([option], path, out, false);
			}
		}
	}
}

/** Every parameter of a node, in the order the node declares them. */
export function parameterTable(properties: INodeProperties[]): ParameterEntry[] {
	const out: ParameterEntry[] = [];
	walk(properties, '', out, true);
	return out;
}
