import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

/**
 * Pages one list walk may read at most, whatever the server says: 20,000 pages are 2 million
 * records at the usual page size of 100, far more than one n8n execution can hold.
 */
export const MAX_PAGES = 20_000;

/** What one page said about the list, as far as the provider's answer tells. */
export interface PageReport {
	/** Records in the whole list, as this page states it. */
	total?: number;
	/** The number of the last page, as this page states it. */
	lastPage?: number;
	/** The page number this answer claims to be. */
	pageNumber?: number;
	/** The page number that was asked for (compared with `pageNumber`). */
	askedFor?: number;
	/** Whether this page says there is another page after it (a next link, a last page not reached). */
	more: boolean;
}

function idOf(record: IDataObject): string | undefined {
	const id = record?.id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * Keeps a walk over a server's pages bounded by what the server itself said, and stops it with a
 * clear error when the server contradicts itself: a page that answers another page number than the
 * one asked for (a proxy ignoring `?page=`), a page made only of records already read, an empty page
 * that says more follow, more distinct records than the total it stated, more pages than its totals
 * allow, a next link already followed. Any such walk would otherwise run forever or return records
 * twice. `MAX_PAGES` bounds a walk that states nothing at all.
 */
export class PageGuard {
	private pages = 0;
	private readonly ids = new Set<string>();
	private readonly links = new Set<string>();
	private maxTotal: number | undefined;
	private maxLastPage: number | undefined;

	constructor(
		private readonly node: INode,
		private readonly provider: string,
		private readonly options: { pageSize?: number; itemIndex?: number; maxPages?: number } = {},
	) {}

	/** The error every contradiction ends in: what the server said, and that the list is left unread. */
	fail(what: string): NodeApiError {
		const message = `${this.provider} paged inconsistently: ${what}`;
		const description = `The node stopped after ${this.pages} page(s) rather than loop or return records twice. A proxy or cache in front of ${this.provider} that ignores the page in the query string, or a server bug, can cause this. Narrow the list with filters, or turn off Return All and use a Limit.`;
		return new NodeApiError(this.node, { message, description } as JsonObject, { message, description, itemIndex: this.options.itemIndex });
	}

	/** A link about to be followed; one already followed is a loop. */
	follow(link: string): void {
		if (this.links.has(link)) throw this.fail(`page ${this.pages} links back to a page already read`);
		this.links.add(link);
	}

	/** Checks one page (call before yielding its records); throws the error if it contradicts what came before. */
	page(records: IDataObject[], report: PageReport): void {
		this.pages++;
		const n = this.pages;
		const { total, lastPage, pageNumber, askedFor, more } = report;
		if (total !== undefined && Number.isFinite(total)) this.maxTotal = Math.max(this.maxTotal ?? 0, total);
		if (lastPage !== undefined && Number.isFinite(lastPage)) this.maxLastPage = Math.max(this.maxLastPage ?? 0, lastPage);
		if (askedFor !== undefined && pageNumber !== undefined && pageNumber !== askedFor) {
			throw this.fail(`asked for page ${askedFor}, it answered page ${pageNumber}`);
		}
		let fresh = 0;
		let known = 0;
		for (const record of records) {
			const id = idOf(record);
			if (id === undefined) continue;
			known++;
			if (!this.ids.has(id)) {
				this.ids.add(id);
				fresh++;
			}
		}
		if (n > 1 && known > 0 && fresh === 0) throw this.fail(`page ${n} holds only records already read on earlier pages`);
		if (records.length === 0 && more) throw this.fail(`page ${n} is empty but says more pages follow`);
		if (this.maxTotal !== undefined && this.ids.size > this.maxTotal) {
			throw this.fail(`${this.ids.size} different records arrived, more than the ${this.maxTotal} it said the list holds`);
		}
		if (!more) return;
		// One page of slack past what the totals allow: records created during the walk may add one.
		const { pageSize } = this.options;
		const allowed = Math.min(
			this.options.maxPages ?? MAX_PAGES,
			this.maxLastPage !== undefined ? this.maxLastPage + 1 : Infinity,
			this.maxTotal !== undefined && pageSize ? Math.ceil(this.maxTotal / pageSize) + 1 : Infinity,
		);
		if (n >= allowed) {
			const said =
				this.maxLastPage !== undefined
					? `though it stated ${this.maxLastPage} page(s)`
					: this.maxTotal !== undefined
						? `though it stated ${this.maxTotal} records`
						: `the most one list may take`;
			throw this.fail(`it still says more pages follow after page ${n}, ${said}`);
		}
	}
}
