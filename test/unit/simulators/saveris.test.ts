// The Saveris simulator against research/saveris.md: token endpoint and JWT exp, gateway error
// bodies, the async job lifecycle, the pre-signed storage route, data determinism, sync endpoints.
import { gunzipSync } from 'node:zlib';

import { measurementsIn, SAVERIS_PASSWORD, SAVERIS_USERNAME, SNAPSHOTS, startSaverisSimulator, uuidFrom } from '../../simulators/saveris';
import type { SaverisSimulator } from '../../simulators/saveris';

describe('Saveris simulator', () => {
	let sim: SaverisSimulator;
	let token: string;
	const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = { Authorization: `Bearer ${token}` }) =>
		fetch(`${sim.url}${path}`, {
			method,
			headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
			body: body !== undefined ? JSON.stringify(body) : undefined,
		});
	const login = async () => {
		const r = await call('POST', '/v1/token', { username: SAVERIS_USERNAME, password: SAVERIS_PASSWORD }, {});
		return ((await r.json()) as { IdToken: string }).IdToken;
	};

	beforeAll(async () => {
		sim = await startSaverisSimulator();
	});
	afterAll(() => sim.close());
	beforeEach(async () => {
		sim.reset();
		token = await login();
	});

	it('issues JWTs with exp; a bad login is 400 {Status, Message}', async () => {
		const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
		expect(payload.exp - payload.iat).toBe(3600);
		const bad = await call('POST', '/v1/token', { username: SAVERIS_USERNAME, password: 'nope' }, {});
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({ Status: 'Error', Message: 'Incorrect username or password.' });
	});

	it('401 problem+json without a valid token and once it expired (the authorizers answer 401), 403 for unknown paths', async () => {
		const none = await call('POST', '/v3/tenants', {}, {});
		expect(none.status).toBe(401);
		expect(none.headers.get('content-type')).toContain('application/problem+json');
		expect(await none.json()).toMatchObject({ type: 'UNAUTHORIZED', status: 401, detail: 'Authorization information is missing or invalid.' });
		sim.expireAllTokens();
		const expired = await call('POST', '/v3/tenants', {});
		expect(expired.status).toBe(401);
		expect(await expired.json()).toMatchObject({ type: 'UNAUTHORIZED', status: 401 });
		token = await login();
		const unknown = await call('GET', '/v9/nothing');
		expect(unknown.status).toBe(403);
		expect(await unknown.json()).toMatchObject({ type: 'MISSING_AUTHENTICATION_TOKEN', title: 'Missing Authentication Token' });
	});

	it('validates bodies like the gateway (400 problem+json) and the Lambda ({status, message})', async () => {
		const badFormat = await call('POST', '/v3/tenants', { options: { result_file_format: 'XLSX' } });
		expect(badFormat.status).toBe(400);
		expect(await badFormat.json()).toMatchObject({ type: 'BAD_REQUEST_BODY', title: 'Invalid request body' });
		const extraOdata = await call('POST', '/v3/tenants', { odata: { $top: '5' } });
		expect(extraOdata.status).toBe(400);
		const reversed = await call('POST', '/v2/measurements', { date_time_from: '2024-06-02T00:00:00Z', date_time_until: '2024-06-01T00:00:00Z' });
		expect(await reversed.json()).toEqual({ status: 'Error', message: 'Invalid request: date_time_from must be before date_time_until.' });
		expect(sim.violations.map((v) => v.kind)).toEqual(['invalid-body', 'invalid-body']);
	});

	it('runs a job Submitted → In Progress → Completed with pre-signed links (no auth, expiry, 403 XML)', async () => {
		sim.settings.inProgressPolls = 2;
		const body = { date_time_from: '2024-06-01T00:00:00Z', date_time_until: '2024-06-01T01:00:00Z' };
		const submitted = (await (await call('POST', '/v2/measurements', body)).json()) as { status: string; request_uuid: string };
		expect(submitted.status).toBe('Submitted');
		const poll = async () => (await (await call('GET', `/v2/measurements/${submitted.request_uuid}`)).json()) as Record<string, unknown>;
		expect(await poll()).toEqual({ status: 'In Progress' });
		expect(await poll()).toEqual({ status: 'In Progress' });
		const done = (await poll()) as { status: string; data_urls: string[]; metadata_url: string };
		expect(done.status).toBe('Completed');
		expect(done.data_urls[0]).toMatch(/X-Amz-Expires=3600/);
		expect(done.metadata_url).toMatch(/\.metadata\?/);
		const file = await fetch(done.data_urls[0]);
		const text = await file.text();
		expect(text.split('\n')[0]).toMatch(/^"uuid","sensor_uuid",/);
		expect(text.trim().split('\n')).toHaveLength(1 + measurementsIn(Date.parse(body.date_time_from), Date.parse(body.date_time_until)).length);
		const withAuth = await fetch(done.data_urls[0], { headers: { Authorization: `Bearer ${token}` } });
		expect(withAuth.status).toBe(400);
		const tampered = await fetch(done.data_urls[0].replace(/X-Amz-Signature=\w+/, `X-Amz-Signature=${'0'.repeat(64)}`));
		expect(tampered.status).toBe(403);
		sim.settings.expiredLinksNext = 1;
		const stale = (await poll()) as { data_urls: string[] };
		const expired = await fetch(stale.data_urls[0]);
		expect(expired.status).toBe(403);
		expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
	});

	it('switches jobs to Error (or Failed)', async () => {
		sim.settings.failNextJobs = 1;
		sim.settings.inProgressPolls = 0;
		const { request_uuid } = (await (await call('POST', '/v3/tenants', {})).json()) as { request_uuid: string };
		expect(await (await call('GET', `/v3/tenants/${request_uuid}`)).json()).toEqual({ status: 'Error' });
		const missing = await call('GET', `/v3/tenants/${uuidFrom('nope')}`);
		expect(missing.status).toBe(404);
	});

	it('writes JSON as several NDJSON files, optionally gzip', async () => {
		sim.settings.inProgressPolls = 0;
		sim.settings.jsonFiles = 3;
		sim.settings.gzip = true;
		const { request_uuid } = (await (await call('POST', '/v1/locations', { options: { result_file_format: 'JSON' } })).json()) as { request_uuid: string };
		const done = (await (await call('GET', `/v1/locations/${request_uuid}`)).json()) as { data_urls: string[] };
		expect(done.data_urls).toHaveLength(3);
		const rows = [];
		for (const url of done.data_urls) {
			const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
			expect(bytes[0]).toBe(0x1f);
			rows.push(...gunzipSync(bytes).toString().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
		}
		expect(rows).toHaveLength(SNAPSHOTS.location.length);
	});

	it('generates the same measurements for a window however it is cut', () => {
		const a = Date.parse('2024-06-01T00:00:00Z');
		const b = a + 6 * 3_600_000;
		const whole = measurementsIn(a, b).map((m) => m.uuid);
		const mid = a + 2 * 3_600_000 + 97_000; // exactly on a sample of sensor 1: half-open windows
		const cut = [...measurementsIn(a, mid), ...measurementsIn(mid, b)].map((m) => m.uuid);
		expect(new Set(cut)).toEqual(new Set(whole));
		expect(cut).toHaveLength(whole.length);
		expect(whole).toHaveLength(3 * 72);
	});

	it('answers the deprecated sync endpoints', async () => {
		const r = await call('GET', '/v3/tenants-sync');
		expect(r.headers.get('deprecation')).toBe('true');
		expect(((await r.json()) as { tenants: unknown[] }).tenants).toHaveLength(SNAPSHOTS.tenant.length);
	});
});
