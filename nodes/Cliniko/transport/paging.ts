import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { CursorRecord } from '../../shared/cursor';
import { apiRequest } from '../../shared/http';
import { recordsAt, valueAt } from '../../shared/pagination';
import type { Pagination, ProviderConfig } from '../../shared/types';

type NextLinkPagination = Extract<Pagination, { type: 'nextLink' }>;

/**
 * How Cliniko pages a list: `{"<records>": [...], "total_entries": 400, "links": {"next": "…?page=4&per_page=100"}}`,
 * at most 100 per page, and no `links.next` on the last page (docs.api.cliniko.com, "Pagination";
 * the OpenAPI document's PerPage is 1..100).
 */
export function pageLinks(itemsPath: string): NextLinkPagination {
	return { type: 'nextLink', itemsPath, nextLinkPath: 'links.next', pageSizeParam: 'per_page', maxPageSize: 100 };
}

/**
 * A Get Many's paging: the page links, and since the links are `…?page=N&per_page=100` and every
 * list states `total_entries`, the later pages can be asked for by number. Four in flight: the
 * round trip, not the 200-a-minute budget, bounds a Return All (the pacer still holds every request
 * to that budget).
 */
export function listPagination(itemsPath: string): Pagination {
	return { ...pageLinks(itemsPath), numberedPages: { pageParam: 'page', totalPath: 'total_entries', concurrency: 4 } };
}

const PAGE_SIZE = 100;
// A poll that would read more than this many pages stops with an error rather than run for hours.
const MAX_PAGES = 2_000;

/** A Cliniko list read by one of its timestamps, as the trigger reads it. */
export interface TimestampList {
	path: string;
	/** Key of the records array in the answer. */
	key: string;
	/** What the records are, for error messages ("Patient"). */
	name: string;
	/** The timestamp it is read by: created_at, updated_at, cancelled_at, archived_at. */
	field: string;
	/** The q[] filters selecting the records whose timestamp is at or after `from`. */
	filters: (from: string) => string[];
}

function toCursorRecords(records: IDataObject[], field: string): CursorRecord[] {
	return records
		.filter((r) => typeof r[field] === 'string' && r.id !== undefined && r.id !== null)
		.map((r) => ({ id: String(r.id), at: r[field] as string, record: r }));
}

/**
 * Every record whose timestamp is at or after `from`. Pages by timestamp (keyset) rather than by
 * page number: a record updated while we read moves to the end of the order, which would shift
 * page boundaries and skip a record; asking again from the newest timestamp read cannot skip.
 */
export async function fetchSince(
	ctx: IPollFunctions,
	provider: ProviderConfig,
	list: TimestampList,
	from: string,
): Promise<CursorRecord[]> {
	const out: CursorRecord[] = [];
	let lower = from;
	for (let pages = 0; pages < MAX_PAGES; pages++) {
		const { body } = await apiRequest.call(ctx, provider, {
			method: 'GET',
			path: list.path,
			qs: { 'q[]': list.filters(lower), sort: list.field, per_page: PAGE_SIZE },
		});
		const page = toCursorRecords(recordsAt(ctx, provider, body, list.key), list.field);
		out.push(...page);
		const next = valueAt(body, 'links.next');
		if (page.length < PAGE_SIZE || typeof next !== 'string') return out;
		const newest = page.reduce((max, r) => (Date.parse(r.at) > Date.parse(max) ? r.at : max), page[0].at);
		if (Date.parse(newest) > Date.parse(lower)) {
			lower = newest;
			continue;
		}
		// A whole page shares one timestamp: only the page links can get past it.
		return [...out, ...(await followLinks(ctx, provider, list, body, next, MAX_PAGES - pages - 1))];
	}
	throw new NodeOperationError(ctx.getNode(), `More than ${MAX_PAGES} pages of ${list.name} records in one poll`, {
		description: 'Choose a later Start Date, or let the trigger catch up from now on.',
	});
}

/**
 * Follows `links.next` from `first` (a page whose records all share one timestamp) to the end.
 * Bounded by what Cliniko itself said: `total_entries` of that answer counts every matching
 * record, so no more than ceil(total / page size) pages can exist (one more is allowed for
 * records added while we read). A link back to a page already read, or more pages than the
 * total allows, is an error naming the contradiction — never thousands of requests.
 */
async function followLinks(
	ctx: IPollFunctions,
	provider: ProviderConfig,
	list: TimestampList,
	first: unknown,
	next: string,
	budget: number,
): Promise<CursorRecord[]> {
	const total = valueAt(first, 'total_entries');
	const allowed =
		typeof total === 'number' && Number.isFinite(total) && total >= 0
			? Math.min(budget, Math.ceil(total / PAGE_SIZE))
			: budget;
	const visited = new Set<string>();
	const self = valueAt(first, 'links.self');
	if (typeof self === 'string') visited.add(self);
	const out: CursorRecord[] = [];
	let link: string | undefined = next;
	for (let followed = 0; link; followed++) {
		if (visited.has(link)) {
			throw new NodeOperationError(ctx.getNode(), `Cliniko's ${list.name} list links back to a page it already sent`, {
				description: `Page ${followed + 2} of a run of records sharing one timestamp has a "next" link to an earlier page. Nothing was delivered; the next poll tries again.`,
			});
		}
		if (followed >= allowed) {
			throw new NodeOperationError(ctx.getNode(), `Cliniko's ${list.name} list has more pages than its own total says`, {
				description: `total_entries was ${String(total)} (${allowed + 1} pages of ${PAGE_SIZE} at most, with one page to spare), yet page ${followed + 1} still had a "next" link. Nothing was delivered; the next poll tries again.`,
			});
		}
		visited.add(link);
		const more = await apiRequest.call(ctx, provider, { method: 'GET', url: link });
		out.push(...toCursorRecords(recordsAt(ctx, provider, more.body, list.key), list.field));
		const following = valueAt(more.body, 'links.next');
		link = typeof following === 'string' ? following : undefined;
	}
	return out;
}

/** The record with the newest timestamp, or undefined when there is none. */
export async function fetchNewest(ctx: IPollFunctions, provider: ProviderConfig, list: TimestampList): Promise<CursorRecord | undefined> {
	const { body } = await apiRequest.call(ctx, provider, {
		method: 'GET',
		path: list.path,
		qs: { 'q[]': list.filters('1970-01-01T00:00:00Z'), sort: `${list.field}:desc`, per_page: 1 },
	});
	return toCursorRecords(recordsAt(ctx, provider, body, list.key), list.field)[0];
}
