// Query strings of Cliniko operations: page/per_page/sort/order, q[] filters and the
// available-times window, checked against the operation's spec parameters.
//
// Every problem found is classified, which decides the answer (the violation is recorded either way):
//   'ignore'    an unknown parameter: Rails drops it, the request goes on        (INFERENCE);
//               a deprecated one (order): recorded, ignored unless serveDeprecated
//   'lenient'   page/per_page/order out of range: the request goes on with the
//               value clamped or defaulted                                         (INFERENCE)
//   'filter'    a q[] field or operator the operation does not accept, a
//               malformed value, an unknown sort column: 400                      (INFERENCE)
//   'timeframe' available times without a valid from/to: 400 with Cliniko's text (FACT, GH docs)
import { z } from 'zod';
import { parseFilter, parseSort, type Filter, type SortKey } from './filters';
import { isValidDate } from './openapi-zod';
import type { SpecOperation } from './spec';

export type ProblemKind = 'ignore' | 'lenient' | 'filter' | 'timeframe';

export interface QueryProblem {
	kind: ProblemKind;
	path: string;
	message: string;
}

/** A query string as the handlers use it (a class, so a handler can tell it from a raw query). */
export class ListQuery {
	constructor(
		readonly page: number,
		readonly perPage: number,
		readonly sort: SortKey[] | null,
		readonly order: 'asc' | 'desc' | null,
		readonly filters: Filter[],
		readonly from: string | null,
		readonly to: string | null,
	) {}

	filtersOn(field: string): Filter[] {
		return this.filters.filter((f) => f.field === field);
	}
}

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;

function single(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[value.length - 1] : value;
}

/** Reads a raw query (`q[]` already collected under `q` by the framework) for one operation. */
export function readQuery(
	op: SpecOperation,
	raw: Record<string, string | string[]>,
	sortable: ReadonlySet<string>,
	settings: { serveDeprecated: boolean } = { serveDeprecated: false },
): { query: ListQuery; problems: QueryProblem[] } {
	const problems: QueryProblem[] = [];
	const known = new Set(op.queryParams.map((p) => p.name));
	// Deprecated parameters (`order`): recorded, and ignored unless served (see ClinikoSettings.serveDeprecated).
	const deprecated = new Set(op.queryParams.filter((p) => p.deprecated).map((p) => p.name));
	for (const key of Object.keys(raw)) {
		if (key === 'q' && op.filters) continue;
		if (!known.has(key)) problems.push({ kind: 'ignore', path: key, message: `unknown query parameter "${key}" (${op.operationId} takes: ${[...known, ...(op.filters ? ['q[]'] : [])].join(', ') || 'none'})` });
		else if (deprecated.has(key)) {
			problems.push({ kind: 'ignore', path: key, message: `"${key}" is deprecated in the spec${key === 'order' ? ' (sort takes a direction per column, e.g. sort=created_at:desc)' : ''}` });
			if (!settings.serveDeprecated) known.delete(key);
		} else if (Array.isArray(raw[key])) problems.push({ kind: 'lenient', path: key, message: `"${key}" given more than once` });
	}

	let page = 1;
	const pageRaw = single(raw.page);
	if (known.has('page') && pageRaw !== undefined) {
		if (/^\d+$/.test(pageRaw) && Number(pageRaw) >= 1) page = Number(pageRaw);
		else problems.push({ kind: 'lenient', path: 'page', message: `page "${pageRaw}" is not an integer ≥ 1` });
	}
	let perPage = DEFAULT_PER_PAGE;
	const perPageRaw = single(raw.per_page);
	if (known.has('per_page') && perPageRaw !== undefined) {
		const n = Number(perPageRaw);
		if (/^\d+$/.test(perPageRaw) && n >= 1 && n <= MAX_PER_PAGE) perPage = n;
		else {
			problems.push({ kind: 'lenient', path: 'per_page', message: `per_page "${perPageRaw}" is not an integer from 1 to ${MAX_PER_PAGE}` });
			if (/^\d+$/.test(perPageRaw) && n > MAX_PER_PAGE) perPage = MAX_PER_PAGE;
		}
	}
	let order: 'asc' | 'desc' | null = null;
	const orderRaw = single(raw.order);
	if (known.has('order') && orderRaw !== undefined) {
		if (orderRaw === 'asc' || orderRaw === 'desc') order = orderRaw;
		else problems.push({ kind: 'lenient', path: 'order', message: `order "${orderRaw}" is not asc or desc` });
	}
	let sort: SortKey[] | null = null;
	const sortRaw = single(raw.sort);
	if (known.has('sort') && sortRaw !== undefined) {
		const parsed = parseSort(sortRaw, sortable);
		if (parsed.ok) sort = parsed.keys;
		else problems.push({ kind: 'filter', path: 'sort', message: parsed.message });
	}

	const filters: Filter[] = [];
	if (op.filters && raw.q !== undefined) {
		// `q[]=...` arrives as an array; a bare `q=...` (the 2017 GH readme's form, not in the spec) as a
		// string, read the same way (the violation for it is recorded from the raw query, in index.ts).
		for (const value of Array.isArray(raw.q) ? raw.q : [raw.q]) {
			const parsed = parseFilter(value, op.filters);
			if (parsed.ok) filters.push(parsed.filter);
			else problems.push({ kind: 'filter', path: 'q[]', message: parsed.message });
		}
	}

	let from: string | null = null;
	let to: string | null = null;
	for (const name of ['from', 'to'] as const) {
		const param = op.queryParams.find((p) => p.name === name);
		if (!param) continue;
		const value = single(raw[name]);
		if (value === undefined) {
			if (param.required) problems.push({ kind: 'timeframe', path: name, message: `${name} is required` });
		} else if (!isValidDate(value)) problems.push({ kind: 'timeframe', path: name, message: `${name} "${value}" is not a date (YYYY-MM-DD)` });
		else if (name === 'from') from = value;
		else to = value;
	}
	return { query: new ListQuery(page, perPage, sort, order, filters, from, to), problems };
}

/** The zod schema the framework checks the query with: issues carry their kind in `params.kind`. */
export function querySchema(op: SpecOperation, sortable: ReadonlySet<string>, settings?: { serveDeprecated: boolean }) {
	return z
		.record(z.union([z.string(), z.array(z.string())]))
		.superRefine((raw, ctx) => {
			for (const problem of readQuery(op, raw, sortable, settings).problems) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: [problem.path], message: problem.message, params: { kind: problem.kind } });
			}
		})
		.transform((raw) => readQuery(op, raw, sortable, settings).query);
}
