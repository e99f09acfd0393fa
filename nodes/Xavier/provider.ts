import type { IDataObject } from 'n8n-workflow';

import { genericErrorMessage } from '../shared/errors';
import type { ProviderConfig } from '../shared/types';

// Dext help article 272702 ("Data Health & Insights API"): "The current version of the API lives at
// https://api.precision.dext.com/". api.xavier-analytics.com is the old host; a redirect from it is not
// followed with the token (the request helper never sends credentials to another host).
export const XAVIER_DEFAULT_BASE_URL = 'https://api.precision.dext.com';

export const xavier: ProviderConfig = {
	displayName: 'Xavier Analytics',
	credentialType: 'xavierApi',
	baseUrl: (credentials: IDataObject) =>
		String(credentials.baseUrl || XAVIER_DEFAULT_BASE_URL)
			.trim()
			.replace(/\/+$/, ''),
	// Documented: 60 requests per minute, then 429 with no reset header.
	rateLimit: { requests: 60, perMs: 60_000 },
	errorMessage: (body) => genericErrorMessage(body),
	headers: { Accept: 'application/json' },
	timeoutMs: 30_000,
};
