import type { IDataObject } from 'n8n-workflow';

/**
 * The state of a timestamp-polling trigger: the newest timestamp delivered, plus the records
 * already delivered within the overlap window before it. Polls ask for everything from
 * `since - overlap` on, so a record that shares the boundary timestamp, or is committed a little
 * late with an earlier timestamp, is still seen once — and the `seen` keys stop it being seen twice.
 */
export interface TimestampCursor {
	/** Newest timestamp delivered (ISO 8601, UTC). */
	since: string;
	/** `<id>@<timestamp>` of delivered records whose timestamp is within the overlap window. */
	seen: string[];
}

export interface CursorRecord {
	id: string;
	/** ISO 8601 timestamp the poll filters on (created_at for "new", updated_at for "updated"). */
	at: string;
	record: IDataObject;
}

export const DEFAULT_OVERLAP_MS = 5 * 60_000;

const keyOf = (r: { id: string; at: string }) => `${r.id}@${r.at}`;

/** The lower bound to ask the API for: the cursor minus the overlap window. */
export function queryFrom(cursor: TimestampCursor, overlapMs = DEFAULT_OVERLAP_MS): string {
	return new Date(Date.parse(cursor.since) - overlapMs).toISOString();
}

/**
 * Given everything the API returned from `queryFrom(cursor)` on, returns the records not yet
 * delivered (oldest first) and the cursor to store once they have been handed over.
 * The same record updated again has a new timestamp, so it is delivered again: that is an update.
 */
export function advance(
	cursor: TimestampCursor,
	records: CursorRecord[],
	overlapMs = DEFAULT_OVERLAP_MS,
): { fresh: CursorRecord[]; next: TimestampCursor } {
	const seen = new Set(cursor.seen);
	const floor = Date.parse(cursor.since) - overlapMs;
	const fresh: CursorRecord[] = [];
	for (const r of records) {
		const at = Date.parse(r.at);
		if (Number.isNaN(at) || at < floor) continue;
		const key = keyOf(r);
		if (seen.has(key)) continue;
		seen.add(key);
		fresh.push(r);
	}
	fresh.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));

	let newest = Date.parse(cursor.since);
	for (const r of fresh) newest = Math.max(newest, Date.parse(r.at));
	const keepFrom = newest - overlapMs;
	const next: TimestampCursor = {
		since: new Date(newest).toISOString(),
		seen: [...seen].filter((key) => Date.parse(key.slice(key.lastIndexOf('@') + 1)) >= keepFrom),
	};
	return { fresh, next };
}

/** A cursor that starts at `since` with nothing delivered yet. */
export function cursorAt(since: string | Date): TimestampCursor {
	return { since: new Date(since).toISOString(), seen: [] };
}
