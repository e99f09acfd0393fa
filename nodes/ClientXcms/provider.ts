import type { IDataObject } from 'n8n-workflow';

import { genericErrorMessage } from '../shared/errors';
import type { ProviderConfig } from '../shared/types';

/** Every application route lives below this prefix (research §1). */
export const API_PREFIX = '/api/application';

const PRIVATE_HOST =
	/^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|[^.]+|.+\.(local|localhost|test|internal|lan))$/i;

/**
 * The user's CLIENTXCMS address, normalised: no trailing slash, and no `/api` or `/api/application`
 * suffix when one was typed.
 */
export function normaliseBaseUrl(raw: unknown): string {
	return String(raw ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api(\/application)?$/i, '');
}

/** Why a Base URL must not be used (plain http is accepted only for local and private hosts), or undefined. */
export function baseUrlProblem(raw: unknown): string | undefined {
	const url = normaliseBaseUrl(raw);
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `The Base URL "${url}" in the CLIENTXCMS credential is not a valid URL`;
	}
	if (parsed.protocol === 'http:' && !PRIVATE_HOST.test(parsed.hostname)) {
		return 'The CLIENTXCMS Base URL must use https: plain http is only allowed for localhost and private test hosts, as the API key would travel in clear text';
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'The CLIENTXCMS Base URL must start with https://';
	return undefined;
}

/** Laravel's 422 body `{message, errors: {field: [messages]}}` → one line per field. */
export function validationText(body: IDataObject): string | undefined {
	const errors = body.errors;
	if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return undefined;
	const parts = Object.entries(errors as IDataObject).map(([field, messages]) => {
		const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
		return `${field}: ${list.join(' ')}`;
	});
	return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Error bodies may arrive as bytes (file routes are read as binary). */
function asObject(body: unknown): unknown {
	if (body instanceof Uint8Array) {
		const text = Buffer.from(body).toString('utf8');
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return body;
}

export function clientXcmsErrorMessage(raw: unknown, statusCode: number): string | undefined {
	const body = asObject(raw);
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const b = body as IDataObject;
		if (statusCode === 422) {
			const fields = validationText(b);
			if (fields) return `The data sent was not accepted: ${fields}`;
		}
		// A blocked customer deletion or group deletion: `{error, message?}`.
		if (typeof b.message === 'string' && b.message.trim() !== '') return b.message.trim();
		if (typeof b.error === 'string' && b.error.trim() !== '') return b.error.trim();
		// Binding 404s of services/invoices/tickets answer `{"message": ""}`.
		if (b.message === '' && statusCode === 404) return 'No record with this ID';
	}
	return genericErrorMessage(body);
}

export const clientXcms: ProviderConfig = {
	displayName: 'CLIENTXCMS',
	credentialType: 'clientXcmsApi',
	baseUrl: (credentials: IDataObject) => `${normaliseBaseUrl(credentials.baseUrl)}${API_PREFIX}`,
	// FACT: limiter `api` = 60 requests a minute per authenticated admin (research §4.1).
	rateLimit: { requests: 60, perMs: 60_000 },
	errorMessage: clientXcmsErrorMessage,
	// Harmless: the server forces JSON whatever Accept says (research §2).
	headers: { Accept: 'application/json' },
	timeoutMs: 60_000,
};
