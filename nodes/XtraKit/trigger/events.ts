import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/alphabetical';
import type { CatalogEvent } from '../../shared/catalog';
import { plainText as text } from '../../shared/listSearch';

/**
 * What the XtraKit trigger watches, and how it decides what is new or changed.
 *
 * Why not the shared timestamp cursor (`timestampPoll`): XtraKit lists have no usable "changed
 * since" query. `created_at` is documented as a start filter, but with no time zone and no word on
 * inclusiveness, and `updated_at` is an *end* date (YYYY-MM-DD); a POS that syncs late may also
 * write a sale with an older `created_at`, and the docs' own sample has `updated_at` before
 * `created_at`. A cursor over such timestamps could skip records. The lists are not paginated (and
 * the node fails loudly if that changes), so every poll reads the whole list anyway, and the
 * trigger compares it with what it has seen — which needs no clock at all:
 *
 * - New …: the IDs seen so far. A record whose ID is not among them is new, whatever its
 *   timestamp. IDs are integers (the docs' field tables type `id` as int); consecutive ones are stored as ranges
 *   ("1-1200,1202"), so the state stays a few bytes however long the list grows.
 * - Updated …: each known record's `updated_at` as last seen. A different value is one update.
 *   A record not in the state is reported when its `updated_at` differs from its `created_at`
 *   (it was changed after it was created), else remembered. That rule needs nothing a silent poll
 *   learnt: n8n saves static data only when a poll emits, so a record first seen by a poll that
 *   emitted nothing is unknown again after a restart — and the rule still reports its update.
 *   (A record the server stamps with different times at creation — the docs' sample has
 *   `updated_at` before `created_at` — is reported once when first seen.)
 *
 * The state is only written after the whole list (and any detail fetch) was read, so a failed poll
 * changes nothing and the next one sees the same difference: each event is delivered exactly once.
 */
export type XtraKitEvent = 'newCustomer' | 'updatedCustomer' | 'newSale' | 'updatedSale' | 'newItem' | 'updatedItem';

/** The events whose Options offer Include Line Items (a sale's lines are fetched one sale at a time). */
export const SALE_EVENTS: XtraKitEvent[] = ['newSale', 'updatedSale'];

export interface WatchedList {
	path: string;
	/** Key of the list in the envelope's `data`. */
	key: string;
	/** Plural noun for messages. */
	noun: string;
	/** The record's own code, used as its ID when `id` is missing. */
	codeKey?: string;
}

const LISTS = {
	customer: { path: '/customers', key: 'customers', noun: 'customers' },
	sale: { path: '/sales', key: 'sales', noun: 'sales', codeKey: 'invoice_code' },
	item: { path: '/inventory/items', key: 'items', noun: 'inventory items', codeKey: 'item_code' },
} satisfies Record<string, WatchedList>;

export interface WatchedEvent {
	name: string;
	description: string;
	kind: 'new' | 'updated';
	list: WatchedList;
}

export const WATCHED: Record<XtraKitEvent, WatchedEvent> = {
	newCustomer: { name: 'New Customer', description: 'A customer was added', kind: 'new', list: LISTS.customer },
	updatedCustomer: { name: 'Updated Customer', description: 'A customer was changed', kind: 'updated', list: LISTS.customer },
	newSale: { name: 'New Sale', description: 'A sale (invoice, POS receipt or Storefront order) was recorded', kind: 'new', list: LISTS.sale },
	updatedSale: { name: 'Updated Sale', description: 'A sale was changed (e.g. paid)', kind: 'updated', list: LISTS.sale },
	newItem: { name: 'New Inventory Item', description: 'An item was added to the inventory', kind: 'new', list: LISTS.item },
	updatedItem: { name: 'Updated Inventory Item', description: 'An inventory item was changed (e.g. its stock)', kind: 'updated', list: LISTS.item },
};

const EVENTS = Object.keys(WATCHED) as XtraKitEvent[];

/** The trigger's Event dropdown, by name. */
export const eventOptions: INodePropertyOptions[] = EVENTS.map((value) => ({
	name: WATCHED[value].name,
	value,
	description: WATCHED[value].description,
})).sort(byName);

/** The events as the catalogue lists them: each polls its list with a GET. */
export const catalogEvents: CatalogEvent[] = EVENTS.map((event) => ({
	event,
	name: WATCHED[event].name,
	method: 'GET',
	path: WATCHED[event].list.path,
}));

export interface XtraKitTriggerState {
	/** The event this state was made for; a different event starts afresh (seeds again). */
	event?: string;
	/** New events: integer IDs seen so far, as ranges ("1-40,42"). */
	seen?: string;
	/** New events: IDs that are not plain integers. */
	seenOther?: string[];
	/** Updated events: `updated_at` of every record in the list, by ID. */
	versions?: Record<string, string>;
	/** When the trigger was seeded (for people reading the static data). */
	seededAt?: string;
}

/** A record's ID: `id`, else its code (invoice code, item code). */
export function recordId(record: IDataObject, list: WatchedList): string | undefined {
	const id = text(record.id) || (list.codeKey ? text(record[list.codeKey]) : '');
	return id === '' ? undefined : id;
}

const INTEGER = /^(0|[1-9]\d{0,14})$/;
type Range = [number, number];

export function decodeRanges(encoded: string | undefined): Range[] {
	const ranges: Range[] = [];
	for (const part of (encoded ?? '').split(',')) {
		const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
		if (m) ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
	}
	return ranges;
}

/** Sorted, merged ranges of the old ones plus the numbers. */
export function mergeRanges(ranges: Range[], numbers: number[]): Range[] {
	const all: Range[] = [...ranges, ...numbers.map((n): Range => [n, n])].sort((a, b) => a[0] - b[0]);
	const out: Range[] = [];
	for (const [start, end] of all) {
		const last = out[out.length - 1];
		if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
		else out.push([start, end]);
	}
	return out;
}

export function encodeRanges(ranges: Range[]): string {
	return ranges.map(([s, e]) => (s === e ? String(s) : `${s}-${e}`)).join(',');
}

function inRanges(ranges: Range[], n: number): boolean {
	let lo = 0;
	let hi = ranges.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (n < ranges[mid][0]) hi = mid - 1;
		else if (n > ranges[mid][1]) lo = mid + 1;
		else return true;
	}
	return false;
}

/** The set of IDs a "New …" trigger has seen. */
export class SeenIds {
	private ranges: Range[];
	private other: Set<string>;
	private addedNumbers: number[] = [];

	constructor(state: Pick<XtraKitTriggerState, 'seen' | 'seenOther'> = {}) {
		this.ranges = decodeRanges(state.seen);
		this.other = new Set(state.seenOther ?? []);
	}

	has(id: string): boolean {
		if (INTEGER.test(id)) return inRanges(this.ranges, Number(id)) || this.addedNumbers.includes(Number(id));
		return this.other.has(id);
	}

	add(id: string): void {
		if (INTEGER.test(id)) this.addedNumbers.push(Number(id));
		else this.other.add(id);
	}

	toState(): Pick<XtraKitTriggerState, 'seen' | 'seenOther'> {
		this.ranges = mergeRanges(this.ranges, this.addedNumbers);
		this.addedNumbers = [];
		return { seen: encodeRanges(this.ranges), seenOther: [...this.other].sort() };
	}
}

function orderBy(field: string, list: WatchedList) {
	return (a: IDataObject, b: IDataObject) =>
		text(a[field]).localeCompare(text(b[field])) ||
		(recordId(a, list) ?? '').localeCompare(recordId(b, list) ?? '', undefined, { numeric: true });
}

/** The state of a freshly activated trigger: everything listed now counts as already seen. */
export function seedState(event: XtraKitEvent, records: IDataObject[], seededAt: string): XtraKitTriggerState {
	const watched = WATCHED[event];
	if (watched.kind === 'new') {
		const seen = new SeenIds();
		for (const r of records) {
			const id = recordId(r, watched.list);
			if (id !== undefined) seen.add(id);
		}
		return { event, ...seen.toState(), seededAt };
	}
	const versions = new Map<string, string>();
	for (const r of records) {
		const id = recordId(r, watched.list);
		if (id !== undefined) versions.set(id, text(r.updated_at));
	}
	return { event, versions: Object.fromEntries(versions), seededAt };
}

/**
 * Compares the list with the state: the records to emit (oldest first) and the state to store once
 * they have been handed over. Pure: the caller decides when to store.
 */
export function detectEvents(
	event: XtraKitEvent,
	records: IDataObject[],
	state: XtraKitTriggerState,
): { fresh: IDataObject[]; next: XtraKitTriggerState } {
	const watched = WATCHED[event];
	const { list } = watched;
	const fresh: IDataObject[] = [];
	if (watched.kind === 'new') {
		const seen = new SeenIds(state);
		for (const r of records) {
			const id = recordId(r, list);
			if (id === undefined || seen.has(id)) continue;
			seen.add(id);
			fresh.push(r);
		}
		fresh.sort(orderBy('created_at', list));
		return { fresh, next: { ...state, event, ...seen.toState() } };
	}
	// Maps, not object lookups: IDs and codes are server data ("constructor" is a valid item code).
	const before = new Map(Object.entries(state.versions ?? {}));
	const versions = new Map<string, string>();
	for (const r of records) {
		const id = recordId(r, list);
		if (id === undefined || versions.has(id)) continue;
		const at = text(r.updated_at);
		const previous = before.get(id);
		versions.set(id, at !== '' ? at : (previous ?? ''));
		if (at === '') continue;
		if (previous !== undefined ? at !== previous : changedSinceCreated(r)) fresh.push(r);
	}
	fresh.sort(orderBy('updated_at', list));
	return { fresh, next: { ...state, event, versions: Object.fromEntries(versions) } };
}

/** A record whose `updated_at` is not its `created_at`: changed after it was created. */
function changedSinceCreated(record: IDataObject): boolean {
	const created = text(record.created_at);
	const updated = text(record.updated_at);
	return created !== '' && updated !== '' && created !== updated;
}

/**
 * What is wrong with stored state (damaged by hand, an older version or another tool), or
 * undefined when it can be used. A damaged state is re-seeded rather than crash every poll.
 */
export function stateDamage(state: XtraKitTriggerState): string | undefined {
	if (state.seen !== undefined && typeof state.seen !== 'string') return '"seen" is not text';
	if (state.seenOther !== undefined && !(Array.isArray(state.seenOther) && state.seenOther.every((x) => typeof x === 'string'))) {
		return '"seenOther" is not a list of IDs';
	}
	const versions = state.versions as unknown;
	if (versions !== undefined) {
		if (typeof versions !== 'object' || versions === null || Array.isArray(versions)) return '"versions" is not an object';
		if (!Object.values(versions).every((v) => typeof v === 'string')) return '"versions" holds a value that is not a timestamp';
	}
	return undefined;
}

/** "Fetch test event": the most recently created (or updated) record. */
export function newestRecord(event: XtraKitEvent, records: IDataObject[]): IDataObject | undefined {
	const watched = WATCHED[event];
	const field = watched.kind === 'new' ? 'created_at' : 'updated_at';
	const sorted = records.filter((r) => recordId(r, watched.list) !== undefined).sort(orderBy(field, watched.list));
	return sorted[sorted.length - 1];
}
