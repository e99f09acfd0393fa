import { NodeApiError, sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, JsonObject } from 'n8n-workflow';

import { apiError, networkError } from './errors';
import { pacerFor } from './pacer';
import type { Pacer } from './pacer';
import { RETRY_DEFAULTS, headerValue, isIdempotent, isRetryableStatus, networkErrorCode, retryDelay } from './retry';
import type { ApiRequest, ApiResponse, HeaderMap, ProviderConfig, RequestContext } from './types';

const DEFAULT_TIMEOUT_MS = 30_000;

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

function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return url;
	}
}

// n8n decrypts a credential on every getCredentials (n8n 2.x also reads it from its database first),
// and every request of one execution uses the same one: read once per execution context. n8n's
// helper still reads it for itself to authenticate each request.
const credentialsRead = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

async function credentialsOf(ctx: RequestContext, type: string): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialsRead.get(ctx);
	if (!byType) {
		byType = new Map();
		credentialsRead.set(ctx, byType);
	}
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
	const id = ctx.getNode().credentials?.[provider.credentialType]?.id ?? '';
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
		timeout: request.timeoutMs ?? provider.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	let sessionRefreshed = false;
	let sessionHeaders = provider.session ? await provider.session.headers(this, credentials, baseUrl, false) : {};
	for (let attempt = 1; ; attempt++) {
		const reserved = pacer ? await pacer.acquire() : undefined;
		// A timer may fire a millisecond or two before its time (it counts from the event loop's cached
		// clock): sleep again until the slot is really due, or the log's promise is broken.
		for (let wait = reserved?.wait ?? 0; reserved && wait > 0; wait = reserved.slot.at - Date.now()) await sleep(wait);
		let response: FullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				provider.credentialType,
				// Each attempt gets its own copy: n8n's helper mutates the options it is given.
				{ ...httpOptions, headers: { ...httpOptions.headers, ...sessionHeaders } },
			)) as FullResponse;
			if (reserved) pacer?.settle(reserved.slot);
		} catch (error) {
			if (reserved) pacer?.settle(reserved.slot);
			const code = networkErrorCode(error);
			// n8n's helper already wrapped anything else as a NodeApiError; wrapping hands it back as is.
			if (code === undefined) throw new NodeApiError(this.getNode(), error as JsonObject);
			if (attempt < maxAttempts && isIdempotent(request.method)) {
				await sleep(retryDelay({ attempt, now: Date.now() }));
				continue;
			}
			throw networkError(this.getNode(), provider, code, attempt, options.itemIndex);
		}

		const { statusCode, headers } = response;
		if (pacer && headers) observeRateHeaders(pacer, provider, headers);
		if (statusCode >= 200 && statusCode < 300) {
			return { statusCode, headers: headers ?? {}, body: response.body };
		}
		if (provider.session && !sessionRefreshed && provider.session.isExpired(statusCode, response.body)) {
			// The session token was refused: log in again and send this request once more.
			sessionRefreshed = true;
			sessionHeaders = await provider.session.headers(this, credentials, baseUrl, true);
			attempt--;
			continue;
		}
		if (isRetryableStatus(statusCode, request.method) && attempt < maxAttempts) {
			const now = Date.now();
			const delay = retryDelay({ attempt, headers, now, providerReset: provider.resetDelayMs });
			if (delay > maxWaitMs) {
				throw apiError(this.getNode(), provider, statusCode, response.body, {
					itemIndex: options.itemIndex,
					hint: `The service asks to wait ${Math.ceil(delay / 1000)} s, longer than the ${Math.ceil(maxWaitMs / 1000)} s this node waits. Run again later or space out the runs.`,
				});
			}
			if (statusCode === 429) pacer?.blockUntil(now + delay);
			await sleep(delay);
			continue;
		}
		throw apiError(this.getNode(), provider, statusCode, response.body, {
			itemIndex: options.itemIndex,
			notFound: options.notFound,
			hint: attempt > 1 ? `Gave up after ${attempt} attempts.` : undefined,
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
