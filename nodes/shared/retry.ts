import type { IHttpRequestMethods } from 'n8n-workflow';

import type { HeaderMap } from './types';

/** Defaults for every provider; a provider may override attempts and the longest wait. */
export const RETRY_DEFAULTS = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxBackoffMs: 30_000,
	maxWaitMs: 120_000,
	/**
	 * 429s that name when the window resets, on top of `maxAttempts`: the server scheduling a request
	 * while another process (an n8n worker, another instance) with the same key holds the window. Each
	 * wait is one window at most (`maxWaitMs` caps it) and fifteen of Cliniko's minutes fill the
	 * default item time limit, which bounds them all.
	 */
	maxRateLimitWaits: 15,
};

const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isIdempotent(method: IHttpRequestMethods | string): boolean {
	return IDEMPOTENT.has(method.toUpperCase());
}

/**
 * 429 and 503 mean the request was not processed, so any method may be sent again.
 * 502 and 504 come from a gateway that may have passed the request on: only safe to repeat
 * when repeating cannot create a second record.
 */
export function isRetryableStatus(statusCode: number, method: IHttpRequestMethods | string): boolean {
	if (statusCode === 429 || statusCode === 503) return true;
	if (statusCode === 502 || statusCode === 504) return isIdempotent(method);
	return false;
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_STREAM_PREMATURE_CLOSE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);
// Texts that stand for a code when an error carries none (n8n's own descriptive messages included:
// "The connection was aborted" is how n8n words axios' ECONNABORTED, which axios uses for its timeout).
const NETWORK_MESSAGES: Array<[RegExp, string]> = [
	[/ECONNREFUSED|refused the connection|connection refused/i, 'ECONNREFUSED'],
	[/timeout of \d+ms exceeded|timed out|ETIMEDOUT|ESOCKETTIMEDOUT/i, 'ETIMEDOUT'],
	[/ECONNABORTED|connection was aborted/i, 'ECONNABORTED'],
	[/socket hang up|aborted|premature close|unexpected end of json|ECONNRESET/i, 'ECONNRESET'],
];

interface ErrorLike {
	code?: unknown;
	message?: unknown;
	cause?: unknown;
	response?: unknown;
	httpCode?: unknown;
}

/**
 * Walks an error and its causes for a transport-level failure (no HTTP answer was read). A code
 * anywhere in the chain wins over a text: n8n wraps the cause in an error whose message is its own
 * wording ("The connection was aborted") of the code underneath.
 */
export function networkErrorCode(error: unknown): string | undefined {
	const chain: ErrorLike[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		chain.push(current as ErrorLike);
		current = (current as ErrorLike).cause;
	}
	for (const e of chain) if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
	for (const e of chain) {
		if (typeof e.message !== 'string') continue;
		const text = e.message.slice(0, 500);
		for (const [pattern, code] of NETWORK_MESSAGES) if (pattern.test(text)) return code;
	}
	return undefined;
}

/** The server did not answer within the deadline. */
export function isTimeoutCode(code: string): boolean {
	return code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ESOCKETTIMEDOUT' || code === 'ERR_SOCKET_CONNECTION_TIMEOUT';
}

/** Nothing listens at the address (or the name does not resolve): trying again at once cannot help. */
export function isUnreachableCode(code: string): boolean {
	return code === 'ECONNREFUSED' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH';
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
	const raw = Array.isArray(value) ? value[0] : value;
	if (raw === undefined || raw.trim() === '') return undefined;
	const trimmed = raw.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

export function headerValue(headers: HeaderMap, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const exp = Math.min(RETRY_DEFAULTS.maxBackoffMs, RETRY_DEFAULTS.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(exp / 2 + (exp / 2) * random());
}

/**
 * How long to wait before attempt `attempt + 1`: what the server asked for (Retry-After or the
 * provider's reset header, whichever is later), else exponential backoff.
 */
export function retryDelay(args: {
	attempt: number;
	headers?: HeaderMap;
	now: number;
	providerReset?: (headers: HeaderMap, now: number) => number | undefined;
	random?: () => number;
}): number {
	const { attempt, headers, now, providerReset, random } = args;
	return serverDelay(headers, now, providerReset) ?? backoffDelay(attempt, random);
}

/** What the server asked for (Retry-After or the provider's reset header, the later), if anything. */
export function serverDelay(
	headers: HeaderMap | undefined,
	now: number,
	providerReset?: (headers: HeaderMap, now: number) => number | undefined,
): number | undefined {
	const asked = [
		headers ? parseRetryAfter(headerValue(headers, 'retry-after'), now) : undefined,
		headers && providerReset ? providerReset(headers, now) : undefined,
	].filter((v): v is number => v !== undefined && Number.isFinite(v));
	// A small margin so we do not arrive a few milliseconds before the window opens.
	return asked.length > 0 ? Math.max(...asked) + 250 : undefined;
}
