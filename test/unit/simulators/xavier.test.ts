// The Xavier Analytics simulator against the research notes (§1): shapes, seed values, auth, 404s,
// rate-limit headers and 429, legacy array mode, contract violations, faults, mutable state.
import {
	buildXavierSeed,
	startXavierSimulator,
	XAVIER_TEST_TOKEN,
	xavierActivityStatsSchema,
	xavierClientDetailSchema,
	xavierClientListSchema,
	xavierErrorSchema,
	xavierLegacyClientDetailSchema,
	type XavierActivityStats,
	type XavierClientDetail,
	type XavierClientListItem,
	type XavierSimulator,
} from '../../simulators/xavier';
import { TEST_SECRETS } from '../../helpers/secrets';

const auth = { Authorization: `Bearer ${XAVIER_TEST_TOKEN}` };

describe('Xavier simulator', () => {
	let sim: XavierSimulator;
	const get = (path: string, headers: Record<string, string> = auth) => fetch(`${sim.url}${path}`, { headers });

	beforeAll(async () => {
		sim = await startXavierSimulator();
	});
	afterAll(() => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.settings.legacyArrayDetail = false;
	});

	it('offers the credential values of the xavierApi credential', () => {
		expect(XAVIER_TEST_TOKEN).toBe(TEST_SECRETS.xavierToken);
		expect(sim.credentials).toEqual({ apiToken: XAVIER_TEST_TOKEN, baseUrl: sim.url });
	});

	it.each([
		['no Authorization header', {}],
		['a wrong token', { Authorization: 'Bearer nope' }],
		['the token without the Bearer scheme', { Authorization: XAVIER_TEST_TOKEN }],
	])('answers 401 for %s', async (_label, headers) => {
		const res = await get('/clients', headers);
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({ message: 'Unauthenticated.' });
		expect(res.headers.get('server')).toBe('cloudflare');
	});

	it('lists every client as a bare JSON array of summaries', async () => {
		const res = await get('/clients');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(res.headers.get('server')).toBe('cloudflare');
		expect(res.headers.get('x-ratelimit-limit')).toBe('60');
		expect(res.headers.get('x-ratelimit-remaining')).toBe('59');
		const list = (await res.json()) as XavierClientListItem[];
		expect(xavierClientListSchema.parse(list)).toHaveLength(40);
		expect(list.slice(0, 6).map((c) => c.id)).toEqual(['8eb3l', 'q6K0j', 'lP1Wq', '8r2W8', 'loXZq', 'qK2Bl']);
		expect(list[0]).toEqual({ id: '8eb3l', name: 'Demo Company (Global)', practiceCode: null, providerId: '!cs0gr', alertLevel: 'success', healthScore: 76 });
		expect(list.find((c) => c.id === '8r2W8')).toMatchObject({ healthScore: 52, alertLevel: 'warning' });
		expect(list.filter((c) => c.alertLevel === 'danger').length).toBeGreaterThanOrEqual(1);
		expect(new Set(list.map((c) => c.id)).size).toBe(40);
		expect(list.every((c) => c.practiceCode === null && /^![A-Za-z0-9-]{5}$/.test(c.providerId))).toBe(true);
		expect(sim.violations).toEqual([]);
	});

	it('returns one client as a plain object with details and metrics', async () => {
		const res = await get('/clients/8eb3l');
		expect(res.status).toBe(200);
		const client = xavierClientDetailSchema.parse(await res.json());
		expect(client).toMatchObject({
			id: '8eb3l',
			organisationType: 'COMPANY',
			hmrcStatus: 'NOT_CONNECTED',
			companyNumber: '02181833',
			yearEnd: '2021-03-31',
			vatDetails: { scheme: 'CASH', number: 'GB 123456789', reportingCycle: 'QUARTERLY', periodStart: '2020-07-01', periodEnd: '2020-09-30' },
			metrics: { debtorBalance: 22464.67, avgDebtorDays: 214, oneDayImpact: null },
		});
		const other = xavierClientDetailSchema.parse(await (await get('/clients/q6K0j')).json());
		expect(other.metrics).toEqual({ debtorBalance: 8952.45, avgDebtorDays: 96, oneDayImpact: 93.25 });
	});

	it('keeps its own seed on the documented shapes for every client', () => {
		for (const client of sim.state.clients()) {
			expect(xavierClientDetailSchema.safeParse(client).success).toBe(true);
			expect(xavierActivityStatsSchema.safeParse(sim.state.activityStats(client.id)).success).toBe(true);
		}
		expect(buildXavierSeed()).toEqual(buildXavierSeed()); // deterministic
	});

	it('wraps the detail in a one-element array in legacy mode', async () => {
		sim.settings.legacyArrayDetail = true;
		const body = xavierLegacyClientDetailSchema.parse(await (await get('/clients/lP1Wq')).json());
		expect(body[0]).toMatchObject({ id: 'lP1Wq', name: 'Demo Company (NZ)', healthScore: 78 });
		// The list and the stats are not affected.
		expect(Array.isArray(await (await get('/clients/lP1Wq/activity-stats')).json())).toBe(false);
	});

	it('can start in legacy mode', async () => {
		const legacy = await startXavierSimulator({ legacyArrayDetail: true });
		try {
			const body = await (await fetch(`${legacy.url}/clients/8eb3l`, { headers: auth })).json();
			expect(xavierLegacyClientDetailSchema.safeParse(body).success).toBe(true);
		} finally {
			await legacy.close();
		}
	});

	it('answers 404 for an unknown client, on detail and on activity stats', async () => {
		for (const path of ['/clients/zzzzz', '/clients/zzzzz/activity-stats']) {
			const res = await get(path);
			expect(res.status).toBe(404);
			expect(xavierErrorSchema.parse(await res.json())).toEqual({ message: 'Not Found' });
			expect(res.headers.get('x-ratelimit-remaining')).not.toBeNull();
		}
		expect(sim.violations).toEqual([]); // a valid route with an unknown ID is no contract violation
	});

	it('returns activity stats with annual, monthly and quarterly blocks', async () => {
		const res = await get('/clients/8eb3l/activity-stats');
		expect(res.status).toBe(200);
		const stats: XavierActivityStats = xavierActivityStatsSchema.parse(await res.json());
		expect(stats.annual).toMatchObject({ start: '2019-07-01', end: '2020-06-30', turnover: 28713.35, totalCount: 143 });
		expect(stats.quarterlyAverage).toMatchObject({ turnoverChangeMoM: 84.4, salesChangeMoM: 38.89, billsChangeMoM: 112.5 });
		expect(stats.monthlyAverage.turnover).toBeCloseTo(28713.35 / 12, 2);
	});

	it('refuses unknown query parameters with a 400 and records the violation', async () => {
		const res = await get('/clients?page=2');
		expect(res.status).toBe(400);
		expect(xavierErrorSchema.safeParse(await res.json()).success).toBe(true);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query', path: '/clients' })]);
		expect(sim.violations[0].issues?.join()).toMatch(/page/);
	});

	it('can ignore unknown query parameters like the real API most likely does (still a violation)', async () => {
		const lenient = await startXavierSimulator({ ignoreUnknownQuery: true });
		try {
			const res = await fetch(`${lenient.url}/clients?limit=5`, { headers: auth });
			expect(res.status).toBe(200);
			expect(((await res.json()) as unknown[]).length).toBe(40);
			expect(lenient.violations).toHaveLength(1);
		} finally {
			await lenient.close();
		}
	});

	it('records unknown routes (the 2020 doc typo /client/{id}) and other methods as violations', async () => {
		expect((await get('/client/8eb3l')).status).toBe(404);
		const post = await fetch(`${sim.url}/clients`, { method: 'POST', headers: auth, body: '{}' });
		expect(post.status).toBe(405);
		expect(await post.json()).toEqual({ message: 'Method Not Allowed' });
		expect(sim.violations.map((v) => v.kind)).toEqual(['no-route', 'method-not-allowed']);
	});

	it('matches a client ID containing "/" only when it is percent-encoded', async () => {
		sim.state.addClient({ id: 'ab/cd', name: 'Slash & Co Ltd' });
		const encoded = await get(`/clients/${encodeURIComponent('ab/cd')}`);
		expect(encoded.status).toBe(200);
		expect(await encoded.json()).toMatchObject({ id: 'ab/cd', name: 'Slash & Co Ltd' });
		expect((await get('/clients/ab%2Fcd/activity-stats')).status).toBe(200);
		expect((await get('/clients/ab/cd')).status).toBe(404);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'no-route', rawPath: '/clients/ab/cd' })]);
		expect(sim.log.map((e) => e.rawPath)).toEqual(['/clients/ab%2Fcd', '/clients/ab%2Fcd/activity-stats', '/clients/ab/cd']);
	});

	it('lets tests add, change and remove clients; POST /__sim/reset restores the seed', async () => {
		const added = sim.state.addClient({ name: 'Fresh Start Ltd', healthScore: 45 });
		expect(added).toMatchObject({ name: 'Fresh Start Ltd', alertLevel: 'danger', practiceCode: null });
		expect(xavierClientDetailSchema.safeParse(added).success).toBe(true);
		sim.state.updateClient('8r2W8', { healthScore: 30, alertLevel: 'danger', metrics: { oneDayImpact: 12.5 } });
		expect(sim.state.removeClient('q6K0j')).toBe(true);

		const list = (await (await get('/clients')).json()) as XavierClientListItem[];
		expect(list).toHaveLength(40);
		expect(list[list.length - 1]).toMatchObject({ id: added.id, name: 'Fresh Start Ltd' });
		expect(list.find((c) => c.id === '8r2W8')).toMatchObject({ healthScore: 30, alertLevel: 'danger' });
		const changed = (await (await get('/clients/8r2W8')).json()) as XavierClientDetail;
		expect(changed.metrics.oneDayImpact).toBe(12.5);
		expect(typeof changed.metrics.debtorBalance).toBe('number'); // nested blocks merge
		expect((await get('/clients/q6K0j')).status).toBe(404);

		expect((await fetch(`${sim.url}/__sim/reset`, { method: 'POST' })).status).toBe(204);
		const restored = (await (await get('/clients')).json()) as XavierClientListItem[];
		expect(restored.map((c) => c.id)).toEqual(buildXavierSeed().clients.map((c) => c.id));
		expect(restored.find((c) => c.id === '8r2W8')).toMatchObject({ healthScore: 52, alertLevel: 'warning' });
		// Added IDs are deterministic too: the same first added ID after a reset.
		expect(sim.state.addClient().id).toBe(added.id);
	});

	it('serves faults armed over HTTP: a forced 503, then normal answers', async () => {
		await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'status', status: 503, path: '^/clients$', body: { message: 'Service Unavailable' } }) });
		const failed = await get('/clients');
		expect(failed.status).toBe(503);
		expect(failed.headers.get('server')).toBe('cloudflare');
		expect((await get('/clients')).status).toBe(200);
	});

	it('serves a truncated list that fails to parse', async () => {
		sim.faults.add({ kind: 'truncate', path: '^/clients$' });
		const res = await get('/clients');
		expect(res.status).toBe(200);
		await expect(res.json()).rejects.toThrow();
	});
});

describe('Xavier simulator rate limit', () => {
	let sim: XavierSimulator;
	beforeAll(async () => {
		sim = await startXavierSimulator({ rateLimit: { limit: 3, windowMs: 300 } });
	});
	afterAll(() => sim.close());

	it('counts X-RateLimit-Remaining down and answers 429 past the limit, without Retry-After', async () => {
		const seen: Array<[number, string | null, string | null]> = [];
		for (let i = 0; i < 4; i++) {
			const res = await fetch(`${sim.url}/clients`, { headers: auth });
			seen.push([res.status, res.headers.get('x-ratelimit-limit'), res.headers.get('x-ratelimit-remaining')]);
			if (res.status === 429) {
				expect(await res.json()).toEqual({ message: 'Too Many Attempts.' });
				expect(res.headers.get('retry-after')).toBeNull();
				expect(res.headers.get('server')).toBe('cloudflare');
			} else await res.arrayBuffer();
		}
		expect(seen).toEqual([
			[200, '3', '2'],
			[200, '3', '1'],
			[200, '3', '0'],
			[429, '3', '0'],
		]);
		await new Promise((resolve) => setTimeout(resolve, 320));
		const next = await fetch(`${sim.url}/clients`, { headers: auth });
		expect([next.status, next.headers.get('x-ratelimit-remaining')]).toEqual([200, '2']);
	});

	it('can run without a limit', async () => {
		const free = await startXavierSimulator({ rateLimit: null });
		try {
			for (let i = 0; i < 5; i++) expect((await fetch(`${free.url}/clients`, { headers: auth })).status).toBe(200);
			expect(free.rateLimit.get()).toBeNull();
		} finally {
			await free.close();
		}
	});
});
