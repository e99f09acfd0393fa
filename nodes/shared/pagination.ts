import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { apiRequest } from './http';
import type { RequestOptions } from './http';
import type { ApiRequest, Pagination, ProviderConfig, RequestContext } from './types';

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

	if (pagination.type === 'nextLink') {
		let next: ApiRequest | undefined = {
			...request,
			qs: { ...request.qs, [pagination.pageSizeParam]: pageSize },
		};
		const seen = new Set<string>();
		while (next) {
			const { body } = await apiRequest.call(this, provider, next, options);
			yield recordsAt(this, provider, body, pagination.itemsPath, options.itemIndex);
			const link = valueAt(body, pagination.nextLinkPath);
			// A link we already followed would loop forever; the API has no more pages for us.
			if (typeof link !== 'string' || link === '' || seen.has(link)) break;
			seen.add(link);
			next = { method: request.method, url: link, headers: request.headers };
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
		yield records;
		if (records.length < pageSize) break;
		offset += records.length;
	}
}
