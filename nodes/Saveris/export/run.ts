import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { parameterError } from '../../shared/errors';
import type { ExportResource } from '../resources/definitions';
import { exportBody, jobStatus, readJob, splitWindows, submitJob, waitForJob } from './jobs';
import type { ExportQuery, JobResult, OutputMode, Window } from './jobs';

/** A date parameter in ms; values without a zone are read as UTC. */
export function parseDateParam(value: unknown): number {
	if (value === undefined || value === null || value === '') return Number.NaN;
	const text = String(value).trim();
	const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(text) || !/T\d/.test(text) ? text : `${text}Z`;
	return Date.parse(zoned);
}

/** The windows of a time-based export: From < Until, each window at most 7 days. */
export function readWindows(ctx: IExecuteFunctions, resource: ExportResource, itemIndex: number): Array<Window | undefined> {
	if (!resource.timeBased) return [undefined];
	const node = ctx.getNode();
	const fromRaw = ctx.getNodeParameter('dateFrom', itemIndex, '');
	const untilRaw = ctx.getNodeParameter('dateUntil', itemIndex, '');
	const from = parseDateParam(fromRaw);
	const until = parseDateParam(untilRaw);
	if (Number.isNaN(from)) throw parameterError(node, `From "${String(fromRaw)}" is not a valid date`, itemIndex, 'Enter a date and time, e.g. 2024-06-01T00:00:00Z.');
	if (Number.isNaN(until)) throw parameterError(node, `Until "${String(untilRaw)}" is not a valid date`, itemIndex, 'Enter a date and time, e.g. 2024-06-02T00:00:00Z.');
	if (from >= until) {
		throw parameterError(node, 'From must be before Until', itemIndex, `Got From ${new Date(from).toISOString()} and Until ${new Date(until).toISOString()}.`);
	}
	return splitWindows(from, until);
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, withOdata: boolean): ExportQuery {
	const format = String(ctx.getNodeParameter('fileFormat', itemIndex, 'CSV'));
	if (!withOdata) return { format };
	const odata = ctx.getNodeParameter('odata', itemIndex, {}) as IDataObject;
	return { format, filter: odata.filter as string, select: odata.select as string, orderby: odata.orderby as string };
}

function requireUuid(ctx: IExecuteFunctions, itemIndex: number): string {
	const uuid = String(ctx.getNodeParameter('requestUuid', itemIndex, '') ?? '').trim();
	if (uuid === '') throw parameterError(ctx.getNode(), 'Request UUID is empty', itemIndex, 'Enter the request_uuid that Start Export returned.');
	return uuid;
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
	const binaryName = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') || 'data');
	const rows: IDataObject[] = [];
	const files: JobResult['files'] = [];
	const seen = new Set<string>();

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
		const result = await readJob(ctx, resource, uuid, status, { mode, format: query.format, itemIndex });
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
		const options = ctx.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject;
		const timeoutMs = Number(options.timeoutMinutes ?? 10) * 60_000;
		const intervalMs = Number(options.intervalSeconds ?? 2) * 1000;
		const deadline = Date.now() + timeoutMs;
		// All windows are submitted first, so Saveris works on them in parallel.
		const uuids: string[] = [];
		for (const window of windows) uuids.push(await submitJob(ctx, resource, exportBody(resource, query, window), itemIndex));
		for (const uuid of uuids) {
			const status = await waitForJob(ctx, resource, uuid, { deadline, intervalMs, itemIndex });
			const result = await readJob(ctx, resource, uuid, status, { mode, format: query.format, itemIndex });
			mergeRows(rows, seen, result.rows);
			files.push(...result.files);
		}
		return toItems(rows, files, binaryName, itemIndex);
	}
	throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
}
