import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withArticle } from '../../shared/article';
import { requireDateTime } from '../../shared/dates';
import { parameterError } from '../../shared/errors';
import type { OperationContext, OperationDef } from '../../shared/types';
import { optionalNumberInRange, requireText, textOf, wholeNumber } from '../../shared/validate';
import { DEFAULT_MAX_MEGABYTES, DEFAULT_MAX_ROWS, MAX_MEGABYTES_LIMIT, MAX_ROWS_LIMIT } from '../parse/limits';
import type { ResultLimits } from '../parse/limits';
import { exportBody, FAILED_STATUSES, jobEndedError, jobStatus, readJob, resultBudget, splitWindows, submitJob, waitForJob } from '../transport/jobs';
import { DAY_MS, MAX_WINDOW_MS } from '../transport/windows';
import type { ExportQuery, JobResult, OutputMode, Window } from '../transport/jobs';
import { EXPORT_RESOURCES, FILE_FORMATS, requestUuidField } from './definitions';
import type { ExportResource } from './definitions';

// The four operations of every exportable resource: an asynchronous export job at Saveris (submit,
// check, download and parse its result files), so each row carries its own `run`.

/**
 * The longest From–Until range of one run: a year, i.e. at most 53 export jobs per item. A longer
 * range (or a typo such as year 20240) would submit hundreds of jobs and keep the run busy for hours.
 */
const MAX_RANGE_DAYS = 366;

/** Longest "Export and Wait" timeout: a day. */
const MAX_TIMEOUT_MINUTES = 24 * 60;

/**
 * The windows of a time-based export: From < Until, each window at most 7 days, the whole range at
 * most MAX_RANGE_DAYS. All checked before anything is sent: every window is one export job, and they
 * are all submitted before the first is awaited.
 */
function readWindows(ctx: IExecuteFunctions, resource: ExportResource, itemIndex: number): Array<Window | undefined> {
	if (!resource.timeBased) return [undefined];
	const node = ctx.getNode();
	// The package's one date-time rule (nodes/shared/dates.ts): without an offset, the workflow's time zone.
	const timeZone = ctx.getTimezone();
	const from = requireDateTime(node, ctx.getNodeParameter('dateFrom', itemIndex, ''), 'From', itemIndex, { timeZone, example: '2024-06-01T00:00:00' });
	const until = requireDateTime(node, ctx.getNodeParameter('dateUntil', itemIndex, ''), 'Until', itemIndex, { timeZone, example: '2024-06-02T00:00:00' });
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
		filter: textOf(node, odata.filter, 'Filter', itemIndex),
		select: textOf(node, odata.select, 'Select', itemIndex),
		orderby: textOf(node, odata.orderby, 'Order By', itemIndex),
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
function readLimits(ctx: IExecuteFunctions, itemIndex: number): ResultLimits {
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

/** The rows, then one item per file (the executor pairs every output item with its input item). */
function toItems(rows: IDataObject[], files: JobResult['files'], binaryName: string): INodeExecutionData[] {
	const out: INodeExecutionData[] = rows.map((json) => ({ json }));
	for (const file of files) out.push({ json: file.json, binary: { [binaryName]: file.binary } });
	return out;
}

/** Start Export: one job per window, returned without waiting. */
async function startExport({ ctx, itemIndex }: OperationContext, resource: ExportResource): Promise<INodeExecutionData[]> {
	const windows = readWindows(ctx, resource, itemIndex);
	const query = readQuery(ctx, itemIndex, true);
	const out: INodeExecutionData[] = [];
	for (const window of windows) {
		const uuid = await submitJob(ctx, resource, exportBody(resource, query, window), itemIndex);
		const json: IDataObject = { request_uuid: uuid, status: 'Submitted', resource: resource.value };
		if (window) Object.assign(json, { date_time_from: window.from, date_time_until: window.until });
		out.push({ json });
	}
	return out;
}

/** Get Export Status: the job's status answer, checked once. */
async function getExportStatus({ ctx, itemIndex }: OperationContext, resource: ExportResource): Promise<INodeExecutionData[]> {
	const uuid = requireUuid(ctx, itemIndex);
	const status = await jobStatus(ctx, resource, uuid, itemIndex);
	return [{ json: { request_uuid: uuid, resource: resource.value, ...status } as IDataObject }];
}

/** What Export and Wait and Get Export Results read before their first request: output, field name, budget. */
function readOutput(ctx: IExecuteFunctions, itemIndex: number) {
	const mode = ctx.getNodeParameter('output', itemIndex, 'items') as OutputMode;
	const binaryName = textOf(ctx.getNode(), ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data'), 'Put Output File in Field', itemIndex) || 'data';
	// One budget for every file of this item, checked before the first request.
	const budget = resultBudget(ctx, readLimits(ctx, itemIndex), itemIndex);
	return { mode, binaryName, budget };
}

/** Get Export Results: the files of a job that has completed, as rows and/or binary files. */
async function getExportResults({ ctx, itemIndex }: OperationContext, resource: ExportResource): Promise<INodeExecutionData[]> {
	const { mode, binaryName, budget } = readOutput(ctx, itemIndex);
	const uuid = requireUuid(ctx, itemIndex);
	const query = readQuery(ctx, itemIndex, false);
	const status = await jobStatus(ctx, resource, uuid, itemIndex);
	if (status.status !== 'Completed') {
		if (FAILED_STATUSES.includes(status.status)) throw jobEndedError(ctx, resource, uuid, status, itemIndex, 'Start the export again.');
		throw new NodeOperationError(ctx.getNode(), `The Saveris ${resource.name} export ${uuid} is not completed yet`, {
			itemIndex,
			description: `Status: "${status.status}". Try again later, or use "Export and Wait".`,
		});
	}
	const result = await readJob(ctx, resource, uuid, status, { mode, format: query.format, itemIndex, budget });
	const rows: IDataObject[] = [];
	mergeRows(rows, new Set<string>(), result.rows);
	return toItems(rows, result.files, binaryName);
}

/** Export and Wait: every window submitted, then each awaited, downloaded and parsed in turn. */
async function exportAndWait({ ctx, itemIndex }: OperationContext, resource: ExportResource): Promise<INodeExecutionData[]> {
	const { mode, binaryName, budget } = readOutput(ctx, itemIndex);
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
	const rows: IDataObject[] = [];
	const files: JobResult['files'] = [];
	const seen = new Set<string>();
	for (const uuid of uuids) {
		const status = await waitForJob(ctx, resource, uuid, { deadline, intervalMs, itemIndex });
		const result = await readJob(ctx, resource, uuid, status, { mode, format: query.format, itemIndex, budget });
		mergeRows(rows, seen, result.rows);
		files.push(...result.files);
	}
	return toItems(rows, files, binaryName);
}

type ExportRun = (opCtx: OperationContext, resource: ExportResource) => Promise<INodeExecutionData[]>;

interface ExportStep {
	operation: string;
	name: string;
	/** POST submits a job at the resource's path; GET reads one job at `<path>/{request_uuid}`. */
	method: 'POST' | 'GET';
	run: ExportRun;
	/** Given the resource's name in lower case. */
	action: (lower: string) => string;
	description: (lower: string) => string;
}

const step = (operation: string, name: string, method: ExportStep['method'], run: ExportRun, action: ExportStep['action'], description: ExportStep['description']): ExportStep => ({
	operation,
	name,
	method,
	run,
	action,
	description,
});

/** What the four operations are, and the job step each runs. */
const EXPORT_STEPS: ExportStep[] = [
	step('exportAndWait', 'Export and Wait', 'POST', exportAndWait, (lower) => `Export ${lower} and wait for the rows`, (lower) => `Submit an export of ${lower}, wait until it completes, then download and parse the files`),
	step('startExport', 'Start Export', 'POST', startExport, (lower) => `Start an export of ${lower}`, () => 'Submit an export job and return its request_uuid without waiting'),
	step('getExportStatus', 'Get Export Status', 'GET', getExportStatus, (lower) => `Get the status of ${withArticle(lower)} export`, () => 'Check an export job once: Submitted, In Progress, Completed or Error'),
	step('getExportResults', 'Get Export Results', 'GET', getExportResults, (lower) => `Get the results of ${withArticle(lower)} export`, () => 'Download and parse the files of a completed export job'),
];

/** The four operations of every exportable resource, as rows; each row's `run` does the job. */
export const exportOperations: OperationDef[] = EXPORT_RESOURCES.flatMap((resource) =>
	EXPORT_STEPS.map((step): OperationDef => {
		const lower = resource.name.toLowerCase();
		return {
			resource: resource.value,
			operation: step.operation,
			name: step.name,
			action: step.action(lower),
			description: step.description(lower),
			method: step.method,
			path: step.method === 'POST' ? resource.path : `${resource.path}/{request_uuid}`,
			run: (opCtx) => step.run(opCtx, resource),
		};
	}),
);

const ALL = EXPORT_RESOURCES.map((r) => r.value);
const TIMED = EXPORT_RESOURCES.filter((r) => r.timeBased).map((r) => r.value);

/** The export fields, declared once and shown for every exportable resource. */
export const exportFields: INodeProperties[] = [
	requestUuidField('The request_uuid that Start Export returned', { resource: ALL, operation: ['getExportStatus', 'getExportResults'] }),
	{
		displayName: 'From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		required: true,
		description: "Start of the time range (inclusive). A time without an offset is in the workflow's time zone. Ranges over 7 days run as several jobs.",
		displayOptions: { show: { resource: TIMED, operation: ['exportAndWait', 'startExport'] } },
	},
	{
		displayName: 'Until',
		name: 'dateUntil',
		type: 'dateTime',
		default: '',
		required: true,
		description: "End of the time range (exclusive). A time without an offset is in the workflow's time zone.",
		displayOptions: { show: { resource: TIMED, operation: ['exportAndWait', 'startExport'] } },
	},
	{
		displayName: 'File Format',
		name: 'fileFormat',
		type: 'options',
		default: 'CSV',
		description: 'Format Saveris writes the result files in; only CSV and JSON can be turned into items',
		options: FILE_FORMATS,
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'startExport', 'getExportResults'] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'items',
		options: [
			{ name: 'Items (One per Row)', value: 'items', description: 'Parsed and typed rows' },
			{ name: 'Binary Files', value: 'binary', description: 'The result files as downloaded, one item per file' },
			{ name: 'Both', value: 'both', description: 'The rows, followed by one item per file' },
		],
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'getExportResults'] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'getExportResults'], output: ['binary', 'both'] } },
	},
	{
		displayName: 'OData Query',
		name: 'odata',
		type: 'collection',
		placeholder: 'Add Query Option',
		default: {},
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'startExport'] } },
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: "e.g. alarm_status eq 'Ok'",
				description: 'Sent as OData $filter: eq ne gt ge lt le and or not, contains/startswith/endswith; text in single quotes',
			},
			{
				displayName: 'Order By',
				name: 'orderby',
				type: 'string',
				default: '',
				placeholder: 'e.g. timestamp desc',
				description: 'Sent as OData $orderby: a column, then asc or desc',
			},
			{
				displayName: 'Select',
				name: 'select',
				type: 'string',
				default: '',
				placeholder: 'e.g. uuid,timestamp,measurement',
				description: 'Sent as OData $select: comma-separated column names',
			},
		],
	},
	{
		displayName: 'Result Limits',
		name: 'resultOptions',
		type: 'collection',
		placeholder: 'Add Limit',
		default: {},
		description: 'Bounds on what one item reads from its result files; going past one is an error, not a crashed n8n',
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'getExportResults'], output: ['items', 'both'] } },
		options: [
			{
				displayName: 'Max Result Size (MB)',
				name: 'maxMegabytes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_MEGABYTES_LIMIT },
				default: DEFAULT_MAX_MEGABYTES,
				description: 'Most data read from all result files together, counted after decompression (a small gzip file can unpack to gigabytes)',
			},
			{
				displayName: 'Max Rows',
				name: 'maxRows',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_ROWS_LIMIT },
				default: DEFAULT_MAX_ROWS,
				description: 'Most rows turned into items; n8n keeps every item in memory (about 1 GB for a million rows)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait'] } },
		options: [
			{
				displayName: 'Timeout (Minutes)',
				name: 'timeoutMinutes',
				type: 'number',
				typeOptions: { minValue: 0.1 },
				default: 10,
				description: 'How long to wait for the export jobs before giving up (they keep running at Saveris)',
			},
			{
				displayName: 'First Check After (Seconds)',
				name: 'intervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 2,
				description: 'Wait before the first status check; the wait doubles after each check, up to 30 s',
			},
		],
	},
];
