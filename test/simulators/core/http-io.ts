// Reading requests and writing responses with bare node:http. Responses always carry an exact
// Content-Length (never chunked) so the truncate fault can lie about it convincingly.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QueryValues, ResponseHeaders, SimResponse } from './types';

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Splits `req.url` without decoding anything: routing and the log need the raw form. */
export function splitUrl(url: string): { rawPath: string; rawQuery: string } {
	const q = url.indexOf('?');
	return q === -1 ? { rawPath: url, rawQuery: '' } : { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

/** decodeURIComponent that gives back the input when it is malformed (a bad `%` must not crash the server). */
export function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/**
 * Repeated keys become arrays, and so does any `key[]` (stored under `key`), which is how several of
 * the providers spell list parameters. `+` means space, as in every form-encoded query.
 */
export function parseQuery(rawQuery: string): QueryValues {
	const out: QueryValues = {};
	for (const [rawKey, value] of new URLSearchParams(rawQuery)) {
		const isArrayKey = rawKey.endsWith('[]');
		const key = isArrayKey ? rawKey.slice(0, -2) : rawKey;
		const existing = out[key];
		if (existing === undefined) out[key] = isArrayKey ? [value] : value;
		else if (Array.isArray(existing)) existing.push(value);
		else out[key] = [existing, value];
	}
	return out;
}

export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	const text = raw.toString('utf8');
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded')) return parseQuery(text);
	// JSON is tried whatever the content type says: a client that forgets the header still sent JSON,
	// and the route schema (not the parser) is where wrong payloads are judged.
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Merges header sets case-insensitively; later sets win, the first spelling of a name is kept. */
export function mergeHeaders(...sets: Array<ResponseHeaders | undefined>): ResponseHeaders {
	const names = new Map<string, string>();
	const out: ResponseHeaders = {};
	for (const set of sets) {
		if (!set) continue;
		for (const [name, value] of Object.entries(set)) {
			const lower = name.toLowerCase();
			const spelled = names.get(lower) ?? name;
			names.set(lower, spelled);
			out[spelled] = value;
		}
	}
	return out;
}

/** Turns a SimResponse body into bytes plus the content type it implies. */
export function encodeBody(body: unknown): { payload: Buffer; contentType?: string } {
	if (body === undefined) return { payload: Buffer.alloc(0) };
	if (Buffer.isBuffer(body)) return { payload: body, contentType: 'application/octet-stream' };
	if (typeof body === 'string') return { payload: Buffer.from(body, 'utf8'), contentType: 'text/plain; charset=utf-8' };
	return { payload: Buffer.from(JSON.stringify(body), 'utf8'), contentType: 'application/json' };
}

/** The final head and payload of a response, before it is written (whole, or truncated by a fault). */
export function prepareResponse(
	response: SimResponse,
	defaultHeaders: ResponseHeaders | undefined,
): { status: number; headers: ResponseHeaders; payload: Buffer } {
	const { payload, contentType } = encodeBody(response.body);
	// Provider defaults < the type the body implies < what the response itself says.
	const headers = mergeHeaders(defaultHeaders, contentType ? { 'Content-Type': contentType } : undefined, response.headers, {
		'Content-Length': payload.length,
	});
	return { status: response.status, headers, payload };
}

export function writeResponse(res: ServerResponse, prepared: ReturnType<typeof prepareResponse>): void {
	res.writeHead(prepared.status, prepared.headers);
	res.end(prepared.payload);
}

/**
 * Announces the full Content-Length, writes only the first half of the payload, then kills the
 * socket: the client sees a good status line and headers, then a body that ends early.
 */
export function writeTruncated(res: ServerResponse, prepared: ReturnType<typeof prepareResponse>): void {
	const full = prepared.payload.length;
	// A body of 0 or 1 byte cannot be cut in half; claim a longer one so the cut is still visible.
	const headers = mergeHeaders(prepared.headers, { 'Content-Length': Math.max(full, 2) });
	res.writeHead(prepared.status, headers);
	res.write(prepared.payload.subarray(0, Math.floor(full / 2)), () => res.socket?.destroy());
}
