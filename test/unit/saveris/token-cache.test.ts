import { bearerToken, resetTokenCache, TOKEN_MARGIN_MS } from '../../../nodes/Saveris/transport/session';

const jwt = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;

function fakeContext(answers: Array<{ statusCode: number; body: unknown }>, credentialId = 'c1') {
	const calls: unknown[] = [];
	const ctx = {
		getNode: () => ({ name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { saverisApi: { id: credentialId, name: 'x' } } }),
		helpers: {
			httpRequest: async (options: unknown) => {
				calls.push(options);
				await Promise.resolve();
				return answers.shift() ?? { statusCode: 500, body: {} };
			},
		},
	};
	return { ctx: ctx as never, calls };
}

const creds = { username: 'u', password: 'p' };

describe('token cache', () => {
	beforeEach(() => resetTokenCache());
	afterEach(() => jest.restoreAllMocks());

	it('keeps a token until exp minus the margin, then logs in again', async () => {
		let now = 1_000_000_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const exp = Math.floor(now / 1000) + 3600;
		const { ctx, calls } = fakeContext([
			{ statusCode: 200, body: { IdToken: jwt(exp) } },
			{ statusCode: 200, body: { IdToken: jwt(exp + 3600) } },
		]);
		expect(await bearerToken(ctx, creds, 'https://h', false)).toBe(jwt(exp));
		now = exp * 1000 - TOKEN_MARGIN_MS - 1;
		expect(await bearerToken(ctx, creds, 'https://h', false)).toBe(jwt(exp));
		expect(calls).toHaveLength(1);
		now += 2;
		expect(await bearerToken(ctx, creds, 'https://h', false)).toBe(jwt(exp + 3600));
		expect(calls).toHaveLength(2);
		expect(calls[0]).toMatchObject({ method: 'POST', url: 'https://h/v1/token', body: { username: 'u', password: 'p' } });
	});

	it('concurrent callers share one login; refresh forces a new one', async () => {
		const exp = Math.floor(Date.now() / 1000) + 3600;
		const { ctx, calls } = fakeContext([
			{ statusCode: 200, body: { IdToken: jwt(exp) } },
			{ statusCode: 200, body: { idToken: jwt(exp + 1) } },
		]);
		const tokens = await Promise.all([1, 2, 3].map(() => bearerToken(ctx, creds, 'https://h', false)));
		expect(new Set(tokens).size).toBe(1);
		expect(calls).toHaveLength(1);
		expect(await bearerToken(ctx, creds, 'https://h', true)).toBe(jwt(exp + 1));
	});

	it('keys the cache by credential, base URL and user', async () => {
		const exp = Math.floor(Date.now() / 1000) + 3600;
		const a = fakeContext([{ statusCode: 200, body: { IdToken: jwt(exp) } }], 'c1');
		const b = fakeContext([{ statusCode: 200, body: { IdToken: jwt(exp + 5) } }], 'c2');
		await bearerToken(a.ctx, creds, 'https://h', false);
		expect(await bearerToken(b.ctx, creds, 'https://h', false)).toBe(jwt(exp + 5));
	});

	it('a refused login names the problem without the password', async () => {
		const { ctx } = fakeContext([{ statusCode: 400, body: { Status: 'Error', Message: 'Incorrect username or password.' } }]);
		const error = await bearerToken(ctx, creds, 'https://h', false).catch((e: Error) => e);
		expect((error as Error).message).toBe('Saveris refused the login: Incorrect username or password.');
		expect(JSON.stringify(error)).not.toContain('"p"');
	});
});
