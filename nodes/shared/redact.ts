import type { IDataObject } from 'n8n-workflow';

/**
 * Redaction of the credential in use from everything the package produces (DESIGN.md principle 6).
 * A server may echo the request back — its headers in an error text, the token in a debug field of
 * a result — so every text that came from a server is cleaned before it becomes a message, a
 * description or an output item.
 */

export const REDACTED = '[redacted]';

/** Shorter values are not redacted: replacing two or three characters everywhere would mangle data. */
export const MIN_REDACTED_LENGTH = 4;

/** Credential fields that hold secrets, whatever the provider calls them. */
const SECRET_FIELD = /key|token|password|secret/i;

/** The forms in which a secret travels: plain, URL-encoded, base64 (both alphabets), and inside HTTP Basic. */
export function secretForms(secrets: string[], username?: string): string[] {
	const forms = new Set<string>();
	const b64 = (text: string) => {
		const standard = Buffer.from(text, 'utf8').toString('base64');
		forms.add(standard);
		forms.add(standard.replace(/=+$/, ''));
		forms.add(Buffer.from(text, 'utf8').toString('base64url'));
	};
	for (const secret of secrets) {
		if (secret.length < MIN_REDACTED_LENGTH) continue;
		forms.add(secret);
		forms.add(encodeURIComponent(secret));
		forms.add(encodeURIComponent(secret).replace(/%20/g, '+'));
		b64(secret);
		// HTTP Basic: `user:password`, or the key as user with an empty password (Cliniko).
		b64(`${secret}:`);
		b64(`:${secret}`);
		if (username) b64(`${username}:${secret}`);
	}
	// Longest first, so a Basic form is replaced whole before a shorter form inside it.
	return [...forms].filter((f) => f.length >= MIN_REDACTED_LENGTH).sort((a, b) => b.length - a.length);
}

/** The secret values of a decrypted credential (fields named like a key, token, password or secret). */
export function credentialSecrets(credentials: IDataObject): string[] {
	const out: string[] = [];
	for (const [name, value] of Object.entries(credentials)) {
		if (!SECRET_FIELD.test(name) || typeof value !== 'string') continue;
		out.push(value);
		// A value n8n trims before sending (CLIENTXCMS `apiKey.trim()`) is sent in its trimmed form.
		if (value.trim() !== value) out.push(value.trim());
	}
	return out;
}

const formsByCredentials = new WeakMap<object, string[]>();

/** Secret forms of a credential, computed once per decrypted credential object. */
export function credentialForms(credentials: IDataObject): string[] {
	let forms = formsByCredentials.get(credentials);
	if (!forms) {
		const username = typeof credentials.username === 'string' ? credentials.username : undefined;
		forms = secretForms(credentialSecrets(credentials), username);
		formsByCredentials.set(credentials, forms);
	}
	return forms;
}

export function redactText(text: string, forms: string[]): string {
	// Forms are sorted longest first: a text shorter than the last holds none of them. Most values of a
	// record (names, dates, ids) are, and a Return All passes every one of tens of thousands of them here.
	if (forms.length === 0 || text.length < forms[forms.length - 1].length) return text;
	let out = text;
	for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
	return out;
}

/**
 * The value with every secret form replaced in its strings (object keys included). Objects and
 * arrays are copied only where something changed; bytes and streams are left alone.
 */
export function redactDeep<T>(value: T, forms: string[], depth = 0): T {
	if (forms.length === 0) return value;
	if (typeof value === 'string') return redactText(value, forms) as T;
	if (!value || typeof value !== 'object' || depth > 64) return value;
	if (Buffer.isBuffer(value) || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
	if (Array.isArray(value)) {
		let copy: unknown[] | undefined;
		for (let index = 0; index < value.length; index++) {
			const entry = value[index] as unknown;
			const clean = redactDeep(entry, forms, depth + 1);
			if (clean !== entry) {
				copy ??= [...value];
				copy[index] = clean;
			}
		}
		return (copy ?? value) as T;
	}
	const proto = Object.getPrototypeOf(value) as unknown;
	if (proto !== Object.prototype && proto !== null) return value;
	let copy: Record<string, unknown> | undefined;
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		const entry = record[key];
		const cleanKey = redactText(key, forms);
		const clean = redactDeep(entry, forms, depth + 1);
		if (clean !== entry || cleanKey !== key) {
			copy ??= { ...(value as Record<string, unknown>) };
			if (cleanKey !== key) delete copy[key];
			copy[cleanKey] = clean;
		}
	}
	return (copy ?? value) as T;
}

interface TextualError {
	message?: unknown;
	description?: unknown;
	messages?: unknown;
}

/** Cleans the texts an n8n error carries (message, description, the messages n8n collected). */
export function redactError<E>(error: E, forms: string[]): E {
	if (forms.length === 0 || !error || typeof error !== 'object') return error;
	const e = error as TextualError;
	if (typeof e.message === 'string') e.message = redactText(e.message, forms);
	if (typeof e.description === 'string') e.description = redactText(e.description, forms);
	if (Array.isArray(e.messages)) e.messages = e.messages.map((m) => (typeof m === 'string' ? redactText(m, forms) : m));
	return error;
}
