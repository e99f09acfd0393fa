import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { isTimeoutCode, isUnreachableCode } from './retry';
import { cappedText } from './serverText';
import type { ProviderConfig } from './types';

const STATUS_TEXT: Record<number, string> = {
	400: 'The request was rejected as invalid',
	401: 'Authorization failed: check the API key or token in the credential',
	402: 'Payment required: the account plan does not include API access',
	403: 'Access forbidden: the credential may not use this operation',
	404: 'The requested record or route was not found',
	405: 'The API does not allow this method on this route',
	409: 'The request conflicts with the current state of the record',
	422: 'The data sent was not accepted',
	429: 'Rate limit reached: too many requests',
	500: 'The service had an internal error',
	502: 'The service could not be reached (bad gateway)',
	503: 'The service is temporarily unavailable',
	504: 'The service took too long to answer (gateway timeout)',
};

/** Finds a human message in the common error body shapes, for providers without their own rule. */
export function genericErrorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		// An HTML error page says nothing useful to a workflow author.
		if (text === '' || text.startsWith('<')) return undefined;
		return text.length > 500 ? `${text.slice(0, 500)}…` : text;
	}
	if (!body || typeof body !== 'object') return undefined;
	const b = body as Record<string, unknown>;
	for (const key of ['message', 'Message', 'error_description', 'detail', 'title', 'error']) {
		const value = b[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (value && typeof value === 'object') {
			const nested = genericErrorMessage(value);
			if (nested) return nested;
		}
	}
	return undefined;
}

/** A NodeApiError built only from what is safe to show: the provider's text, status and hint. */
export function apiError(
	node: INode,
	provider: ProviderConfig,
	statusCode: number,
	body: unknown,
	options: { itemIndex?: number; notFound?: string; hint?: string } = {},
): NodeApiError {
	const providerText = provider.errorMessage?.(body, statusCode) ?? genericErrorMessage(body);
	const routeMissing = statusCode === 404 && providerText !== undefined && provider.missingRoute?.test(cappedText(providerText)) === true;
	let message: string;
	if (routeMissing) {
		message = `${provider.displayName} has no such route: ${providerText}`;
	} else if (statusCode === 404 && options.notFound) {
		message = options.notFound;
	} else {
		message = providerText ?? STATUS_TEXT[statusCode] ?? `Request failed`;
	}
	const parts = [`${provider.displayName} answered HTTP ${statusCode}.`];
	if (providerText && providerText !== message) parts.push(`Message: ${providerText}`);
	if (statusCode === 401) parts.push('Check that the credential holds a current key for this account.');
	if (routeMissing) parts.push(`Check the Base URL in the credential: ${provider.missingRoute?.hint}`);
	if (options.hint) parts.push(options.hint);
	const description = parts.join(' ');
	const fullMessage = `${message} (HTTP ${statusCode})`;
	const response: JsonObject = { message: fullMessage, description, httpCode: String(statusCode) };
	return new NodeApiError(node, response, {
		message: fullMessage,
		description,
		httpCode: String(statusCode),
		itemIndex: options.itemIndex,
	});
}

/** No answer was read (refused, timeout, reset): say so without echoing the request, which holds headers. */
export function networkError(
	node: INode,
	provider: ProviderConfig,
	code: string,
	attempts: number,
	itemIndex?: number,
	details: { timeoutMs?: number; earlier?: boolean } = {},
): NodeApiError {
	const timeout = isTimeoutCode(code);
	const what = timeout ? 'did not answer in time' : code === 'ECONNREFUSED' ? 'refused the connection' : isUnreachableCode(code) ? 'could not be reached' : 'closed the connection';
	// The code stays out of the message: n8n would swap a message naming it for its generic text.
	const message = `${provider.displayName} ${what}`;
	const parts: string[] = [];
	if (details.earlier) {
		parts.push(`An earlier request of this run to the same server already failed this way (${code}), so this one was not sent.`);
	} else {
		const limit = timeout && details.timeoutMs !== undefined ? `no complete answer within ${Math.round(details.timeoutMs / 100) / 10} s` : undefined;
		parts.push(`Network error (${code}${limit ? `, ${limit}` : ''}); tried ${attempts} time${attempts === 1 ? '' : 's'}.`);
	}
	parts.push(
		timeout
			? 'Check the service status, or raise the Timeout in the credential, then retry.'
			: 'Check the base URL in the credential and the service status, then retry.',
	);
	const description = parts.join(' ');
	return new NodeApiError(node, { message, description } as JsonObject, { message, description, itemIndex });
}

/** Human text for a duration: "2 s", "15 min". */
function durationText(ms: number): string {
	return ms < 120_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
}

/**
 * One input item used up its time limit (every request, retry, rate-limit wait and page of that
 * item together), so nothing more is sent for it.
 */
export function itemTimeLimitError(node: INode, provider: ProviderConfig, limitMs: number, requests: number, itemIndex?: number): NodeApiError {
	const message = `${provider.displayName}: this item took longer than its time limit (${durationText(limitMs)})`;
	const description =
		`Stopped after ${requests} request${requests === 1 ? '' : 's'} for this item: retries, rate-limit waits and the pages of a Return All all count towards the limit. ` +
		'Raise Time Limit per Item in the credential for long runs (0 means 15 minutes), or check the service status.';
	return new NodeApiError(node, { message, description } as JsonObject, { message, description, itemIndex });
}

/** An answer sent the request to another origin: not followed, since the credential would go along. */
export function redirectError(node: INode, provider: ProviderConfig, statusCode: number, from: string, to: string, itemIndex?: number): NodeApiError {
	const message = `${provider.displayName} redirected the request to another host; it was not followed`;
	const description = `HTTP ${statusCode} from ${from} to ${to}. Requests carrying the credential only go to ${from}; check the Base URL in the credential.`;
	return new NodeApiError(node, { message, description, httpCode: String(statusCode) } as JsonObject, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex,
	});
}

export function parameterError(node: INode, message: string, itemIndex: number, description?: string): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex, description });
}
