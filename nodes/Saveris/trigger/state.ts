import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions, JsonObject } from 'n8n-workflow';

import { exportBody, FAILED_STATUSES, jobStatus, PENDING_STATUSES, readJob, submitJob, waitForJob } from '../export/jobs';
import type { ExportQuery, JobStatus } from '../export/jobs';
import type { ExportResource } from '../resources/definitions';
import { MAX_WINDOW_MS, MIN_WINDOW_MS } from '../resources/definitions';

export { MIN_WINDOW_MS };

/** Record uuids remembered from the end of the last window, to drop repeats across the boundary. */
export const MAX_REMEMBERED = 5_000;
/** How close to a window's end a record must be to be remembered. */
export const BOUNDARY_MS = 15 * 60_000;

/** The uuids worth remembering: records near the window's end (all, when rows carry no time). */
export function boundaryUuids(rows: IDataObject[], timeField: string | undefined, untilIso: string): string[] {
	const edge = Date.parse(untilIso) - BOUNDARY_MS;
	const out: string[] = [];
	for (const row of rows) {
		if (typeof row.uuid !== 'string') continue;
		const at = timeField && typeof row[timeField] === 'string' ? Date.parse(row[timeField] as string) : Number.NaN;
		if (Number.isNaN(at) || at >= edge) out.push(row.uuid);
	}
	return out.slice(-MAX_REMEMBERED);
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
	/** Record uuids delivered from the last window. */
	lastUuids?: string[];
}

export interface NewRecordsOptions {
	resource: ExportResource;
	query: ExportQuery;
	lagMs: number;
	maxTries: number;
	startDate?: string;
	config: string;
}

export function retryDelayMs(attempts: number): number {
	return Math.min(30 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** The next window to export from the cursor: up to now − lag, at most 7 days, at least 5 minutes. */
export function nextWindow(cursorMs: number, nowMs: number, lagMs: number): { from: string; until: string } | undefined {
	const end = Math.min(nowMs - lagMs, cursorMs + MAX_WINDOW_MS);
	if (end - cursorMs < MIN_WINDOW_MS) return undefined;
	return { from: new Date(cursorMs).toISOString(), until: new Date(end).toISOString() };
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
			ctx.logger.warn(
				`The stored state of "${ctx.getNode().name}" was damaged (${problems.join('; ')}); ` +
					(state.cursor ? `the trigger carries on from ${state.cursor}` : 'the trigger re-seeds from now'),
			);
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
		if (PENDING_STATUSES.includes(status.status)) return null;
		if (FAILED_STATUSES.includes(status.status) || status.status !== 'Completed') {
			return failure(`export ${pending.uuid} ended with status "${status.status}"`);
		}
		let rows: IDataObject[];
		try {
			rows = (await readJob(ctx, options.resource, pending.uuid, status, { mode: 'items', format: options.query.format })).rows;
		} catch (error) {
			return failure((error as Error).message);
		}
		const previous = new Set(state.lastUuids ?? []);
		const seen = new Set<string>();
		const fresh: IDataObject[] = [];
		for (const row of rows) {
			const id = typeof row.uuid === 'string' ? row.uuid : undefined;
			if (id !== undefined) {
				if (seen.has(id) || previous.has(id)) continue;
				seen.add(id);
			}
			fresh.push(row);
		}
		// The window is delivered: move on.
		state.cursor = pending.until;
		state.pending = undefined;
		state.attempts = 0;
		state.retryAt = undefined;
		state.lastUuids = boundaryUuids(fresh, options.resource.timeField, pending.until);
		return fresh.length > 0 ? fresh : null;
	}

	if (state.retryAt && now < state.retryAt) return null;
	const window = nextWindow(Date.parse(state.cursor), now, options.lagMs);
	if (!window) return null;
	const uuid = await submitJob(ctx, options.resource, exportBody(options.resource, options.query, window));
	state.pending = { uuid, from: window.from, until: window.until, submittedAt: now };
	return null;
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
