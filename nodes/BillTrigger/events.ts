import type {
	IDataObject,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiRequest } from '../shared/transport';

export interface CatalogEntry {
	type: string;
	versions: string[];
}

export interface SubscribedEvent extends IDataObject {
	type: string;
	version: string;
}

/** Selects every event of the catalog. */
export const ANY_EVENT = '*';

/**
 * BILL's documented event types (https://developer.bill.com/docs/notification-payloads-reference), all at version "1": shown when the catalog
 * cannot be loaded. Spend & Expense events are left out: they belong to S&E subscriptions
 * (`/v3/subscriptions` with an API token instead of a session), which this node does not make.
 */
export const DOCUMENTED_EVENTS: CatalogEntry[] = [
	'autopay.failed',
	'bank-account.created',
	'bank-account.updated',
	'bill.archived',
	'bill.created',
	'bill.restored',
	'bill.updated',
	'card-account.created',
	'card-account.updated',
	'invoice.archived',
	'invoice.created',
	'invoice.restored',
	'invoice.updated',
	'payment.failed',
	'payment.updated',
	'risk-verification.updated',
	'vendor.archived',
	'vendor.created',
	'vendor.restored',
	'vendor.updated',
].map((type) => ({ type, versions: ['1'] }));

const isSpendEvent = (type: string) => type.startsWith('spend.');

/** `GET /v3/events/catalog` on the webhook host, without Spend & Expense events. */
export async function loadCatalog(
	this: IHookFunctions | ILoadOptionsFunctions,
): Promise<CatalogEntry[]> {
	const response = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/events/catalog',
		host: 'events',
	})) as unknown;
	const entries = Array.isArray(response) ? (response as CatalogEntry[]) : [];
	return entries.filter((e) => typeof e?.type === 'string' && !isSpendEvent(e.type));
}

/** The newest of an event's versions ("2" before "10"). */
export function newestVersion(entry: CatalogEntry): string {
	const versions = [...(entry.versions ?? [])];
	versions.sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
	return versions[0] ?? '1';
}

const groupOf = (type: string) => type.split('.')[0];

const words = (text: string) =>
	text
		.split(/[-.]/)
		.filter(Boolean)
		.map((w) => w[0].toUpperCase() + w.slice(1))
		.join(' ');

/** "bank-account.created" → "Bank Account Created". */
export const eventDisplayName = (type: string) => words(type);

/**
 * The options of the Events parameter: "Any Event", "Any <Entity> Event" for each entity with
 * several events, then every event with its version.
 */
export function eventOptions(catalog: CatalogEntry[], note?: string): INodePropertyOptions[] {
	const groups = new Map<string, number>();
	for (const entry of catalog)
		groups.set(groupOf(entry.type), (groups.get(groupOf(entry.type)) ?? 0) + 1);
	const groupOptions = [...groups]
		.filter(([, count]) => count > 1)
		.map(([group]) => ({
			name: `Any ${words(group)} Event`,
			value: `${group}.*`,
			description: `Every ${group}.* event BILL has`,
		}));
	const eventOptions = catalog.map((entry) => ({
		name: eventDisplayName(entry.type),
		value: entry.type,
		description: `${entry.type}, version ${newestVersion(entry)}${note ? ` (${note})` : ''}`,
	}));
	const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);
	return [
		{ name: 'Any Event', value: ANY_EVENT, description: "Every event in BILL's catalog" },
		...groupOptions.sort(byName),
		...eventOptions.sort(byName),
	];
}

/**
 * The selected values (event types, `<entity>.*`, `*`) as BILL's `events` list, each at its
 * newest version in the catalog. An event type the catalog does not have is a parameter error.
 */
export function resolveEvents(
	this: IHookFunctions,
	selected: string[],
	catalog: CatalogEntry[],
): SubscribedEvent[] {
	if (selected.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event in "Events"', {
			description: 'BILL only creates a subscription for one or more event types.',
		});
	}
	const chosen = new Map<string, SubscribedEvent>();
	const add = (entry: CatalogEntry) =>
		chosen.set(entry.type, { type: entry.type, version: newestVersion(entry) });
	for (const value of selected) {
		if (value === ANY_EVENT) {
			catalog.forEach(add);
			continue;
		}
		if (value.endsWith('.*')) {
			const group = value.slice(0, -2);
			const members = catalog.filter((e) => groupOf(e.type) === group);
			if (members.length === 0) throw unknownEvent(this, value);
			members.forEach(add);
			continue;
		}
		const entry = catalog.find((e) => e.type === value);
		if (!entry) throw unknownEvent(this, value);
		add(entry);
	}
	return [...chosen.values()].sort((a, b) => a.type.localeCompare(b.type));
}

function unknownEvent(context: IHookFunctions, value: string): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`BILL's event catalog has no event "${value}" (parameter "Events")`,
		{
			description:
				'Pick the events again from the list; BILL may have renamed or retired this one.',
		},
	);
}

/** `bill.created@1,vendor.created@1`: two event lists are the same subscription when these match. */
export const eventSetKey = (events: Array<{ type?: unknown; version?: unknown }>) =>
	events
		.map((e) => `${String(e.type)}@${String(e.version)}`)
		.sort()
		.join(',');
