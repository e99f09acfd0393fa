import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { apiRequest } from '../../shared/http';
import { PageGuard } from '../../shared/pageGuard';
import { cappedText } from '../../shared/serverText';
import type { ApiRequest, Pagination, RequestContext } from '../../shared/types';
import { listFrom, openEnvelope } from './envelope';
import { xtraKit } from '../provider';

/**
 * XtraKit documents no pagination: no list page on docs.xtrakit.com has a page or limit parameter,
 * and a list answers every record at once. If the server ever starts paging, the node must notice
 * rather than return page 1 as if it were all. These are the hints a paged answer would carry, wherever a Laravel app would put them: a
 * paginator object in place of the list (`current_page`, `last_page`, `total`, `next_page_url`),
 * API-resource `links` / `meta`, a `pagination` block, or the count in the envelope's message
 * ("Customers found: 20").
 */
export interface PagingHints {
	/** A link to the next page, as the server wrote it (absolute or relative). */
	next?: string;
	currentPage?: number;
	lastPage?: number;
	/** Records in the whole list, as the server states it. */
	total?: number;
}

function num(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(n) ? n : undefined;
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function obj(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** Reads the paging hints of one list answer (`body` is the whole envelope). */
export function pagingHints(body: unknown, key: string): PagingHints {
	const hints: PagingHints = {};
	const envelope = obj(body);
	const data = obj(envelope?.data);
	const list = obj(data?.[key]);
	// Where a hint may sit, most specific first: the paginator in place of the list, then `data`, then the envelope.
	const containers = [list, data, envelope].filter((c): c is IDataObject => c !== undefined);
	for (const c of containers) {
		const meta = obj(c.meta);
		const links = obj(c.links);
		const pagination = obj(c.pagination);
		const metaLinks = obj(meta?.links);
		hints.next ??=
			str(c.next_page_url) ??
			str(links?.next) ??
			str(meta?.next_page_url) ??
			str(metaLinks?.next) ??
			str(pagination?.next_page_url) ??
			str(pagination?.next) ??
			str(obj(pagination?.links)?.next);
		hints.currentPage ??= num(c.current_page) ?? num(meta?.current_page) ?? num(pagination?.current_page) ?? num(pagination?.page);
		hints.lastPage ??=
			num(c.last_page) ?? num(meta?.last_page) ?? num(pagination?.last_page) ?? num(pagination?.total_pages) ?? num(pagination?.pages);
		hints.total ??= num(c.total) ?? num(meta?.total) ?? num(pagination?.total);
	}
	// "Customers found: 20": the one count the docs do show.
	// The count sits at the start of a short message; the pattern only sees that start.
	const message = envelope?.message;
	const counted = typeof message === 'string' ? /found:\s{0,8}(\d{1,15})/i.exec(cappedText(message, 200)) : null;
	if (hints.total === undefined && counted) hints.total = Number(counted[1]);
	return hints;
}

/** Whether the hints say there is more than what has been read so far. */
export function moreExpected(hints: PagingHints, readSoFar: number): boolean {
	if (hints.lastPage !== undefined && hints.lastPage > (hints.currentPage ?? 1)) return true;
	if (hints.total !== undefined && hints.total > readSoFar) return true;
	return false;
}

/** The next page's URL: resolved against the current one, on the same origin only, filters kept. */
export function nextPageUrl(next: string, currentUrl: string, baseUrl: string, originalQs: IDataObject = {}): string | undefined {
	let url: URL;
	try {
		url = new URL(next, currentUrl);
	} catch {
		return undefined;
	}
	// The API key must never travel to another host, whatever a response says.
	if (url.origin !== new URL(baseUrl).origin) return undefined;
	// Laravel's paginator links drop the query string unless the app appends it: keep the filters.
	for (const [name, value] of Object.entries(originalQs)) {
		if (value === undefined || value === null || url.searchParams.has(name)) continue;
		url.searchParams.set(name, String(value));
	}
	return url.toString();
}

/** Refuses to carry on when pages exist that the node cannot read reliably. */
export function pagingError(node: INode, what: string, read: number, hints: PagingHints, itemIndex?: number): NodeApiError {
	const shown =
		hints.lastPage !== undefined
			? `page ${hints.currentPage ?? 1} of ${hints.lastPage}`
			: hints.total !== undefined
				? `${read} of ${hints.total} ${what}`
				: 'a partial list';
	const message = `XtraKit answered ${shown}, and gave no usable link to the next page`;
	const description = `XtraKit documents no pagination, but this answer is paged; returning only the first page would silently lose ${what}. Please report this so the node can learn XtraKit's paging. Meanwhile, narrow the list with Filters (e.g. a start date) or turn off Return All and use a Limit up to ${read}.`;
	return new NodeApiError(node, { message, description } as JsonObject, { message, description, itemIndex });
}


/**
 * Every page of one XtraKit list: the envelope opened (a failure on HTTP 200 throws), the records
 * under `key` yielded page by page. Without paging hints that is one request. With a next link the
 * pages are followed (same origin only, the original filters re-applied); with hints but no link
 * (or a link that repeats or leaves the host), it fails loudly instead of stopping at page 1.
 */
function listPagesOf(key: string, noun: string) {
	return async function* (
		ctx: RequestContext,
		request: ApiRequest,
		options: { itemIndex?: number; notFound?: string; maxWaitMs?: number } = {},
	): AsyncGenerator<IDataObject[]> {
		const node = ctx.getNode();
		const baseUrl = xtraKit.baseUrl(await ctx.getCredentials(xtraKit.credentialType));
		let currentUrl = request.url ?? `${baseUrl}${request.path ?? ''}`;
		let next: ApiRequest | undefined = request;
		const followed = new Set<string>([currentUrl]);
		// Bounded by the last page and total the answers state; a contradiction is an error (PageGuard).
		const guard = new PageGuard(node, 'XtraKit', { itemIndex: options.itemIndex });
		let read = 0;
		for (let page = 1; next; page++) {
			const { statusCode, body } = await apiRequest.call(ctx, xtraKit, next, options);
			const data = openEnvelope(node, body, { itemIndex: options.itemIndex, httpStatus: statusCode });
			const records = listFrom(node, data, key, options.itemIndex);
			read += records.length;
			const hints = pagingHints(body, key);
			guard.page(records, {
				// The count in an unpaged answer's message is no total to hold the records to.
				total: hints.next !== undefined || hints.lastPage !== undefined ? hints.total : undefined,
				lastPage: hints.lastPage,
				pageNumber: hints.currentPage,
				askedFor: hints.currentPage === undefined ? undefined : page,
				more: hints.next !== undefined,
			});
			yield records;

			next = undefined;
			if (hints.next) {
				const url = nextPageUrl(hints.next, currentUrl, baseUrl, request.qs);
				if (!url || followed.has(url)) throw pagingError(node, noun, read, hints, options.itemIndex);
				followed.add(url);
				currentUrl = url;
				next = { method: 'GET', url, headers: request.headers };
			} else if (moreExpected(hints, read)) {
				throw pagingError(node, noun, read, hints, options.itemIndex);
			}
		}
	};
}

/** A list row's pagination: every page read through the envelope, paging noticed (above). */
export function listPagination(key: string, noun: string): Pagination {
	return { type: 'custom', pages: listPagesOf(key, noun) };
}

/** Every record of a list (the trigger, list search and dropdowns need all of them). */
export async function fetchAll(
	ctx: RequestContext,
	path: string,
	key: string,
	noun: string,
	qs?: IDataObject,
): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	const request: ApiRequest = { method: 'GET', path };
	if (qs && Object.keys(qs).length > 0) request.qs = qs;
	for await (const page of listPagesOf(key, noun)(ctx, request)) out.push(...page);
	return out;
}
