import { NodeApiError, sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions, JsonObject } from 'n8n-workflow';

import { MAX_READS_AT_ONCE } from './credentialFields';
import { apiError, itemTimeLimitError, networkError, redirectError } from './errors';
import { pacerFor } from './pacer';
import { nodeOf, perContext } from './perContext';
import type { Pacer } from './pacer';
import { credentialForms, redactDeep, redactError, redactText, secretForms } from './redact';
import {
	RETRY_DEFAULTS,
	headerValue,
	isIdempotent,
	isRetryableStatus,
	isTimeoutCode,
	isUnreachableCode,
	networkErrorCode,
	retryDelay,
	serverDelay,
} from './retry';
import type { ApiRequest, ApiResponse, HeaderMap, ProviderConfig, RequestContext } from './types';

const DEFAULT_TIMEOUT_MS = 30_000;
/** Every request of one input item together, unless the credential or provider says otherwise. */
const DEFAULT_ITEM_TIME_LIMIT_MS = 15 * 60_000;
/** Same-origin redirects followed for one request before giving up. */
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface RequestOptions {
	itemIndex?: number;
	/** Message for a 404 (e.g. names the missing ID). */
	notFound?: string;
	/** Longest single wait for a rate-limit reset before giving up (overrides the provider's). */
	maxWaitMs?: number;
}

interface FullResponse {
	statusCode: number;
	headers: HeaderMap;
	body: unknown;
}

export function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return url;
	}
}

/**
 * The request's deadline in ms: the credential's Timeout when set (the user's choice for this
 * server), else the call's own, else the provider's, else 30 s.
 */
export function timeoutFor(credentials: IDataObject, provider: ProviderConfig, requestTimeoutMs?: number): number {
	const seconds = Number(credentials.timeoutSeconds);
	if (Number.isFinite(seconds) && seconds > 0) return Math.round(seconds * 1000);
	return requestTimeoutMs ?? provider.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/**
 * How long all requests of one input item may take together (retries, rate-limit waits, every page of
 * a Return All): the credential's Time Limit per Item when set, else the provider's, else 15 minutes.
 * A provider with `itemTimeLimitMs: 0` has none (Saveris: its export's own Timeout bounds the wait).
 */
export function itemTimeLimitMs(credentials: IDataObject, provider: ProviderConfig): number | undefined {
	const minutes = Number(credentials.itemTimeLimitMinutes);
	if (Number.isFinite(minutes) && minutes > 0) return Math.round(minutes * 60_000);
	const limit = provider.itemTimeLimitMs ?? DEFAULT_ITEM_TIME_LIMIT_MS;
	return limit > 0 ? limit : undefined;
}

/**
 * How many reads one node run keeps in flight: the credential's Reads at Once when set (at most
 * MAX_READS_AT_ONCE), else the provider's `readConcurrency`. Only credentials that offer the field
 * (readsAtOnceField) can set it.
 */
export function readsAtOnce(credentials: IDataObject, provider: ProviderConfig): number | undefined {
	const reads = Number(credentials.readsAtOnce);
	if (Number.isFinite(reads) && reads >= 1) return Math.min(Math.floor(reads), MAX_READS_AT_ONCE);
	return provider.readConcurrency;
}

// When each input item's time is up, per execution context: set by the item's first request.
const itemDeadlines = perContext<number, { at: number; limitMs: number; requests: number }>();

function itemBudget(ctx: object, itemIndex: number | undefined, limitMs: number | undefined) {
	if (itemIndex === undefined || limitMs === undefined) return undefined;
	const byItem = itemDeadlines(ctx);
	let budget = byItem.get(itemIndex);
	if (!budget) {
		budget = { at: Date.now() + limitMs, limitMs, requests: 0 };
		byItem.set(itemIndex, budget);
	}
	return budget;
}

/** What a request that outlived its deadline throws (classified as a timeout by `networkErrorCode`). */
class DeadlineError extends Error {
	readonly code = 'ETIMEDOUT';
}

/**
 * Why a deadline's timer is stopped once the exchange is over. One shared reason: aborting without
 * one makes a new DOMException (stack trace and all) for every request, which n8n's `sleep` then
 * rejects with; that was a twentieth of a Get's own cost in a profile of n8n 2.41 over 1,000 items.
 */
const ANSWERED = new Error('The exchange ended before its deadline');

/**
 * Runs one exchange under a total deadline. n8n's own `timeout` is an idle timeout (a server that
 * trickles a byte now and then never hits it), so the deadline races the whole exchange. The
 * request is also handed an abort signal: n8n aborts the connection with it where its helper
 * passes the signal on (unauthenticated requests; n8n 2.x replaces it with the execution's own
 * signal on authenticated ones, which then end at n8n's idle timeout or when the server stops).
 * `discard` cleans up an answer that arrives after the deadline (an open download stream).
 */
export async function withDeadline<T>(
	send: (signal: AbortSignal) => Promise<T>,
	timeoutMs: number,
	discard?: (late: T) => void,
): Promise<T> {
	const request = new AbortController();
	const timer = new AbortController();
	const work = send(request.signal);
	const expired = sleep(timeoutMs, timer.signal).then(
		() => true,
		() => false,
	);
	try {
		const winner = await Promise.race([work.then((value) => ({ value })), expired]);
		if (winner === true || winner === false) {
			request.abort();
			work.then((late) => discard?.(late)).catch(() => undefined);
			throw new DeadlineError(`No complete answer within ${timeoutMs} ms`);
		}
		return winner.value;
	} finally {
		timer.abort(ANSWERED);
	}
}

// Origins that timed out or refused the connection, per execution context: the next items of the
// same run fail at once with the same error instead of each paying the timeout (or the retries)
// again against a server that is down.
const failedOrigins = perContext<string, string>();

export function rememberFailedOrigin(ctx: object, origin: string, code: string): void {
	failedOrigins(ctx).set(origin, code);
}

export function failedOriginCode(ctx: object, origin: string): string | undefined {
	return failedOrigins(ctx).get(origin);
}

/** The absolute target of a redirect answer, or undefined when it is none (or its Location is unusable). */
export function redirectLocation(statusCode: number, headers: HeaderMap | undefined, from: string): URL | undefined {
	if (!REDIRECT_STATUSES.has(statusCode) || !headers) return undefined;
	const location = headerValue(headers, 'location');
	if (location === undefined || location.trim() === '') return undefined;
	try {
		return new URL(location.trim(), from);
	} catch {
		return undefined;
	}
}

// n8n decrypts a credential on every getCredentials (n8n 2.x also reads it from its database first),
// and every request of one execution uses the same one: read once per execution context, and handed
// to n8n's helper, which would otherwise read it again for every request it authenticates.
const credentialsRead = perContext<string, Promise<ICredentialDataDecryptedObject>>();

export async function credentialsOf(ctx: RequestContext, type: string): Promise<ICredentialDataDecryptedObject> {
	const byType = credentialsRead(ctx);
	let read = byType.get(type);
	if (!read) {
		read = ctx.getCredentials(type);
		byType.set(type, read);
		// A failed read is not kept: the next request asks again (and reports its own error).
		read.catch(() => byType?.delete(type));
	}
	return await read;
}

function credentialKey(ctx: RequestContext, provider: ProviderConfig, baseUrl: string): string {
	const id = nodeOf(ctx).credentials?.[provider.credentialType]?.id ?? '';
	return `${provider.credentialType}|${id}|${baseUrl}`;
}

/**
 * What the server says is left of its window. Trusted only when its X-RateLimit-Limit is the documented
 * limit: a header about another budget (per second, per day) would pace against the wrong window.
 */
function observeRateHeaders(pacer: Pacer, provider: ProviderConfig, headers: HeaderMap): void {
	const remaining = headerValue(headers, 'x-ratelimit-remaining');
	const limit = headerValue(headers, 'x-ratelimit-limit');
	if (remaining === undefined || limit === undefined || !/^\d+$/.test(remaining.trim())) return;
	if (Number(limit) !== provider.rateLimit?.requests) return;
	const now = Date.now();
	const resetIn = provider.resetDelayMs?.(headers, now);
	pacer.observeRemaining(Number(remaining), resetIn === undefined ? undefined : now + resetIn);
}

/**
 * The one way this package talks HTTP: n8n's own authenticated request helper, plus pacing under
 * the provider's rate limit, a timeout on every call, and retries that honour what the server asks.
 */
export async function apiRequest(
	this: RequestContext,
	provider: ProviderConfig,
	request: ApiRequest,
	options: RequestOptions = {},
): Promise<ApiResponse> {
	const credentials = await credentialsOf(this, provider.credentialType);
	// Handed to n8n's helper with every attempt, so that it does not read the credential again.
	const credentialsDecrypted = { id: nodeOf(this).credentials?.[provider.credentialType]?.id ?? '', name: '', type: provider.credentialType, data: credentials };
	const baseUrl = provider.baseUrl(credentials);
	const url = request.url ?? `${baseUrl}${request.path ?? ''}`;
	if (request.url && originOf(request.url) !== originOf(baseUrl)) {
		// A next-page link is followed with the credential attached: never towards another host.
		const message = `${provider.displayName} returned a link to another host; it was not followed`;
		throw new NodeApiError(this.getNode(), { message } as JsonObject, {
			message,
			description: `Expected a link below ${originOf(baseUrl)}. Check the Base URL in the credential.`,
			itemIndex: options.itemIndex,
		});
	}
	const maxAttempts = provider.maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
	const maxWaitMs = options.maxWaitMs ?? provider.maxWaitMs ?? RETRY_DEFAULTS.maxWaitMs;
	const pacer = provider.rateLimit
		? pacerFor(credentialKey(this, provider, baseUrl), provider.rateLimit.requests, provider.rateLimit.perMs)
		: undefined;

	const timeoutMs = timeoutFor(credentials, provider, request.timeoutMs);
	const budget = itemBudget(this, options.itemIndex, itemTimeLimitMs(credentials, provider));
	const outOfTime = () => itemTimeLimitError(this.getNode(), provider, budget?.limitMs ?? 0, budget?.requests ?? 0, options.itemIndex);
	/** Whether waiting `ms` more would end past the item's limit. */
	const wouldOverrun = (ms: number) => budget !== undefined && Date.now() + ms >= budget.at;
	const httpOptions: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		body: request.body,
		headers: { ...provider.headers, ...request.headers },
		json: request.encoding === undefined,
		...(request.encoding ? { encoding: request.encoding } : {}),
		// Arrays as repeated keys (`q[]=a&q[]=b`); n8n's default would number them (`q[][0]=a`).
		arrayFormat: 'repeat',
		timeout: timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Redirects are followed here, same origin only: n8n's helper would re-send the credential to
		// any host (n8n 2.x: unless `sendCredentialsOnCrossOriginRedirect` is false; n8n 1.x: always).
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	// Where the request goes; a same-origin redirect changes it (303, or 301/302 after a write, become a GET).
	let target: Pick<IHttpRequestOptions, 'method' | 'url' | 'qs' | 'body'> = { method: request.method, url, qs: request.qs, body: request.body };
	let redirects = 0;
	let rateLimitWaits = 0;
	const started = Date.now();

	const credentialSecretForms = credentialForms(credentials);
	let forms = credentialSecretForms;
	let sessionRefreshed = false;
	let sessionHeaders: Record<string, string> = {};
	const useSession = async (refresh: boolean) => {
		sessionHeaders = provider.session ? await provider.session.headers(this, credentials, baseUrl, refresh) : {};
		// The session token is as secret as the credential: a server echoing it is redacted too.
		const tokens = Object.values(sessionHeaders).map((v) => v.replace(/^(Bearer|Token)\s+/i, ''));
		forms = tokens.length ? [...credentialSecretForms, ...secretForms(tokens)].sort((a, b) => b.length - a.length) : credentialSecretForms;
	};
	if (provider.session) await useSession(false);
	for (let attempt = 1; ; attempt++) {
		const origin = originOf(target.url);
		const failedBefore = failedOriginCode(this, origin);
		if (failedBefore) {
			throw networkError(this.getNode(), provider, failedBefore, 0, options.itemIndex, { earlier: true });
		}
		if (wouldOverrun(0)) throw outOfTime();
		const reserved = pacer ? await pacer.acquire() : undefined;
		if (reserved && wouldOverrun(reserved.wait)) {
			pacer?.settle(reserved.slot);
			throw outOfTime();
		}
		// A timer may fire a millisecond or two before its time (it counts from the event loop's cached
		// clock): sleep again until the slot is really due, or the log's promise is broken.
		for (let wait = reserved?.wait ?? 0; reserved && wait > 0; wait = reserved.slot.at - Date.now()) await sleep(wait);
		// The exchange gets the request's Timeout, or what is left of the item's limit if that is less.
		const leftMs = budget ? budget.at - Date.now() : Number.POSITIVE_INFINITY;
		const clipped = leftMs < timeoutMs;
		if (budget) budget.requests++;
		let response: FullResponse;
		try {
			response = await withDeadline(
				async (abortSignal) =>
					(await this.helpers.httpRequestWithAuthentication.call(
						this,
						provider.credentialType,
						// Each attempt gets its own copy: n8n's helper mutates the options it is given.
						{ ...httpOptions, ...target, headers: { ...httpOptions.headers, ...sessionHeaders }, abortSignal },
						{ credentialsDecrypted },
					)) as FullResponse,
				clipped ? Math.max(1, leftMs) : timeoutMs,
			);
			if (reserved) pacer?.settle(reserved.slot);
		} catch (error) {
			if (reserved) pacer?.settle(reserved.slot);
			// The item's limit ran out during the exchange: that says nothing about the server.
			if (clipped && error instanceof DeadlineError) throw outOfTime();
			const code = networkErrorCode(error);
			// n8n's helper already wrapped anything else as a NodeApiError; wrapping hands it back as is.
			if (code === undefined) throw redactError(new NodeApiError(this.getNode(), error as JsonObject), forms);
			if (isTimeoutCode(code) || isUnreachableCode(code)) {
				// The server had its whole deadline, or nothing listens: trying again only multiplies the wait.
				rememberFailedOrigin(this, origin, code);
				throw networkError(this.getNode(), provider, code, attempt, options.itemIndex, { timeoutMs });
			}
			const delay = retryDelay({ attempt, now: Date.now() });
			// A dropped connection is tried again, within the request's own deadline.
			if (attempt < maxAttempts && isIdempotent(target.method ?? 'GET') && Date.now() - started + delay < timeoutMs) {
				if (wouldOverrun(delay)) throw outOfTime();
				await sleep(delay);
				continue;
			}
			throw networkError(this.getNode(), provider, code, attempt, options.itemIndex, { timeoutMs });
		}

		const { statusCode, headers } = response;
		// Whatever the server says from here on may echo the credential: redacted before anyone reads it.
		const body = redactDeep(response.body, forms);
		if (pacer && headers) observeRateHeaders(pacer, provider, headers);
		const next = redirectLocation(statusCode, headers, target.url);
		if (next) {
			if (next.origin !== originOf(baseUrl)) {
				throw redirectError(this.getNode(), provider, statusCode, originOf(baseUrl), redactText(next.origin, forms), options.itemIndex);
			}
			if (++redirects > MAX_REDIRECTS) {
				throw apiError(this.getNode(), provider, statusCode, undefined, {
					itemIndex: options.itemIndex,
					hint: `More than ${MAX_REDIRECTS} redirects; the last went to ${redactText(next.pathname, forms)}.`,
				});
			}
			const toGet = statusCode === 303 || ((statusCode === 301 || statusCode === 302) && target.method !== 'GET' && target.method !== 'HEAD');
			// The Location holds the whole query: the original one is not added again.
			target = toGet ? { method: 'GET', url: next.href } : { ...target, url: next.href, qs: undefined };
			attempt--;
			continue;
		}
		if (statusCode >= 200 && statusCode < 300) {
			return { statusCode, headers: headers ?? {}, body };
		}
		if (provider.session && !sessionRefreshed && provider.session.isExpired(statusCode, body)) {
			// The session token was refused: log in again and send this request once more.
			sessionRefreshed = true;
			await useSession(true);
			attempt--;
			continue;
		}
		// A 429 naming its reset, under a pacer: the window was spent by another process with this key
		// (the pacer never overruns it alone). Waited out without using up the request's attempts, up to
		// a bound of its own: otherwise the process that reaches the server later after each reset loses
		// every window to the other and its items fail (retry.ts `maxRateLimitWaits`).
		const scheduled = statusCode === 429 && pacer !== undefined && serverDelay(headers, Date.now(), provider.resetDelayMs) !== undefined;
		if (scheduled && attempt >= maxAttempts && rateLimitWaits < RETRY_DEFAULTS.maxRateLimitWaits) {
			rateLimitWaits++;
			attempt--;
		}
		if (isRetryableStatus(statusCode, target.method ?? 'GET') && attempt < maxAttempts) {
			const now = Date.now();
			const delay = retryDelay({ attempt, headers, now, providerReset: provider.resetDelayMs });
			if (delay > maxWaitMs) {
				throw apiError(this.getNode(), provider, statusCode, body, {
					itemIndex: options.itemIndex,
					hint: `The service asks to wait ${Math.ceil(delay / 1000)} s, longer than the ${Math.ceil(maxWaitMs / 1000)} s this node waits. Run again later or space out the runs.`,
				});
			}
			if (statusCode === 429) pacer?.blockUntil(now + delay);
			if (wouldOverrun(delay)) throw outOfTime();
			await sleep(delay);
			continue;
		}
		throw apiError(this.getNode(), provider, statusCode, body, {
			itemIndex: options.itemIndex,
			notFound: options.notFound,
			hint: attempt + rateLimitWaits > 1 ? `Gave up after ${attempt + rateLimitWaits} attempts.` : undefined,
		});
	}
}

/** Shortcut when only the body matters. */
export async function apiRequestBody(
	this: RequestContext,
	provider: ProviderConfig,
	request: ApiRequest,
	options?: RequestOptions,
): Promise<unknown> {
	return (await apiRequest.call(this, provider, request, options)).body;
}
