// A 429 that says when the window resets is the server scheduling the request, not a failure of it.
// Two n8n workers (or two instances) sharing one key each keep their own pacer: whichever reaches the
// server first after a reset takes the window, and the other's requests are refused again, window after
// window, until the first one is done. Counted as ordinary attempts, those refusals made items fail
// after five windows. They are retried as the server asks, with a bound of their own.
import { apiRequest } from '../../../nodes/shared/http';
import { RETRY_DEFAULTS } from '../../../nodes/shared/retry';
import type { ProviderConfig } from '../../../nodes/shared/types';

let count = 0;
function setup(answers: (call: number) => { statusCode: number; headers: Record<string, string> }) {
	let calls = 0;
	const ctx = {
		getNode: () => ({ name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({}),
		helpers: {
			httpRequestWithAuthentication: async () => ({ ...answers(++calls), body: { ok: calls } }),
		},
	};
	const provider: ProviderConfig = {
		displayName: 'P',
		credentialType: `rate-refusals-${++count}`,
		baseUrl: () => 'https://p.example',
		rateLimit: { requests: 60, perMs: 60_000 },
		// The window resets 5 ms from now (Cliniko's X-RateLimit-Reset, here as a delay).
		resetDelayMs: (headers) => (headers['X-RateLimit-Reset'] ? 5 : undefined),
	};
	return { ctx: ctx as never, provider, calls: () => calls };
}
const refused = { statusCode: 429, headers: { 'X-RateLimit-Reset': 'soon' } };
const served = { statusCode: 200, headers: {} };

describe('429 with the server’s reset time', () => {
	it('is waited out more often than the ordinary attempts allow: another process held the window', async () => {
		const refusals = RETRY_DEFAULTS.maxAttempts + 3;
		const { ctx, provider, calls } = setup((call) => (call <= refusals ? refused : served));
		const response = await apiRequest.call(ctx, provider, { method: 'GET', path: '/a' });
		expect(response.body).toEqual({ ok: refusals + 1 });
		expect(calls()).toBe(refusals + 1);
	});

	it('is bounded: a server that refuses for ever gets a clear error after its own cap', async () => {
		const { ctx, provider, calls } = setup(() => refused);
		await expect(apiRequest.call(ctx, provider, { method: 'GET', path: '/a' })).rejects.toThrow(/429|Too Many|rate/i);
		expect(calls()).toBe(RETRY_DEFAULTS.maxAttempts + RETRY_DEFAULTS.maxRateLimitWaits);
	});

	it('without a reset time, a 429 is an ordinary attempt (backoff, five at most)', async () => {
		const { ctx, provider, calls } = setup(() => ({ statusCode: 429, headers: {} }));
		(provider as { maxAttempts?: number }).maxAttempts = 2; // keep the backoff short
		await expect(apiRequest.call(ctx, provider, { method: 'GET', path: '/a' })).rejects.toThrow();
		expect(calls()).toBe(2);
	});
});
