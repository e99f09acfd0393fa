import type { IDataObject } from 'n8n-workflow';

import { genericErrorMessage } from '../shared/errors';
import { headerValue } from '../shared/retry';
import type { HeaderMap, ProviderConfig } from '../shared/types';
import { clinikoRequestOptions } from './resources/options';

/**
 * The documented key suffix: `…-au2`, `…-uk1` (docs.api.cliniko.com/guides/urls lists au1–au4, ca1, eu1,
 * uk1, uk2 today; any shard of this shape is accepted, so a new one needs no release).
 */
const SHARD_SUFFIX = /-([a-z]{2}\d{1,2})$/i;

/** A short letters-and-digits tail after the last hyphen: meant as a shard, whether or not it is one. */
const SHARD_LIKE_SUFFIX = /-([a-z][a-z0-9]{0,5})$/i;

const DEFAULT_SHARD = 'au1';

/**
 * The shard a Cliniko API key belongs to: the suffix after its last hyphen (`…-uk2` → `uk2`). A key
 * without one is an old key and belongs to `au1`. A tail that looks like a shard but is not one
 * (`-au`, `-a1`, `-au123`) is refused, because the request would only bounce off the wrong server
 * with a bare 401.
 */
export function shardFromKey(apiKey: string): string {
	const key = String(apiKey ?? '').trim();
	if (key === '') throw new Error('The Cliniko credential has no API key');
	const match = SHARD_SUFFIX.exec(key);
	if (match) return match[1].toLowerCase();
	const lookalike = SHARD_LIKE_SUFFIX.exec(key);
	if (lookalike) {
		throw new Error(
			`The Cliniko API key ends in "-${lookalike[1]}", which is not a shard (shards look like -au1, -uk2, -ca1). ` +
				'Copy the whole key again from Cliniko (My Info › Manage API keys), or set the Base URL in the credential.',
		);
	}
	return DEFAULT_SHARD;
}

/**
 * Cliniko refuses a request whose User-Agent lacks a name and a contact e-mail with a bare
 * "Requires a user agent" (HTTP 400); say which credential field to fill before sending anything.
 */
function checkUserAgentFields(credentials: IDataObject): void {
	const email = String(credentials.contactEmail ?? '').trim();
	if (email === '' || !email.includes('@')) {
		throw new Error(
			`The Cliniko credential's Contact Email is ${email === '' ? 'empty' : `not an e-mail address ("${email}")`}: Cliniko requires a name and a valid contact e-mail in every request's User-Agent. Fill Contact Email (and Application Name) in the Cliniko credential.`,
		);
	}
	if (String(credentials.appName ?? '').trim() === '') {
		throw new Error('The Cliniko credential\'s Application Name is empty: Cliniko requires a name in every request\'s User-Agent. Fill it in the Cliniko credential.');
	}
}

/** `https://api.{shard}.cliniko.com/v1`, or the credential's override (simulator, a shard the regex does not know). */
export function clinikoBaseUrl(credentials: IDataObject): string {
	const override = String(credentials.baseUrl ?? '').trim();
	if (override !== '') {
		if (!/^https?:\/\/[^\s/]+/i.test(override)) {
			throw new Error(`The Base URL in the Cliniko credential is not a URL: "${override}"`);
		}
		return override.replace(/\/+$/, '');
	}
	return `https://api.${shardFromKey(String(credentials.apiKey ?? ''))}.cliniko.com/v1`;
}

/** Milliseconds until `X-RateLimit-Reset` (a UNIX timestamp in seconds) says the window opens again. */
export function clinikoResetDelayMs(headers: HeaderMap, now: number): number | undefined {
	const raw = headerValue(headers, 'x-ratelimit-reset');
	if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
	const value = Number(raw.trim());
	// Seconds, as documented; a millisecond timestamp is accepted too rather than waiting for decades.
	const resetAt = value > 1e12 ? value : value * 1000;
	return Math.max(0, Math.ceil(resetAt - now));
}

function fieldMessage(value: unknown): string {
	if (value === null || value === undefined || value === '') return 'is invalid';
	if (Array.isArray(value)) return value.map(fieldMessage).join(', ');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
 * A 422's field errors as one line: `first_name: can’t be blank; last_name: can’t be blank`.
 * Cliniko answers `{"message":"Validation Failed","errors":{"<field>":"<message>"}}`; a message can
 * be null (then the field is "invalid") or, in older answers, a list.
 */
export function formatValidationErrors(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const errors = (body as IDataObject).errors;
	if (!errors || typeof errors !== 'object') return undefined;
	if (Array.isArray(errors)) {
		const list = errors.map(fieldMessage).filter((m) => m !== '');
		return list.length ? list.join('; ') : undefined;
	}
	const parts = Object.entries(errors as IDataObject).map(([field, value]) => `${field}: ${fieldMessage(value)}`);
	return parts.length ? parts.join('; ') : undefined;
}

export const UNAUTHORIZED_MESSAGE =
	'Cliniko did not accept the API key: it may have been revoked or regenerated, or it belongs to another shard ' +
	'(a key ending in -uk1 only works on api.uk1.cliniko.com; a wrong shard answers exactly like a wrong key)';

/** The text to show for a Cliniko error answer. */
export function clinikoErrorMessage(body: unknown, statusCode: number): string | undefined {
	if (statusCode === 401) return UNAUTHORIZED_MESSAGE;
	if (statusCode === 422) {
		const fields = formatValidationErrors(body);
		if (fields) return fields;
	}
	const text = genericErrorMessage(body);
	if (statusCode === 403) {
		return `${text ? `${text}: ` : ''}the Cliniko user who owns this API key may not do this (their role lacks the permission)`;
	}
	return text;
}

export const cliniko: ProviderConfig = {
	displayName: 'Cliniko',
	credentialType: 'clinikoApi',
	requestOptions: clinikoRequestOptions,
	// Every request asks for the base URL first: the credential's User-Agent fields are checked there too.
	baseUrl: (credentials) => {
		checkUserAgentFields(credentials);
		return clinikoBaseUrl(credentials);
	},
	// Documented: 200 requests per minute per user; over it, 429 with X-RateLimit-Reset.
	rateLimit: { requests: 200, perMs: 60_000 },
	// One Get after another spends most of the time waiting on round trips (to a shard across the
	// world, 0.2–0.3 s each), which alone keeps a run well under 200 a minute; four at a time let
	// the pacer, not the latency, set the pace.
	readConcurrency: 4,
	resetDelayMs: clinikoResetDelayMs,
	errorMessage: clinikoErrorMessage,
	headers: { Accept: 'application/json' },
	timeoutMs: 30_000,
};
