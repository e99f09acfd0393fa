import type { IDataObject } from 'n8n-workflow';

import { genericErrorMessage } from '../shared/errors';
import { timeoutFor } from '../shared/http';
import type { ProviderConfig } from '../shared/types';
import { bearerToken } from './transport/session';

export function saverisBaseUrl(credentials: IDataObject): string {
	const override = String(credentials.baseUrl ?? '').trim();
	if (override !== '') return override.replace(/\/+$/, '');
	// The hosts a source lists: eu.p, eu.i, am.p, ap.p (credentials/SaverisApi.credentials.ts). The
	// environment field shows only for Europe; a value left over from an older credential is ignored.
	const region = ['am', 'ap', 'eu'].includes(String(credentials.region)) ? String(credentials.region) : 'eu';
	const env = region === 'eu' && credentials.environment === 'i' ? 'i' : 'p';
	return `https://data-api.${region}.${env}.savr.saveris.net`;
}

/** A body as an object, also when it arrived as JSON text (problem+json is not always parsed). */
function bodyObject(body: unknown): Record<string, unknown> | undefined {
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

/**
 * Readable text from the Saveris error shapes: gateway problem+json (`title`, `detail`, `status`),
 * Lambda `{status:"Error", message}` and the token endpoint's `{Status:"Error", Message}`.
 */
export function saverisErrorMessage(body: unknown): string | undefined {
	const b = bodyObject(body);
	if (!b) return genericErrorMessage(body);
	const title = typeof b.title === 'string' ? b.title.trim() : '';
	const detail = typeof b.detail === 'string' ? b.detail.trim() : '';
	if (title || detail) return title && detail && title !== detail ? `${title}: ${detail}` : title || detail;
	for (const key of ['message', 'Message']) {
		if (typeof b[key] === 'string' && (b[key] as string).trim() !== '') return (b[key] as string).trim();
	}
	return genericErrorMessage(b);
}

/** 401, or the gateway's 403 EXPIRED_TOKEN: the token must be renewed. */
export function isTokenExpiredAnswer(statusCode: number, body: unknown): boolean {
	if (statusCode === 401) return true;
	if (statusCode !== 403) return false;
	const b = bodyObject(body);
	if (!b) return false;
	if (b.type === 'EXPIRED_TOKEN') return true;
	const text = `${String(b.title ?? '')} ${String(b.detail ?? '')} ${String(b.message ?? '')}`;
	return /expired/i.test(text);
}

export const saveris: ProviderConfig = {
	displayName: 'Saveris',
	credentialType: 'saverisApi',
	baseUrl: saverisBaseUrl,
	errorMessage: (body) => saverisErrorMessage(body),
	headers: { Accept: 'application/json' },
	timeoutMs: 60_000,
	// Export and Wait may wait for a job for hours by the user's choice: its own Timeout (Minutes)
	// bounds each item, not a per-item limit of the HTTP path.
	itemTimeLimitMs: 0,
	session: {
		headers: async (ctx, credentials, baseUrl, refresh) => ({
			Authorization: `Bearer ${await bearerToken(ctx, credentials, baseUrl, refresh, timeoutFor(credentials, saveris))}`,
		}),
		isExpired: isTokenExpiredAnswer,
	},
};
