// The shared request path feeds the server's X-RateLimit-Remaining to the pacer, only when the
// server's X-RateLimit-Limit is the documented limit (a header about another budget would mislead).
import { apiRequest } from '../../../nodes/shared/http';
import type { ProviderConfig } from '../../../nodes/shared/types';

let count = 0;
function setup(headers: Record<string, string>) {
	const sent: number[] = [];
	const ctx = {
		getNode: () => ({ name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({}),
		helpers: {
			httpRequestWithAuthentication: async () => {
				sent.push(Date.now());
				return { statusCode: 200, headers, body: {} };
			},
		},
	};
	const provider: ProviderConfig = {
		displayName: 'P',
		credentialType: `rate-headers-${++count}`,
		baseUrl: () => 'https://p.example',
		rateLimit: { requests: 60, perMs: 60_000 },
		resetDelayMs: () => 200,
	};
	return { ctx: ctx as never, provider, sent };
}

describe('X-RateLimit-Remaining', () => {
	it('holds the next request until the reset when the server says nothing is left', async () => {
		const { ctx, provider, sent } = setup({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '0' });
		await apiRequest.call(ctx, provider, { method: 'GET', path: '/a' });
		await apiRequest.call(ctx, provider, { method: 'GET', path: '/a' });
		expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(180);
	});

	it('is ignored when the server’s limit is not the documented one, or absent', async () => {
		const cases: Array<Record<string, string>> = [{ 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0' }, { 'X-RateLimit-Remaining': '0' }];
		for (const headers of cases) {
			const { ctx, provider, sent } = setup(headers);
			await apiRequest.call(ctx, provider, { method: 'GET', path: '/a' });
			await apiRequest.call(ctx, provider, { method: 'GET', path: '/a' });
			expect(sent[1] - sent[0]).toBeLessThan(100);
		}
	});
});
