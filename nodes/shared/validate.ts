import type { INode } from 'n8n-workflow';

import { parameterError } from './errors';

/** A required text parameter, trimmed; empty or whitespace is refused before any request. */
export function requireText(node: INode, value: unknown, label: string, itemIndex: number): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') {
		throw parameterError(node, `${label} is empty`, itemIndex, `Enter a value for "${label}".`);
	}
	return text;
}

/**
 * Fills {placeholders} of a documented path with encoded values. "." and ".." are refused because
 * URL normalisation would turn them into another route rather than an ID.
 */
export function pathWith(
	node: INode,
	template: string,
	values: Record<string, string>,
	itemIndex: number,
): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = values[name];
		if (value === undefined) {
			throw parameterError(node, `Missing value for "${name}" in ${template}`, itemIndex);
		}
		if (value === '.' || value === '..') {
			throw parameterError(node, `"${value}" is not a valid ${name}`, itemIndex);
		}
		return encodeURIComponent(value);
	});
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
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(n) || n < min || n > max) {
		throw parameterError(node, `${label} must be a number from ${min} to ${max}`, itemIndex, `Got "${String(value)}".`);
	}
	return n;
}

/** JSON typed into a field: objects and arrays pass through, text is parsed with a clear error. */
export function parseJsonValue(node: INode, value: unknown, label: string, itemIndex: number): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch (error) {
		throw parameterError(node, `${label} is not valid JSON`, itemIndex, (error as Error).message);
	}
}
