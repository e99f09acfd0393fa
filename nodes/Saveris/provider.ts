import type { IDataObject } from 'n8n-workflow';

import { genericErrorMessage } from '../shared/errors';
import { timeoutFor } from '../shared/http';
import type { ProviderConfig } from '../shared/types';
import { bearerToken, bodyObject, firstText } from './transport/session';

export function saverisBaseUrl(credentials: IDataObject): string {
	const override = String(credentials.baseUrl ?? '').trim();
	if (override !== '') return override.replace(/\/+$/, '');
	// The hosts a source lists: eu.p, eu.i, am.p, ap.p (credentials/SaverisApi.credentials.ts). The
	// environment field shows only for Europe; a value left over from an older credential is ignored.
	const region = ['am', 'ap', 'eu'].includes(String(credentials.region)) ? String(credentials.region) : 'eu';
	const env = region === 'eu' && credentials.environment === 'i' ? 'i' : 'p';
	return `https://data-api.${region}.${env}.savr.saveris.net`;
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
	return firstText(b, ['message', 'Message']) ?? genericErrorMessage(b);
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
