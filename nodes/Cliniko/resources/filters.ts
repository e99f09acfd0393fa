import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/alphabetical';
import { describeValue } from '../../shared/validate';
import { toDateOnly, toUtcDateTime } from './dates';
import type { FilterType, SpecOperation } from './types';
import { labelOf } from './words';

/**
 * Cliniko's list filters: `q[]=<field>:<operator><value>`, one `q[]` per condition, all of them
 * must hold. Which operators a field takes depends on its type (docs.api.cliniko.com, "Filtering
 * Results"); n8n cannot narrow one dropdown by another's value, so every operator is offered and the
 * pair is checked here before anything is sent.
 */

export interface FilterOperator {
	name: string;
	/**
	 * The parameter value. Not Cliniko's symbol: n8n reads a value starting with "=" as an
	 * expression, so "=" itself could never be stored.
	 */
	value: string;
	/** Cliniko's operator. */
	symbol: string;
	description: string;
	/** The operator takes no value (`archived_at:?`). */
	noValue?: boolean;
}

export const FILTER_OPERATORS: FilterOperator[] = [
	{
		name: 'Any Value (Including Empty)',
		value: 'any',
		symbol: '*',
		description: 'Date-times only: every record, also those where the field is empty (e.g. archived_at to include archived records)',
		noValue: true,
	},
	{ name: 'Contains', value: 'contains', symbol: '~', description: 'Text contains the value; for a list field, the list contains it' },
	{
		name: 'Equals',
		value: 'equals',
		symbol: '=',
		description: 'Equal to the value; for IDs and numbers several comma-separated values match any of them',
	},
	{ name: 'Greater Than', value: 'greaterThan', symbol: '>', description: 'Later than a date or time, or larger than a number' },
	{ name: 'Greater Than or Equal', value: 'greaterThanOrEqual', symbol: '>=', description: 'From a date or time on, or at least a number' },
	{ name: 'Is Empty', value: 'isEmpty', symbol: '!?', description: 'The field has no value', noValue: true },
	{ name: 'Is Not Empty', value: 'isNotEmpty', symbol: '?', description: 'The field has a value', noValue: true },
	{ name: 'Less Than', value: 'lessThan', symbol: '<', description: 'Earlier than a date or time, or smaller than a number' },
	{ name: 'Less Than or Equal', value: 'lessThanOrEqual', symbol: '<=', description: 'Up to a date or time, or at most a number' },
	{
		name: 'Matches Pattern',
		value: 'matchesPattern',
		symbol: '~~',
		description: 'Text matches a pattern in which % stands for any characters, e.g. ja%on%',
	},
	{ name: 'Not Equals', value: 'notEquals', symbol: '!=', description: 'Different from the value' },
];

/** An operator by its parameter value, or by Cliniko's symbol (typed in an expression). */
export function findOperator(operator: string): FilterOperator | undefined {
	return FILTER_OPERATORS.find((o) => o.value === operator) ?? FILTER_OPERATORS.find((o) => o.symbol === operator);
}

/** Operators (Cliniko's symbols) each field type accepts, as Cliniko documents them. */
export const OPERATORS_BY_TYPE: Record<FilterType, string[]> = {
	boolean: ['=', '!='],
	date: ['=', '>=', '>', '<=', '<', '?', '!?'],
	dateTime: ['>=', '>', '<=', '<', '?', '!?', '*'],
	int64: ['=', '!=', '>=', '>', '<=', '<', '?', '!?'],
	integer: ['=', '!=', '>=', '>', '<=', '<', '?', '!?'],
	string: ['=', '!=', '~', '~~', '?', '!?'],
	array: ['~'],
};

const TYPE_WORDS: Record<FilterType, string> = {
	boolean: 'true or false',
	date: 'a date',
	dateTime: 'a date and time',
	int64: 'an ID',
	integer: 'a number',
	string: 'text',
	array: 'a list',
};

function operatorName(symbol: string): string {
	return FILTER_OPERATORS.find((o) => o.symbol === symbol)?.name ?? symbol;
}

function listWords(items: string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A filter the user asked for cannot be sent; the message says why and what would work. */
export class FilterError extends Error {}

const INT64 = /^\d{1,19}$/;
const INTEGER = /^-?\d{1,15}$/;
const DATE_PATTERN = /^[\d*]{4}-[\d*]{2}-[\d*]{2}$/;

function splitList(text: string): string[] {
	return text
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/**
 * One `q[]` value, checked: the field must be one the operation filters on, the operator must suit
 * its type, and the value must read as that type. IDs stay strings (int64 does not fit a JS number);
 * date-times become UTC, reading times without an offset in `timeZone`.
 */
export function filterExpression(
	fields: Array<[string, FilterType]>,
	field: string,
	operator: string,
	rawValue: unknown,
	timeZone?: string,
): string {
	const entry = fields.find(([name]) => name === field);
	if (!entry) {
		throw new FilterError(
			`"${field}" cannot be filtered on here; the fields are ${listWords(fields.map(([name]) => name))}`,
		);
	}
	const type = entry[1];
	const label = `${labelOf(field)} (${TYPE_WORDS[type]})`;
	const known = findOperator(operator);
	if (!known) throw new FilterError(`Unknown filter operator "${operator}" for ${label}`);
	const symbol = known.symbol;
	const allowed = OPERATORS_BY_TYPE[type];
	if (!allowed.includes(symbol)) {
		throw new FilterError(
			`"${known.name}" does not apply to ${label}: use ${listWords(allowed.map(operatorName))}`,
		);
	}
	if (known.noValue) return `${field}:${symbol}`;

	const text =
		typeof rawValue === 'string' ? rawValue.trim() : rawValue === undefined || rawValue === null ? '' : rawValue;
	if (text === '') throw new FilterError(`The filter on ${label} needs a value`);
	const bad = (expected: string) =>
		new FilterError(`The filter value ${describeValue(text)} for ${label} is not ${expected}`);

	let value: string;
	switch (type) {
		case 'int64':
		case 'integer': {
			const pattern = type === 'int64' ? INT64 : INTEGER;
			const parts = symbol === '=' ? splitList(String(text)) : [String(text).trim()];
			if (parts.length === 0 || !parts.every((p) => pattern.test(p))) {
				throw bad(symbol === '=' ? `${TYPE_WORDS[type]} (or a comma-separated list of them)` : TYPE_WORDS[type]);
			}
			value = parts.join(',');
			break;
		}
		case 'boolean': {
			const b = String(text).toLowerCase();
			if (b !== 'true' && b !== 'false') throw bad('true or false');
			value = b;
			break;
		}
		case 'date': {
			const t = String(text);
			const date = DATE_PATTERN.test(t) ? t : toDateOnly(text, timeZone);
			if (!date) throw bad('a date like 2024-05-31 (* wildcards allowed, e.g. ****-05-**)');
			value = date;
			break;
		}
		case 'dateTime': {
			const utc = toUtcDateTime(text, timeZone);
			if (!utc) throw bad('a date and time like 2024-05-31T09:00:00Z');
			value = utc;
			break;
		}
		default:
			value = String(text);
	}
	return `${field}:${symbol}${value}`;
}

/** `sort=col1,col2:desc`. */
export function sortExpression(entries: Array<{ field?: unknown; direction?: unknown }>): string | undefined {
	const parts: string[] = [];
	for (const entry of entries) {
		const field = String(entry.field ?? '').trim();
		if (field === '') continue;
		if (!/^[a-z_][a-z0-9_]*$/.test(field)) throw new FilterError(`"${field}" is not a field name to sort by`);
		const direction = String(entry.direction ?? 'asc');
		if (direction !== 'asc' && direction !== 'desc') throw new FilterError(`Sort direction must be asc or desc, not "${direction}"`);
		parts.push(direction === 'desc' ? `${field}:desc` : field);
	}
	return parts.length ? parts.join(',') : undefined;
}

export interface ListQueryInput {
	conditions?: Array<{ field?: unknown; operator?: unknown; value?: unknown }>;
	sort?: Array<{ field?: unknown; direction?: unknown }>;
	includeArchived?: boolean;
	includeCancelled?: boolean;
}

/** The query of a list (or single GET): `q[]` conditions, include switches, sort. */
export function listQuery(spec: SpecOperation, input: ListQueryInput, timeZone?: string): IDataObject {
	const fields = spec.filters ?? [];
	const q: string[] = [];
	for (const c of input.conditions ?? []) {
		q.push(filterExpression(fields, String(c.field ?? ''), String(c.operator ?? ''), c.value, timeZone));
	}
	const has = (name: string) => fields.some(([f]) => f === name);
	if (input.includeArchived && has('archived_at')) q.push('archived_at:*');
	if (input.includeCancelled && has('cancelled_at')) q.push('cancelled_at:*');
	const query: IDataObject = {};
	if (q.length) query['q[]'] = [...new Set(q)];
	if (spec.sort && input.sort) {
		const sort = sortExpression(input.sort);
		if (sort) query.sort = sort;
	}
	return query;
}

/** The fields a list operation filters and sorts on, alphabetically, each with its type. */
export function filterFieldOptions(spec: SpecOperation): INodePropertyOptions[] {
	return (spec.filters ?? [])
		.map(([name, type]) => ({ name: labelOf(name), value: name, description: `${TYPE_WORDS[type].replace(/^(a|an) /, '')}`.replace(/^./, (c) => c.toUpperCase()) }))
		.sort(byName);
}

/**
 * The loadOptions method that lists the Field choices of Filters and Sort (methods/index.ts). The lists
 * differ per operation; inline, they made 37 different copies of Filters and Sort, a third of the node's
 * description that n8n sends to every editor. Loaded from the form's resource and operation (no request
 * is made), one Filters parameter serves every list operation with the same default field.
 */
export const FILTER_FIELDS_METHOD = 'getFilterFields';
const FIELD_LIST = { loadOptionsMethod: FILTER_FIELDS_METHOD, loadOptionsDependsOn: ['resource', 'operation'] };
// n8n's wording for a loaded list (its lint rules node-param-display-name/description-wrong-for-dynamic-options).
const FIELD_CHOICE = {
	displayName: 'Field Name or ID',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The Filters and Sort parameters of a list operation. */
export function listFilterProperties(spec: SpecOperation): INodeProperties[] {
	const out: INodeProperties[] = [];
	const fields = filterFieldOptions(spec);
	const filterDefault = fields.some((f) => f.value === 'updated_at') ? 'updated_at' : fields[0]?.value;
	const sortDefault = fields.some((f) => f.value === 'created_at') ? 'created_at' : fields[0]?.value;
	if (fields.length) {
		out.push({
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Filter',
			default: {},
			description: 'Conditions every returned record must meet (Cliniko "q[]" filters)',
			options: [
				{
					displayName: 'Condition',
					name: 'conditions',
					values: [
						{
							...FIELD_CHOICE,
							name: 'field',
							type: 'options',
							typeOptions: FIELD_LIST,
							default: filterDefault,
						},
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							options: FILTER_OPERATORS.map(({ name, value, description }) => ({ name, value, description })),
							default: 'equals',
							description: 'Which operators suit the field depends on its type; an unsuitable pair is reported before anything is sent',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. 2024-05-31T00:00:00Z',
							displayOptions: { hide: { operator: FILTER_OPERATORS.filter((o) => o.noValue).map((o) => o.value) } },
							description:
								'Times without an offset are read in the workflow time zone and sent in UTC; IDs are sent exactly as typed',
						},
					],
				},
			],
		});
	}
	if (spec.sort) {
		out.push({
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Sort Field',
			default: {},
			description: 'Order of the records (Cliniko returns the oldest created first by default)',
			options: [
				{
					displayName: 'Sort By',
					name: 'fields',
					values: [
						fields.length
							? {
									...FIELD_CHOICE,
									name: 'field',
									type: 'options',
									typeOptions: FIELD_LIST,
									default: sortDefault,
								}
							: {
									displayName: 'Field',
									name: 'field',
									type: 'string',
									default: 'created_at',
									placeholder: 'e.g. created_at',
								},
						{
							displayName: 'Direction',
							name: 'direction',
							type: 'options',
							options: [
								{ name: 'Ascending', value: 'asc' },
								{ name: 'Descending', value: 'desc' },
							],
							default: 'asc',
						},
					],
				},
			],
		});
	}
	return out;
}
