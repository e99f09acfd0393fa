import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { requireDateTime } from '../../shared/dates';
import { parameterError } from '../../shared/errors';
import { optionalNumberInRange, requireText, textOf, wholeNumber } from '../../shared/validate';
import { DEFAULT_MAX_MEGABYTES, DEFAULT_MAX_ROWS, MAX_MEGABYTES_LIMIT, MAX_ROWS_LIMIT } from '../parse/limits';
import type { ResultLimits } from '../parse/limits';
import type { ExportResource } from '../resources/definitions';
import { DAY_MS, MAX_RANGE_DAYS, MAX_TIMEOUT_MINUTES, MAX_WINDOW_MS } from '../resources/definitions';
import { exportBody, jobStatus, readJob, resultBudget, splitWindows, submitJob, waitForJob } from './jobs';
import type { ExportQuery, JobResult, OutputMode, Window } from './jobs';

/**
 * The windows of a time-based export: From < Until, each window at most 7 days, the whole range at
 * most MAX_RANGE_DAYS. All checked before anything is sent: every window is one export job, and they
 * are all submitted before the first is awaited.
 */
export function readWindows(ctx: IExecuteFunctions, resource: ExportResource, itemIndex: number): Array<Window | undefined> {
	if (!resource.timeBased) return [undefined];
	const node = ctx.getNode();
	const from = requireDateTime(node, ctx.getNodeParameter('dateFrom', itemIndex, ''), 'From', itemIndex, { example: '2024-06-01T00:00:00Z' });
	const until = requireDateTime(node, ctx.getNodeParameter('dateUntil', itemIndex, ''), 'Until', itemIndex, { example: '2024-06-02T00:00:00Z' });
	const range = `From ${new Date(from).toISOString()} and Until ${new Date(until).toISOString()}`;
	if (from >= until) throw parameterError(node, 'From must be before Until', itemIndex, `Got ${range}.`);
	if (until - from > MAX_RANGE_DAYS * DAY_MS) {
		const days = Math.ceil((until - from) / DAY_MS);
		throw parameterError(
			node,
			`From and Until are ${days} days apart; one run exports at most ${MAX_RANGE_DAYS} days`,
			itemIndex,
			`Got ${range}. Saveris takes at most 7 days per export job, so ${MAX_RANGE_DAYS} days are already ${Math.ceil((MAX_RANGE_DAYS * DAY_MS) / MAX_WINDOW_MS)} jobs. Split the range over several runs, or use the testo Saveris Trigger to export continuously.`,
		);
	}
	return splitWindows(from, until);
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, withOdata: boolean): ExportQuery {
	const node = ctx.getNode();
	const format = textOf(node, ctx.getNodeParameter('fileFormat', itemIndex, 'CSV'), 'File Format', itemIndex) || 'CSV';
	if (!withOdata) return { format };
	const odata = ctx.getNodeParameter('odata', itemIndex, {}) as IDataObject;
	return {
		format,
		filter: textOf(node, odata.filter, 'Filter ($Filter)', itemIndex),
		select: textOf(node, odata.select, 'Select ($Select)', itemIndex),
		orderby: textOf(node, odata.orderby, 'Order By ($Orderby)', itemIndex),
	};
}

function requireUuid(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('requestUuid', itemIndex, ''), 'Request UUID', itemIndex);
}

/**
 * How long Export and Wait waits, checked: a NaN timeout would never expire and a NaN interval
 * would poll without pause, so only finite values in range pass.
 */
function readWait(ctx: IExecuteFunctions, itemIndex: number): { timeoutMs: number; intervalMs: number } {
	const node = ctx.getNode();
	const options = ctx.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject;
	const minutes = optionalNumberInRange(node, options.timeoutMinutes, 'Timeout (Minutes)', 0, MAX_TIMEOUT_MINUTES, itemIndex) ?? 10;
	const seconds = optionalNumberInRange(node, options.intervalSeconds, 'First Check After (Seconds)', 0, 3600, itemIndex) ?? 2;
	return { timeoutMs: minutes * 60_000, intervalMs: seconds * 1000 };
}

/** Options › Max Rows and Max Result Size (MB), checked: whole numbers in range, defaults when not set. */
export function readLimits(ctx: IExecuteFunctions, itemIndex: number): ResultLimits {
	const node = ctx.getNode();
	const options = ctx.getNodeParameter('resultOptions', itemIndex, {}) as IDataObject;
	const set = (name: string) => name in options && options[name] !== null;
	const maxRows = set('maxRows') ? wholeNumber(node, options.maxRows, 'Max Rows', itemIndex, 1, MAX_ROWS_LIMIT) : DEFAULT_MAX_ROWS;
	const megabytes = set('maxMegabytes') ? wholeNumber(node, options.maxMegabytes, 'Max Result Size (MB)', itemIndex, 1, MAX_MEGABYTES_LIMIT) : DEFAULT_MAX_MEGABYTES;
	return { maxRows, maxBytes: megabytes * 1024 * 1024 };
}

/** Rows of several jobs merged; delivery is at-least-once, so a repeated record `uuid` is dropped. */
export function mergeRows(target: IDataObject[], seen: Set<string>, rows: IDataObject[]): void {
	for (const row of rows) {
		const id = row.uuid;
		if (typeof id === 'string' && id !== '') {
			if (seen.has(id)) continue;
			seen.add(id);
		}
		target.push(row);
	}
}

function toItems(rows: IDataObject[], files: JobResult['files'], binaryName: string, itemIndex: number): INodeExecutionData[] {
	const out: INodeExecutionData[] = rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
	for (const file of files) out.push({ json: file.json, binary: { [binaryName]: file.binary }, pairedItem: { item: itemIndex } });
	return out;
}

/** One item's export operation. */
export async function runExportOperation(
	ctx: IExecuteFunctions,
	resource: ExportResource,
	operation: string,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const pair = { pairedItem: { item: itemIndex } };
	if (operation === 'startExport') {
		const windows = readWindows(ctx, resource, itemIndex);
		const query = readQuery(ctx, itemIndex, true);
		const out: INodeExecutionData[] = [];
		for (const window of windows) {
			const uuid = await submitJob(ctx, resource, exportBody(resource, query, window), itemIndex);
			const json: IDataObject = { request_uuid: uuid, status: 'Submitted', resource: resource.value };
			if (window) Object.assign(json, { date_time_from: window.from, date_time_until: window.until });
			out.push({ json, ...pair });
		}
		return out;
	}
	if (operation === 'getExportStatus') {
		const uuid = requireUuid(ctx, itemIndex);
		const status = await jobStatus(ctx, resource, uuid, itemIndex);
		return [{ json: { request_uuid: uuid, resource: resource.value, ...status } as IDataObject, ...pair }];
	}

	const mode = ctx.getNodeParameter('output', itemIndex, 'items') as OutputMode;
	const binaryName = textOf(ctx.getNode(), ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data'), 'Put Output File in Field', itemIndex) || 'data';
	const rows: IDataObject[] = [];
	const files: JobResult['files'] = [];
	const seen = new Set<string>();
	// One budget for every file of this item, checked before the first request.
	const budget = resultBudget(ctx, readLimits(ctx, itemIndex), itemIndex);

	if (operation === 'getExportResults') {
		const uuid = requireUuid(ctx, itemIndex);
		const query = readQuery(ctx, itemIndex, false);
		const status = await jobStatus(ctx, resource, uuid, itemIndex);
		if (status.status !== 'Completed') {
			if (status.status === 'Error' || status.status === 'Failed') {
				const message = `The Saveris ${resource.name} export ${uuid} ended with status "${status.status}"`;
				throw new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, itemIndex, description: 'Start the export again.' });
			}
			throw new NodeOperationError(ctx.getNode(), `The Saveris ${resource.name} export ${uuid} is not completed yet`, {
				itemIndex,
				description: `Status: "${status.status}". Try again later, or use "Export and Wait".`,
			});
		}
		const result = await readJob(ctx, resource, uuid, status, { mode, format: query.format, itemIndex, budget });
		mergeRows(rows, seen, result.rows);
		files.push(...result.files);
		return toItems(rows, files, binaryName, itemIndex);
	}

	if (operation === 'exportAndWait') {
		const windows = readWindows(ctx, resource, itemIndex);
		const query = readQuery(ctx, itemIndex, true);
		if (mode !== 'binary' && query.format !== 'CSV' && query.format !== 'JSON') {
			throw parameterError(ctx.getNode(), `Result files in ${query.format} format cannot be turned into items`, itemIndex, 'Choose CSV or JSON, or the "Binary Files" output.');
		}
		const { timeoutMs, intervalMs } = readWait(ctx, itemIndex);
		const deadline = Date.now() + timeoutMs;
		// All windows are submitted first, so Saveris works on them in parallel.
		const uuids: string[] = [];
		for (const window of windows) uuids.push(await submitJob(ctx, resource, exportBody(resource, query, window), itemIndex));
		for (const uuid of uuids) {
			const status = await waitForJob(ctx, resource, uuid, { deadline, intervalMs, itemIndex });
			const result = await readJob(ctx, resource, uuid, status, { mode, format: query.format, itemIndex, budget });
			mergeRows(rows, seen, result.rows);
			files.push(...result.files);
		}
		return toItems(rows, files, binaryName, itemIndex);
	}
	throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
}
