import type {
	IDisplayOptions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/**
 * What a saved workflow depends on in a node's parameters, one entry a parameter path:
 * name, type, default, option values (in order) and displayOptions.
 *
 * A top-level parameter is listed once for each resource and operation it shows for, under
 * `resource.operation.name` (e.g. `bill.get.billId`, `bill.update.billId`), with the
 * displayOptions it has there: `resource` and `operation` narrowed to that pair, and `hide`
 * conditions on parameters that operation does not have left out (they never apply). So one
 * parameter shown for two operations and two equal parameters, one for each, are the same to
 * a user and read the same here. Nested parameters (collection options, fixedCollection
 * values) get the path of their parent plus their name.
 */
export interface ParameterEntry {
	path: string;
	name: string;
	type: string;
	default: unknown;
	options?: Array<string | number | boolean>;
	displayOptions?: unknown;
}

type Scope = { resource?: string; operation?: string };

function scopes(property: INodeProperties): Scope[] {
	const show = property.displayOptions?.show ?? {};
	const list = (key: string) => {
		const values = show[key];
		return Array.isArray(values) ? values.map(String) : [undefined];
	};
	return list('resource').flatMap((resource) =>
		list('operation').map((operation) => ({ resource, operation })),
	);
}

const scopeName = ({ resource, operation }: Scope) => `${resource ?? '*'}.${operation ?? '*'}`;

function shows(property: INodeProperties, scope: Scope): boolean {
	return scopes(property).some((s) => scopeName(s) === scopeName(scope));
}

function narrowed(
	displayOptions: IDisplayOptions | undefined,
	scope: Scope,
	namesInScope: Set<string>,
): IDisplayOptions | undefined {
	if (!displayOptions) return undefined;
	const result: IDisplayOptions = { ...displayOptions };
	if (displayOptions.show) {
		result.show = { ...displayOptions.show };
		if (scope.resource !== undefined) result.show.resource = [scope.resource];
		if (scope.operation !== undefined) result.show.operation = [scope.operation];
	}
	if (displayOptions.hide) {
		const hide = Object.fromEntries(
			Object.entries(displayOptions.hide).filter(([name]) => namesInScope.has(name)),
		);
		if (Object.keys(hide).length) result.hide = hide;
		else delete result.hide;
	}
	return result;
}

function isCollection(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && 'values' in option;
}

function isProperty(option: unknown): option is INodeProperties {
	return typeof option === 'object' && option !== null && 'type' in option && 'name' in option;
}

function entry(
	property: INodeProperties,
	path: string,
	displayOptions: IDisplayOptions | undefined,
	out: ParameterEntry[],
): string {
	// The same name twice in one place (e.g. shown under different other conditions): number it.
	if (out.some((e) => e.path === path)) {
		let n = 2;
		while (out.some((e) => e.path === `${path}#${n}`)) n++;
		path = `${path}#${n}`;
	}
	const result: ParameterEntry = {
		path,
		name: property.name,
		type: property.type,
		default: property.default,
	};
	if (property.type === 'options' || property.type === 'multiOptions') {
		result.options = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
	}
	if (displayOptions) result.displayOptions = displayOptions;
	out.push(result);
	return path;
}

function walkNested(properties: INodeProperties[], prefix: string, out: ParameterEntry[]) {
	for (const property of properties) {
		const path = entry(property, `${prefix}.${property.name}`, property.displayOptions, out);
		children(property, path, out);
	}
}

function children(property: INodeProperties, path: string, out: ParameterEntry[]) {
	for (const option of property.options ?? []) {
		if (isCollection(option)) {
			out.push({
				path: `${path}.${option.name}`,
				name: option.name,
				type: 'fixedCollectionOption',
				default: undefined,
			});
			walkNested(option.values, `${path}.${option.name}`, out);
		} else if (isProperty(option)) {
			walkNested([option], path, out);
		}
	}
}

/** Every parameter of a node, in the order the node declares them. */
export function parameterTable(properties: INodeProperties[]): ParameterEntry[] {
	const out: ParameterEntry[] = [];
	for (const property of properties) {
		for (const scope of scopes(property)) {
			const namesInScope = new Set(properties.filter((p) => shows(p, scope)).map((p) => p.name));
			const path = entry(
				property,
				`${scopeName(scope)}.${property.name}`,
				narrowed(property.displayOptions, scope, namesInScope),
				out,
			);
			children(property, path, out);
		}
	}
	return out;
}

/**
 * The parameters a node of one typeVersion has, as n8n sees them: those whose `@version`
 * condition (if any) that version meets, by n8n's own displayParameter, with the condition
 * taken out (it decided whether they are there at all). Top-level parameters only: no nested
 * parameter has a version condition.
 */
export function propertiesAt(properties: INodeProperties[], version: number): INodeProperties[] {
	return properties.flatMap((property) => {
		const show = property.displayOptions?.show;
		if (!show || !('@version' in show)) return [property];
		const { '@version': condition, ...rest } = show;
		const onlyVersion = { ...property, displayOptions: { show: { '@version': condition } } };
		if (!NodeHelpers.displayParameter({}, onlyVersion, { typeVersion: version }, null)) return [];
		return [{ ...property, displayOptions: { ...property.displayOptions, show: rest } }];
	});
}

/** `resource.operation` of a path (the part before the parameter's name). */
export function scopeOf(path: string): string {
	return path.split('.').slice(0, 2).join('.');
}
