import type { IDataObject } from 'n8n-workflow';

import type { CatalogEvent } from '../../shared/catalog';
import { EXPORT_RESOURCES } from '../resources/definitions';
import type { ExportResource } from '../resources/definitions';
import { MAX_WINDOW_MS, MIN_WINDOW_MS } from '../transport/windows';
import type { ExportQuery } from '../transport/jobs';

/**
 * The trigger's events (its Mode options), and what the catalogue says each one polls: one list for
 * the editor and for `npm run catalog`.
 */
export interface SaverisEvent extends CatalogEvent {
	event: 'newRecords' | 'exportFinished';
	/** Option name in the editor's Mode field (the catalogue's `name` says more). */
	modeName: string;
	description: string;
}

/** The resources "New Records" can follow: those an export selects by date range. */
export const TIMED_RESOURCES = EXPORT_RESOURCES.filter((r) => r.timeBased);

export const triggerEvents: SaverisEvent[] = [
	{
		event: 'newRecords',
		modeName: 'New Records',
		name: `New Records (${TIMED_RESOURCES.map((r) => r.name.toLowerCase()).join(', ')})`,
		description: 'Export each new time window in the background and emit every new record exactly once',
		method: 'POST',
		path: `${TIMED_RESOURCES.map((r) => r.path).join(', ')} (+ GET …/{request_uuid})`,
	},
	{
		event: 'exportFinished',
		modeName: 'Export Finished',
		name: 'Export Finished',
		description: 'Watch one request_uuid (e.g. from Start Export) and fire once with its rows when it completes',
		method: 'GET',
		path: '/{version}/{resource}/{request_uuid}',
	},
];

/** Most record keys kept for the lookback (the oldest go first past it: a repeat is then possible, a loss is not). */
const MAX_SEEN = 100_000;

/** Two 32-bit FNV-1a-style hashes of a string: a key for rows without a `uuid` (e.g. $select left it out). */
function fingerprint(text: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
		h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
	}
	return `${h1.toString(36)}.${h2.toString(36)}`;
}

/** A record's key: its `uuid`, or a fingerprint of all its columns (re-derivable from the record itself). */
export function recordKey(row: IDataObject): string {
	if (typeof row.uuid === 'string' && row.uuid !== '') return row.uuid;
	const keys = Object.keys(row).sort();
	return `#${fingerprint(JSON.stringify(keys.map((k) => [k, row[k]])))}`;
}

/**
 * The latest time at which a delivered record can match a date range again. Whatever column the range
 * selects on (testo's OpenAPI document does not say), that column was inside the window, so it is
 * before the window's end. When the row holds every column the range may select on (its
 * `rangeColumns`, e.g. `timestamp` or `processed_at` for measurements), the latest of them is a
 * tighter bound.
 */
export function rangeBound(row: IDataObject, resource: ExportResource, windowUntilMs: number): number {
	const columns = resource.rangeColumns ?? [];
	if (columns.length === 0) return windowUntilMs;
	let latest = Number.NEGATIVE_INFINITY;
	for (const column of columns) {
		const at = typeof row[column] === 'string' ? Date.parse(row[column] as string) : Number.NaN;
		if (Number.isNaN(at)) return windowUntilMs;
		latest = Math.max(latest, at);
	}
	return Math.min(windowUntilMs, latest);
}

export interface PendingJob {
	uuid: string;
	from: string;
	until: string;
	submittedAt: number;
}

/** Everything the "New Records" mode keeps in the workflow's static data. */
export interface NewRecordsState {
	config?: string;
	/** Start of the next window (ISO); everything before it was delivered. */
	cursor?: string;
	/** The one export job in flight for [cursor, pending.until). */
	pending?: PendingJob;
	/** Failed tries of the current window. */
	attempts?: number;
	/** No new job before this time (ms): backoff after a failed try. */
	retryAt?: number;
	/** Written by earlier versions (record uuids at the last window's end); turned into `seen`. */
	lastUuids?: string[];
	/** Where the trigger started: the lookback never reaches before it. */
	origin?: string;
	/**
	 * Keys of delivered records → the latest time (ms) their range column can have. Kept while that
	 * time is within the lookback of the cursor, so a re-read record is dropped. Saved with the emitted
	 * rows it covers (n8n saves static data when a poll emits), so a restart never loses a key whose
	 * record was delivered.
	 */
	seen?: Record<string, number>;
}

export interface NewRecordsOptions {
	resource: ExportResource;
	query: ExportQuery;
	lagMs: number;
	/**
	 * Each export re-reads this much before the cursor, for records that arrive late: loggers upload
	 * in batches (every 15 minutes in the examples of testo's OpenAPI document), so a record can reach
	 * Saveris after the window holding its timestamp was exported.
	 */
	lookbackMs: number;
	/** A job still Submitted / In Progress this long after submitting is given up and submitted again. */
	jobTimeoutMs: number;
	maxTries: number;
	startDate?: string;
	config: string;
}

export function retryDelayMs(attempts: number): number {
	return Math.min(30 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * The next window to export: from the cursor less the lookback (never before the origin) up to
 * now − lag, at most 7 days in all, with at least 5 minutes past the cursor.
 */
export function nextWindow(
	cursorMs: number,
	nowMs: number,
	lagMs: number,
	lookbackMs = 0,
	originMs = Number.NEGATIVE_INFINITY,
): { from: string; until: string } | undefined {
	const from = Math.min(cursorMs, Math.max(originMs, cursorMs - lookbackMs));
	const end = Math.min(nowMs - lagMs, from + MAX_WINDOW_MS);
	if (end - cursorMs < MIN_WINDOW_MS) return undefined;
	return { from: new Date(from).toISOString(), until: new Date(end).toISOString() };
}

const isDate = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * Static data is whatever the database holds (edited by hand, written by an older version): each
 * field is checked, and a damaged one is dropped — a pending job is submitted again, a bad record
 * list forgotten — instead of failing every poll. Returns what was wrong, or [] when nothing was.
 * A damaged cursor is removed: the trigger then starts again from now (not from the Start Date,
 * which would deliver everything since then again).
 */
export function repairNewRecordsState(state: NewRecordsState): string[] {
	const problems: string[] = [];
	if (state.cursor !== undefined && !isDate(state.cursor)) {
		problems.push('"cursor" is not a date');
		for (const key of Object.keys(state)) if (key !== 'config') delete (state as IDataObject)[key];
		return problems;
	}
	const pending = state.pending as Partial<PendingJob> | undefined;
	if (
		pending !== undefined &&
		(typeof pending !== 'object' || pending === null || typeof pending.uuid !== 'string' || pending.uuid === '' || !isDate(pending.from) || !isDate(pending.until))
	) {
		problems.push('the pending export job is incomplete');
		delete state.pending;
	}
	if (state.lastUuids !== undefined && !(Array.isArray(state.lastUuids) && state.lastUuids.every((u) => typeof u === 'string'))) {
		problems.push('"lastUuids" is not a list of record uuids');
		delete state.lastUuids;
	}
	if (state.pending && !isCount(state.pending.submittedAt)) {
		// Without a submit time the job could never be given up: count from now.
		problems.push('the pending export job has no submit time');
		state.pending.submittedAt = Date.now();
	}
	if (state.origin !== undefined && !isDate(state.origin)) {
		problems.push('"origin" is not a date');
		state.origin = state.cursor;
	}
	if (state.seen !== undefined && !(typeof state.seen === 'object' && state.seen !== null && !Array.isArray(state.seen) && Object.values(state.seen).every((v) => typeof v === 'number' && Number.isFinite(v)))) {
		problems.push('"seen" is not a map of record keys to times');
		delete state.seen;
		// Without the keys, looking back would repeat records: start the lookback at the cursor.
		if (state.cursor) state.origin = state.cursor;
	}
	if (state.attempts !== undefined && !isCount(state.attempts)) {
		problems.push('"attempts" is not a count');
		delete state.attempts;
	}
	if (state.retryAt !== undefined && !isCount(state.retryAt)) {
		problems.push('"retryAt" is not a time');
		delete state.retryAt;
	}
	return problems;
}

/**
 * The keys whose record can still be read again: its bound at or after the next window's start (the
 * window from is inclusive; an inclusive until may repeat a record on the bound). At most MAX_SEEN.
 */
export function keysToKeep(seen: Record<string, number>, nextFromMs: number): Record<string, number> {
	let entries = Object.entries(seen).filter(([, bound]) => bound >= nextFromMs);
	if (entries.length > MAX_SEEN) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_SEEN);
	return Object.fromEntries(entries);
}

export interface ExportFinishedState {
	config?: string;
	done?: boolean;
}

/**
 * The rows of a delivered window not delivered before, and the keys to remember for them (the keys
 * already seen included). Rows without a uuid that are alike in every column may be different
 * records: they are numbered, so none is dropped as a repeat of another (a re-read of the same rows
 * numbers them alike).
 */
export function newRows(
	rows: IDataObject[],
	known: Record<string, number>,
	resource: ExportResource,
	untilMs: number,
): { fresh: IDataObject[]; seen: Record<string, number> } {
	const seen: Record<string, number> = { ...known };
	const fresh: IDataObject[] = [];
	const alike = new Map<string, number>();
	for (const row of rows) {
		let key = recordKey(row);
		if (key.startsWith('#')) {
			const n = alike.get(key) ?? 0;
			alike.set(key, n + 1);
			key = `${key}:${n}`;
		}
		if (key in seen) continue;
		seen[key] = rangeBound(row, resource, untilMs);
		fresh.push(row);
	}
	return { fresh, seen };
}
