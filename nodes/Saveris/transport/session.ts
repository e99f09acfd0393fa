import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions, JsonObject } from 'n8n-workflow';

import { withDeadline } from '../../shared/http';
import { redactText, secretForms } from '../../shared/redact';
import { isTimeoutCode, networkErrorCode } from '../../shared/retry';
import type { RequestContext } from '../../shared/types';

/** Log in again this long before the token's `exp`, so a request never leaves with a dying token. */
export const TOKEN_MARGIN_MS = 60_000;
/** testo's OpenAPI document: "idToken (default expiry 60 minutes)"; used only when a token carries no readable `exp`. */
export const FALLBACK_LIFETIME_MS = 55 * 60_000;

interface CachedToken {
	token: string;
	/** When to stop using it (exp minus the margin), ms since the epoch. */
	useUntil: number;
}

// One token per credential, base URL and user for the life of the process; never logged or output.
const cache = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<CachedToken>>();

/** Tests: forget every token (what a process restart does). */
export function resetTokenCache(): void {
	cache.clear();
	inFlight.clear();
}

/** The `exp` claim of a JWT in ms, or undefined when the token is not a readable JWT. */
export function jwtExpiryMs(token: string): number | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown };
		return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : undefined;
	} catch {
		return undefined;
	}
}

export function useUntil(token: string, now: number): number {
	const exp = jwtExpiryMs(token);
	if (exp === undefined) return now + FALLBACK_LIFETIME_MS;
	return Math.max(now, exp - TOKEN_MARGIN_MS);
}

/** `{"IdToken": …}` per the mapping template in testo's OpenAPI document; its prose says `idToken`, so both are read. */
export function tokenFromBody(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const b = body as Record<string, unknown>;
	const token = b.IdToken ?? b.idToken;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

/** A body as an object, also when it arrived as JSON text (problem+json is not always parsed). */
export function bodyObject(body: unknown): Record<string, unknown> | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text.startsWith('{')) return undefined;
		try {
			return JSON.parse(text) as Record<string, unknown>;
		} catch {
			return undefined;
		}
	}
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** The first of `keys` whose value is non-blank text, trimmed. */
export function firstText(b: Record<string, unknown>, keys: string[]): string | undefined {
	for (const key of keys) {
		if (typeof b[key] === 'string' && (b[key] as string).trim() !== '') return (b[key] as string).trim();
	}
	return undefined;
}

/** The message of a failed login (`{"Status":"Error","Message":…}`), or undefined. */
export function loginErrorMessage(body: unknown): string | undefined {
	const b = bodyObject(body);
	return b && firstText(b, ['Message', 'message', 'detail', 'title']);
}

interface LoginAnswer {
	statusCode: number;
	body: unknown;
}

/**
 * A request that carries no Saveris token (the login itself, a pre-signed result file), so it does
 * not go through the API path: n8n's own request helper, the full answer whatever its status,
 * redirects never followed (the caller decides where one may go: the login nowhere, since its body
 * holds the password; a download only where its link could), and a total deadline, since n8n's
 * `timeout` is only an idle timeout.
 */
export async function tokenlessRequest<T>(
	ctx: RequestContext,
	options: IHttpRequestOptions,
	deadlineMs: number,
	discardLate?: (late: T) => void,
): Promise<T> {
	return await withDeadline(
		async (abortSignal) =>
			(await ctx.helpers.httpRequest({ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true, disableFollowRedirect: true, abortSignal })) as T,
		deadlineMs,
		discardLate,
	);
}

async function login(ctx: RequestContext, baseUrl: string, username: string, password: string, timeoutMs: number): Promise<CachedToken> {
	// A server that echoes the login back must not get the password into a message.
	const forms = secretForms([password], username);
	let answer: LoginAnswer;
	try {
		answer = await tokenlessRequest<LoginAnswer>(
			ctx,
			{ method: 'POST', url: `${baseUrl}/v1/token`, body: { username, password }, json: true, timeout: timeoutMs },
			timeoutMs,
		);
	} catch (error) {
		const code = networkErrorCode(error);
		const message = code && isTimeoutCode(code) ? 'The Saveris token endpoint did not answer in time' : 'Could not reach the Saveris token endpoint';
		const reason = code ? `Network error (${code})` : redactText(String((error as Error).message ?? 'Network error'), forms);
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message,
			description: `${reason}. Check the region, environment and base URL in the credential.`,
		});
	}
	if (answer.statusCode >= 300 && answer.statusCode < 400) {
		const message = `Saveris login answered with a redirect (HTTP ${answer.statusCode}); it was not followed`;
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message,
			description: 'The login posts the username and password, so it goes only to the token endpoint of the Base URL itself. Check the region, environment and base URL in the credential.',
			httpCode: String(answer.statusCode),
		});
	}
	const token = answer.statusCode >= 200 && answer.statusCode < 300 ? tokenFromBody(answer.body) : undefined;
	if (!token) {
		const rawText = loginErrorMessage(answer.body);
		const providerText = rawText === undefined ? undefined : redactText(rawText, forms);
		const message =
			answer.statusCode === 400 || answer.statusCode === 401
				? `Saveris refused the login: ${providerText ?? 'invalid username or password'}`
				: `Saveris login failed (HTTP ${answer.statusCode})${providerText ? `: ${providerText}` : ''}`;
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message,
			description: 'Check the username, password, region and environment in the Saveris credential.',
			httpCode: String(answer.statusCode),
		});
	}
	return { token, useUntil: useUntil(token, Date.now()) };
}

/**
 * A bearer token for this credential: the cached one while it is good, else a fresh login.
 * `refresh` forces a new login (after a 401 or a 403 "expired" answer). Concurrent callers share
 * one login.
 */
export async function bearerToken(
	ctx: RequestContext,
	credentials: IDataObject,
	baseUrl: string,
	refresh: boolean,
	timeoutMs = 30_000,
): Promise<string> {
	const username = String(credentials.username ?? '');
	const password = String(credentials.password ?? '');
	const id = ctx.getNode().credentials?.saverisApi?.id ?? '';
	const key = `${id}|${baseUrl}|${username}`;
	if (refresh) cache.delete(key);
	const cached = cache.get(key);
	if (cached && cached.useUntil > Date.now()) return cached.token;
	let pending = inFlight.get(key);
	if (!pending) {
		pending = login(ctx, baseUrl, username, password, timeoutMs);
		inFlight.set(key, pending);
	}
	try {
		const fresh = await pending;
		cache.set(key, fresh);
		return fresh.token;
	} finally {
		inFlight.delete(key);
	}
}
