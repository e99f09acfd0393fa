// The simulator framework, driven through a toy provider over real HTTP: routing and encoded path
// parameters, contract violations, auth and rate-limit hooks, each fault kind, the /__sim/ control routes.
import { z } from 'zod';
import { createSimulator, routesFor, type Simulator } from '../../simulators/core';

interface ToyState {
	items: Map<string, string>;
}

const TOKEN = 'toy-token';
const auth = { Authorization: `Bearer ${TOKEN}` };

function seedItems(): Map<string, string> {
	return new Map([
		['a', 'Apple'],
		['a/b', 'Slashed'],
	]);
}

async function startToy(options: { ignoreInvalid?: boolean; rateLimit?: { limit: number; windowMs: number } } = {}): Promise<Simulator<ToyState>> {
	const state: ToyState = { items: seedItems() };
	const route = routesFor<ToyState>();
	return createSimulator<ToyState>({
		name: 'toy',
		state,
		onReset: () => {
			state.items = seedItems();
		},
		credentials: (url) => ({ token: TOKEN, baseUrl: url }),
		routes: [
			route({
				method: 'GET',
				path: '/items',
				query: z.object({ page: z.coerce.number().int().positive().optional(), ids: z.array(z.string()).optional() }).strict(),
				handler: (req, { state: s }) => ({ status: 200, body: { page: req.query.page ?? 1, items: [...s.items.values()] } }),
			}),
			route({
				method: 'GET',
				path: '/items/:id',
				handler: (req, { state: s }) =>
					s.items.has(req.params.id) ? { status: 200, body: { id: req.params.id, name: s.items.get(req.params.id) } } : { status: 404, body: { error: 'no item' } },
			}),
			route({
				method: 'POST',
				path: '/items',
				body: z.object({ id: z.string(), name: z.string() }).strict(),
				handler: (req, { state: s }) => {
					s.items.set(req.body.id, req.body.name);
					return { status: 201, body: req.body };
				},
			}),
			route({
				method: 'GET',
				path: '/boom',
				handler: () => {
					throw new Error('handler bug');
				},
			}),
		],
		authenticate: (req) => (req.headers.authorization === `Bearer ${TOKEN}` ? null : { status: 401, body: { error: 'who are you' } }),
		rateLimit: {
			...(options.rateLimit ?? { limit: 1000, windowMs: 60_000 }),
			headers: (rate) => ({ 'X-RateLimit-Remaining': rate.remaining, 'X-RateLimit-Reset': Math.ceil(rate.resetAt / 1000) }),
			exceeded: (rate) => ({ status: 429, body: { error: 'slow down' }, headers: { 'Retry-After': Math.ceil((rate.resetAt - Date.now()) / 1000) } }),
		},
		defaultHeaders: { 'X-Provider': 'toy' },
		notFound: () => ({ status: 404, body: { error: 'toy not found' } }),
		invalidRequest: (_req, problem) => (options.ignoreInvalid ? null : { status: 400, body: { error: 'bad', where: problem.where } }),
	});
}

describe('simulator framework', () => {
	let sim: Simulator<ToyState>;
	beforeAll(async () => {
		sim = await startToy();
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('listens on an ephemeral 127.0.0.1 port and exposes credential values', () => {
		expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
		expect(sim.port).toBeGreaterThan(0);
		expect(sim.credentials).toEqual({ token: TOKEN, baseUrl: sim.url });
	});

	it('logs every request with raw and decoded path, parsed query, headers, body and status', async () => {
		await fetch(`${sim.url}/items?page=2&ids[]=x&ids[]=y%20z`, { headers: auth });
		await fetch(`${sim.url}/items`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'n', name: 'New' }) });
		expect(sim.log).toHaveLength(2);
		const [list, create] = sim.log;
		expect(list).toMatchObject({ method: 'GET', path: '/items', rawPath: '/items', rawQuery: 'page=2&ids[]=x&ids[]=y%20z', status: 200 });
		expect(list.query).toEqual({ page: '2', ids: ['x', 'y z'] });
		expect(list.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(typeof list.at).toBe('number');
		expect(create).toMatchObject({ method: 'POST', body: { id: 'n', name: 'New' }, status: 201 });
		expect(sim.violations).toEqual([]);
	});

	it('turns repeated keys into arrays and hands coerced query values to the handler', async () => {
		const res = await fetch(`${sim.url}/items?page=3&ids=1&ids=2`, { headers: auth });
		expect(await res.json()).toMatchObject({ page: 3 });
		expect(sim.log[0].query).toEqual({ page: '3', ids: ['1', '2'] });
	});

	it('decodes path parameters per raw segment: %2F stays inside the parameter', async () => {
		const encoded = await fetch(`${sim.url}/items/${encodeURIComponent('a/b')}`, { headers: auth });
		expect(encoded.status).toBe(200);
		expect(await encoded.json()).toEqual({ id: 'a/b', name: 'Slashed' });
		expect(sim.log[0]).toMatchObject({ rawPath: '/items/a%2Fb', path: '/items/a/b' });

		const unencoded = await fetch(`${sim.url}/items/a/b`, { headers: auth });
		expect(unencoded.status).toBe(404);
		expect(await unencoded.json()).toEqual({ error: 'toy not found' });
		expect(sim.violations).toHaveLength(1);
		expect(sim.violations[0]).toMatchObject({ kind: 'no-route', method: 'GET', rawPath: '/items/a/b' });
	});

	it('records unknown routes and wrong methods as violations, with the provider bodies', async () => {
		expect((await fetch(`${sim.url}/nowhere`, { headers: auth })).status).toBe(404);
		const wrongMethod = await fetch(`${sim.url}/items/a`, { method: 'DELETE', headers: auth });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.get('allow')).toBe('GET');
		expect(sim.violations.map((v) => v.kind)).toEqual(['no-route', 'method-not-allowed']);
	});

	it('records an unknown route even when the request is refused by auth first', async () => {
		const res = await fetch(`${sim.url}/nowhere`);
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({ error: 'who are you' });
		expect(sim.violations).toHaveLength(1);
	});

	it('answers query and body schema failures with the provider 400 and records them', async () => {
		const badQuery = await fetch(`${sim.url}/items?limit=5`, { headers: auth });
		expect(badQuery.status).toBe(400);
		expect(await badQuery.json()).toEqual({ error: 'bad', where: 'query' });

		const badBody = await fetch(`${sim.url}/items`, { method: 'POST', headers: auth, body: JSON.stringify({ id: 'x', nme: 'typo' }) });
		expect(badBody.status).toBe(400);
		expect(sim.state.items.has('x')).toBe(false);

		expect(sim.violations.map((v) => v.kind)).toEqual(['invalid-query', 'invalid-body']);
		expect(sim.violations[0].issues?.join()).toMatch(/limit/);
		expect(sim.violations[1].issues?.join()).toMatch(/nme|name/);
	});

	it('turns a throwing handler into a 500 and a violation', async () => {
		const res = await fetch(`${sim.url}/boom`, { headers: auth });
		expect(res.status).toBe(500);
		expect(sim.violations[0]).toMatchObject({ kind: 'handler-error' });
		expect(sim.violations[0].message).toMatch(/handler bug/);
	});

	it('adds default and rate-limit headers to every answer and sends exact Content-Length', async () => {
		const res = await fetch(`${sim.url}/items/a`, { headers: auth });
		expect(res.headers.get('x-provider')).toBe('toy');
		expect(res.headers.get('x-ratelimit-remaining')).toBe('999');
		expect(res.headers.get('content-type')).toBe('application/json');
		const text = await res.text();
		expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
	});

	describe('faults', () => {
		it('status: forces an answer for `times` matching requests, then the route answers again', async () => {
			sim.faults.add({ kind: 'status', status: 503, body: { error: 'maintenance' }, headers: { 'Retry-After': '1' }, times: 2, path: '^/items$' });
			const first = await fetch(`${sim.url}/items`, { headers: auth });
			expect(first.status).toBe(503);
			expect(first.headers.get('retry-after')).toBe('1');
			expect(await first.json()).toEqual({ error: 'maintenance' });
			expect((await fetch(`${sim.url}/items/a`, { headers: auth })).status).toBe(200); // path does not match
			expect((await fetch(`${sim.url}/items`, { headers: auth })).status).toBe(503);
			expect((await fetch(`${sim.url}/items`, { headers: auth })).status).toBe(200);
			expect(sim.log.map((e) => e.fault)).toEqual(['status', undefined, 'status', undefined]);
			expect(sim.faults.list()).toEqual([]);
		});

		it('matches the method when one is given, and "always" never runs out', async () => {
			sim.faults.add({ kind: 'status', status: 429, method: 'POST', times: 'always' });
			expect((await fetch(`${sim.url}/items`, { headers: auth })).status).toBe(200);
			for (let i = 0; i < 3; i++) {
				const res = await fetch(`${sim.url}/items`, { method: 'POST', headers: auth, body: '{}' });
				expect(res.status).toBe(429);
			}
			expect(sim.faults.list()).toEqual([expect.objectContaining({ kind: 'status', remaining: 'always' })]);
			sim.faults.clear();
			expect(sim.faults.list()).toEqual([]);
		});

		it('latency: delays, then answers normally', async () => {
			sim.faults.add({ kind: 'latency', ms: 120 });
			const started = Date.now();
			const res = await fetch(`${sim.url}/items/a`, { headers: auth });
			expect(res.status).toBe(200);
			expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		});

		it('reset: destroys the socket without answering', async () => {
			sim.faults.add({ kind: 'reset' });
			await expect(fetch(`${sim.url}/items/a`, { headers: auth })).rejects.toThrow();
			expect(sim.log[0]).toMatchObject({ status: 0, fault: 'reset' });
			expect((await fetch(`${sim.url}/items/a`, { headers: auth })).status).toBe(200);
		});

		it('truncate: good status and headers, then half the body and a dead socket', async () => {
			sim.faults.add({ kind: 'truncate' });
			const res = await fetch(`${sim.url}/items`, { headers: auth });
			expect(res.status).toBe(200);
			expect(Number(res.headers.get('content-length'))).toBeGreaterThan(10);
			await expect(res.text()).rejects.toThrow();
			expect(sim.log[0]).toMatchObject({ status: 200, fault: 'truncate' });
		});
	});

	describe('control routes', () => {
		it('arm and clear faults over HTTP, and are not logged', async () => {
			const armed = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'status', status: 502, path: '^/items' }) });
			expect(armed.status).toBe(201);
			expect(await armed.json()).toEqual({ faults: [expect.objectContaining({ kind: 'status', status: 502, path: '^/items', remaining: 1 })] });
			expect((await fetch(`${sim.url}/__sim/faults`)).status).toBe(200);
			expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(204);
			expect((await fetch(`${sim.url}/items`, { headers: auth })).status).toBe(200);

			await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'status', status: 502 }) });
			expect((await fetch(`${sim.url}/items`, { headers: auth })).status).toBe(502);

			const bad = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) });
			expect(bad.status).toBe(400);
			expect(sim.log.map((e) => e.rawPath)).toEqual(['/items', '/items']);
		});

		it('GET /__sim/log returns the log and violations; DELETE empties them', async () => {
			await fetch(`${sim.url}/items?x=1`, { headers: auth });
			const body = (await (await fetch(`${sim.url}/__sim/log`)).json()) as { log: unknown[]; violations: unknown[] };
			expect(body.log).toHaveLength(1);
			expect(body.violations).toEqual([expect.objectContaining({ kind: 'invalid-query' })]);
			expect((await fetch(`${sim.url}/__sim/log`, { method: 'DELETE' })).status).toBe(204);
			expect(sim.log).toEqual([]);
			expect(sim.violations).toEqual([]);
		});

		it('POST /__sim/reset restores the seed and clears faults and the log', async () => {
			await fetch(`${sim.url}/items`, { method: 'POST', headers: auth, body: JSON.stringify({ id: 'z', name: 'Zed' }) });
			sim.faults.add({ kind: 'reset', path: '^/never' });
			expect(sim.state.items.has('z')).toBe(true);
			expect((await fetch(`${sim.url}/__sim/reset`, { method: 'POST' })).status).toBe(204);
			expect(sim.state.items.has('z')).toBe(false);
			expect(sim.faults.list()).toEqual([]);
			expect(sim.log).toEqual([]);
		});

		it('PUT /__sim/rate-limit changes the limit at runtime; unknown control routes are 404', async () => {
			const set = await fetch(`${sim.url}/__sim/rate-limit`, { method: 'PUT', body: JSON.stringify({ limit: 1, windowMs: 60_000 }) });
			expect(await set.json()).toEqual({ rateLimit: { limit: 1, windowMs: 60_000 } });
			expect((await fetch(`${sim.url}/items`, { headers: auth })).status).toBe(200);
			expect((await fetch(`${sim.url}/items`, { headers: auth })).status).toBe(429);
			await fetch(`${sim.url}/__sim/rate-limit`, { method: 'PUT', body: JSON.stringify({ limit: 1000, windowMs: 60_000 }) });
			expect((await fetch(`${sim.url}/items`, { headers: auth })).status).toBe(200);
			expect((await fetch(`${sim.url}/__sim/nope`)).status).toBe(404);
		});
	});
});

describe('simulator framework: rate limiter', () => {
	let sim: Simulator<ToyState>;
	beforeAll(async () => {
		sim = await startToy({ rateLimit: { limit: 2, windowMs: 300 } });
	});
	afterAll(() => sim.close());

	it('refuses past the limit within a window, per credential, with the provider 429 and headers', async () => {
		const remaining: Array<string | null> = [];
		for (let i = 0; i < 2; i++) remaining.push((await fetch(`${sim.url}/items`, { headers: auth })).headers.get('x-ratelimit-remaining'));
		expect(remaining).toEqual(['1', '0']);
		const limited = await fetch(`${sim.url}/items`, { headers: auth });
		expect(limited.status).toBe(429);
		expect(await limited.json()).toEqual({ error: 'slow down' });
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
		expect(limited.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);

		// Another credential has its own window (and is refused by auth, after the limiter).
		expect((await fetch(`${sim.url}/items`, { headers: { Authorization: 'Bearer other' } })).status).toBe(401);

		await new Promise((resolve) => setTimeout(resolve, 320));
		const next = await fetch(`${sim.url}/items`, { headers: auth });
		expect(next.status).toBe(200);
		expect(next.headers.get('x-ratelimit-remaining')).toBe('1');
	});

	it('can be switched off at runtime', async () => {
		sim.rateLimit.set(null);
		for (let i = 0; i < 4; i++) {
			const res = await fetch(`${sim.url}/items`, { headers: auth });
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-remaining')).toBeNull();
		}
		expect(sim.rateLimit.get()).toBeNull();
	});
});

describe('simulator framework: lenient providers', () => {
	it('runs the handler anyway when invalidRequest returns null, still recording the violation', async () => {
		const sim = await startToy({ ignoreInvalid: true });
		try {
			const res = await fetch(`${sim.url}/items?unknown=1`, { headers: auth });
			expect(res.status).toBe(200);
			expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query' })]);
		} finally {
			await sim.close();
		}
	});

	it('closes promptly with keep-alive connections and a request stuck in a latency fault', async () => {
		const sim = await startToy();
		sim.faults.add({ kind: 'latency', ms: 60_000 });
		const stuck = fetch(`${sim.url}/items`, { headers: auth }).catch((error: unknown) => error);
		await new Promise((resolve) => setTimeout(resolve, 30));
		const started = Date.now();
		await sim.close();
		expect(Date.now() - started).toBeLessThan(1000);
		// fetch's TypeError comes from Node's realm, not jest's: check the message, not instanceof.
		expect(String(await stuck)).toMatch(/fetch failed/);
	});
});
