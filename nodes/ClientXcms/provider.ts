import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { genericErrorMessage } from '../shared/errors';
import { cappedText, containsInOrder } from '../shared/serverText';
import type { OperationContext, OperationDef, ProviderConfig } from '../shared/types';
import type { Envelope } from './transport/envelope';

/** Every application route lives below this prefix (routes/api-application.php is mounted there). */
export const API_PREFIX = '/api/application';

/** The first server version with a route: v2.14 has 42 of the 82 application routes, v2.15 all. */
export type Since = '2.14' | '2.15';

/** A row of the CLIENTXCMS table: an operation, plus what its error messages name. */
export interface ClientXcmsRow extends OperationDef {
	/** The Resource dropdown's name of its resource ("Product Group"). */
	resourceName: string;
	/** The Sanctum ability the API key needs (or `*`). */
	ability: string;
	/** The ability of the read an Update makes first (fetch-then-merge), when it makes one. */
	readAbility?: string;
	since: Since;
	/** How the answer is wrapped. */
	envelope: Envelope;
	/** The controller's whitelisted filters, sorts and includes (lists and paginated shows). */
	filters?: string[];
	sorts?: string[];
	includes?: string[];
	/** A 404 that means something else than "no such record" here: what to say instead, or undefined. */
	explain404?: (text: string, opCtx: OperationContext) => { message: string; description: string } | undefined;
}

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
function validationText(body: IDataObject): string | undefined {
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

export function errorText(error: { message?: string; description?: string | null }): string {
	return `${error.message ?? ''} ${error.description ?? ''}`;
}

function apiError(opCtx: OperationContext, httpCode: string, message: string, description: string): NodeApiError {
	return new NodeApiError(opCtx.ctx.getNode(), { message, description, httpCode } as JsonObject, { message, description, httpCode, itemIndex: opCtx.itemIndex });
}

function isClientXcmsRow(row: OperationDef): row is ClientXcmsRow {
	return typeof (row as Partial<ClientXcmsRow>).ability === 'string';
}

/** Turns the server's generic 403 / route-404 into messages that say what to do, from the row the item ran. */
export function translateError(error: Error, opCtx: OperationContext, row: OperationDef): Error {
	if (!(error instanceof NodeApiError) || !isClientXcmsRow(row)) return error;
	const text = errorText(error);
	const where = `${row.method} ${API_PREFIX}${row.path}`;
	const operation = `${row.name} (${row.resourceName})`;
	if (error.httpCode === '404') {
		const special = row.explain404?.(text, opCtx);
		if (special) return apiError(opCtx, '404', special.message, special.description);
	}
	if (error.httpCode === '403' && text.includes('Invalid ability provided') && !text.includes('The API key lacks')) {
		const read = row.readAbility;
		const message = read
			? `The API key lacks an ability that ${operation} needs: "${row.ability}", and "${read}" to read the record first (HTTP 403)`
			: `The API key lacks the "${row.ability}" ability that ${operation} needs (HTTP 403)`;
		const abilities = read ? `the "${row.ability}" and "${read}" abilities` : `the "${row.ability}" ability`;
		const description = `CLIENTXCMS answered "Invalid ability provided." for ${where}. Give the key ${abilities}, or "*" (an Administrator key). Keys made in the admin UI name some abilities differently from the routes (pricing:* vs pricings:*, actionlogs:* vs logs:*, no services:expire, no cancellation_reasons:*): use an Administrator key or the clientxcms:create-api-key command for those.`;
		return apiError(opCtx, '403', message, description);
	}
	// Laravel's "The route x could not be found.", found by plain string search over a capped text:
	// `/The route .* could not be found/` took seconds over a 120 KB message.
	if (error.httpCode === '404' && containsInOrder(cappedText(text), 'The route ', ' could not be found')) {
		const message = `This CLIENTXCMS version does not offer ${operation}: ${where} is missing (HTTP 404)`;
		const description = `The route arrived in CLIENTXCMS v${row.since}; v2.14 offers 42 of the 82 application routes. Update the CLIENTXCMS installation to use this operation.`;
		return apiError(opCtx, '404', message, description);
	}
	return error;
}

export const clientXcms: ProviderConfig = {
	displayName: 'CLIENTXCMS',
	credentialType: 'clientXcmsApi',
	baseUrl: (credentials: IDataObject) => `${normaliseBaseUrl(credentials.baseUrl)}${API_PREFIX}`,
	// The `api` group's throttle: 60 requests a minute per authenticated admin (app/Providers/RouteServiceProvider.php, boot()).
	rateLimit: { requests: 60, perMs: 60_000 },
	errorMessage: clientXcmsErrorMessage,
	// Harmless: ApiJsonMiddleware (app/Http/Middleware/ApiJsonMiddleware.php) forces JSON whatever Accept says.
	headers: { Accept: 'application/json' },
	timeoutMs: 60_000,
	credentialProblem: (credentials) => {
		const message = baseUrlProblem(credentials.baseUrl);
		return message ? { message, description: 'Edit the Base URL in the CLIENTXCMS credential.' } : undefined;
	},
	translateError,
};
