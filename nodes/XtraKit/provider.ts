import type { IDataObject } from 'n8n-workflow';

import { genericErrorMessage } from '../shared/errors';
import type { ProviderConfig } from '../shared/types';
import { MISSING_ROUTE_HINT, envelopeMessage, isMissingRoute, planMessage } from './transport/envelope';

/**
 * The host the current rendering of docs.xtrakit.com shows on its endpoint pages; the older
 * rendering, and older accounts, use app.xtrakit.com (the credential's Base URL says so).
 */
const XTRAKIT_DEFAULT_BASE_URL = 'https://api.xtrakit.com/api/v1';

export const xtraKit: ProviderConfig = {
	displayName: 'XtraKit',
	credentialType: 'xtraKitApi',
	baseUrl: (credentials: IDataObject) =>
		String(credentials.baseUrl || XTRAKIT_DEFAULT_BASE_URL)
			.trim()
			.replace(/\/+$/, ''),
	// No rate limit is documented (docs.xtrakit.com has no rate-limit section, and its list of status
	// codes has no 429: the research note xavier-xtrakit.md, 2.3), so the node does not pace
	// itself; 429/503 are still retried. Gets over many items go 8 at a time, in item order (writes one
	// by one): n8n's HTTP Request node sends every item's request at once by default, and with 4 in flight
	// a run of 1,000 Gets waited on round trips. More in flight is faster still (bench/results.md, the
	// 1,000 Gets note), but a bound stays polite to a small provider whose capacity nobody documents.
	readConcurrency: 8,
	errorMessage: (body, statusCode) => {
		const text = envelopeMessage(body) ?? genericErrorMessage(body);
		return statusCode === 402 ? planMessage(text) : text;
	},
	missingRoute: { test: isMissingRoute, hint: MISSING_ROUTE_HINT },
	// docs.xtrakit.com's introduction: requests are sent as JSON, and every answer is application/json.
	headers: { Accept: 'application/json' },
	timeoutMs: 30_000,
};
