import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { parameterError } from '../../shared/errors';
import { apiRequest } from '../../shared/http';
import type { OperationContext, Pagination } from '../../shared/types';
import { dateText, parseDateTime } from '../../shared/dates';
import { describeValue, numberOf, pathWith, requireText, textOf } from '../../shared/validate';
import { isEnvelope, openEnvelope, recordFrom } from '../envelope';
import { listPagesOf } from '../paging';
import { xtraKit } from '../provider';

/** How a documented body or query field is written (research §2.5). */
export type FieldType =
	/** text as is */
	| 'string'
	/** integer ID or count */
	| 'int'
	/** decimal(10,2), sent in the documented format "10.00" */
	| 'money'
	/** a number the docs type as a string (quantity "20") */
	| 'numberString'
	/** 1 or 0 */
	| 'flag'
	/** YYYY-MM-DD */
	| 'date'
	/** YYYY-MM-DD HH:MM:SS */
	| 'datetime';

export type FieldTypes = Record<string, FieldType>;

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * XtraKit timestamps carry no time zone ("2024-08-04 08:23:45"). A date typed in n8n is sent with
 * its wall-clock digits as written (in the workflow's zone), never shifted to UTC.
 */
export function toXtraKitDateTime(value: unknown): string | undefined {
	const m = WALL_CLOCK.exec(dateText(value) ?? '');
	if (!m) return undefined;
	const wallClock = `${m[1]} ${(m[2] ?? '00').padStart(2, '0')}:${m[3] ?? '00'}:${m[4] ?? '00'}`;
	// Calendar, clock and zone checked, so "2024-02-30", "25:00" or "+25:00" is refused rather than sent.
	return parseDateTime(`${wallClock}${m[5] ?? ''}`) === undefined ? undefined : wallClock;
}

export function toXtraKitDate(value: unknown): string | undefined {
	return toXtraKitDateTime(value)?.slice(0, 10);
}

function label(field: string): string {
	const words = field.replace(/_id$/, ' ID').replace(/_/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One value in the form XtraKit documents for its type; a value that cannot be is refused. */
export function coerceValue(node: INode, field: string, type: FieldType, value: unknown, itemIndex: number): unknown {
	const bad = (expected: string) =>
		parameterError(node, `${label(field)} must be ${expected}`, itemIndex, `Got ${describeValue(value)}.`);
	switch (type) {
		case 'int': {
			const n = numberOf(value);
			if (!Number.isInteger(n) || n < 0) throw bad('a whole number (an ID)');
			return n;
		}
		case 'money': {
			const n = numberOf(value);
			if (!Number.isFinite(n) || n < 0 || n >= 1e8) throw bad('an amount from 0 to 99999999.99');
			return n.toFixed(2);
		}
		case 'numberString': {
			const n = numberOf(value);
			if (!Number.isFinite(n) || n < 0) throw bad('a number of 0 or more');
			return String(n);
		}
		case 'flag':
			if (value === true || value === 1 || value === '1' || value === 'true') return 1;
			if (value === false || value === 0 || value === '0' || value === 'false') return 0;
			throw bad('true or false');
		case 'date': {
			const d = toXtraKitDate(value);
			if (!d) throw bad('a date (YYYY-MM-DD)');
			return d;
		}
		case 'datetime': {
			const d = toXtraKitDateTime(value);
			if (!d) throw bad('a date and time (YYYY-MM-DD HH:MM:SS)');
			return d;
		}
		default:
			return typeof value === 'string' ? value : textOf(node, value, label(field), itemIndex);
	}
}

/** The body with every known field in its documented form; empty values are left out. */
export function coerceBody(node: INode, types: FieldTypes, body: IDataObject, itemIndex: number): IDataObject {
	const out: IDataObject = {};
	for (const [field, value] of Object.entries(body)) {
		if (value === undefined || value === null || value === '') continue;
		const type = types[field];
		out[field] = (type ? coerceValue(node, field, type, value, itemIndex) : value) as IDataObject[string];
	}
	return out;
}

export function readLocator(op: OperationContext, param: string): unknown {
	return op.ctx.getNodeParameter(param, op.itemIndex, undefined, { extractValue: true });
}

/** A resource locator: pick from a searchable list, or type the ID / code. */
export function locator(options: {
	name: string;
	displayName: string;
	searchListMethod: string;
	placeholder: string;
	description: string;
	required?: boolean;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.displayName.toLowerCase()}…`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder,
			},
		],
	};
}

/** The one record of a get / create / update answer (siblings such as `sales-item` kept). */
export function unwrapRecord(key: string, notFound?: { param: string; message: (value: string) => string }) {
	return (body: unknown, op: OperationContext): IDataObject => {
		const node = op.ctx.getNode();
		const value = notFound ? textOf(node, readLocator(op, notFound.param), notFound.param, op.itemIndex) : '';
		const data = openEnvelope(node, body, {
			itemIndex: op.itemIndex,
			notFound: notFound ? notFound.message(value) : undefined,
		});
		const record = recordFrom(node, data, key, op.itemIndex);
		if (record) return record;
		// A success without a record (create answering only a message): say what XtraKit said.
		const message = isEnvelope(body) && typeof body.message === 'string' ? body.message : undefined;
		return message ? { success: true, message } : { success: true };
	};
}

/** A list endpoint: every page read through the envelope, paging noticed (see paging.ts). */
export function listPagination(key: string, noun: string): Pagination {
	return { type: 'custom', pages: listPagesOf(key, noun) };
}

/** Filters collection → query string, each value in its documented form. */
export function filtersQuery(types: FieldTypes) {
	return (op: OperationContext): IDataObject => {
		const filters = op.ctx.getNodeParameter('filters', op.itemIndex, {}) as IDataObject;
		const resolved: IDataObject = {};
		for (const [key, value] of Object.entries(filters)) {
			const v = value !== null && typeof value === 'object' && '__rl' in value ? (value as IDataObject).value : value;
			resolved[key] = typeof v === 'string' ? v.trim() : v;
		}
		return coerceBody(op.ctx.getNode(), types, resolved, op.itemIndex);
	};
}

/** Required text fields (field → label): blank or whitespace is refused, values are trimmed. */
export type RequiredText = Record<string, string>;

export function requiredTextOf(fields: INodeProperties[]): RequiredText {
	return Object.fromEntries(fields.filter((f) => f.required && f.type === 'string').map((f) => [f.name, f.displayName]));
}

function checkRequired(node: INode, body: IDataObject, required: RequiredText, itemIndex: number, onlyPresent: boolean): void {
	for (const [field, fieldLabel] of Object.entries(required)) {
		if (onlyPresent && !(field in body)) continue;
		body[field] = requireText(node, body[field], fieldLabel, itemIndex);
	}
}

/** Create: the body as typed, in the documented forms. */
export function createBody(types: FieldTypes, required: RequiredText = {}) {
	return (body: IDataObject, op: OperationContext): IDataObject => {
		const node = op.ctx.getNode();
		checkRequired(node, body, required, op.itemIndex, false);
		return coerceBody(node, types, body, op.itemIndex);
	};
}

/**
 * Update: XtraKit's edit pages mark the same fields Required as its add pages (FACT, e.g. Edit Item),
 * so a PUT with only the changed fields would be refused. The node reads the record first and sends
 * back its documented fields with the user's changes on top.
 */
export function mergeForUpdate(options: {
	/** GET path of the record, with one {placeholder}. */
	path: string;
	param: string;
	label: string;
	key: string;
	types: FieldTypes;
	notFound: (value: string) => string;
	/** Required text fields: an update may change them, not blank them. */
	required?: RequiredText;
	/** Body fields fixed by the path value (edit-sale repeats invoice_code in the body). */
	fixed?: (value: string) => IDataObject;
}) {
	return async (body: IDataObject, op: OperationContext): Promise<IDataObject> => {
		const { ctx, itemIndex } = op;
		const node = ctx.getNode();
		if (Object.keys(body).length === 0) {
			throw parameterError(node, 'No fields to update', itemIndex, 'Add at least one field under "Update Fields".');
		}
		checkRequired(node, body, options.required ?? {}, itemIndex, true);
		const changes = coerceBody(node, options.types, body, itemIndex);
		const value = requireText(node, readLocator(op, options.param), options.label, itemIndex);
		const placeholder = /\{(\w+)\}/.exec(options.path)?.[1] ?? 'id';
		const path = pathWith(node, options.path, { [placeholder]: value }, itemIndex, { [placeholder]: options.label });
		const notFound = options.notFound(value);
		const { statusCode, body: answer } = await apiRequest.call(ctx, xtraKit, { method: 'GET', path }, {
			itemIndex,
			notFound,
			...op.requestOptions,
		});
		const current = recordFrom(node, openEnvelope(node, answer, { itemIndex, notFound, httpStatus: statusCode }), options.key, itemIndex) ?? {};
		const merged: IDataObject = {};
		for (const field of Object.keys(options.types)) {
			if (field in changes) merged[field] = changes[field];
			else if (current[field] !== undefined && current[field] !== null && current[field] !== '') merged[field] = current[field];
		}
		Object.assign(merged, options.fixed?.(value));
		return coerceBody(node, options.types, merged, itemIndex);
	};
}

export const DATE_FILTERS: FieldTypes = { created_at: 'datetime', updated_at: 'date' };

/** The documented date filters of every list: a start (sent as created_at) and an end (updated_at). */
export function dateFilters(noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'created_at',
			type: 'dateTime',
			default: '',
			description: `Start date for filtering ${noun}, sent as "created_at" (YYYY-MM-DD HH:MM:SS, as typed, without time zone)`,
		},
		{
			displayName: 'End Date',
			name: 'updated_at',
			type: 'dateTime',
			default: '',
			description: `End date for filtering ${noun}, sent as "updated_at" (YYYY-MM-DD)`,
		},
	];
}
