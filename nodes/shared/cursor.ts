import type { IDataObject } from 'n8n-workflow';

import { describeValue } from './validate';

/**
 * The state of a timestamp-polling trigger: the newest timestamp delivered, plus the records
 * already delivered within the overlap window before it. Polls ask for everything from
 * `since - overlap` on, so a record that shares the boundary timestamp, or is committed a little
 * late with an earlier timestamp, is still seen once — and the `seen` keys stop it being seen twice.
 */
export interface TimestampCursor {
	/** Newest timestamp delivered (ISO 8601, UTC), never later than "now" plus CLOCK_TOLERANCE_MS. */
	since: string;
	/** `<id>@<timestamp>` of delivered records whose timestamp is within the overlap window (or later). */
	seen: string[];
}

export interface CursorRecord {
	id: string;
	/** ISO 8601 timestamp the poll filters on (created_at for "new", updated_at for "updated"). */
	at: string;
	record: IDataObject;
}

export const DEFAULT_OVERLAP_MS = 5 * 60_000;
/**
 * How far ahead of this machine's clock a server timestamp may move the cursor. A record stamped
 * further ahead (a server clock a day fast, a bad import) is delivered, but the cursor stops at
 * now + this, so records stamped afterwards at the real time are still asked for. Must not exceed
 * the overlap, or a record stamped at the real time could fall below the next query.
 */
export const CLOCK_TOLERANCE_MS = 60_000;

/** The key a delivered record version is remembered by in `seen`. */
export const cursorKey = (r: { id: string; at: string }) => `${r.id}@${r.at}`;
const timeOfKey = (key: string) => Date.parse(key.slice(key.lastIndexOf('@') + 1));

/** The lower bound to ask the API for: the cursor minus the overlap window. */
export function queryFrom(cursor: TimestampCursor, overlapMs = DEFAULT_OVERLAP_MS): string {
	return new Date(Date.parse(cursor.since) - overlapMs).toISOString();
}

/**
 * Given everything the API returned from `queryFrom(cursor)` on, returns the records not yet
 * delivered (oldest first) and the cursor to store once they have been handed over.
 * The same record updated again has a new timestamp, so it is delivered again: that is an update.
 * A record the answer holds twice (updated while the poll was paging, so read on two pages) is
 * delivered once, in its latest version; both versions count as delivered.
 */
export function advance(
	cursor: TimestampCursor,
	records: CursorRecord[],
	overlapMs = DEFAULT_OVERLAP_MS,
	nowMs = Date.now(),
): { fresh: CursorRecord[]; next: TimestampCursor } {
	const seen = new Set(cursor.seen);
	const floor = Date.parse(cursor.since) - overlapMs;
	// Latest version per record ID (Map: IDs are server data, never object keys).
	const latest = new Map<string, CursorRecord>();
	for (const r of records) {
		const at = Date.parse(r.at);
		if (Number.isNaN(at) || at < floor) continue;
		const key = cursorKey(r);
		if (seen.has(key)) continue;
		seen.add(key);
		const other = latest.get(r.id);
		if (!other || Date.parse(other.at) <= at) latest.set(r.id, r);
	}
	const fresh = [...latest.values()];
	fresh.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));

	let newest = Date.parse(cursor.since);
	for (const r of fresh) newest = Math.max(newest, Date.parse(r.at));
	// A timestamp from the future does not move the cursor past now + tolerance; its key stays in
	// `seen` (it is newer than keepFrom) until the cursor passes it, so it is not delivered again.
	newest = Math.min(newest, Math.max(Date.parse(cursor.since), nowMs + CLOCK_TOLERANCE_MS));
	const keepFrom = newest - overlapMs;
	const next: TimestampCursor = {
		since: new Date(newest).toISOString(),
		seen: [...seen].filter((key) => timeOfKey(key) >= keepFrom),
	};
	return { fresh, next };
}

/** A cursor that starts at `since` with nothing delivered yet. */
export function cursorAt(since: string | Date): TimestampCursor {
	return { since: new Date(since).toISOString(), seen: [] };
}

/** What was found in the stored cursor: a usable cursor, or why it cannot be used. */
export interface StoredCursor {
	/** The cursor to continue from (possibly repaired), or undefined: seed afresh. */
	cursor?: TimestampCursor;
	/** Set when the stored value was damaged: what was wrong, for one warning. */
	damage?: string;
	/**
	 * Set when `seen` could not be trusted: records at or before this time count as delivered
	 * (the trigger re-seeds at the stored time instead of delivering the overlap window again).
	 */
	deliveredUpTo?: string;
}

/**
 * Reads a cursor from static data that may be damaged (edited by hand, written by an older
 * version, by another tool, or by a clock that was wrong). Never throws. A valid `since` without a
 * valid `seen` re-seeds at `since`; without a valid `since` the trigger seeds afresh from now (a
 * guess from elsewhere could re-deliver years of records).
 */
export function readStoredCursor(value: unknown, nowMs = Date.now()): StoredCursor {
	if (value === undefined) return {};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { damage: `the stored cursor is ${describeValue(value)}, not an object` };
	}
	const raw = value as { since?: unknown; seen?: unknown };
	const problems: string[] = [];
	let seen: string[] | undefined;
	if (Array.isArray(raw.seen) && raw.seen.every((k) => typeof k === 'string' && !Number.isNaN(timeOfKey(k)))) {
		seen = raw.seen as string[];
	} else {
		problems.push(`"seen" is ${describeValue(raw.seen)}, not a list of delivered records`);
	}
	let since = typeof raw.since === 'string' ? Date.parse(raw.since) : Number.NaN;
	if (Number.isNaN(since)) {
		problems.push(`"since" is ${describeValue(raw.since)}, not a date`);
	}
	if (!Number.isNaN(since) && since > nowMs + CLOCK_TOLERANCE_MS) {
		problems.push(`"since" (${new Date(since).toISOString()}) is in the future`);
		since = nowMs + CLOCK_TOLERANCE_MS;
	}
	if (Number.isNaN(since)) return { damage: problems.join('; ') };
	const cursor: TimestampCursor = { since: new Date(since).toISOString(), seen: seen ?? [] };
	if (problems.length === 0) return { cursor };
	return { cursor, damage: problems.join('; '), ...(seen ? {} : { deliveredUpTo: cursor.since }) };
}
