import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * A credential's `authenticate` as a function rather than n8n's declarative form: n8n resolves the
 * declarative form's `{{$credentials…}}` expressions on every request, which n8n 2.x does in its
 * expression sandbox at a cost comparable to the request itself; a function costs nothing. Values are
 * trimmed: a key pasted with a trailing line break would otherwise be refused (or be an invalid header).
 */
export type Authenticate = (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** A credential field as trimmed text ('' when unset). */
export const credentialText = (credentials: ICredentialDataDecryptedObject, field: string): string => String(credentials[field] ?? '').trim();

/** `Authorization: Bearer <field>`, plus fixed headers. */
export function bearerAuthenticate(field: string, headers: Record<string, string> = {}): Authenticate {
	return async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, ...headers, Authorization: `Bearer ${credentialText(credentials, field)}` },
	});
}
