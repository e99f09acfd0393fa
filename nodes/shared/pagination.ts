import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { apiRequest } from './http';
import type { RequestOptions } from './http';
import { PageGuard } from './pageGuard';
import type { ApiRequest, ApiResponse, NumberedPages, Pagination, ProviderConfig, RequestContext } from './types';

/** Reads `a.b.c` from a response body; '' or undefined means the body itself. */
export function valueAt(body: unknown, path: string | undefined): unknown {
	if (!path) return body;
	let current: unknown = body;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

export function recordsAt(
	ctx: RequestContext,
	provider: ProviderConfig,
	body: unknown,
	path: string | undefined,
	itemIndex?: number,
): IDataObject[] {
	const value = valueAt(body, path);
	if (Array.isArray(value)) return value as IDataObject[];
	const message = `${provider.displayName} answered with an unexpected shape: expected a list${path ? ` at "${path}"` : ''}`;
	throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: 'The API may have changed. Please report this with the operation you ran.',
		itemIndex,
	});
}

/**
 * Yields the records of a list endpoint page by page, following the provider's strategy.
 * `wanted` (undefined = everything) only sizes pages; the caller decides when it has enough.
 */
export async function* listPages(
	this: RequestContext,
	provider: ProviderConfig,
	request: ApiRequest,
	pagination: Pagination,
	wanted: number | undefined,
	options: RequestOptions = {},
): AsyncGenerator<IDataObject[]> {
	if (pagination.type === 'custom') {
		yield* pagination.pages(this, request, options, wanted);
		return;
	}

	if (pagination.type === 'none') {
		const { body } = await apiRequest.call(this, provider, request, options);
		yield recordsAt(this, provider, body, pagination.itemsPath, options.itemIndex);
		return;
	}

	const pageSize = Math.min(pagination.maxPageSize, wanted ?? pagination.maxPageSize);

	// Every walk below is bounded by what the server says and stops with a clear error when it contradicts itself.
	const guard = new PageGuard(this.getNode(), provider.displayName, { pageSize, itemIndex: options.itemIndex });

	if (pagination.type === 'nextLink') {
		const nextOf = (body: unknown): string | undefined => {
			const link = valueAt(body, pagination.nextLinkPath);
			return typeof link === 'string' && link !== '' ? link : undefined;
		};
		const totalPath = pagination.numberedPages?.totalPath;
		const check = (records: IDataObject[], body: unknown) =>
			guard.page(records, { total: totalPath ? wholeOrUndefined(valueAt(body, totalPath)) : undefined, more: nextOf(body) !== undefined });
		const { body } = await apiRequest.call(
			this,
			provider,
			{ ...request, qs: { ...request.qs, [pagination.pageSizeParam]: pageSize } },
			options,
		);
		const first = recordsAt(this, provider, body, pagination.itemsPath, options.itemIndex);
		check(first, body);
		yield first;
		let link = nextOf(body);
		const plan =
			link && pagination.numberedPages && first.length === pageSize
				? planNumberedPages(pagination.numberedPages, body, link, pageSize, wanted)
				: undefined;
		if (plan) link = yield* numberedPages.call(this, provider, request, pagination, plan, nextOf, guard, check, options);
		while (link) {
			// A link already followed (the server linking back) is an error, not a silent end.
			guard.follow(link);
			const page = await apiRequest.call(this, provider, { method: request.method, url: link, headers: request.headers }, options);
			const records = recordsAt(this, provider, page.body, pagination.itemsPath, options.itemIndex);
			check(records, page.body);
			yield records;
			link = nextOf(page.body);
		}
		return;
	}

	let offset = 0;
	for (;;) {
		const { body } = await apiRequest.call(
			this,
			provider,
			{ ...request, qs: { ...request.qs, [pagination.limitParam]: pageSize, [pagination.offsetParam]: offset } },
			options,
		);
		const records = recordsAt(this, provider, body, pagination.itemsPath, options.itemIndex);
		guard.page(records, { more: records.length >= pageSize });
		yield records;
		if (records.length < pageSize) break;
		offset += records.length;
	}
}

/** A whole number from a number or digits, else undefined (a total the server states). */
function wholeOrUndefined(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

interface PagePlan {
	/** The URL of page `n`: page 2's link with its page number replaced. */
	urlOf: (n: number) => string;
	/** The last page worth asking for ahead: the last there is, or the last `wanted` needs. */
	lastPage: number;
	concurrency: number;
}

/**
 * Whether pages 2… can be asked for ahead, and how: only when the first page's next link carries
 * the page number 2 exactly once (so every other page's URL is that link with another number) and
 * the first page states a whole-number total. Anything else leaves the walk one link at a time.
 */
export function planNumberedPages(
	config: NumberedPages,
	firstBody: unknown,
	nextLink: string,
	pageSize: number,
	wanted: number | undefined,
): PagePlan | undefined {
	const rawTotal = valueAt(firstBody, config.totalPath);
	const total = typeof rawTotal === 'string' && /^\d+$/.test(rawTotal.trim()) ? Number(rawTotal) : rawTotal;
	if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) return undefined;
	const queryStart = nextLink.indexOf('?');
	if (queryStart === -1 || nextLink.includes('#')) return undefined;
	const base = nextLink.slice(0, queryStart + 1);
	const parts = nextLink.slice(queryStart + 1).split('&');
	const name = encodeURIComponent(config.pageParam);
	const pageParts = parts.map((part, index) => ({ part, index })).filter(({ part }) => part.split('=', 1)[0] === name);
	if (pageParts.length !== 1 || pageParts[0].part !== `${name}=2`) return undefined;
	const { index } = pageParts[0];
	const lastPage = Math.min(Math.ceil(total / pageSize), wanted === undefined ? Infinity : Math.ceil(wanted / pageSize));
	if (lastPage < 3 || config.concurrency < 2) return undefined;
	return {
		urlOf: (n) => base + parts.map((p, i) => (i === index ? `${name}=${n}` : p)).join('&'),
		lastPage,
		concurrency: Math.floor(config.concurrency),
	};
}

/**
 * Pages 2 to `plan.lastPage`, up to `plan.concurrency` requests in flight, yielded in order. A page is
 * only yielded after every page before it, an error surfaces at its page (pages after it are dropped),
 * and each page's own next link must name the page fetched after it: if it does not, the rest is
 * dropped and the walk goes on from that link. Returns the link to go on from (none: the end).
 */
async function* numberedPages(
	this: RequestContext,
	provider: ProviderConfig,
	request: ApiRequest,
	pagination: { itemsPath: string },
	plan: PagePlan,
	nextOf: (body: unknown) => string | undefined,
	guard: PageGuard,
	check: (records: IDataObject[], body: unknown) => void,
	options: RequestOptions,
): AsyncGenerator<IDataObject[], string | undefined> {
	const inFlight: Array<Promise<ApiResponse>> = [];
	let launched = 1;
	const launch = () => {
		launched++;
		const response = apiRequest.call(this, provider, { method: request.method, url: plan.urlOf(launched), headers: request.headers }, options);
		// Read in order below; a page dropped unread must not surface as an unhandled rejection.
		response.catch(() => undefined);
		inFlight.push(response);
	};
	for (let page = 2; page <= plan.lastPage; page++) {
		while (launched < plan.lastPage && inFlight.length < plan.concurrency) launch();
		const { body } = await (inFlight.shift() as Promise<ApiResponse>);
		guard.follow(plan.urlOf(page));
		const records = recordsAt(this, provider, body, pagination.itemsPath, options.itemIndex);
		check(records, body);
		yield records;
		const link = nextOf(body);
		if (!link || page === plan.lastPage || link !== plan.urlOf(page + 1)) return link;
	}
	return undefined;
}
