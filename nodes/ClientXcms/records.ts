import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';

import { apiRequestBody } from '../shared/http';
import type { RequestOptions } from '../shared/http';
import { PageGuard } from '../shared/pageGuard';
import type { ApiRequest, Pagination, RequestContext } from '../shared/types';
import { clientXcms } from './provider';

/** Largest page the node asks for (the server has no maximum; this keeps answers small). */
export const MAX_PAGE_SIZE = 100;

function unexpected(node: INode, what: string, itemIndex?: number): NodeApiError {
	const message = `CLIENTXCMS answered with an unexpected shape: ${what}`;
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: 'The server may run a version this node does not know. Please report this with the operation you ran.',
		itemIndex,
	});
}

function wholeOrUndefined(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Reads one page of any of the three list envelopes: ResourceCollection (`meta.last_page`), flat
 * paginator (`last_page`) and the "paginated show" (a flat paginator with 0 or 1 record).
 */
export function readPage(node: INode, body: unknown, itemIndex?: number): { records: IDataObject[]; last: boolean } {
	if (!body || typeof body !== 'object' || !Array.isArray((body as IDataObject).data)) {
		throw unexpected(node, 'expected a list under "data"', itemIndex);
	}
	const records = (body as IDataObject).data as IDataObject[];
	const { current, lastPage } = pageFacts(body);
	return { records, last: records.length === 0 || lastPage === undefined || (current ?? 1) >= lastPage };
}

/** What a page of a list envelope says about the list: its own number, the last page, the total. */
export function pageFacts(body: unknown): { current?: number; lastPage?: number; total?: number } {
	const b = (body ?? {}) as IDataObject;
	const meta = (b.meta && typeof b.meta === 'object' ? b.meta : b) as IDataObject;
	return { current: wholeOrUndefined(meta.current_page), lastPage: wholeOrUndefined(meta.last_page), total: wholeOrUndefined(meta.total) };
}

/**
 * Pages by number (`page=N`) rather than by following `next_page_url`: Laravel builds those links
 * from the request it saw, which behind a TLS-terminating proxy often says http:// or another host.
 * The page number each answer reports must be the one asked for (a proxy that drops `?page=` answers
 * page 1 forever), and the walk is bounded by the last page and total the server states.
 */
export const laravelPages: Pagination = {
	type: 'custom',
	pages: async function* (ctx: RequestContext, request: ApiRequest, options: RequestOptions, wanted: number | undefined) {
		const perPage = request.qs?.per_page ?? Math.min(MAX_PAGE_SIZE, wanted ?? MAX_PAGE_SIZE);
		const guard = new PageGuard(ctx.getNode(), clientXcms.displayName, { pageSize: Number(perPage), itemIndex: options.itemIndex });
		for (let page = 1; ; page++) {
			const body = await apiRequestBody.call(ctx, clientXcms, { ...request, qs: { ...request.qs, per_page: perPage, page } }, options);
			const { records, last } = readPage(ctx.getNode(), body, options.itemIndex);
			const { current, lastPage, total } = pageFacts(body);
			guard.page(records, { askedFor: page, pageNumber: current, lastPage, total, more: !last });
			yield records;
			if (last) return;
		}
	},
};

/** Every record of a list route (for dropdowns and lookups). */
export async function fetchAllRecords(ctx: RequestContext, path: string, qs: IDataObject = {}, max = 1000): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	if (laravelPages.type !== 'custom') return out;
	for await (const page of laravelPages.pages(ctx, { method: 'GET', path, qs }, {}, undefined)) {
		out.push(...page);
		if (out.length >= max) break;
	}
	return out;
}

export function notFoundError(node: INode, label: string, id: string, itemIndex?: number): NodeApiError {
	const message = `${label} ${id} was not found`;
	const description = 'CLIENTXCMS answered HTTP 200 with an empty list for this ID (its "show" routes do not answer 404). Check the ID, and that the record was not deleted.';
	return new NodeApiError(node, { message, description, httpCode: '404' } as JsonObject, { message, description, httpCode: '404', itemIndex });
}

/** Reads the current record before an update (for the fields the server would otherwise require or reset). */
export async function fetchRecord(
	ctx: IExecuteFunctions,
	resource: { label: string; path: string; show: 'object' | 'paginatedShow' | 'list' },
	id: string,
	itemIndex: number,
	/** Extra query, e.g. `include` for relations the caller needs. */
	qs: IDataObject = {},
): Promise<IDataObject> {
	const node = ctx.getNode();
	if (resource.show === 'list') {
		// Groups: the show route returns an empty new group for any ID (a binding bug), so look it up in the list.
		const all = await fetchAllRecords(ctx, resource.path, qs, 10_000);
		const found = all.find((r) => String(r.id) === id);
		if (!found) throw notFoundError(node, resource.label, id, itemIndex);
		return found;
	}
	const body = await apiRequestBody.call(
		ctx,
		clientXcms,
		{ method: 'GET', path: `${resource.path}/${encodeURIComponent(id)}`, ...(Object.keys(qs).length > 0 ? { qs } : {}) },
		{ itemIndex, notFound: `${resource.label} ${id} was not found` },
	);
	if (resource.show === 'object') return (body ?? {}) as IDataObject;
	const { records } = readPage(node, body, itemIndex);
	if (records.length === 0) throw notFoundError(node, resource.label, id, itemIndex);
	return records[0];
}
