import type { IDataObject } from 'n8n-workflow';

import { apiRequestBody } from '../../shared/http';
import type { RequestOptions } from '../../shared/http';
import { PageGuard } from '../../shared/pageGuard';
import type { ApiRequest, Pagination, RequestContext } from '../../shared/types';
import { clientXcms } from '../provider';
import { pageFacts, readPage } from './envelope';

/** Largest page the node asks for (the server has no maximum; this keeps answers small). */
const MAX_PAGE_SIZE = 100;

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

/** Every record of a list route, up to `max` (for dropdowns and lookups). */
export async function fetchAllRecords(ctx: RequestContext, path: string, qs: IDataObject = {}, max = 1000): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	if (laravelPages.type !== 'custom') return out;
	for await (const page of laravelPages.pages(ctx, { method: 'GET', path, qs }, {}, undefined)) {
		out.push(...page);
		if (out.length >= max) break;
	}
	return out;
}
