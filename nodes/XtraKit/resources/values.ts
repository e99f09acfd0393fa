import type { IDataObject, INode } from 'n8n-workflow';

import { parameterError } from '../../shared/errors';
import { calendarDate, localDateTime } from '../../shared/dates';
import { describeValue, numberOf, textOf } from '../../shared/validate';

/**
 * How a documented body or query field is written: the types of the field tables on the add / edit
 * pages of docs.xtrakit.com (e.g. Add Item: `quantity` a string, `online` 1 or 0, prices decimal(10,2)).
 */
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

/**
 * XtraKit timestamps carry no time zone ("2024-08-04 08:23:45"). Under the package's one date-time
 * rule (nodes/shared/dates.ts) a value is read in the workflow's time zone unless it carries an offset,
 * and sent as the wall clock of the workflow's time zone: a time typed without zone goes as written, a
 * time with an offset ($now.toUTC(), an API's timestamp) is shifted to the workflow's zone.
 */
export function toXtraKitDateTime(value: unknown, timeZone?: string): string | undefined {
	return localDateTime(value, timeZone);
}

export function toXtraKitDate(value: unknown, timeZone?: string): string | undefined {
	return calendarDate(value, timeZone);
}

function label(field: string): string {
	const words = field.replace(/_id$/, ' ID').replace(/_/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One value in the form XtraKit documents for its type; a value that cannot be is refused. */
export function coerceValue(node: INode, field: string, type: FieldType, value: unknown, itemIndex: number, timeZone?: string): unknown {
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
			const d = toXtraKitDate(value, timeZone);
			if (!d) throw bad('a date (YYYY-MM-DD)');
			return d;
		}
		case 'datetime': {
			const d = toXtraKitDateTime(value, timeZone);
			if (!d) throw bad('a date and time (YYYY-MM-DD HH:MM:SS)');
			return d;
		}
		default:
			return typeof value === 'string' ? value : textOf(node, value, label(field), itemIndex);
	}
}

/** The body with every known field in its documented form; empty values are left out. */
export function coerceBody(node: INode, types: FieldTypes, body: IDataObject, itemIndex: number, timeZone?: string): IDataObject {
	const out: IDataObject = {};
	for (const [field, value] of Object.entries(body)) {
		if (value === undefined || value === null || value === '') continue;
		const type = types[field];
		out[field] = (type ? coerceValue(node, field, type, value, itemIndex, timeZone) : value) as IDataObject[string];
	}
	return out;
}
