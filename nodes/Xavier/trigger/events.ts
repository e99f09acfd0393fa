import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/alphabetical';
import type { CatalogEvent } from '../../shared/catalog';

export type XavierEvent = 'newClient' | 'healthScoreDropped' | 'alertLevelChanged';

/** The trigger's events: the Event dropdown and the catalogue both come from here. Each poll reads GET /clients. */
const EVENTS: Array<{ value: XavierEvent; name: string; description: string }> = [
	{ value: 'newClient', name: 'New Client', description: 'A client appeared that the trigger has not seen before' },
	{
		value: 'healthScoreDropped',
		name: 'Health Score Dropped Below Threshold',
		description: "A client's health score fell from the threshold or above to below it",
	},
	{
		value: 'alertLevelChanged',
		name: 'Alert Level Changed',
		description: "A client's traffic-light alert level changed since the last poll",
	},
];

/** The Event dropdown's options, in alphabetical order. */
export const eventOptions: INodePropertyOptions[] = EVENTS.map(({ name, value, description }) => ({ name, value, description })).sort(
	byName,
);

export const catalogEvents: CatalogEvent[] = EVENTS.map((e) => ({ event: e.value, name: e.name, method: 'GET', path: '/clients' }));

/** What the trigger remembers of a client between polls. */
export interface KnownClient {
	healthScore: number | null;
	alertLevel: string | null;
}

export interface XavierTriggerState {
	/** Every client ever seen, by ID: a client that vanishes and comes back is not "new" again. */
	clients?: Record<string, KnownClient>;
	seededAt?: string;
}

export interface EventOptions {
	threshold: number;
	/** Alert Level Changed: only changes to these levels (empty = any). */
	toLevels: string[];
}

function scoreOf(client: IDataObject): number | null {
	return typeof client.healthScore === 'number' && Number.isFinite(client.healthScore) ? client.healthScore : null;
}

function levelOf(client: IDataObject): string | null {
	return typeof client.alertLevel === 'string' && client.alertLevel !== '' ? client.alertLevel : null;
}

/** The list the API returned, one entry per ID (the first wins if the API repeats one). */
export function uniqueClients(clients: IDataObject[]): IDataObject[] {
	const seen = new Set<string>();
	return clients.filter((c) => {
		const id = String(c.id ?? '');
		if (id === '' || seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}

/**
 * The stored clients as a Map. Client IDs are server data: looked up in a plain object, IDs such as
 * "constructor" or "toString" would find Object.prototype's members and never count as new, and
 * "__proto__" could not even be stored. Static data must stay plain JSON, so the state keeps an
 * object, read through Object.entries (own keys only) and written with Object.fromEntries.
 */
export function knownClients(stored: Record<string, KnownClient> | undefined): Map<string, KnownClient> {
	return new Map(Object.entries(stored ?? {}));
}

export function snapshotOf(
	clients: IDataObject[],
	previous: Record<string, KnownClient> = {},
): Record<string, KnownClient> {
	const next = knownClients(previous);
	for (const c of clients) next.set(String(c.id), { healthScore: scoreOf(c), alertLevel: levelOf(c) });
	return Object.fromEntries(next);
}

/**
 * What is wrong with stored state (damaged by hand, an older version or another tool), or
 * undefined when it can be used.
 */
export function stateDamage(state: XavierTriggerState): string | undefined {
	const clients = state.clients as unknown;
	if (clients === undefined) return undefined;
	if (typeof clients !== 'object' || clients === null || Array.isArray(clients)) return '"clients" is not an object';
	for (const value of Object.values(clients as object) as unknown[]) {
		const known = value as Partial<KnownClient> | null;
		if (
			typeof known !== 'object' ||
			known === null ||
			!(known.healthScore === null || typeof known.healthScore === 'number') ||
			!(known.alertLevel === null || typeof known.alertLevel === 'string')
		) {
			return '"clients" holds an entry that is not a remembered client';
		}
	}
	return undefined;
}

/**
 * Compares the current list with what was known and returns one record per event, in list order.
 * Health Score Dropped fires on the crossing (was at or above the threshold, now below), so a
 * client that stays low does not fire on every poll.
 */
export function detectEvents(
	event: XavierEvent,
	clients: IDataObject[],
	known: Record<string, KnownClient>,
	options: EventOptions,
): IDataObject[] {
	const out: IDataObject[] = [];
	const toLevels = options.toLevels.map((l) => l.toLowerCase());
	const knownById = knownClients(known);
	for (const client of uniqueClients(clients)) {
		const before = knownById.get(String(client.id));
		const score = scoreOf(client);
		const level = levelOf(client);
		if (event === 'newClient') {
			if (!before) out.push({ event, ...client });
		} else if (event === 'healthScoreDropped') {
			if (
				before &&
				before.healthScore !== null &&
				score !== null &&
				before.healthScore >= options.threshold &&
				score < options.threshold
			) {
				out.push({ event, ...client, previousHealthScore: before.healthScore, threshold: options.threshold });
			}
		} else if (before && before.alertLevel !== null && level !== null && before.alertLevel !== level) {
			if (toLevels.length === 0 || toLevels.includes(level.toLowerCase())) {
				out.push({ event, ...client, previousAlertLevel: before.alertLevel });
			}
		}
	}
	return out;
}

/** "Fetch test event": a realistic record of the chosen event without touching any state. */
export function sampleEvent(event: XavierEvent, client: IDataObject, options: EventOptions): IDataObject {
	if (event === 'healthScoreDropped') {
		return { event, ...client, previousHealthScore: options.threshold, threshold: options.threshold };
	}
	if (event === 'alertLevelChanged') {
		return { event, ...client, previousAlertLevel: levelOf(client) === 'success' ? 'warning' : 'success' };
	}
	return { event, ...client };
}
