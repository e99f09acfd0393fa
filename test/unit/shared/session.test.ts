// The generic session-token hook of the shared request path (ProviderConfig.session).
import { apiRequest } from '../../../nodes/shared/http';
import type { ProviderConfig } from '../../../nodes/shared/types';

function setup(statuses: number[]) {
	const sent: Array<Record<string, unknown>> = [];
	const logins: boolean[] = [];
	const ctx = {
		getNode: () => ({ name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: Record<string, unknown>) => {
				sent.push(options);
				const statusCode = statusCodes.shift() ?? 200;
				return { statusCode, headers: {}, body: statusCode === 403 ? { type: 'EXPIRED_TOKEN' } : { ok: true } };
			},
		},
	};
	const statusCodes = [...statuses];
	let n = 0;
	const provider: ProviderConfig = {
		displayName: 'P',
		credentialType: 'p',
		baseUrl: () => 'https://p.example',
		session: {
			headers: async (_ctx, _credentials, _baseUrl, refresh) => {
				logins.push(refresh);
				return { Authorization: `Bearer t${++n}` };
			},
			isExpired: (status, body) => status === 401 || (status === 403 && (body as { type?: string }).type === 'EXPIRED_TOKEN'),
		},
	};
	return { ctx: ctx as never, provider, sent, logins };
}

describe('session hook', () => {
	it('adds the session headers to each attempt', async () => {
		const { ctx, provider, sent, logins } = setup([200]);
		await apiRequest.call(ctx, provider, { method: 'GET', path: '/x' });
		expect((sent[0].headers as Record<string, string>).Authorization).toBe('Bearer t1');
		expect(logins).toEqual([false]);
	});

	it.each([401, 403])('renews the session once after a %s that means "expired", then resends', async (status) => {
		const { ctx, provider, sent, logins } = setup([status, 200]);
		const answer = await apiRequest.call(ctx, provider, { method: 'POST', path: '/x', body: {} });
		expect(answer.statusCode).toBe(200);
		expect(logins).toEqual([false, true]);
		expect(sent.map((o) => (o.headers as Record<string, string>).Authorization)).toEqual(['Bearer t1', 'Bearer t2']);
	});

	it('does not loop: a second refusal is the error', async () => {
		const { ctx, provider, sent } = setup([401, 401, 200]);
		await expect(apiRequest.call(ctx, provider, { method: 'GET', path: '/x' })).rejects.toThrow(/HTTP 401/);
		expect(sent).toHaveLength(2);
	});
});
