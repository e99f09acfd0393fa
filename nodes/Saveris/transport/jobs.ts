import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { IBinaryData, IDataObject, IExecuteFunctions, IPollFunctions, JsonObject } from 'n8n-workflow';

import { isInternalHost, isLoopbackHost, isLoopbackUrl } from '../../shared/hosts';
import { MAX_REDIRECTS, apiRequestBody, originOf, redirectLocation } from '../../shared/http';
import { networkErrorCode } from '../../shared/retry';
import type { HeaderMap } from '../../shared/types';
import { pathWith } from '../../shared/validate';
import { parseFile, typeRow } from '../parse';
import { defaultLimits, ResultBudget } from '../parse/limits';
import type { ResultLimits } from '../parse/limits';
import { saveris, saverisBaseUrl } from '../provider';
import { tokenlessRequest } from './session';
import { MAX_WINDOW_MS, MIN_WINDOW_MS } from './windows';
import type { ExportResource } from '../resources/definitions';

export type JobContext = IExecuteFunctions | IPollFunctions;

/** How long a result file's storage may take to start answering (the bytes then stream at their own pace). */
const DOWNLOAD_ANSWER_MS = 120_000;

export interface Window {
	from: string;
	until: string;
}

export interface ExportQuery {
	format: string;
	filter?: string;
	select?: string;
	orderby?: string;
}

export interface JobStatus {
	status: string;
	data_urls?: string[];
	metadata_url?: string;
	message?: string;
	[key: string]: unknown;
}

export const PENDING_STATUSES = ['Submitted', 'In Progress'];
/** testo's OpenAPI document says `Error`; a third-party copy of the docs says `Failed`: both end a job. */
export const FAILED_STATUSES = ['Error', 'Failed'];


/**
 * Splits [from, until) into consecutive windows of at most 7 days; no gaps, no overlaps. A tail
 * under the 5-minute minimum is merged: the last two windows share the remainder equally (both
 * limits: see MAX_WINDOW_MS).
 */
export function splitWindows(fromMs: number, untilMs: number, maxMs = MAX_WINDOW_MS, minMs = MIN_WINDOW_MS): Window[] {
	const bounds: Array<[number, number]> = [];
	for (let start = fromMs; start < untilMs; start += maxMs) bounds.push([start, Math.min(untilMs, start + maxMs)]);
	const last = bounds.length - 1;
	if (last > 0 && bounds[last][1] - bounds[last][0] < minMs) {
		const middle = bounds[last - 1][0] + Math.ceil((untilMs - bounds[last - 1][0]) / 2);
		bounds[last - 1][1] = middle;
		bounds[last][0] = middle;
	}
	return bounds.map(([start, end]) => ({ from: new Date(start).toISOString(), until: new Date(end).toISOString() }));
}

/** The POST body of an export job. */
export function exportBody(resource: ExportResource, query: ExportQuery, window?: Window): IDataObject {
	const body: IDataObject = { options: { result_file_format: query.format } };
	const odata: IDataObject = {};
	if (query.filter?.trim()) odata.$filter = query.filter.trim();
	if (query.select?.trim()) odata.$select = query.select.trim();
	if (query.orderby?.trim()) odata.$orderby = query.orderby.trim();
	if (Object.keys(odata).length > 0) body.odata = odata;
	if (resource.timeBased && window) {
		body.date_time_from = window.from;
		body.date_time_until = window.until;
	}
	return body;
}

export async function submitJob(
	ctx: JobContext,
	resource: ExportResource,
	body: IDataObject,
	itemIndex?: number,
): Promise<string> {
	const answer = (await apiRequestBody.call(ctx, saveris, { method: 'POST', path: resource.path, body }, { itemIndex })) as IDataObject;
	const uuid = answer?.request_uuid;
	if (typeof uuid !== 'string' || uuid === '') {
		throw new NodeOperationError(ctx.getNode(), 'Saveris accepted the export but returned no request_uuid', { itemIndex });
	}
	return uuid;
}

export async function jobStatus(ctx: JobContext, resource: ExportResource, uuid: string, itemIndex?: number): Promise<JobStatus> {
	const path = pathWith(ctx.getNode(), `${resource.path}/{request_uuid}`, { request_uuid: uuid }, itemIndex ?? 0);
	const answer = (await apiRequestBody.call(ctx, saveris, { method: 'GET', path }, {
		itemIndex,
		notFound: `Saveris knows no ${resource.name} export with request_uuid "${uuid}"`,
	})) as JobStatus;
	return answer && typeof answer === 'object' ? answer : { status: 'Unknown' };
}

/**
 * A job that ended without completing. Without a `description` the error says what Saveris said and
 * what usually causes it; the callers that only read a job say to start it again.
 */
export function jobEndedError(ctx: JobContext, resource: ExportResource, uuid: string, status: JobStatus, itemIndex?: number, description?: string) {
	const message = `The Saveris ${resource.name} export ${uuid} ended with status "${status.status}"`;
	return new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description:
			description ?? `${status.message ? `Saveris says: ${String(status.message)}. ` : ''}Check the OData filter and the date range, then run it again.`,
		itemIndex,
	});
}

/**
 * Polls a job until it ends, with backoff (interval doubling up to 30 s), bounded by a deadline.
 * Only for execute(): a polling trigger never waits.
 */
export async function waitForJob(
	ctx: JobContext,
	resource: ExportResource,
	uuid: string,
	options: { deadline: number; intervalMs: number; itemIndex?: number },
): Promise<JobStatus> {
	let wait = Math.max(0, options.intervalMs);
	// "First Check After": a job is never done the moment it is submitted, so the first check waits too.
	if (wait > 0 && Date.now() + wait <= options.deadline) await sleep(wait);
	for (;;) {
		const status = await jobStatus(ctx, resource, uuid, options.itemIndex);
		if (status.status === 'Completed') return status;
		if (FAILED_STATUSES.includes(status.status)) throw jobEndedError(ctx, resource, uuid, status, options.itemIndex);
		if (Date.now() + wait > options.deadline) {
			throw new NodeOperationError(ctx.getNode(), `The Saveris ${resource.name} export ${uuid} did not finish in time`, {
				itemIndex: options.itemIndex,
				description: `Last status: "${status.status}". The job keeps running at Saveris: fetch it later with "Get Export Results" and this request_uuid, or raise the Timeout.`,
			});
		}
		await sleep(wait);
		wait = Math.min(30_000, Math.max(wait * 2, 50));
	}
}

// ---------------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------------

/**
 * Pre-signed links go over https to a public host. Plain http, and any link to this machine or an
 * internal network, only when the credential's own Base URL is this machine (a local test server):
 * otherwise a hostile API could make the node read an internal service into items.
 */
export function checkDownloadUrl(url: string, baseUrl: string): URL | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	if (isLoopbackUrl(baseUrl)) {
		if (parsed.protocol === 'https:') return parsed;
		return parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname) ? parsed : undefined;
	}
	return parsed.protocol === 'https:' && !isInternalHost(parsed.hostname) ? parsed : undefined;
}

export function fileNameOf(url: string, index: number): string {
	try {
		const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
		if (name) return name;
	} catch {
		// fall through
	}
	return `result-${index + 1}`;
}

export function mimeTypeOf(name: string, format: string): string {
	const lower = name.toLowerCase();
	if (lower.endsWith('.gz')) return 'application/gzip';
	// The file's own name first: Get Export Results may be given a job of another format.
	if (lower.endsWith('.csv')) return 'text/csv';
	if (lower.endsWith('.json')) return 'application/x-ndjson';
	if (format === 'CSV') return 'text/csv';
	if (format === 'JSON') return 'application/x-ndjson';
	return 'application/octet-stream';
}

interface StreamAnswer {
	statusCode: number;
	headers?: HeaderMap;
	body: AsyncIterable<Uint8Array> & { destroy?: () => void; resume?: () => void };
}

/**
 * One pre-signed link, as a byte stream: no Authorization header (it is not an API call).
 * Undefined when the storage refuses the link with 403 (expired or bad signature).
 */
async function openDownload(ctx: JobContext, url: string, itemIndex?: number): Promise<StreamAnswer['body'] | undefined> {
	const baseUrl = saverisBaseUrl(await ctx.getCredentials('saverisApi'));
	let target = url;
	for (let hop = 0; ; hop++) {
		if (!checkDownloadUrl(target, baseUrl)) {
			throw new NodeOperationError(ctx.getNode(), 'Saveris returned a download link this node does not fetch', {
				itemIndex,
				description: `Result files are downloaded over https from public hosts only (plain http and this machine only when the Base URL is this machine). The link pointed at ${originOf(target)}.`,
			});
		}
		let answer: StreamAnswer;
		try {
			// Not followed by n8n: each hop of a redirect is checked like the link itself (below).
			answer = await tokenlessRequest<StreamAnswer>(
				ctx,
				{ method: 'GET', url: target, encoding: 'stream', timeout: 300_000 },
				DOWNLOAD_ANSWER_MS,
				(late) => late.body.destroy?.(),
			);
		} catch (error) {
			const message = 'Could not download a Saveris result file';
			const code = networkErrorCode(error);
			throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
				message,
				description: `${code ? `Network error (${code})` : 'Network error'}. Run it again.`,
				itemIndex,
			});
		}
		const next = redirectLocation(answer.statusCode, answer.headers, target);
		if (next && hop < MAX_REDIRECTS) {
			answer.body.destroy?.();
			target = next.href;
			continue;
		}
		if (answer.statusCode === 403) {
			answer.body.destroy?.();
			return undefined;
		}
		if (answer.statusCode < 200 || answer.statusCode >= 300) {
			answer.body.destroy?.();
			const message = `Downloading a Saveris result file failed (HTTP ${answer.statusCode})`;
			throw new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, httpCode: String(answer.statusCode), itemIndex });
		}
		return answer.body;
	}
}

async function parseAll(
	ctx: JobContext,
	stream: AsyncIterable<Uint8Array>,
	resource: ExportResource,
	name: string,
	budget: ResultBudget,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const fail = (message: string) =>
		new NodeOperationError(ctx.getNode(), `Could not read the Saveris result file ${name}`, { itemIndex, description: message });
	const rows: IDataObject[] = [];
	try {
		for await (const row of parseFile(stream, 'detect', fail, budget)) rows.push(typeRow(row, resource));
	} catch (error) {
		if (error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error, { itemIndex });
		throw fail((error as Error).message ?? String(error));
	}
	return rows;
}

/** A budget whose errors are the node's own, naming the item. */
export function resultBudget(ctx: JobContext, limits: ResultLimits, itemIndex?: number): ResultBudget {
	return new ResultBudget(limits, (message, description) => new NodeOperationError(ctx.getNode(), message, { itemIndex, description }));
}

/**
 * Result files one job may list. Athena writes one file per partition of the result, a handful for
 * any Saveris export; a status listing thousands is broken or hostile, and each link is a download.
 */
const MAX_RESULT_FILES = 1000;

function resultLinks(ctx: JobContext, status: JobStatus, uuid: string, itemIndex?: number): string[] {
	const urls = Array.isArray(status.data_urls) ? status.data_urls : [];
	if (urls.length > MAX_RESULT_FILES) {
		const message = `Saveris listed ${urls.length} result files for the export ${uuid}; at most ${MAX_RESULT_FILES} are read`;
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message,
			description: 'No Saveris export has that many files: the status answer is damaged. Start the export again.',
			itemIndex,
		});
	}
	return urls.map(String);
}

export type OutputMode = 'items' | 'binary' | 'both';

export interface JobResult {
	rows: IDataObject[];
	files: Array<{ json: IDataObject; binary: IBinaryData }>;
}

/**
 * Downloads and parses the files of a completed job. A link refused with 403 (expired) makes one
 * fresh status call for new links; a second refusal is a clear error.
 */
export async function readJob(
	ctx: JobContext,
	resource: ExportResource,
	uuid: string,
	status: JobStatus,
	options: { mode: OutputMode; format: string; itemIndex?: number; budget?: ResultBudget },
): Promise<JobResult> {
	// Rows and bytes read, against the limits (shared by every job of one item when the caller passes one).
	const budget = options.budget ?? resultBudget(ctx, defaultLimits(), options.itemIndex);
	const result: JobResult = { rows: [], files: [] };
	let urls = resultLinks(ctx, status, uuid, options.itemIndex);
	let refreshed = false;
	let binaryDoneFor = -1;
	for (let index = 0; index < urls.length; ) {
		const url = urls[index];
		const name = fileNameOf(url, index);
		let expired = false;
		if (options.mode !== 'items' && binaryDoneFor !== index) {
			const stream = await openDownload(ctx, url, options.itemIndex);
			if (stream) {
				const binary = await ctx.helpers.prepareBinaryData(stream as never, name, mimeTypeOf(name, options.format));
				result.files.push({ json: { request_uuid: uuid, resource: resource.value, file_name: name, file_index: index }, binary });
				binaryDoneFor = index;
			} else {
				expired = true;
			}
		}
		if (!expired && options.mode !== 'binary') {
			// "Both" fetches the link a second time (allowed while it is valid) so each pass streams.
			const stream = await openDownload(ctx, url, options.itemIndex);
			if (stream) {
				// Each file is read as what it is (CSV or NDJSON, from its first bytes), whatever File Format
				// the user picked: Get Export Results may be given any job's request_uuid.
				// One push per row: spreading a million rows into push() would overflow the call stack.
				for (const row of await parseAll(ctx, stream, resource, name, budget, options.itemIndex)) result.rows.push(row);
			} else {
				expired = true;
			}
		}
		if (!expired) {
			index++;
			continue;
		}
		if (refreshed) {
			const message = `The download links of the Saveris export ${uuid} have expired`;
			throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
				message,
				description: 'Fresh links from Saveris were refused too. Start the export again.',
				itemIndex: options.itemIndex,
			});
		}
		// Files already read stay; the rest continue from fresh links. The fresh answer must still be a
		// completed job listing every file: a shorter list (or an Error) would silently drop files.
		refreshed = true;
		const fresh = await jobStatus(ctx, resource, uuid, options.itemIndex);
		if (fresh.status !== 'Completed') throw jobEndedError(ctx, resource, uuid, fresh, options.itemIndex);
		const freshUrls = resultLinks(ctx, fresh, uuid, options.itemIndex);
		if (freshUrls.length !== urls.length) {
			const message = `The Saveris export ${uuid} listed ${urls.length} result files, then ${freshUrls.length}`;
			throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
				message,
				description: 'A file would be missing from the result, so nothing is returned. Start the export again.',
				itemIndex: options.itemIndex,
			});
		}
		urls = freshUrls;
	}
	return result;
}
