import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_OVERLAP_MS, advance, cursorAt, cursorKey, queryFrom, readStoredCursor } from './cursor';
import type { CursorRecord, TimestampCursor } from './cursor';
import { requireDateTime } from './dates';

interface PollState {
	/** What the trigger was watching when the cursor was made; a change starts afresh. */
	config?: string;
	cursor?: TimestampCursor;
}

/**
 * Static data is whatever the database holds: checked before use, never trusted. Damage is
 * reported once (the repaired state replaces it at once) as a warning in n8n's log, in the same
 * words by every trigger: what was wrong, and what the trigger does instead.
 */
export function warnDamagedState(ctx: IPollFunctions, damage: string, outcome = 'the trigger re-seeds from now'): void {
	ctx.logger.warn(`The stored state of "${ctx.getNode().name}" was damaged (${damage}); ${outcome}`);
}

function storedCursor(ctx: IPollFunctions, state: PollState, config: string) {
	if (state.config !== config) return {};
	const stored = readStoredCursor(state.cursor);
	if (stored.damage) warnDamagedState(ctx, stored.damage, stored.cursor ? `the trigger re-seeds at ${stored.cursor.since}` : undefined);
	return stored;
}

export interface TimestampPollOptions {
	/** Identifies what is watched (resource + event); the cursor resets when it changes. */
	config: string;
	/**
	 * The user's start date: the first activation delivers everything from it. Text without a zone
	 * is read in the workflow's time zone.
	 */
	startDate?: unknown;
	overlapMs?: number;
	/** Every record whose timestamp is at or after `fromIso` (all pages, oldest first). */
	fetchSince: (fromIso: string) => Promise<CursorRecord[]>;
	/** The newest record, for seeding and "Fetch test event". */
	fetchNewest: () => Promise<CursorRecord | undefined>;
	/** Names the records in messages ("patients"). */
	noun: string;
}

/**
 * One poll of a timestamp-cursor trigger, the n8n way: the first activation seeds the cursor and
 * emits nothing (or backfills from a start date), later polls emit what is new, the cursor moves
 * only once everything was read, and manual mode returns the newest record without touching state.
 */
export async function timestampPoll(ctx: IPollFunctions, options: TimestampPollOptions): Promise<IDataObject[] | null> {
	const overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
	if (ctx.getMode() === 'manual') {
		const newest = await options.fetchNewest();
		if (!newest) {
			throw new NodeOperationError(ctx.getNode(), `No ${options.noun} to show as a sample yet`, {
				description: 'Create one in the account, or activate the workflow and wait for the first event.',
			});
		}
		return [newest.record];
	}

	const state = ctx.getWorkflowStaticData('node') as PollState;
	const stored = storedCursor(ctx, state, options.config);
	let cursor = stored.cursor;
	let seeding = false;
	if (!cursor) {
		if (options.startDate !== undefined) {
			const start = requireDateTime(ctx.getNode(), options.startDate, 'Start Date', 0, { timeZone: ctx.getTimezone() });
			// The overlap is subtracted from every query; start that much later so the backfill begins at the date.
			cursor = cursorAt(new Date(start + overlapMs));
		} else {
			const newest = await options.fetchNewest();
			cursor = cursorAt(newest ? newest.at : new Date());
			seeding = true;
		}
	}

	const records = await options.fetchSince(queryFrom(cursor, overlapMs));
	if (stored.deliveredUpTo) {
		// What was delivered before the damage is unknown: count everything up to the stored time as delivered.
		const upTo = Date.parse(stored.deliveredUpTo);
		cursor = { ...cursor, seen: records.filter((r) => Date.parse(r.at) <= upTo).map(cursorKey) };
	}
	const { fresh, next } = advance(cursor, records, overlapMs);
	// Only now, with every page read, does the trigger remember what it has delivered.
	state.config = options.config;
	state.cursor = next;
	if (seeding || fresh.length === 0) return null;
	return fresh.map((r) => r.record);
}
