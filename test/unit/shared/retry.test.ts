import {
	backoffDelay,
	isIdempotent,
	isRetryableStatus,
	isTimeoutCode,
	isUnreachableCode,
	networkErrorCode,
	parseRetryAfter,
	retryDelay,
} from '../../../nodes/shared/retry';

describe('retry policy', () => {
	it('retries 429 and 503 for every method, 502/504 only for idempotent ones', () => {
		for (const method of ['GET', 'POST', 'PATCH']) {
			expect(isRetryableStatus(429, method)).toBe(true);
			expect(isRetryableStatus(503, method)).toBe(true);
		}
		expect(isRetryableStatus(502, 'GET')).toBe(true);
		expect(isRetryableStatus(504, 'DELETE')).toBe(true);
		expect(isRetryableStatus(502, 'POST')).toBe(false);
		expect(isRetryableStatus(504, 'PATCH')).toBe(false);
		for (const status of [400, 401, 403, 404, 422, 500]) expect(isRetryableStatus(status, 'GET')).toBe(false);
	});

	it('knows which methods are idempotent', () => {
		expect(isIdempotent('get')).toBe(true);
		expect(isIdempotent('PUT')).toBe(true);
		expect(isIdempotent('POST')).toBe(false);
		expect(isIdempotent('PATCH')).toBe(false);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter(['2'], now)).toBe(2000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped', () => {
		expect(backoffDelay(1, () => 0)).toBe(250);
		expect(backoffDelay(1, () => 1)).toBe(500);
		expect(backoffDelay(3, () => 0)).toBe(1000);
		expect(backoffDelay(20, () => 1)).toBe(30_000);
		const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(4)));
		expect(spread.size).toBeGreaterThan(1);
	});

	it('prefers what the server asked for over its own backoff', () => {
		const now = 1_000_000;
		expect(retryDelay({ attempt: 1, headers: { 'Retry-After': '3' }, now })).toBe(3250);
		const reset = () => 10_000;
		expect(retryDelay({ attempt: 1, headers: { 'retry-after': '3' }, now, providerReset: reset })).toBe(10_250);
		expect(retryDelay({ attempt: 2, headers: {}, now, random: () => 0 })).toBe(500);
	});

	it('recognises transport failures through wrapped causes', () => {
		expect(networkErrorCode({ code: 'ECONNRESET' })).toBe('ECONNRESET');
		expect(networkErrorCode({ message: 'wrapped', cause: { cause: { code: 'ETIMEDOUT' } } })).toBe('ETIMEDOUT');
		expect(networkErrorCode(new Error('socket hang up'))).toBe('ECONNRESET');
		expect(networkErrorCode(new Error('timeout of 30000ms exceeded'))).toBe('ETIMEDOUT');
		expect(networkErrorCode(new Error('Request failed with status code 404'))).toBeUndefined();
	});

	it("prefers a code anywhere in the chain to n8n's wording of it (issue 12 point 3)", () => {
		// n8n 1.x/2.x wrap axios' timeout (ECONNABORTED) in "The connection was aborted…".
		const wrapped = { message: 'The connection was aborted, perhaps the server is offline', cause: { code: 'ECONNABORTED', message: 'timeout of 30000ms exceeded' } };
		expect(networkErrorCode(wrapped)).toBe('ECONNABORTED');
		expect(isTimeoutCode(networkErrorCode(wrapped) ?? '')).toBe(true);
		expect(networkErrorCode({ message: 'The connection was aborted, perhaps the server is offline' })).toBe('ECONNABORTED');
		expect(networkErrorCode({ message: 'The service refused the connection - perhaps it is offline' })).toBe('ECONNREFUSED');
		expect(networkErrorCode({ message: 'socket hang up', cause: { code: 'ECONNREFUSED' } })).toBe('ECONNREFUSED');
		expect(isUnreachableCode('ECONNREFUSED')).toBe(true);
		expect(isTimeoutCode('ECONNRESET')).toBe(false);
	});
});
