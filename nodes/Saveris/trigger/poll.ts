import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions, JsonObject } from 'n8n-workflow';

import { requireDateTime } from '../../shared/dates';
import { exclusivePoll } from '../../shared/lease';
import { warnDamagedState } from '../../shared/poller';
import { isBlank, optionalNumberInRange, requireText, textOf } from '../../shared/validate';
import { exportResource } from '../resources/definitions';
import type { ExportResource } from '../resources/definitions';
import { exportBody, jobEndedError, jobStatus, PENDING_STATUSES, readJob, submitJob, waitForJob } from '../transport/jobs';
import type { JobStatus } from '../transport/jobs';
import { keysToKeep, newRows, nextWindow, repairNewRecordsState, retryDelayMs } from './events';
import type { ExportFinishedState, NewRecordsOptions, NewRecordsState } from './events';

// The trigger's calls to Saveris, one short step per poll; what is new is decided in events.ts.

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
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
		if (status.status !== 'Completed') {
			return failure(`export ${pending.uuid} ended with status "${status.status}"`);
		}
		let rows: IDataObject[];
		try {
			rows = (await readJob(ctx, options.resource, pending.uuid, status, { mode: 'items', format: options.query.format })).rows;
		} catch (error) {
			return failure((error as Error).message);
		}
		const untilMs = Date.parse(pending.until);
		const { fresh, seen } = newRows(rows, state.seen ?? {}, options.resource, untilMs);
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
		throw jobEndedError(ctx, resource, uuid, status, undefined, 'Start the export again.');
	}
	const { rows } = await readJob(ctx, resource, uuid, status, { mode: 'items', format });
	if (!manual) state.done = true;
	return rows.length > 0 ? rows : [{ request_uuid: uuid, status: 'Completed', rows: 0 }];
}

/** Longest Delay: a week. A longer one is surely a slip, and the trigger would stay silent that long. */
const MAX_LAG_MINUTES = 7 * 24 * 60;
/** Longest Lookback: a day (every export re-reads it, and one export covers at most 7 days). */
const MAX_LOOKBACK_MINUTES = 24 * 60;

/** What the trigger does on each poll, loaded on its first poll (issue 17: cold load). */
export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// One poll at a time per trigger node: see shared/lease.ts.
	return await exclusivePoll(this, async () => {
		const node = this.getNode();
		const mode = this.getNodeParameter('mode') as string;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const format = textOf(node, options.fileFormat, 'File Format', 0) || 'CSV';
		const manual = this.getMode() === 'manual';

		if (mode === 'exportFinished') {
			const resource = exportResource(this.getNodeParameter('exportResource') as string);
			if (!resource) throw new NodeOperationError(node, 'Choose the resource of the export to watch');
			const uuid = requireText(node, this.getNodeParameter('requestUuid', ''), 'Request UUID', 0);
			const state = this.getWorkflowStaticData('node') as ExportFinishedState;
			const rows = await pollExportFinished(this, state, resource, uuid, format, manual);
			return rows ? [this.helpers.returnJsonArray(rows)] : null;
		}

		const resource = exportResource(this.getNodeParameter('recordResource') as string);
		if (!resource || !resource.timeBased) {
			throw new NodeOperationError(node, 'Choose Measurements, Alarms or Executed Tasks');
		}
		// Checked on every poll, so a bad value is reported instead of a trigger that silently never fires.
		const lagMinutes = optionalNumberInRange(node, options.lagMinutes, 'Delay (Minutes)', 0, MAX_LAG_MINUTES, 0) ?? 10;
		const lookbackMinutes = optionalNumberInRange(node, options.lookbackMinutes, 'Lookback (Minutes)', 0, MAX_LOOKBACK_MINUTES, 0) ?? 60;
		const jobTimeoutMinutes = optionalNumberInRange(node, options.jobTimeoutMinutes, 'Give Up on an Export After (Minutes)', 5, MAX_LAG_MINUTES, 0) ?? 60;
		const maxTries = Math.floor(optionalNumberInRange(node, options.maxTries, 'Max Tries per Window', 1, 1000, 0) ?? 5);
		const startRaw = this.getNodeParameter('startDate', '');
		const unset = isBlank(startRaw);
		// The package's one date-time rule (nodes/shared/dates.ts): without an offset, the workflow's time zone.
		const startMs = unset ? undefined : requireDateTime(node, startRaw, 'Start Date', 0, { timeZone: this.getTimezone() });
		const settings = {
			resource,
			query: {
				format,
				filter: textOf(node, options.filter, 'Filter', 0),
				select: textOf(node, options.select, 'Select', 0),
			},
			lagMs: lagMinutes * 60_000,
			lookbackMs: lookbackMinutes * 60_000,
			jobTimeoutMs: jobTimeoutMinutes * 60_000,
			maxTries,
			startDate: startMs === undefined ? undefined : new Date(startMs).toISOString(),
			// The Start Date only matters on the first activation, so it is not part of the key: an
			// expression such as {{ $now.minus(...) }} evaluates differently on every poll and would
			// otherwise reset the trigger (and submit a new export) each time.
			config: `newRecords|${resource.value}`,
		};
		if (manual) return [this.helpers.returnJsonArray(await manualNewRecords(this, settings))];
		const state = this.getWorkflowStaticData('node') as NewRecordsState;
		const rows = await pollNewRecords(this, state, settings);
		return rows ? [this.helpers.returnJsonArray(rows)] : null;
	});
}
