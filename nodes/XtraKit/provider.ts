import type { IDataObject } from 'n8n-workflow';

import { genericErrorMessage } from '../shared/errors';
import type { ProviderConfig } from '../shared/types';
import { MISSING_ROUTE_HINT, envelopeMessage, isMissingRoute, planMessage } from './transport/envelope';
import { XTRAKIT_READS_AT_ONCE } from './transport/reads';

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
	// Reads over many items: transport/reads.ts says why this many.
	readConcurrency: XTRAKIT_READS_AT_ONCE,
	errorMessage: (body, statusCode) => {
		const text = envelopeMessage(body) ?? genericErrorMessage(body);
		return statusCode === 402 ? planMessage(text) : text;
	},
	missingRoute: { test: isMissingRoute, hint: MISSING_ROUTE_HINT },
	// docs.xtrakit.com's introduction: requests are sent as JSON, and every answer is application/json.
	headers: { Accept: 'application/json' },
	timeoutMs: 30_000,
};
