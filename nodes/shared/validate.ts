import type { INode } from 'n8n-workflow';

import { parameterError } from './errors';

/** Longest piece of a user's text quoted back in a message. */
const QUOTE_MAX = 80;

function isDateLike(value: object): boolean {
	// A JS Date, or a Luxon DateTime from an expression such as {{ $now }} (n8n passes it through).
	return Object.prototype.toString.call(value) === '[object Date]' || typeof (value as { toISO?: unknown }).toISO === 'function';
}

/**
 * What kind of value arrived, in words, for values that are not plain text or a finite number:
 * "an object", "a list", "a date", "true (a boolean)", "NaN". Undefined for text and finite numbers.
 */
/** An empty parameter: unset, null, or text of blanks only. */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function kindOf(value: unknown): string | undefined {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string':
			return undefined;
		case 'number':
			return Number.isFinite(value) ? undefined : String(value);
		case 'bigint':
			return undefined;
		case 'boolean':
			return `${String(value)} (a boolean)`;
		case 'object':
			if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
			return isDateLike(value) ? 'a date' : 'an object';
		default:
			return `a ${typeof value}`;
	}
}

/**
 * A value as a message shows it: text quoted and shortened, numbers as written, anything else by
 * its kind. `String(value)` would show an object as "[object Object]", which tells the user nothing.
 */
export function describeValue(value: unknown): string {
	if (typeof value === 'string') {
		const shown = value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value;
		// JSON quoting makes control characters and blanks visible.
		return JSON.stringify(shown);
	}
	return kindOf(value) ?? String(value);
}

/**
 * A parameter value as trimmed text: text and finite numbers pass, undefined/null give "". Objects,
 * lists, dates and booleans are refused naming what arrived (typically a whole resource-locator
 * value or an expression returning an object where an ID was meant).
 */
export function textOf(node: INode, value: unknown, label: string, itemIndex: number): string {
	if (value === undefined || value === null) return '';
	const kind = kindOf(value);
	if (kind !== undefined) {
		throw parameterError(
			node,
			`${label} must be text or a number, got ${kind}`,
			itemIndex,
			typeof value === 'object' ? `If "${label}" is set by an expression, make it return the ID itself, e.g. {{ $json.id }} rather than {{ $json }}.` : undefined,
		);
	}
	return String(value).trim();
}

/**
 * A multi-value parameter as trimmed texts: a list, or comma-separated text (what an expression
 * often gives instead of a list); empty entries dropped, non-text entries refused.
 */
export function textList(node: INode, value: unknown, label: string, itemIndex: number): string[] {
	if (value === undefined || value === null) return [];
	const list: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
	return list.map((entry) => textOf(node, entry, label, itemIndex)).filter((text) => text !== '');
}

/** A required text parameter, trimmed; empty or whitespace is refused before any request. */
export function requireText(node: INode, value: unknown, label: string, itemIndex: number): string {
	const text = textOf(node, value, label, itemIndex);
	if (text === '') {
		throw parameterError(node, `${label} is empty`, itemIndex, `Enter a value for "${label}".`);
	}
	return text;
}

/**
 * Fills {placeholders} of a documented path with encoded values. "." and ".." are refused because
 * URL normalisation would turn them into another route rather than an ID. `labels` names each
 * placeholder as the user sees its field (default: the placeholder).
 */
export function pathWith(
	node: INode,
	template: string,
	values: Record<string, string>,
	itemIndex: number,
	labels: Record<string, string> = {},
): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = values[name];
		if (value === undefined) {
			throw parameterError(node, `Missing value for "${name}" in ${template}`, itemIndex);
		}
		if (value === '.' || value === '..') {
			throw parameterError(
				node,
				`"${value}" is not a valid ${labels[name] ?? name}`,
				itemIndex,
				'"." and ".." would address another part of the API, not a record. Enter the record\'s ID.',
			);
		}
		return encodeURIComponent(value);
	});
}

/** A number from a number or numeric text; NaN for anything else (Number([5]) would be 5, Number(" ") 0). */
export function numberOf(value: unknown): number {
	if (typeof value === 'number') return value;
	return typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
}

/** A number parameter that must lie in a range; undefined/empty means "not set". */
export function optionalNumberInRange(
	node: INode,
	value: unknown,
	label: string,
	min: number,
	max: number,
	itemIndex: number,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = numberOf(value);
	if (!Number.isFinite(n) || n < min || n > max) {
		throw parameterError(node, `${label} must be a number from ${min} to ${max}`, itemIndex, `Got ${describeValue(value)}.`);
	}
	return n;
}

/** What a JSON field must hold once parsed. */
export type JsonShape = 'any' | 'object' | 'objectOrList';

const JSON_HINT = 'Enter JSON such as {"key": "value"}: keys and text in double quotes, no trailing commas.';

function jsonKind(value: unknown): string {
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number') return `a number (${value})`;
	return kindOf(value) ?? 'a value';
}

/**
 * JSON typed into a field: text is parsed, objects and lists from an expression pass through. Every
 * error names the field by its display name and says what is wrong with the JSON; empty text is
 * "not set" (undefined).
 */
export function parseJsonValue(node: INode, value: unknown, label: string, itemIndex: number, shape: JsonShape = 'any'): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return undefined;
		try {
			parsed = JSON.parse(text);
		} catch (error) {
			const reason = String((error as Error).message ?? error);
			const shown = reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
			throw parameterError(node, `${label} is not valid JSON: ${shown}`, itemIndex, JSON_HINT);
		}
	}
	const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && !isDateLike(parsed);
	const fits = shape === 'any' || isObject || (shape === 'objectOrList' && Array.isArray(parsed));
	if (!fits) {
		const wanted = shape === 'object' ? 'a JSON object' : 'a JSON object or list';
		throw parameterError(node, `${label} must be ${wanted}, got ${jsonKind(parsed)}`, itemIndex, JSON_HINT);
	}
	return parsed;
}

/**
 * A whole number of at least `min` (and at most `max`): a number, or numeric text (an expression
 * over a CSV column or a query string gives text). n8n hands an expression's result over as it is,
 * so "ten", a missing field (undefined), NaN, fractions and negatives arrive here and are refused
 * naming the field, before anything is sent: read as a number they would page forever or never stop.
 */
export function wholeNumber(node: INode, value: unknown, label: string, itemIndex: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
	const n = typeof value === 'number' || typeof value === 'string' ? numberOf(value) : Number.NaN;
	if (!Number.isSafeInteger(n) || n < min || n > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
		throw parameterError(
			node,
			`${label} must be a whole number ${range}, got ${describeValue(value)}`,
			itemIndex,
			value === undefined ? `If "${label}" is set by an expression, the field it reads may be missing from this item.` : undefined,
		);
	}
	return n;
}

/** A number parameter's value: a finite number or numeric text, within the field's own bounds. */
export function finiteNumber(
	node: INode,
	value: unknown,
	label: string,
	itemIndex: number,
	bounds: { min?: number; max?: number } = {},
): number {
	const n = typeof value === 'number' || typeof value === 'string' ? numberOf(value) : Number.NaN;
	const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE } = bounds;
	if (!Number.isFinite(n) || n < min || n > max) {
		const range =
			bounds.min !== undefined && bounds.max !== undefined
				? ` from ${min} to ${max}`
				: bounds.min !== undefined
					? ` of ${min} or more`
					: bounds.max !== undefined
						? ` of at most ${max}`
						: '';
		throw parameterError(node, `${label} must be a number${range}, got ${describeValue(value)}`, itemIndex);
	}
	return n;
}

/**
 * A boolean switch: true/false, or the text "true"/"false" an expression may give. Anything else
 * is refused: JavaScript would read "no" or "false" as true (Return All: every record).
 */
export function booleanOf(node: INode, value: unknown, label: string, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	throw parameterError(node, `${label} must be true or false, got ${describeValue(value)}`, itemIndex);
}
