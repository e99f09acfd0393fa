import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { cappedText, containsInOrder } from '../../shared/serverText';

/**
 * The envelope: XtraKit wraps every answer in `{ status, message, data }` (docs.xtrakit.com, every
 * endpoint page's sample response): `status` is "the HTTP status code indicating a status
 * operation", `data` holds the payload under a named key (`customers`, `customer`,
 * `item-categories`, …). The docs' introduction lists 200/201/204 for success and
 * 400/401/402/404/500 for failures but no page shows an error body; the node therefore reads the
 * envelope of every answer, whatever the HTTP status, and a 2xx whose envelope says failure is a failure.
 */
export interface Envelope {
	status?: unknown;
	message?: unknown;
	data?: unknown;
}

export function isEnvelope(body: unknown): body is Envelope {
	return (
		body !== null &&
		typeof body === 'object' &&
		!Array.isArray(body) &&
		'status' in body &&
		('message' in body || 'data' in body)
	);
}

export type Verdict = { ok: true } | { ok: false; code?: number };

/** What an envelope's `status` says. Numbers are HTTP codes (0 and 400+ fail); words are read too. */
export function envelopeVerdict(status: unknown): Verdict {
	if (status === undefined || status === null || status === true) return { ok: true };
	if (status === false) return { ok: false };
	// Short texts only: a status is a code or a word, and no pattern runs over a long server text.
	const word = typeof status === 'string' && status.length <= 32 ? status.trim() : undefined;
	const numeric = typeof status === 'number' ? status : word !== undefined && /^\d{1,6}$/.test(word) ? Number(word) : undefined;
	if (numeric !== undefined) {
		if (numeric >= 400 && numeric <= 599) return { ok: false, code: numeric };
		return numeric === 0 || numeric >= 600 ? { ok: false } : { ok: true };
	}
	if (word !== undefined && /^(error|errors|fail|failed|failure|false|ko)$/i.test(word)) {
		return { ok: false };
	}
	return { ok: true };
}

function flattenErrors(errors: unknown): string[] {
	if (typeof errors === 'string') return [errors];
	if (Array.isArray(errors)) return errors.flatMap((e) => flattenErrors(e));
	if (errors && typeof errors === 'object') return Object.values(errors).flatMap((e) => flattenErrors(e));
	return [];
}

/**
 * A Laravel summary without its "(and 2 more errors)" tail. Plain string operations rather than
 * `/\s*\(and \d+ more errors?\)\s*$/`, whose cost grows with the square of the text: a 50 KB
 * message blocked the event loop for seconds.
 */
export function withoutMoreErrors(text: string): string {
	const trimmed = text.trimEnd();
	if (!trimmed.endsWith(')')) return text;
	const open = trimmed.lastIndexOf('(and ');
	if (open === -1) return text;
	// What is between the parentheses is short when it is Laravel's tail; the pattern is anchored and bounded.
	const inner = cappedText(trimmed.slice(open + 5, -1), 40);
	if (!/^\d{1,15} more errors?$/.test(inner)) return text;
	return trimmed.slice(0, open).trimEnd();
}

/** The envelope's message, plus validation details (Laravel-style `errors`) that it does not already say. */
export function envelopeMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as IDataObject;
	const base = typeof b.message === 'string' && b.message.trim() !== '' ? b.message.trim() : undefined;
	const data = b.data && typeof b.data === 'object' ? (b.data as IDataObject) : undefined;
	const details = [...new Set(flattenErrors(b.errors ?? data?.errors).map((e) => e.trim()))].filter(
		(e) => e !== '' && e !== base,
	);
	if (!base && details.length === 0) return undefined;
	if (details.length === 0) return base;
	// Laravel's summary reads "The x field is required. (and 2 more errors)": the details say which.
	const summary = base === undefined ? undefined : withoutMoreErrors(base);
	return [summary, ...details.filter((d) => d !== summary)].filter(Boolean).join(' ');
}

export const PLAN_MESSAGE = 'Payment required: the XtraKit plan of this account does not include API access, or it has lapsed';

/** 402, whatever XtraKit wrote: say what it means, keep XtraKit's own words after it. */
export function planMessage(text: string | undefined): string {
	if (!text || (text.length <= 64 && /^payment required\.?$/i.test(text.trim()))) return PLAN_MESSAGE;
	return `${PLAN_MESSAGE} (XtraKit says: ${text})`;
}

/**
 * XtraKit's answer for a path it has no route for ("Route not found"; Laravel's own wording is "The
 * route … could not be found"): almost always a Base URL without /api/v1. Plain string tests over a
 * capped text.
 */
export function isMissingRoute(text: string): boolean {
	const t = cappedText(text).trim().toLowerCase();
	return t.startsWith('route not found') || containsInOrder(t, 'the route ', ' could not be found');
}

export const MISSING_ROUTE_HINT = 'XtraKit\'s API lives below /api/v1, e.g. https://api.xtrakit.com/api/v1 (or https://app.xtrakit.com/api/v1 for older accounts).';

const STATUS_HINT: Record<number, string> = {
	401: 'Check that the credential holds a current API key (XtraKit › Settings › APIs).',
	402: 'Renew or upgrade the XtraKit plan, then run again.',
};

/** The error for a success HTTP answer whose envelope says the request failed. */
export function envelopeFailure(
	node: INode,
	body: Envelope,
	verdict: { code?: number },
	options: { itemIndex?: number; notFound?: string; httpStatus?: number } = {},
): NodeApiError {
	const text = envelopeMessage(body);
	const code = verdict.code;
	const routeMissing = code === 404 && text !== undefined && isMissingRoute(text);
	let message: string;
	if (routeMissing) message = `XtraKit has no such route: ${text}`;
	else if (code === 404 && options.notFound) message = options.notFound;
	else if (code === 402) message = planMessage(text);
	else message = text ?? 'XtraKit reported a failure without a message';
	const fullMessage = code ? `${message} (status ${code})` : message;
	const parts = [
		`XtraKit answered HTTP ${options.httpStatus ?? 200}, but the response says the request failed${code ? ` (status ${code})` : ''}.`,
	];
	if (text && text !== message && code !== 402) parts.push(`Message: ${text}`);
	if (code && STATUS_HINT[code]) parts.push(STATUS_HINT[code]);
	if (routeMissing) parts.push(`Check the Base URL in the credential: ${MISSING_ROUTE_HINT}`);
	const description = parts.join(' ');
	const httpCode = String(code ?? options.httpStatus ?? 200);
	return new NodeApiError(node, { message: fullMessage, description, httpCode } as JsonObject, {
		message: fullMessage,
		description,
		httpCode,
		itemIndex: options.itemIndex,
	});
}

/** The envelope's `data` of a 2xx answer, or the error it carries. A body without an envelope is returned as is. */
export function openEnvelope(
	node: INode,
	body: unknown,
	options: { itemIndex?: number; notFound?: string; httpStatus?: number } = {},
): unknown {
	if (!isEnvelope(body)) return body;
	const verdict = envelopeVerdict(body.status);
	if (!verdict.ok) throw envelopeFailure(node, body, verdict, options);
	return body.data;
}

function unexpectedShape(node: INode, what: string, itemIndex?: number): NodeApiError {
	const message = `XtraKit answered with an unexpected shape: ${what}`;
	const description = 'The API may have changed. Please report this with the operation you ran.';
	return new NodeApiError(node, { message, description } as JsonObject, { message, description, itemIndex });
}

function isRecord(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * One record from an envelope's `data`: the value under `key` (`customer`, `sales`, …), with the
 * sibling payloads the same answer carries kept under their own names (`customer-group`,
 * `sales-item`). A one-element list is unwrapped; a bare record is accepted.
 */
export function recordFrom(node: INode, data: unknown, key: string, itemIndex?: number): IDataObject | undefined {
	if (data === undefined || data === null || data === '') return undefined;
	if (Array.isArray(data)) {
		if (data.length === 1 && isRecord(data[0])) return data[0];
		throw unexpectedShape(node, `expected one record, got a list of ${data.length}`, itemIndex);
	}
	if (!isRecord(data)) throw unexpectedShape(node, 'expected an object in "data"', itemIndex);
	let mainKey = key;
	let main: unknown = data[key];
	if (main === undefined) {
		if ('id' in data) return { ...data };
		const objects = Object.entries(data).filter(([, v]) => isRecord(v));
		if (objects.length !== 1) throw unexpectedShape(node, `no "${key}" in "data"`, itemIndex);
		[mainKey, main] = objects[0];
	}
	if (Array.isArray(main)) {
		if (main.length === 1 && isRecord(main[0])) main = main[0];
		else throw unexpectedShape(node, `expected one "${key}", got a list of ${main.length}`, itemIndex);
	}
	if (!isRecord(main)) return undefined;
	const record: IDataObject = { ...main };
	for (const [name, value] of Object.entries(data)) {
		if (name !== mainKey && !(name in record) && value !== null && typeof value === 'object') record[name] = value as IDataObject;
	}
	return record;
}

/** A Laravel-style paginator object standing where a list should be. */
function isPaginator(value: unknown): value is IDataObject & { data: IDataObject[] } {
	return isRecord(value) && Array.isArray(value.data) && ('current_page' in value || 'next_page_url' in value || 'per_page' in value);
}

/**
 * The records of a list answer's `data` (a paginator in place of the list gives its page's records).
 * `data.customers` is taken to be a list: the docs' list samples print one object followed by "…"
 * (only `item-categories` is printed as a real array), which reads as an artifact of the docs, so a
 * single object is still accepted as a one-record list. `null` means no records.
 */
export function listFrom(
	node: INode,
	data: unknown,
	key: string,
	itemIndex?: number,
): IDataObject[] {
	if (data === undefined || data === null) return [];
	if (Array.isArray(data)) return data as IDataObject[];
	if (!isRecord(data)) throw unexpectedShape(node, `expected a list of ${key}`, itemIndex);
	let value: unknown = data[key];
	if (value === undefined) {
		const lists = Object.entries(data).filter(([, v]) => Array.isArray(v) || isPaginator(v));
		if (lists.length === 1) value = lists[0][1];
		else if (Object.keys(data).length === 0) return [];
		else throw unexpectedShape(node, `no "${key}" list in "data"`, itemIndex);
	}
	if (value === null) return [];
	if (Array.isArray(value)) return value as IDataObject[];
	if (isPaginator(value)) return value.data;
	if (isRecord(value)) return [value];
	throw unexpectedShape(node, `expected a list at "${key}"`, itemIndex);
}
