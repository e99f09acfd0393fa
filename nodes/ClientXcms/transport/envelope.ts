import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

/**
 * How CLIENTXCMS wraps its answers (Laravel): a ResourceCollection `{data, links, meta}`
 * (customers, services, invoices index), a flat paginator `{current_page, data, last_page, …}`
 * (the other lists), a "paginated show" (a flat paginator with 0 or 1 record, where an unknown ID
 * answers 200 with `data: []`), a bare object, or a file.
 */
export type Envelope = 'collection' | 'paginator' | 'paginatedShow' | 'object' | 'file';

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

/** A "paginated show" with no record: CLIENTXCMS's way of saying 404. */
export function notFoundError(node: INode, label: string, id: string, itemIndex?: number): NodeApiError {
	const message = `${label} ${id} was not found`;
	const description = 'CLIENTXCMS answered HTTP 200 with an empty list for this ID (its "show" routes do not answer 404). Check the ID, and that the record was not deleted.';
	return new NodeApiError(node, { message, description, httpCode: '404' } as JsonObject, { message, description, httpCode: '404', itemIndex });
}

/** A 200 whose body says `success: false` (itself, or in its `result`) is a failure, with the server's message. */
export function failedResult(body: unknown): string | undefined {
	const candidates: unknown[] = [];
	if (body && typeof body === 'object') {
		candidates.push(body);
		const result = (body as IDataObject).result;
		if (Array.isArray(result)) candidates.push(...result);
		else if (result) candidates.push(result);
	}
	for (const c of candidates) {
		if (c && typeof c === 'object' && (c as IDataObject).success === false) {
			const message = (c as IDataObject).message;
			return typeof message === 'string' && message !== '' ? message : 'the server reported a failure without a message';
		}
	}
	return undefined;
}
