/**
 * Hostile and broken servers, part one: credentials and requests (issue 12, points 1–4).
 *
 * Each server here is a small node `http` server on 127.0.0.1 that does what a hostile or broken API
 * can do (the behaviours are the ones the issue reports, measured against n8n 1.x and 2.x):
 * - redirects a call (302 / 307) to another origin, hoping the credential follows;
 * - echoes the request's credential back in an error text or a result;
 * - trickles its answer a byte at a time, or accepts the connection and never answers, or is down;
 * - (Saveris) hands out result links to the n8n machine itself.
 */
import * as http from 'node:http';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { XavierApi } from '../../credentials/XavierApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { resetTokenCache } from '../../nodes/Saveris/transport/session';
import { Saveris } from '../../nodes/Saveris/Saveris.node';
import { Xavier } from '../../nodes/Xavier/Xavier.node';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import { findSecretsInText, registerSecret } from '../helpers/secrets';
import { sendJson, startTestServer, type Handler, type TestServer } from '../helpers/testServer';
import { startSaverisSimulator } from '../simulators/saveris';
import type { SaverisSimulator } from '../simulators/saveris';
import { locator } from '../helpers/locator';
import type { HarnessError, RunNodeOptions } from './harness';
import { runNode, testCredential } from './harness';

// Secrets of this file: long enough for the scan, and with characters whose URL-encoded and base64
// forms differ from the plain one.
const XAVIER_TOKEN = registerSecret('xav+hostile/tok=7c2e9b');
const XTRAKIT_KEY = registerSecret('xtk_hostile_key_4b8e1d');
const CXCMS_KEY = registerSecret('cxcms|hostile+key_2d9f7a');
const CLINIKO_KEY = registerSecret('cliniko_hostile_key_8a1c3f-au1');
const SAVERIS_PASSWORD = registerSecret('saveris hostile pw/5e0b2c');
const SAVERIS_TOKEN = registerSecret('saveris_hostile_idtoken_93d1ae');
const SECRETS = [XAVIER_TOKEN, XTRAKIT_KEY, CXCMS_KEY, CLINIKO_KEY, SAVERIS_PASSWORD, SAVERIS_TOKEN];

const servers: TestServer[] = [];

// The module object itself (an `import * as` copy would be read-only): node's `net` looks
// `dns.lookup` up on it at connect time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dns = require('node:dns') as typeof import('node:dns');

async function startServer(handler: Handler): Promise<TestServer> {
	const server = await startTestServer(handler);
	servers.push(server);
	return server;
}

const json = sendJson;

/** Everything a server received, as one text, for the secret finder (plain, URL-encoded, base64). */
const received = (server: TestServer) => JSON.stringify(server.seen);
const leaks = (text: string) => findSecretsInText(text, '<test>', SECRETS);
const errorText = (error: HarnessError | undefined) =>
	JSON.stringify({ message: error?.message, description: error?.description, messages: error?.messages, context: error?.context });

afterEach(async () => {
	while (servers.length) await servers.pop()?.close();
	resetTokenCache();
});

interface ProviderCase {
	name: string;
	/** Credentials pointing at `base` (the server's origin). */
	run: (base: string, extra?: Partial<RunNodeOptions>) => ReturnType<typeof runNode>;
	/** The path below the origin the node calls first (after any login). */
	apiPath: string;
}

const PROVIDERS: ProviderCase[] = [
	{
		name: 'Xavier (Bearer token)',
		apiPath: '/clients',
		run: (base, extra) =>
			runNode({
				nodeType: Xavier,
				credentialTypes: [XavierApi],
				credentials: { xavierApi: { apiToken: XAVIER_TOKEN, baseUrl: base } },
				parameters: { resource: 'client', operation: 'getAll', returnAll: true },
				...extra,
			}),
	},
	{
		name: 'XtraKit (Bearer API key)',
		apiPath: '/customers/1',
		run: (base, extra) =>
			runNode({
				nodeType: XtraKit,
				credentialTypes: [XtraKitApi],
				credentials: { xtraKitApi: { apiKey: XTRAKIT_KEY, baseUrl: base } },
				parameters: { resource: 'customer', operation: 'get', customerId: locator('1') },
				...extra,
			}),
	},
	{
		name: 'CLIENTXCMS (API key)',
		apiPath: '/api/application/products/1',
		run: (base, extra) =>
			runNode({
				nodeType: ClientXcms,
				credentialTypes: [ClientXcmsApi],
				credentials: { clientXcmsApi: { apiKey: CXCMS_KEY, baseUrl: base } },
				parameters: { resource: 'product', operation: 'get', productId: locator('1') },
				...extra,
			}),
	},
	{
		name: 'Cliniko (Basic)',
		apiPath: '/v1/patients/1',
		run: (base, extra) =>
			runNode({
				nodeType: Cliniko,
				credentialTypes: [ClinikoApi],
				credentials: { clinikoApi: { apiKey: CLINIKO_KEY, appName: 'hostile tests', contactEmail: 'tests@example.com', baseUrl: `${base}/v1` } },
				parameters: { resource: 'patient', operation: 'get', patientId: locator('1') },
				...extra,
			}),
	},
	{
		name: 'Saveris (IdToken from a login)',
		apiPath: '/v1/tenant/export/00000000-0000-4000-8000-000000000000',
		run: (base, extra) =>
			runNode({
				nodeType: Saveris,
				credentialTypes: [SaverisApi],
				credentials: { saverisApi: { username: 'hostile@example.com', password: SAVERIS_PASSWORD, region: 'eu', environment: 'i', baseUrl: base } },
				parameters: { resource: 'tenant', operation: 'getExportStatus', requestUuid: '00000000-0000-4000-8000-000000000000' },
				...extra,
			}),
	},
];

/** A Saveris-style login answer for every `POST /v1/token`; true when it answered. */
function answerLogin(req: http.IncomingMessage, res: http.ServerResponse): boolean {
	if (req.method === 'POST' && req.url === '/v1/token') {
		json(res, 200, { IdToken: SAVERIS_TOKEN });
		return true;
	}
	return false;
}

describe('1. a redirect never carries a credential to another origin', () => {
	for (const provider of PROVIDERS) {
		for (const status of [302, 307]) {
			it(`${provider.name}: HTTP ${status} to another host:port gets no credential`, async () => {
				// What a hostile API or a hijacked proxy does: answer every call with a redirect to a server it controls.
				const evil = await startServer((_req, res) => json(res, 200, { id: 1, name: 'from the other host' }));
				const api = await startServer((req, res) => {
					if (answerLogin(req, res)) return;
					res.writeHead(status, { Location: `${evil.url}${req.url ?? '/'}` });
					res.end();
				});
				const { error } = await provider.run(api.url);
				expect(leaks(received(evil))).toEqual([]);
				expect(evil.seen.every((r) => r.headers.authorization === undefined)).toBe(true);
				expect(error?.message).toMatch(/redirect/i);
				expect(error?.message).toContain('another host');
				expect(leaks(errorText(error))).toEqual([]);
			});
		}
	}

	it('Saveris: a 307 on POST /v1/token does not re-post the username and password elsewhere', async () => {
		const evil = await startServer((_req, res) => json(res, 200, { IdToken: 'not-a-token-from-saveris' }));
		const api = await startServer((req, res) => {
			res.writeHead(307, { Location: `${evil.url}/v1/token` });
			res.end();
		});
		const { error } = await PROVIDERS[4].run(api.url);
		expect(evil.seen).toEqual([]);
		expect(api.seen.filter((r) => r.url === '/v1/token')).toHaveLength(1);
		expect(error?.message).toMatch(/Saveris login .*redirect/i);
		expect(leaks(errorText(error))).toEqual([]);
	});

	it('a same-origin redirect is still followed, with the credential', async () => {
		const api = await startServer((req, res) => {
			if (req.url === '/clients') {
				res.writeHead(301, { Location: '/v2/clients' });
				res.end();
				return;
			}
			json(res, 200, [{ id: 'c1', name: 'Moved Ltd' }]);
		});
		const { items, error } = await PROVIDERS[0].run(api.url);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(['c1']);
		expect(api.seen.map((r) => r.url)).toEqual(['/clients', '/v2/clients']);
		expect(api.seen[1].headers.authorization).toBe(`Bearer ${XAVIER_TOKEN}`);
	});
	it('a same-origin redirect loop ends after 5 hops with a clear error', async () => {
		const api = await startServer((req, res) => {
			res.writeHead(302, { Location: `/loop${api.seen.length}` });
			res.end();
		});
		const { error } = await PROVIDERS[0].run(api.url);
		expect(api.seen).toHaveLength(6);
		expect(error?.description).toContain('More than 5 redirects');
	});
});

describe("1b. the credential test (n8n's Test button) does not follow a redirect either", () => {
	const cases = [
		{ name: 'Xavier', type: XavierApi, data: (base: string) => ({ apiToken: XAVIER_TOKEN, baseUrl: base }) },
		{ name: 'XtraKit', type: XtraKitApi, data: (base: string) => ({ apiKey: XTRAKIT_KEY, baseUrl: base }) },
		{ name: 'CLIENTXCMS', type: ClientXcmsApi, data: (base: string) => ({ apiKey: CXCMS_KEY, baseUrl: base }) },
		{
			name: 'Cliniko',
			type: ClinikoApi,
			data: (base: string) => ({ apiKey: CLINIKO_KEY, appName: 'hostile tests', contactEmail: 'tests@example.com', baseUrl: `${base}/v1` }),
		},
		{
			name: 'Saveris',
			type: SaverisApi,
			data: (base: string) => ({ username: 'hostile@example.com', password: SAVERIS_PASSWORD, region: 'eu', environment: 'i', baseUrl: base }),
		},
	];
	for (const c of cases) {
		it(`${c.name}: a 307 to another host:port gets no credential`, async () => {
			const evil = await startServer((_req, res) => json(res, 200, { ok: true, IdToken: 'from-the-other-host' }));
			const api = await startServer((req, res) => {
				res.writeHead(307, { Location: `${evil.url}${req.url ?? '/'}` });
				res.end();
			});
			const result = await testCredential(c.type, c.data(api.url));
			expect(leaks(received(evil))).toEqual([]);
			expect(evil.seen).toEqual([]);
			expect(result.status).toBe('Error');
		});
	}
});

describe('2. a server that echoes the credential does not get it into messages or output', () => {
	const basic = Buffer.from(`${CLINIKO_KEY}:`).toString('base64');
	const forms = (secret: string) =>
		`plain ${secret} | url ${encodeURIComponent(secret)} | b64 ${Buffer.from(secret).toString('base64')} | b64url ${Buffer.from(secret).toString('base64url')}`;

	it('Xavier: an error text echoing the Authorization header', async () => {
		const api = await startServer((req, res) =>
			json(res, 401, { message: `Token refused. You sent: ${req.headers.authorization}; ${forms(XAVIER_TOKEN)}` }),
		);
		const { error } = await PROVIDERS[0].run(api.url);
		expect(error?.message).toContain('Token refused');
		expect(leaks(errorText(error))).toEqual([]);
	});

	it('Cliniko: an HTML-less text error echoing the Basic header', async () => {
		const api = await startServer((req, res) => {
			res.writeHead(400, { 'Content-Type': 'text/plain' });
			res.end(`Bad request; headers were ${JSON.stringify(req.headers)} (Basic ${basic}) ${forms(CLINIKO_KEY)}`);
		});
		const { error } = await PROVIDERS[3].run(api.url);
		expect(error?.message).toContain('Bad request');
		expect(leaks(errorText(error))).toEqual([]);
	});

	it('CLIENTXCMS and XtraKit: an error text echoing the key', async () => {
		for (const [provider, key] of [
			[PROVIDERS[1], XTRAKIT_KEY],
			[PROVIDERS[2], CXCMS_KEY],
		] as const) {
			const api = await startServer((req, res) => json(res, 422, { message: `Key ${req.headers.authorization} ${forms(key)}` }));
			const { error } = await provider.run(api.url);
			expect(error?.message).toContain('Key');
			expect(leaks(errorText(error))).toEqual([]);
		}
	});

	it('Saveris: a login error echoing the password, and an API error echoing the IdToken', async () => {
		const login = await startServer((req, res) =>
			json(res, 400, { Status: 'Error', Message: `Wrong password ${forms(SAVERIS_PASSWORD)} in ${JSON.stringify(req.headers)}` }),
		);
		const refused = await PROVIDERS[4].run(login.url);
		expect(refused.error?.message).toContain('Wrong password');
		expect(leaks(errorText(refused.error))).toEqual([]);

		const api = await startServer((req, res) => {
			if (answerLogin(req, res)) return;
			json(res, 500, { message: `Internal error for ${req.headers.authorization} ${forms(SAVERIS_TOKEN)}` });
		});
		const failed = await PROVIDERS[4].run(api.url);
		expect(failed.error?.message).toContain('Internal error');
		expect(leaks(errorText(failed.error))).toEqual([]);
	});

	it('Xavier: a result that echoes the token is redacted in the output items', async () => {
		const api = await startServer((req, res) =>
			json(res, 200, [{ id: 'c1', name: 'Echo Ltd', debug: { auth: req.headers.authorization, forms: forms(XAVIER_TOKEN) } }]),
		);
		const { items, error } = await PROVIDERS[0].run(api.url);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(['c1']);
		expect(JSON.stringify(items)).toContain('Echo Ltd');
		expect(leaks(JSON.stringify(items))).toEqual([]);
	});
});

describe('3. timeouts are total deadlines, and a dead host fails fast', () => {
	const items = (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { i } }));
	const xavier = (base: string, extra: Partial<RunNodeOptions> = {}, timeoutSeconds = 1) =>
		runNode({
			nodeType: Xavier,
			credentialTypes: [XavierApi],
			credentials: { xavierApi: { apiToken: XAVIER_TOKEN, baseUrl: base, timeoutSeconds } },
			parameters: { resource: 'client', operation: 'getAll', returnAll: true },
			...extra,
		});

	it('a body trickled a byte at a time does not outlive the timeout', async () => {
		// Issue 12: one byte every 5 s kept a "30 s timeout" request alive for 50 s (n8n's timeout is idle time).
		const body = `[${' '.repeat(40)}{"id":"slow","name":"Trickle Ltd"}]`;
		const api = await startServer((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
			let at = 0;
			const drip = () => {
				if (res.destroyed || at >= body.length) return void res.end();
				res.write(body[at++]);
				setTimeout(drip, 150);
			};
			drip();
		});
		const { error } = await xavier(api.url);
		expect(error?.message).toBe('Xavier Analytics did not answer in time');
		expect(error?.description).toContain('1 s');
	}, 20_000);

	it('a server that accepts and never answers: one attempt, then every other item fails at once', async () => {
		const api = await startServer(() => undefined);
		const { items: out, error } = await xavier(api.url, { inputItems: items(4), continueOnFail: true });
		expect(error).toBeUndefined();
		expect(out).toHaveLength(4);
		for (const item of out) expect(item.json.error).toBe('Xavier Analytics did not answer in time');
		// Before: 5 attempts of 30 s each, for every item.
		expect(api.seen).toHaveLength(1);
		expect(api.connections).toBe(1);
	}, 20_000);

	it('a refused connection is reported as refused, not retried, and fails the next items at once', async () => {
		const gone = await startServer(() => undefined);
		const url = gone.url;
		await gone.close();
		servers.pop();
		const { items: out, error } = await xavier(url, { inputItems: items(3), continueOnFail: true });
		expect(error).toBeUndefined();
		expect(out).toHaveLength(3);
		for (const item of out) expect(item.json.error).toBe('Xavier Analytics refused the connection');
		const first = out[0].json as IDataObject;
		expect(JSON.stringify(first)).toContain('tried 1 time');
	}, 20_000);
});

describe('3b. every item has a total time limit: retries, rate-limit waits and pages together', () => {
	const items = (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { i } }));

	it('a server that keeps answering 429 costs each item at most its time limit, not every retry', async () => {
		// Without a limit: 5 attempts per item, each after the 1 s the server asks for.
		const api = await startServer((_req, res) => json(res, 429, { message: 'Too Many Requests' }, { 'Retry-After': '1' }));
		const started = Date.now();
		const { items: out, error } = await runNode({
			nodeType: Xavier,
			credentialTypes: [XavierApi],
			credentials: { xavierApi: { apiToken: XAVIER_TOKEN, baseUrl: api.url, itemTimeLimitMinutes: 0.03 } },
			parameters: { resource: 'client', operation: 'getAll', returnAll: true },
			inputItems: items(2),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(2);
		for (const item of out) {
			expect(item.json.error).toBe('Xavier Analytics: this item took longer than its time limit (2 s)');
			expect(item.json.description).toContain('Time Limit per Item');
		}
		// Each item stops before a wait that would end past its limit: 2 requests each, not 5.
		expect(api.seen.length).toBeLessThanOrEqual(4);
		expect(Date.now() - started).toBeLessThan(8_000);
	}, 20_000);

	it('a Return All over pages that never end stops at the time limit with a clear message', async () => {
		// Every page is slow and links to the next one, claiming a huge total.
		const api = await startServer((req, res) => {
			const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
			const next = `http://${req.headers.host}/v1/patients?page=${page + 1}&per_page=100`;
			setTimeout(
				() =>
					json(res, 200, {
						patients: Array.from({ length: 100 }, (_, i) => ({ id: String(page * 1000 + i), first_name: 'P', last_name: String(i) })),
						total_entries: 10_000_000,
						links: { self: req.url, next },
					}),
				300,
			);
		});
		const { error } = await runNode({
			nodeType: Cliniko,
			credentialTypes: [ClinikoApi],
			credentials: {
				clinikoApi: { apiKey: CLINIKO_KEY, appName: 'hostile tests', contactEmail: 'tests@example.com', baseUrl: `${api.url}/v1`, itemTimeLimitMinutes: 0.03 },
			},
			parameters: { resource: 'patient', operation: 'getAll', returnAll: true },
		});
		expect(error?.message).toBe('Cliniko: this item took longer than its time limit (2 s)');
		expect(api.seen.length).toBeGreaterThan(1);
		// Cliniko reads numbered pages a few at a time: still a handful, not the 100,000 the total claims.
		expect(api.seen.length).toBeLessThan(60);
	}, 20_000);

	it('the default limit is 15 minutes, and Saveris leaves it to its own export Timeout', async () => {
		const { itemTimeLimitMs } = await import('../../nodes/shared/http');
		const { xavier } = await import('../../nodes/Xavier/provider');
		const { saveris } = await import('../../nodes/Saveris/provider');
		expect(itemTimeLimitMs({}, xavier)).toBe(15 * 60_000);
		expect(itemTimeLimitMs({ itemTimeLimitMinutes: 2 }, xavier)).toBe(120_000);
		expect(itemTimeLimitMs({}, saveris)).toBeUndefined();
	});
});

describe('4. Saveris result links to this machine are fetched only when the API itself is local', () => {
	let sim: SaverisSimulator;
	const HOST = 'saveris-hostile.test';
	const realLookup = dns.lookup;

	beforeAll(async () => {
		sim = await startSaverisSimulator();
		// The API host has a public-looking name (here resolved to the simulator, so the test stays on
		// 127.0.0.1), while the result links it hands out point at 127.0.0.1 — the n8n machine itself.
		(dns as { lookup: unknown }).lookup = ((hostname: string, options: unknown, callback?: unknown) => {
			if (hostname !== HOST) return (realLookup as (...a: unknown[]) => void)(hostname, options, callback);
			const cb = (typeof options === 'function' ? options : callback) as (...a: unknown[]) => void;
			const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
			process.nextTick(() => (all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)));
		}) as typeof dns.lookup;
	});
	afterAll(async () => {
		(dns as { lookup: unknown }).lookup = realLookup;
		await sim.close();
	});
	beforeEach(() => sim.reset());

	const run = (baseUrl: string) =>
		runNode({
			nodeType: Saveris,
			credentialTypes: [SaverisApi],
			credentials: { saverisApi: { ...sim.credentials, baseUrl } },
			parameters: { resource: 'tenant', operation: 'exportAndWait' },
		});

	it('an API on another host cannot make the node read http://127.0.0.1 links', async () => {
		const port = new URL(sim.url).port;
		const { error, items } = await run(`http://${HOST}:${port}`);
		expect(sim.log.filter((e) => e.path.startsWith('/v1/token')).length).toBe(1);
		expect(sim.log.filter((e) => e.path.startsWith('/storage'))).toEqual([]);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Saveris returned a download link this node does not fetch');
	});

	it('with a loopback Base URL (a local test server) the same links are fetched', async () => {
		const { error, items } = await run(sim.url);
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(sim.log.filter((e) => e.path.startsWith('/storage')).length).toBeGreaterThan(0);
	});
});
