// Cliniko's `q[]` filter grammar and `sort` ordering (research §8, DOCS "Filtering Results" and
// "Ordering"). A filter is `FIELD:OPERATORVALUE`; the field must be in the operation's q[] table and
// the operator must be one its type allows:
//
//   date       = >= > <= < ? !?        (`*` wildcards in the value: ****-05-**)
//   date-time  >= > <= < ? !? *        (no `=`; `*` = any value, null included)
//   int64/int  = != >= > <= < ? !?     (`=` also takes a list: practitioner_id:=1,2,3)
//   string     = != ~ ~~ ? !?          (`~` contains, `~~` wildcard with %)
//   boolean    = !=
//   array      ~                       (contains)
//
// Several filters combine with AND (inference from the DOCS range example).
import type { FilterFormat } from './spec';
import { isValidDate, isValidDateTime } from './openapi-zod';

export type FilterOperator = '=' | '!=' | '>=' | '>' | '<=' | '<' | '?' | '!?' | '~' | '~~' | '*';

export const OPERATORS_BY_FORMAT: Record<FilterFormat, readonly FilterOperator[]> = {
	date: ['=', '>=', '>', '<=', '<', '?', '!?'],
	'date-time': ['>=', '>', '<=', '<', '?', '!?', '*'],
	int64: ['=', '!=', '>=', '>', '<=', '<', '?', '!?'],
	integer: ['=', '!=', '>=', '>', '<=', '<', '?', '!?'],
	string: ['=', '!=', '~', '~~', '?', '!?'],
	boolean: ['=', '!='],
	array: ['~'],
};

// Longest first, so `!?` is not read as `!` and `~~` not as `~`.
const OPERATOR_TOKENS: FilterOperator[] = ['!?', '~~', '>=', '<=', '!=', '?', '~', '>', '<', '=', '*'];
const VALUELESS: ReadonlySet<FilterOperator> = new Set(['?', '!?', '*']);

export interface Filter {
	raw: string;
	field: string;
	format: FilterFormat;
	operator: FilterOperator;
	value: string;
	/** `=` on numeric fields: the comma-separated list. */
	list?: string[];
	/** Prepared matcher for `~~` and wildcard dates. */
	pattern?: RegExp;
}

export type FilterParse = { ok: true; filter: Filter } | { ok: false; message: string };

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function validValue(format: FilterFormat, operator: FilterOperator, value: string): string | null {
	if (VALUELESS.has(operator)) return value === '' ? null : `operator ${operator} takes no value`;
	switch (format) {
		case 'date':
			if (operator === '=' && value.includes('*')) return /^[\d*]{4}-[\d*]{2}-[\d*]{2}$/.test(value) ? null : 'is not a date pattern (YYYY-MM-DD, * wildcards)';
			return isValidDate(value) ? null : 'is not a date (YYYY-MM-DD)';
		case 'date-time':
			return isValidDateTime(value) ? null : 'is not an ISO 8601 UTC date-time (e.g. 2024-05-01T09:00:00Z)';
		case 'int64':
		case 'integer': {
			const items = operator === '=' ? value.split(',') : [value];
			const pattern = format === 'int64' ? /^\d{1,19}$/ : /^-?\d+$/;
			return items.every((item) => pattern.test(item)) ? null : `is not ${operator === '=' ? 'a number or a comma-separated list of numbers' : 'a number'}`;
		}
		case 'boolean':
			return value === 'true' || value === 'false' ? null : 'is not true or false';
		case 'string':
		case 'array':
			return value === '' && operator !== '=' && operator !== '!=' ? 'needs a value' : null;
	}
}

/** Parses one q[] value against an operation's filter table. */
export function parseFilter(raw: string, table: ReadonlyMap<string, FilterFormat>): FilterParse {
	const colon = raw.indexOf(':');
	if (colon <= 0) return { ok: false, message: `"${raw}" is not FIELD:OPERATORVALUE` };
	const field = raw.slice(0, colon);
	const format = table.get(field);
	if (!format) return { ok: false, message: `"${field}" is not a filterable field here (allowed: ${[...table.keys()].join(', ')})` };
	const rest = raw.slice(colon + 1);
	const operator = OPERATOR_TOKENS.find((token) => rest.startsWith(token));
	if (!operator) return { ok: false, message: `"${raw}" has no operator` };
	if (!OPERATORS_BY_FORMAT[format].includes(operator)) {
		return { ok: false, message: `operator ${operator} is not allowed on ${format} field ${field} (allowed: ${OPERATORS_BY_FORMAT[format].join(' ')})` };
	}
	const value = rest.slice(operator.length);
	const problem = validValue(format, operator, value);
	if (problem) return { ok: false, message: `"${raw}": value ${problem}` };
	const filter: Filter = { raw, field, format, operator, value };
	if ((format === 'int64' || format === 'integer') && operator === '=') filter.list = value.split(',');
	if (operator === '~~') {
		// SQL LIKE: % any run, _ one character; case-insensitive (inference: ILIKE, as for `~`).
		filter.pattern = new RegExp(`^${value.split('').map((c) => (c === '%' ? '.*' : c === '_' ? '.' : escapeRegex(c))).join('')}$`, 'is');
	}
	if (format === 'date' && operator === '=' && value.includes('*')) {
		filter.pattern = new RegExp(`^${value.split('').map((c) => (c === '*' ? '\\d' : escapeRegex(c))).join('')}$`);
	}
	return { ok: true, filter };
}

function compareNumbers(format: FilterFormat, a: string, b: string): number {
	if (format === 'int64') {
		const x = BigInt(a);
		const y = BigInt(b);
		return x < y ? -1 : x > y ? 1 : 0;
	}
	return Number(a) - Number(b);
}

function ordered(operator: FilterOperator, cmp: number): boolean {
	switch (operator) {
		case '>=':
			return cmp >= 0;
		case '>':
			return cmp > 0;
		case '<=':
			return cmp <= 0;
		case '<':
			return cmp < 0;
		case '=':
			return cmp === 0;
		case '!=':
			return cmp !== 0;
		default:
			return false;
	}
}

/** Does a record's value for the filter's field pass the filter? */
export function matchesFilter(value: unknown, filter: Filter): boolean {
	const { operator, format } = filter;
	if (operator === '*') return true;
	const missing = value === null || value === undefined || (Array.isArray(value) && format !== 'array' && value.length === 0);
	if (operator === '?') return !missing;
	if (operator === '!?') return missing;
	if (missing && format !== 'array') return false;
	switch (format) {
		case 'date-time': {
			const cmp = Date.parse(String(value)) - Date.parse(filter.value);
			return ordered(operator, cmp);
		}
		case 'date': {
			const text = String(value);
			if (filter.pattern) return filter.pattern.test(text);
			return ordered(operator, text < filter.value ? -1 : text > filter.value ? 1 : 0);
		}
		case 'int64':
		case 'integer': {
			const text = String(value);
			if (filter.list) return filter.list.some((item) => compareNumbers(format, text, item) === 0);
			return ordered(operator, compareNumbers(format, text, filter.value));
		}
		case 'boolean':
			return operator === '=' ? String(value) === filter.value : String(value) !== filter.value;
		case 'string': {
			const text = String(value);
			switch (operator) {
				case '=':
					return text === filter.value;
				case '!=':
					return text !== filter.value;
				case '~':
					// INFERENCE: contains is case-insensitive (an ILIKE '%x%').
					return text.toLowerCase().includes(filter.value.toLowerCase());
				case '~~':
					return filter.pattern!.test(text);
				default:
					return false;
			}
		}
		case 'array':
			return Array.isArray(value) && value.some((item) => String(item) === filter.value);
	}
}

export interface SortKey {
	field: string;
	descending: boolean;
}

export type SortParse = { ok: true; keys: SortKey[] } | { ok: false; message: string };

/** `sort=col`, `sort=col1,col2:desc` (`:asc`/`:desc` per column). */
export function parseSort(raw: string, sortable: ReadonlySet<string>): SortParse {
	const keys: SortKey[] = [];
	for (const part of raw.split(',')) {
		const [field, direction, ...extra] = part.trim().split(':');
		if (!field || extra.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
			return { ok: false, message: `sort "${part}" is not column[:asc|:desc]` };
		}
		if (!sortable.has(field)) return { ok: false, message: `sort column "${field}" is not a field of this resource` };
		keys.push({ field, descending: direction === 'desc' });
	}
	return { ok: true, keys };
}

/** Orders two values the way a SQL ORDER BY would (nulls last ascending, first descending). */
export function compareValues(a: unknown, b: unknown): number {
	const aNull = a === null || a === undefined;
	const bNull = b === null || b === undefined;
	if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	const x = String(a);
	const y = String(b);
	if (/^\d{1,19}$/.test(x) && /^\d{1,19}$/.test(y)) {
		// int64 IDs: compare as numbers without going through a double.
		return x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
	}
	return x < y ? -1 : x > y ? 1 : 0;
}
