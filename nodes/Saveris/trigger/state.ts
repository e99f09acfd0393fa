import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions, JsonObject } from 'n8n-workflow';

import { exportBody, FAILED_STATUSES, jobStatus, PENDING_STATUSES, readJob, submitJob, waitForJob } from '../export/jobs';
import type { ExportQuery, JobStatus } from '../export/jobs';
import type { ExportResource } from '../resources/definitions';
import { MAX_WINDOW_MS, MIN_WINDOW_MS } from '../resources/definitions';
import { warnDamagedState } from '../../shared/poller';

export { MIN_WINDOW_MS };

/** Most record keys kept for the lookback (the oldest go first past it: a repeat is then possible, a loss is not). */
export const MAX_SEEN = 100_000;

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
 * selects on (OAS does not say), that column was inside the window, so it is before the window's end.
 * When the row holds every column the range may select on (research note: `timestamp` or
 * `processed_at` for measurements), the latest of them is a tighter bound.
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
	/** Each export re-reads this much before the cursor, for records that arrive late (issue 14, point 3). */
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

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
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
function repairNewRecordsState(state: NewRecordsState): string[] {
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
 * One scheduled poll of "New Records". Never waits: it submits a job, or checks the pending job
 * once, or delivers a completed one. The cursor only moves when a window's rows are returned.
 */
export async function pollNewRecords(ctx: IPollFunctions, state: NewRecordsState, options: NewRecordsOptions): Promise<IDataObject[] | null> {
	const now = Date.now();
	// Keys written before the Start Date left the key ("newRecords|<resource>|<start>") are the same configuration.
	if (typeof state.config === 'string' && state.config.startsWith(`${options.config}|`)) state.config = options.config;
	if (state.config === options.config) {
		const problems = repairNewRecordsState(state);
		if (problems.length > 0) {
			warnDamagedState(ctx, problems.join('; '), state.cursor ? `the trigger carries on from ${state.cursor}` : undefined);
			if (!state.cursor) {
				state.cursor = new Date(now - options.lagMs).toISOString();
				return null;
			}
		}
	}
	if (state.config !== options.config || !state.cursor) {
		for (const key of Object.keys(state)) delete (state as IDataObject)[key];
		state.config = options.config;
		if (options.startDate) {
			const start = Date.parse(options.startDate);
			if (Number.isNaN(start)) throw new NodeOperationError(ctx.getNode(), `Start Date "${options.startDate}" is not a valid date`);
			state.cursor = new Date(start).toISOString();
		} else {
			// First activation: remember "now" and deliver only what comes after it.
			state.cursor = new Date(now - options.lagMs).toISOString();
			return null;
		}
	}

	// State from before the lookback: no keys of the records before the cursor, so no look back past it.
	if (state.origin === undefined) state.origin = state.cursor;
	if (state.lastUuids !== undefined) {
		state.seen = state.seen ?? {};
		for (const key of state.lastUuids) state.seen[key] = Date.parse(state.cursor);
		delete state.lastUuids;
	}

	const failure = (reason: string): null => {
		state.pending = undefined;
		state.attempts = (state.attempts ?? 0) + 1;
		state.retryAt = Date.now() + retryDelayMs(state.attempts);
		if (state.attempts >= options.maxTries) {
			const tries = state.attempts;
			state.attempts = 0;
			const message = `Saveris ${options.resource.name} export for ${state.cursor} onwards failed ${tries} times`;
			throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
				message,
				description: `Last problem: ${reason}. Nothing was skipped: the trigger keeps the window and tries again.`,
			});
		}
		return null;
	};

	if (state.pending) {
		const pending = state.pending;
		let status: JobStatus;
		try {
			status = await jobStatus(ctx, options.resource, pending.uuid);
		} catch (error) {
			if (isNotFound(error)) return failure(`export ${pending.uuid} is unknown to Saveris`);
			// Anything else (network, 5xx after retries): the job stays pending and is checked next time.
			throw new NodeApiError(ctx.getNode(), error as JsonObject);
		}
		if (PENDING_STATUSES.includes(status.status)) {
			// A job that never ends would hold the window forever: give it up after the bound, submit
			// the window again, and report it once Max Tries such tries have failed.
			const minutes = Math.round((now - pending.submittedAt) / 60_000);
			if (now - pending.submittedAt >= options.jobTimeoutMs) {
				return failure(`export ${pending.uuid} was still "${status.status}" ${minutes} minutes after it was submitted`);
			}
			return null;
		}
		if (FAILED_STATUSES.includes(status.status) || status.status !== 'Completed') {
			return failure(`export ${pending.uuid} ended with status "${status.status}"`);
		}
		let rows: IDataObject[];
		try {
			rows = (await readJob(ctx, options.resource, pending.uuid, status, { mode: 'items', format: options.query.format })).rows;
		} catch (error) {
			return failure((error as Error).message);
		}
		const untilMs = Date.parse(pending.until);
		const seen: Record<string, number> = { ...(state.seen ?? {}) };
		const fresh: IDataObject[] = [];
		// Rows without a uuid that are alike in every column may be different records: number them, so
		// none is dropped as a repeat of another (a re-read of the same rows numbers them alike).
		const alike = new Map<string, number>();
		for (const row of rows) {
			let key = recordKey(row);
			if (key.startsWith('#')) {
				const n = alike.get(key) ?? 0;
				alike.set(key, n + 1);
				key = `${key}:${n}`;
			}
			if (key in seen) continue;
			seen[key] = rangeBound(row, options.resource, untilMs);
			fresh.push(row);
		}
		// The window is delivered: move on, and forget keys that no later window can read again.
		state.cursor = pending.until;
		state.pending = undefined;
		state.attempts = 0;
		state.retryAt = undefined;
		state.seen = keysToKeep(seen, untilMs - options.lookbackMs);
		return fresh.length > 0 ? fresh : null;
	}

	if (state.retryAt && now < state.retryAt) return null;
	const window = nextWindow(Date.parse(state.cursor), now, options.lagMs, options.lookbackMs, Date.parse(state.origin ?? state.cursor));
	if (!window) return null;
	const uuid = await submitJob(ctx, options.resource, exportBody(options.resource, options.query, window));
	state.pending = { uuid, from: window.from, until: window.until, submittedAt: now };
	return null;
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

/** "Fetch test event": one small window (the last hour before the lag), waited for; state untouched. */
export async function manualNewRecords(ctx: IPollFunctions, options: NewRecordsOptions): Promise<IDataObject[]> {
	const until = Date.now() - options.lagMs;
	const window = { from: new Date(until - 3_600_000).toISOString(), until: new Date(until).toISOString() };
	const uuid = await submitJob(ctx, options.resource, exportBody(options.resource, options.query, window));
	const status = await waitForJob(ctx, options.resource, uuid, { deadline: Date.now() + 120_000, intervalMs: 1000 });
	const { rows } = await readJob(ctx, options.resource, uuid, status, { mode: 'items', format: options.query.format });
	if (rows.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `No ${options.resource.name.toLowerCase()} in the last hour to show as a sample`, {
			description: `Saveris returned no rows for ${window.from} – ${window.until}. Activate the workflow to receive new records as they arrive.`,
		});
	}
	return rows;
}

export interface ExportFinishedState {
	config?: string;
	done?: boolean;
}

/** "Export Finished": watch one request_uuid and fire once with its rows when it completes. */
export async function pollExportFinished(
	ctx: IPollFunctions,
	state: ExportFinishedState,
	resource: ExportResource,
	uuid: string,
	format: string,
	manual: boolean,
): Promise<IDataObject[] | null> {
	const config = `${resource.value}|${uuid}`;
	if (!manual && state.config !== config) {
		state.config = config;
		state.done = false;
	}
	if (!manual && state.done) return null;
	let status: JobStatus;
	try {
		status = await jobStatus(ctx, resource, uuid);
	} catch (error) {
		if (isNotFound(error) && !manual) state.done = true;
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
	if (PENDING_STATUSES.includes(status.status)) {
		if (manual) {
			throw new NodeOperationError(ctx.getNode(), `The Saveris export ${uuid} is not finished yet`, {
				description: `Status: "${status.status}". Activate the workflow: it fires once the export completes.`,
			});
		}
		return null;
	}
	if (status.status !== 'Completed') {
		if (!manual) state.done = true;
		const message = `The Saveris ${resource.name} export ${uuid} ended with status "${status.status}"`;
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, description: 'Start the export again.' });
	}
	const { rows } = await readJob(ctx, resource, uuid, status, { mode: 'items', format });
	if (!manual) state.done = true;
	return rows.length > 0 ? rows : [{ request_uuid: uuid, status: 'Completed', rows: 0 }];
}
