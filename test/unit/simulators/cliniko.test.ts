// The Cliniko simulator against its contract (the spec in specs/cliniko-openapi.yaml)
// and the research notes (/work/shared/research/cliniko.md): every operation routed, auth and shards,
// the User-Agent rule, paging and links, q[] operators of every type, sort, archived/cancelled
// records, create/update/archive/cancel/delete answers, 422 bodies, 404s, the rate limit,
// available times, and the seed's shape.
import type { ZodTypeAny } from 'zod';
import {
	CANT_BE_BLANK,
	CLINIKO_TEST_KEY,
	CLINIKO_TEST_USER_AGENT,
	classifiedOperations,
	clinikoOperations,
	exampleRequest,
	FIRST_ID,
	loadClinikoSpec,
	OpenApiZod,
	RESOURCES,
	SEED_COUNTS,
	startClinikoSimulator,
	type ClinikoRecord,
	type ClinikoSimulator,
	type Row,
} from '../../simulators/cliniko';
import { addDays, localDate } from '../../simulators/cliniko/time';

type Json = Record<string, any>;

let sim: ClinikoSimulator;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = sim.headers()): Promise<{ status: number; body: any; headers: Headers; text: string }> {
	const res = await fetch(`${sim.url}${path}`, {
		method,
		headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	let parsed: unknown = text;
	try {
		parsed = text === '' ? undefined : JSON.parse(text);
	} catch {
		// plain-text answers (401, missing User-Agent)
	}
	return { status: res.status, body: parsed, headers: res.headers, text };
}

const get = (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers);
const q = (...filters: string[]) => filters.map((f) => `q[]=${encodeURIComponent(f)}`).join('&');
const ids = (items: Json[]) => items.map((i) => i.id as string);

/** Every page of a list, following links.next like a client should. */
async function all(path: string): Promise<Json[]> {
	const out: Json[] = [];
	let url: string | undefined = `${sim.url}${path}${path.includes('?') ? '&' : '?'}per_page=100`;
	while (url) {
		const res = await fetch(url, { headers: sim.headers() });
		const body = (await res.json()) as Json;
		const key = Object.keys(body).find((k) => k !== 'total_entries' && k !== 'links')!;
		out.push(...body[key]);
		url = body.links.next;
	}
	return out;
}

/** Stored rows, archived and cancelled ones included. */
function visibleRows(collection: string, where: (row: Row) => boolean = () => true): Row[] {
	return sim.state.rows(collection, { includeArchived: true, includeCancelled: true }).filter((r) => r.deleted_at == null && where(r));
}

const responseZod = () => new OpenApiZod(loadClinikoSpec(), { unknownKeys: 'strict', nullableLinks: true });

/** Runs a test part against a simulator that serves what the spec deprecates (still recording it). */
async function withDeprecated<T>(fn: () => Promise<T>): Promise<T> {
	sim.settings.serveDeprecated = true;
	try {
		return await fn();
	} finally {
		sim.settings.serveDeprecated = false;
	}
}

beforeAll(async () => {
	sim = await startClinikoSimulator({ rateLimit: null });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('Cliniko simulator: the spec', () => {
	it('routes every path and operation of the spec (137 paths, 211 operations, 27 deprecated)', () => {
		const ops = clinikoOperations();
		expect(new Set(ops.map((o) => o.path)).size).toBe(137);
		expect(ops).toHaveLength(211);
		expect(ops.filter((o) => o.deprecated)).toHaveLength(27);
		const kinds = classifiedOperations().reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }), {});
		expect(kinds).toEqual({
			list: 64,
			get: 36,
			create: 28,
			update: 26,
			archive: 21,
			'delete-archives': 15,
			delete: 4,
			unarchive: 3,
			cancel: 2,
			conflicts: 3,
			'available-times': 1,
			'next-available-time': 1,
			'presigned-post': 1,
			'current-user': 1,
			settings: 1,
			'public-settings': 1,
			signature: 1,
			'get-referral-source': 1,
			'update-referral-source': 1,
		});
	});

	it('reads the q[] table of each list operation', () => {
		const patients = clinikoOperations().find((o) => o.operationId === 'ListPatients-Get')!;
		expect(Object.fromEntries(patients.filters!)).toEqual({
			accepted_privacy_policy: 'boolean',
			archived_at: 'date-time',
			created_at: 'date-time',
			date_of_birth: 'date',
			email: 'string',
			first_name: 'string',
			id: 'int64',
			last_name: 'string',
			old_reference_id: 'string',
			preferred_first_name: 'string',
			updated_at: 'date-time',
		});
		const getPatient = clinikoOperations().find((o) => o.operationId === 'GetPatient-Get')!;
		expect([...getPatient.filters!.keys()]).toEqual(['archived_at']);
	});

	it('answers a valid request to each of the 211 operations with its documented status and shape', async () => {
		const converter = responseZod();
		const failures: string[] = [];
		let dirty = false;
		for (const op of clinikoOperations()) {
			if (dirty) sim.reset();
			dirty = op.method !== 'GET';
			sim.resetLog();
			const request = exampleRequest(op, sim.state);
			// Deprecated operations are refused by default (tested below); here they are served.
			sim.settings.serveDeprecated = op.deprecated;
			const res = await call(request.method, request.path, request.body);
			sim.settings.serveDeprecated = false;
			if (res.status !== op.successStatus) {
				failures.push(`${op.operationId} ${request.method} ${request.path}: ${res.status} ${res.text.slice(0, 200)}`);
				continue;
			}
			if (op.responseSchema) {
				const parsed = (converter.convert(op.responseSchema) as ZodTypeAny).safeParse(res.body);
				if (!parsed.success) failures.push(`${op.operationId}: answer off-spec: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
			} else expect(res.text).toBe('');
			const deprecation = sim.violations.filter((v) => v.kind === 'deprecated').length;
			if (deprecation !== (op.deprecated ? 1 : 0)) failures.push(`${op.operationId}: ${deprecation} deprecation violations`);
			if (sim.violations.length > deprecation) failures.push(`${op.operationId}: violations ${JSON.stringify(sim.violations.map((v) => v.issues ?? v.message))}`);
		}
		expect(failures).toEqual([]);
	});
});

describe('Cliniko simulator: seed', () => {
	it('holds thousands of realistic, spec-conformant records with int64 string IDs and absolute links', () => {
		expect(sim.state.count('patients')).toBe(SEED_COUNTS.patients);
		expect(sim.state.count('individual_appointments')).toBeGreaterThanOrEqual(4000);
		for (const collection of ['attendees', 'invoices', 'invoice_items', 'treatment_notes', 'medical_alerts', 'contacts', 'patient_cases', 'group_appointments', 'unavailable_blocks']) {
			expect(sim.state.count(collection)).toBeGreaterThan(100);
		}
		const converter = responseZod();
		for (const resource of RESOURCES) {
			const rows = [...sim.state.table(resource.collection).values()];
			expect(rows.length).toBeGreaterThan(0);
			// About 25 records of each collection, spread over it, against the response schema, strictly.
			const step = Math.max(1, Math.floor(rows.length / 25));
			for (const [i, row] of rows.entries()) {
				if (i % step !== 0) continue;
				const rendered = sim.state.render(resource.collection, row);
				const schema = typeof resource.schema === 'string' ? resource.schema : resource.schema(row);
				const parsed = converter.convert({ $ref: `#/components/schemas/${schema}` }).safeParse(rendered);
				if (!parsed.success) throw new Error(`${resource.collection} ${row.id}: ${parsed.error.message}`);
				expect(rendered.id).toMatch(/^\d{19}$/);
				expect(BigInt(rendered.id) >= FIRST_ID).toBe(true);
				expect(rendered.links.self).toBe(resource.collection === 'referral_sources' ? `${sim.baseUrl}/patients/${String(row.patient_id)}/referral_source` : `${sim.baseUrl}/${resource.collection}/${row.id}`);
				expect(rendered.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
			}
		}
		const patient = sim.state.list('patients')[0];
		expect(patient).toMatchObject({ first_name: expect.any(String), last_name: expect.any(String), label: `${patient.first_name} ${patient.last_name}` });
		expect(patient.attendees).toEqual({ links: { self: `${sim.baseUrl}/attendees?q%5B%5D=patient_id%3A%3D${patient.id}` } });
		const appt = sim.state.list('individual_appointments')[0];
		expect(appt.patient).toEqual({ links: { self: `${sim.baseUrl}/patients/${String(sim.state.raw('individual_appointments', appt.id)!.patient_id)}` } });
		expect(visibleRows('individual_appointments', (r) => r.cancelled_at != null).length).toBeGreaterThan(100);
		expect(visibleRows('individual_appointments', (r) => r.archived_at != null).length).toBeGreaterThan(10);
		expect(visibleRows('patients', (r) => r.archived_at != null).length).toBeGreaterThan(20);
		expect(visibleRows('individual_appointments', (r) => r.did_not_arrive === true).length).toBeGreaterThan(10);
	});

	it('is the same on every run, and reset() restores it', async () => {
		const before = sim.state.get('patients', String(FIRST_ID + 500n));
		expect((await call('PATCH', `/v1/patients/${before!.id}`, { first_name: 'Changed' })).status).toBe(200);
		sim.reset();
		expect(sim.state.get('patients', before!.id)).toEqual(before);
		const other = await startClinikoSimulator({ rateLimit: null });
		try {
			const mine = (await get('/v1/patients?per_page=5&page=7')).body;
			const theirs = await (await fetch(`${other.url}/v1/patients?per_page=5&page=7`, { headers: other.headers() })).json();
			expect(JSON.stringify(theirs).split(other.url).join('X')).toBe(JSON.stringify(mine).split(sim.url).join('X'));
		} finally {
			await other.close();
		}
	});
});

describe('Cliniko simulator: auth, headers, shards', () => {
	it('offers the clinikoApi credential values and the test key ends with its shard', () => {
		expect(CLINIKO_TEST_KEY).toMatch(/-au1$/);
		expect(sim.credentials).toEqual({ apiKey: CLINIKO_TEST_KEY, appName: expect.any(String), contactEmail: expect.stringContaining('@'), baseUrl: `${sim.url}/v1` });
		expect(sim.baseUrl).toBe(`${sim.url}/v1`);
	});

	it('accepts the key with or without its shard suffix (HTTP Basic, empty password)', async () => {
		expect((await get('/v1/user')).status).toBe(200);
		const bare = CLINIKO_TEST_KEY.replace(/-au1$/, '');
		const res = await get('/v1/user', { ...sim.headers(), Authorization: `Basic ${Buffer.from(`${bare}:`).toString('base64')}` });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ first_name: 'Alex', last_name: 'Morgan', role: 'administrator', id: sim.state.currentUserId });
	});

	it.each([
		['no Authorization', {}],
		['an unknown key', { Authorization: `Basic ${Buffer.from('nope-au1:').toString('base64')}` }],
		['a Bearer token', { Authorization: `Bearer ${CLINIKO_TEST_KEY}` }],
	])('answers 401 "HTTP Basic: Access denied." as text for %s', async (_label, auth) => {
		const { Authorization: _drop, ...rest } = sim.headers();
		const res = await get('/v1/patients', { ...rest, ...auth });
		expect(res.status).toBe(401);
		expect(res.text).toBe('HTTP Basic: Access denied.\n');
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(res.headers.get('www-authenticate')).toBe('Basic realm="Application"');
	});

	it('answers a key of another shard with a plain 401 (shards do not know each other)', async () => {
		const uk = await startClinikoSimulator({ shard: 'uk1', rateLimit: null });
		try {
			const res = await fetch(`${uk.url}/v1/user`, { headers: uk.headers() });
			expect(res.status).toBe(401);
			expect(await res.text()).toBe('HTTP Basic: Access denied.\n');
		} finally {
			await uk.close();
		}
		const mixed = await startClinikoSimulator({ keys: ['MS0xMjM0NTY3ODkwLWtleQ-uk1', CLINIKO_TEST_KEY], rateLimit: null });
		try {
			expect((await fetch(`${mixed.url}/v1/user`, { headers: mixed.headers('MS0xMjM0NTY3ODkwLWtleQ-uk1') })).status).toBe(401);
			expect((await fetch(`${mixed.url}/v1/user`, { headers: mixed.headers(CLINIKO_TEST_KEY) })).status).toBe(200);
		} finally {
			await mixed.close();
		}
	});

	it.each([
		['no User-Agent', undefined],
		['a User-Agent without e-mail', 'n8n'],
		['an e-mail without parentheses', 'n8n tests@example.com'],
	])('answers 400 "Requires a user agent" for %s', async (_label, agent) => {
		const headers: Record<string, string> = { ...sim.headers() };
		if (agent === undefined) delete headers['User-Agent'];
		else headers['User-Agent'] = agent;
		// fetch adds its own User-Agent ("node") when none is given.
		const res = await get('/v1/patients', headers);
		expect(res.status).toBe(400);
		expect(res.text).toBe('Requires a user agent');
	});

	it('accepts the documented User-Agent form', async () => {
		expect(CLINIKO_TEST_USER_AGENT).toMatch(/^.+ \(.+@.+\..+\)$/);
		expect((await get('/v1/user', { ...sim.headers(), 'User-Agent': 'Really helpful app (devs@helpfulapp.com)' })).status).toBe(200);
	});

	it('records a missing Accept header and a body sent without Content-Type as violations', async () => {
		const { Accept: _a, ...noAccept } = sim.headers();
		expect((await get('/v1/user', noAccept)).status).toBe(200);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-headers', message: expect.stringMatching(/Accept/) })]);
		sim.resetLog();
		// ISS #362: without Content-Type: application/json the body is not processed.
		const res = await fetch(`${sim.url}/v1/patients`, { method: 'POST', headers: { ...sim.headers(), 'Content-Type': 'text/plain' }, body: JSON.stringify({ first_name: 'A', last_name: 'B' }) });
		expect(res.status).toBe(422);
		expect(await res.json()).toEqual({ message: 'Validation Failed', errors: { first_name: CANT_BE_BLANK, last_name: CANT_BE_BLANK } });
		// The dropped body leaves a create without the body the spec requires.
		expect(sim.violations.map((v) => v.kind)).toEqual(['invalid-headers', 'invalid-body']);
	});
});

describe('Cliniko simulator: lists', () => {
	it('pages with the envelope, total_entries and links (next only when there is a next page)', async () => {
		const total = visibleRows('patients', (r) => r.archived_at == null).length;
		const first = await get('/v1/patients?per_page=100');
		expect(first.status).toBe(200);
		expect(Object.keys(first.body)).toEqual(['patients', 'total_entries', 'links']);
		expect(first.body.patients).toHaveLength(100);
		expect(first.body.total_entries).toBe(total);
		expect(first.body.links).toEqual({ self: `${sim.baseUrl}/patients?per_page=100&page=1`, next: `${sim.baseUrl}/patients?per_page=100&page=2` });
		const lastPage = Math.ceil(total / 100);
		const last = await get(`/v1/patients?per_page=100&page=${lastPage}`);
		expect(last.body.patients).toHaveLength(total - (lastPage - 1) * 100);
		expect(last.body.links).toEqual({ self: `${sim.baseUrl}/patients?per_page=100&page=${lastPage}`, previous: `${sim.baseUrl}/patients?per_page=100&page=${lastPage - 1}` });
		const past = await get(`/v1/patients?per_page=100&page=${lastPage + 3}`);
		expect(past.body).toMatchObject({ patients: [], total_entries: total });
		expect(past.body.links.next).toBeUndefined();
		// Default 50 per page; the links keep the filters, re-encoded.
		const filtered = await get(`/v1/patients?${q('last_name:~a')}`);
		expect(filtered.body.patients).toHaveLength(50);
		expect(filtered.body.links.next).toBe(`${sim.baseUrl}/patients?q%5B%5D=last_name%3A~a&page=2`);
		expect(sim.violations).toEqual([]);
	});

	it('returns every record once when a client follows links.next, in created_at order by default', async () => {
		const listed = await all('/v1/medical_alerts');
		const expected = sim.state.list('medical_alerts');
		expect(ids(listed)).toEqual(expected.map((r) => r.id));
		const created = listed.map((r) => r.created_at as string);
		expect([...created].sort()).toEqual(created);
	});

	it('clamps per_page above 100 (violation) and refuses nothing for it', async () => {
		const res = await get('/v1/patients?per_page=500');
		expect(res.status).toBe(200);
		expect(res.body.patients).toHaveLength(100);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query', issues: [expect.stringMatching(/per_page/)] })]);
	});

	it('sorts by one or more columns, each asc or desc; order=desc reverses the default', async () => {
		const sorted = (await get('/v1/patients?per_page=100&sort=last_name,first_name:desc')).body.patients as Json[];
		const keys = sorted.map((p) => [p.last_name, p.first_name]);
		for (let i = 1; i < keys.length; i++) {
			const [a, b] = [keys[i - 1], keys[i]];
			expect(a[0] < b[0] || (a[0] === b[0] && a[1] >= b[1])).toBe(true);
		}
		const desc = (await get('/v1/patients?per_page=10&sort=created_at:desc')).body.patients as Json[];
		const newest = sim.state.list('patients').slice(-10).reverse();
		expect(ids(desc)).toEqual(newest.map((p) => p.id));
		// order is deprecated: only a simulator serving deprecated things honours it.
		expect(ids((await withDeprecated(() => get('/v1/patients?per_page=10&order=desc'))).body.patients)).toEqual(ids(desc));
		const bad = await get('/v1/patients?sort=shoe_size');
		expect(bad.status).toBe(400);
		expect(bad.body.message).toMatch(/shoe_size/);
		expect(sim.violations.at(-1)).toMatchObject({ kind: 'invalid-query' });
	});

	it('lists under a parent: a patient’s invoices, a class’s attendees, inactive practitioners', async () => {
		const invoice = sim.state.rows('invoices')[0];
		// Both lists are deprecated (the current ones filter /invoices and /attendees); still modelled.
		const byPatient = await withDeprecated(() => all(`/v1/patients/${String(invoice.patient_id)}/invoices`));
		expect(byPatient.length).toBeGreaterThan(0);
		expect(byPatient.every((i) => i.patient.links.self.endsWith(`/patients/${String(invoice.patient_id)}`))).toBe(true);
		const group = sim.state.rows('group_appointments')[0];
		const attendees = await withDeprecated(() => all(`/v1/group_appointments/${group.id}/attendees`));
		expect(attendees.map((a) => a.booking.links.self)).toEqual(attendees.map(() => `${sim.baseUrl}/bookings/${group.id}`));
		const inactive = (await get('/v1/practitioners/inactive')).body;
		expect(inactive.practitioners.map((p: Json) => p.last_name)).toEqual(['Bennett']);
		expect((await get('/v1/practitioners')).body.total_entries).toBe(7);
		expect((await get('/v1/patients/1/invoices')).status).toBe(404);
	});

	it('serves bookings as a view over appointments, classes and unavailable blocks', async () => {
		const res = await get(`/v1/bookings?per_page=100&${q('starts_at:>2025-06-01T00:00:00Z', 'starts_at:<2025-06-08T00:00:00Z')}`);
		expect(res.status).toBe(200);
		const kinds = new Set((res.body.bookings as Json[]).map((b) => ('patient_name' in b ? 'individual' : 'max_attendees' in b ? 'group' : 'unavailable')));
		expect(kinds).toEqual(new Set(['individual', 'group', 'unavailable']));
		const one = res.body.bookings[0];
		expect(one.links.self).toBe(`${sim.baseUrl}/bookings/${one.id}`);
		expect((await get(`/v1/bookings/${one.id}`)).body.id).toBe(one.id);
	});
});

describe('Cliniko simulator: q[] filters', () => {
	it('date-time: > >= < <= and ? / !? / *', async () => {
		const cut = sim.state.list('patients')[1000].created_at as string;
		const after = (await get(`/v1/patients?${q(`created_at:>${cut}`)}`)).body.total_entries;
		const atOrAfter = (await get(`/v1/patients?${q(`created_at:>=${cut}`)}`)).body.total_entries;
		const before = (await get(`/v1/patients?${q(`created_at:<${cut}`)}`)).body.total_entries;
		const all = (await get('/v1/patients')).body.total_entries;
		expect(atOrAfter).toBeGreaterThan(after);
		expect(before + atOrAfter).toBe(all);
		expect((await get(`/v1/patients?${q(`created_at:<=${cut}`)}`)).body.total_entries).toBe(all - after);
		const archived = visibleRows('patients', (r) => r.archived_at != null).length;
		expect((await get(`/v1/patients?${q('archived_at:*')}`)).body.total_entries).toBe(all + archived);
		expect((await get(`/v1/patients?${q('archived_at:?')}`)).body.total_entries).toBe(archived);
		expect((await get(`/v1/patients?${q('archived_at:!?')}`)).body.total_entries).toBe(all);
		expect(sim.violations).toEqual([]);
	});

	it('date: = with * wildcards, comparisons', async () => {
		const res = await all(`/v1/patients?${q('date_of_birth:=****-05-**')}`);
		expect(res.length).toBeGreaterThan(50);
		expect(res.every((p) => String(p.date_of_birth).slice(5, 7) === '05')).toBe(true);
		const old = await all(`/v1/patients?${q('date_of_birth:<1945-01-01')}`);
		expect(old.length).toBeGreaterThan(0);
		expect(old.every((p) => String(p.date_of_birth) < '1945-01-01')).toBe(true);
		const exact = old[0].date_of_birth as string;
		expect((await all(`/v1/patients?${q(`date_of_birth:=${exact}`)}`)).every((p) => p.date_of_birth === exact)).toBe(true);
	});

	it('int64: = with a list, !=, ranges', async () => {
		const some = sim.state.list('patients').slice(3, 6).map((p) => p.id);
		expect(ids((await get(`/v1/patients?${q(`id:=${some.join(',')}`)}`)).body.patients)).toEqual(some);
		const total = (await get('/v1/patients')).body.total_entries;
		expect((await get(`/v1/patients?${q(`id:!=${some[0]}`)}`)).body.total_entries).toBe(total - 1);
		// Compared as 64-bit integers, not doubles: IDs one apart are told apart.
		expect(ids((await get(`/v1/patients?per_page=1&${q(`id:>${some[0]}`)}`)).body.patients)).toEqual([some[1]]);
		const practitioner = sim.state.rows('practitioners')[0].id;
		const appts = await all(`/v1/individual_appointments?${q(`practitioner_id:=${practitioner}`, 'starts_at:>2025-06-01T00:00:00Z')}`);
		expect(appts.length).toBeGreaterThan(10);
		expect(appts.every((a) => a.practitioner.links.self.endsWith(`/practitioners/${practitioner}`))).toBe(true);
	});

	it('string: = != ~ (contains, any case) ~~ (% wildcard) ? !?', async () => {
		const smiths = await all(`/v1/patients?${q('last_name:=Smith')}`);
		expect(smiths.length).toBeGreaterThan(5);
		expect(smiths.every((p) => p.last_name === 'Smith')).toBe(true);
		const contains = await all(`/v1/patients?${q('last_name:~SMI')}`);
		expect(contains.every((p) => /smi/i.test(String(p.last_name)))).toBe(true);
		expect(contains.length).toBeGreaterThanOrEqual(smiths.length);
		const wildcard = await all(`/v1/patients?${q('last_name:~~o%n%')}`);
		expect(wildcard.length).toBeGreaterThan(0);
		expect(wildcard.every((p) => /^o.*n.*$/i.test(String(p.last_name)))).toBe(true);
		const withoutEmail = (await get(`/v1/patients?${q('email:!?')}`)).body.total_entries;
		const withEmail = (await get(`/v1/patients?${q('email:?')}`)).body.total_entries;
		expect(withoutEmail).toBeGreaterThan(0);
		expect(withEmail + withoutEmail).toBe((await get('/v1/patients')).body.total_entries);
		const notSmith = (await get(`/v1/patients?${q('last_name:!=Smith')}`)).body.total_entries;
		expect(notSmith + smiths.length).toBe((await get('/v1/patients')).body.total_entries);
	});

	it('boolean and integer fields', async () => {
		const dna = await all(`/v1/individual_appointments?${q('did_not_arrive:=true')}`);
		expect(dna.length).toBeGreaterThan(5);
		expect(dna.every((a) => a.did_not_arrive === true)).toBe(true);
		const accepted = (await get(`/v1/patients?${q('accepted_privacy_policy:=true')}`)).body.total_entries;
		const notAccepted = (await get(`/v1/patients?${q('accepted_privacy_policy:!=true')}`)).body.total_entries;
		expect(accepted).toBeGreaterThan(notAccepted);
		const open = await all(`/v1/invoices?${q('status:=10,40', 'number:>=1500')}`);
		expect(open.length).toBeGreaterThan(0);
		expect(open.every((i) => (i.status === 10 || i.status === 40) && i.number >= 1500)).toBe(true);
	});

	it('array: ~ (contains)', async () => {
		const attendee = sim.state.rows('attendees').find((a) => sim.state.raw('group_appointments', String(a.booking_id)) && a.cancelled_at == null && a.archived_at == null)!;
		const classes = await all(`/v1/group_appointments?${q(`patient_ids:~${String(attendee.patient_id)}`)}`);
		expect(ids(classes)).toContain(String(attendee.booking_id));
		expect(classes.every((g) => (g.patient_ids as string[]).includes(String(attendee.patient_id)))).toBe(true);
		const type = sim.state.rows('appointment_types').find((t) => t.name === 'Podiatry Assessment')!;
		expect((await get(`/v1/businesses?${q(`appointment_type_ids:~${type.id}`)}`)).body.businesses.map((b: Json) => b.city)).toEqual(['Surry Hills']);
	});

	it.each([
		['an unknown field', 'shoe_size:=42', /shoe_size/],
		['= on a date-time', 'created_at:=2024-01-01T00:00:00Z', /operator = is not allowed on date-time/],
		['~ on a number', 'id:~12', /operator ~ is not allowed on int64/],
		['a date-time without a zone', 'updated_at:>2024-01-01T00:00:00', /date-time/],
		['a non-numeric ID', 'id:=abc', /number/],
		['a boolean that is not true/false', 'accepted_privacy_policy:=yes', /true or false/],
		['no operator', 'last_name', /FIELD:OPERATORVALUE/],
	])('refuses %s with 400 and records a violation', async (_label, filter, message) => {
		const res = await get(`/v1/patients?${q(filter)}`);
		expect(res.status).toBe(400);
		expect(res.body.message).toMatch(message);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query', issues: [expect.stringMatching(message)] })]);
	});

	it('ignores (but records) unknown query parameters and the legacy q= form', async () => {
		const res = await get('/v1/patients?foo=bar&per_page=1');
		expect(res.status).toBe(200);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query', issues: [expect.stringMatching(/foo/)] })]);
		sim.resetLog();
		const legacy = await get(`/v1/patients?q=${encodeURIComponent('last_name:=Smith')}`);
		expect(legacy.status).toBe(200);
		expect((legacy.body.patients as Json[]).every((p) => p.last_name === 'Smith')).toBe(true);
		expect(sim.violations).toHaveLength(1);
	});
});

describe('Cliniko simulator: archived and cancelled records', () => {
	it('leaves archived records out of lists and single GETs unless archived_at is filtered', async () => {
		const archived = visibleRows('patients', (r) => r.archived_at != null)[0];
		expect(ids(await all(`/v1/patients?${q(`id:=${archived.id}`)}`))).toEqual([]);
		expect(ids(await all(`/v1/patients?${q(`id:=${archived.id}`, 'archived_at:*')}`))).toEqual([archived.id]);
		expect((await get(`/v1/patients/${archived.id}`)).status).toBe(404);
		const withFilter = await get(`/v1/patients/${archived.id}?${q('archived_at:*')}`);
		expect(withFilter.status).toBe(200);
		expect(withFilter.body.archived_at).toBe(archived.archived_at);
		expect(sim.violations).toEqual([]);
	});

	it('leaves cancelled appointments and attendees out unless cancelled_at is filtered', async () => {
		const cancelled = visibleRows('individual_appointments', (r) => r.cancelled_at != null && r.archived_at == null)[0];
		expect((await get(`/v1/individual_appointments/${cancelled.id}`)).status).toBe(404);
		const shown = await get(`/v1/individual_appointments/${cancelled.id}?${q('cancelled_at:*')}`);
		expect(shown.body).toMatchObject({ id: cancelled.id, cancellation_reason: cancelled.cancellation_reason, cancellation_reason_description: expect.any(String) });
		const total = (await get('/v1/individual_appointments')).body.total_entries;
		const withCancelled = (await get(`/v1/individual_appointments?${q('cancelled_at:*')}`)).body.total_entries;
		const onlyCancelled = (await get(`/v1/individual_appointments?${q('cancelled_at:?')}`)).body.total_entries;
		expect(withCancelled).toBe(total + onlyCancelled);
		const attendee = visibleRows('attendees', (a) => a.booking_id === cancelled.id)[0];
		expect(attendee.cancelled_at).toBe(cancelled.cancelled_at);
		expect((await get(`/v1/attendees/${attendee.id}`)).status).toBe(404);
	});
});

describe('Cliniko simulator: writes', () => {
	it('creates a patient: 201, the record, a Location header; it then lists and reads back', async () => {
		sim.state.clock.set('2026-03-02T04:05:06.789Z');
		const res = await call('POST', '/v1/patients', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', date_of_birth: '1985-12-10', patient_phone_numbers: [{ phone_type: 'Mobile', number: '0412 345 678' }] });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', label: 'Ada Lovelace', email: 'ada@example.com', archived_at: null, created_at: '2026-03-02T04:05:06Z', updated_at: '2026-03-02T04:05:06Z' });
		expect(res.body.id).toMatch(/^\d{19}$/);
		expect(res.headers.get('location')).toBe(`${sim.baseUrl}/patients/${res.body.id}`);
		expect(responseZod().convert({ $ref: '#/components/schemas/Patient' }).safeParse(res.body).success).toBe(true);
		expect((await get(`/v1/patients/${res.body.id}`)).body).toEqual(res.body);
		expect(ids(await all(`/v1/patients?${q('updated_at:>=2026-03-02T00:00:00Z')}`))).toEqual([res.body.id]);
		expect(sim.violations).toEqual([]);
	});

	it('answers 422 with the curly apostrophe when a patient has no name', async () => {
		const res = await call('POST', '/v1/patients', { email: 'no.name@example.com' });
		expect(res.status).toBe(422);
		expect(res.text).toBe('{"message":"Validation Failed","errors":{"first_name":"can\u2019t be blank","last_name":"can\u2019t be blank"}}');
		expect(sim.violations).toEqual([]); // a business rule, not a contract violation
	});

	it('ignores a body field the spec does not have, but records the violation', async () => {
		const res = await call('POST', '/v1/patients', { first_name: 'Ann', last_name: 'Lee', favourite_colour: 'green' });
		expect(res.status).toBe(201);
		expect(res.body).not.toHaveProperty('favourite_colour');
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-body', issues: [expect.stringMatching(/favourite_colour/)] })]);
	});

	it('can answer unknown fields with 422 instead', async () => {
		sim.settings.rejectUnknownFields = true;
		try {
			const res = await call('POST', '/v1/patients', { first_name: 'Ann', last_name: 'Lee', favourite_colour: 'green' });
			expect(res.status).toBe(422);
			expect(res.body.errors).toEqual({ favourite_colour: 'is not a known attribute' });
		} finally {
			sim.settings.rejectUnknownFields = false;
		}
	});

	it('tolerates what Rails would type-cast (an ID sent as a number), but records the violation', async () => {
		const patient = sim.state.list('patients')[3];
		const res = await call('POST', '/v1/medical_alerts', { name: 'Asthma', patient_id: Number(patient.id.slice(-6)) });
		expect(res.status).toBe(422); // read as ID 000123-ish: no such patient
		expect(res.body.errors).toEqual({ patient: 'must exist' });
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-body', issues: [expect.stringMatching(/patient_id/)] })]);
		sim.resetLog();
		const ok = await call('PATCH', `/v1/patients/${patient.id}`, { accepted_privacy_policy: 'true' });
		expect(ok.status).toBe(200);
		expect(ok.body.accepted_privacy_policy).toBe(true);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-body', issues: [expect.stringMatching(/accepted_privacy_policy/)] })]);
	});

	it.each([
		['an ID that is not a number', 'medical_alerts', { name: 'Asthma', patient_id: 'abc' }, { patient_id: 'is invalid' }],
		['a wrong integer enum value', 'relationships', { patient_id: '1000000000000000500', related_patient_id: '1000000000000000501', relation: 15 }, { relation: 'is not included in the list' }],
		['a wrong enum value', 'patients', { first_name: 'A', last_name: 'B', reminder_type: 'Pigeon' }, { reminder_type: 'is not included in the list' }],
		['a string too long', 'medical_alerts', { name: 'x'.repeat(256), patient_id: '1000000000000000500' }, { name: 'is too long (maximum is 255 characters)' }],
		['a malformed date', 'patients', { first_name: 'A', last_name: 'B', date_of_birth: '10/12/1985' }, { date_of_birth: 'is invalid' }],
	])('answers 422 for %s and records the violation', async (_label, collection, body, errors) => {
		const res = await call('POST', `/v1/${collection}`, body);
		expect(res.status).toBe(422);
		expect(res.body).toEqual({ message: 'Validation Failed', errors });
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-body' })]);
	});

	it('answers content sent as a JSON string with {"message":"must be an object"} (ISS #254)', async () => {
		const res = await call('POST', '/v1/treatment_notes', { patient_id: sim.state.list('patients')[0].id, content: '{"sections":[]}' });
		expect(res.status).toBe(422);
		expect(res.body).toEqual({ message: 'must be an object' });
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-body' })]);
	});

	it('answers 422 "must exist" for a reference to a record that does not exist', async () => {
		const res = await call('POST', '/v1/medical_alerts', { name: 'Asthma', patient_id: '999' });
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({ patient: 'must exist' });
	});

	it('creates an individual appointment with ends_at from the appointment type, and its attendee', async () => {
		const type = sim.state.rows('appointment_types').find((t) => t.duration_in_minutes === 45 && Number(t.max_attendees) === 1)!;
		const practitioner = String((type.practitioner_ids as string[])[0]);
		const business = String((sim.state.raw('practitioners', practitioner)!.business_ids as string[])[0]);
		const patient = sim.state.rows('patients')[10];
		const res = await call('POST', '/v1/individual_appointments', { starts_at: '2026-02-03T23:00:00Z', patient_id: patient.id, practitioner_id: practitioner, business_id: business, appointment_type_id: type.id });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ starts_at: '2026-02-03T23:00:00Z', ends_at: '2026-02-03T23:45:00Z', patient_name: `${String(patient.first_name)} ${String(patient.last_name)}` });
		const attendees = await all(`/v1/attendees?${q(`booking_id:=${String(res.body.id)}`)}`);
		expect(attendees.map((a) => a.patient.links.self)).toEqual([`${sim.baseUrl}/patients/${patient.id}`]);
		const missing = await call('POST', '/v1/individual_appointments', { starts_at: '2026-02-03T23:00:00Z' });
		expect(missing.body.errors).toEqual({ patient_id: CANT_BE_BLANK, practitioner_id: CANT_BE_BLANK, appointment_type_id: CANT_BE_BLANK, business_id: CANT_BE_BLANK });
	});

	it('updates with PATCH: 200, partial, updated_at moves to the clock', async () => {
		const patient = sim.state.list('patients')[5];
		sim.state.clock.set('2026-05-01T10:00:00Z');
		const res = await call('PATCH', `/v1/patients/${patient.id}`, { email: 'new@example.com' });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ ...patient, email: 'new@example.com', updated_at: '2026-05-01T10:00:00Z' });
		const blank = await call('PATCH', `/v1/patients/${patient.id}`, { last_name: '' });
		expect(blank.status).toBe(422);
		expect(blank.body.errors).toEqual({ last_name: CANT_BE_BLANK });
	});

	it('archives (204) and unarchives (200 with the record)', async () => {
		const patient = sim.state.list('patients')[7];
		sim.state.clock.set('2026-05-02T00:00:00Z');
		const archive = await call('POST', `/v1/patients/${patient.id}/archive`);
		expect([archive.status, archive.text]).toEqual([204, '']);
		expect((await get(`/v1/patients/${patient.id}`)).status).toBe(404);
		expect(sim.state.get('patients', patient.id)).toMatchObject({ archived_at: '2026-05-02T00:00:00Z', updated_at: '2026-05-02T00:00:00Z' });
		const unarchive = await call('POST', `/v1/patients/${patient.id}/unarchive`);
		expect(unarchive.status).toBe(200);
		expect(unarchive.body).toMatchObject({ id: patient.id, archived_at: null });
	});

	it('archives with the deprecated DELETE (204), removes with a real DELETE (204)', async () => {
		const alert = sim.state.list('medical_alerts')[0];
		expect((await withDeprecated(() => call('DELETE', `/v1/medical_alerts/${alert.id}`))).status).toBe(204);
		expect(sim.state.get('medical_alerts', alert.id)?.archived_at).toEqual(expect.any(String));
		const tax = sim.state.list('taxes')[1];
		expect((await call('DELETE', `/v1/taxes/${tax.id}`)).status).toBe(204);
		expect(sim.state.get('taxes', tax.id)).toBeUndefined();
		expect((await get(`/v1/taxes/${tax.id}`)).status).toBe(404);
		expect((await call('DELETE', `/v1/taxes/${tax.id}`)).status).toBe(404);
	});

	it('cancels an appointment: 204, reason required (422), its attendee cancelled too', async () => {
		const appt = visibleRows('individual_appointments', (r) => r.cancelled_at == null && r.archived_at == null && String(r.starts_at) > '2025-07-01')[0];
		const noReason = await call('PATCH', `/v1/individual_appointments/${appt.id}/cancel`, { cancellation_note: 'sick' });
		expect(noReason.status).toBe(422);
		expect(noReason.body).toEqual({ message: 'Validation Failed', errors: { cancellation_reason: CANT_BE_BLANK } });
		const bad = await call('PATCH', `/v1/individual_appointments/${appt.id}/cancel`, { cancellation_reason: 31 });
		expect(bad.status).toBe(422); // 31 (COVID-19) is in the response enum, not the request's
		sim.resetLog();
		sim.state.clock.set('2026-01-01T00:00:00Z');
		const ok = await call('PATCH', `/v1/individual_appointments/${appt.id}/cancel`, { cancellation_reason: 30, cancellation_note: 'Flu' });
		expect([ok.status, ok.text]).toEqual([204, '']);
		expect(sim.state.get('individual_appointments', appt.id)).toMatchObject({ cancelled_at: '2026-01-01T00:00:00Z', cancellation_reason: 30, cancellation_reason_description: 'Sick', cancellation_note: 'Flu' });
		const attendee = sim.state.rows('attendees', { includeCancelled: true }).find((a) => a.booking_id === appt.id)!;
		expect(attendee.cancelled_at).toBe('2026-01-01T00:00:00Z');
		expect(sim.violations).toEqual([]);
	});

	it('cancels only attendees of group appointments', async () => {
		const own = sim.state.rows('attendees').find((a) => sim.state.raw('individual_appointments', String(a.booking_id)))!;
		expect((await call('PATCH', `/v1/attendees/${own.id}/cancel`, { cancellation_reason: 50 })).status).toBe(422);
		const inClass = sim.state.rows('attendees').find((a) => sim.state.raw('group_appointments', String(a.booking_id)))!;
		expect((await call('PATCH', `/v1/attendees/${inClass.id}/cancel`, { cancellation_reason: 50 })).status).toBe(204);
	});

	it('answers 404 for unknown IDs and unknown routes, and records unrouted requests', async () => {
		const missing = await get('/v1/patients/1000000000000999999');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ message: 'Not found' });
		expect(sim.violations).toEqual([]);
		expect((await get('/v1/patients/1/appointments')).status).toBe(404); // legacy, not in the spec
		expect((await call('PUT', `/v1/patients/${sim.state.list('patients')[0].id}`, { first_name: 'X' })).status).toBe(404);
		expect((await get('/patients')).status).toBe(404);
		expect(sim.violations.map((v) => v.kind)).toEqual(['no-route', 'method-not-allowed', 'no-route']);
	});
});

describe('Cliniko simulator: available times', () => {
	const setup = () => {
		const day = sim.state.rows('daily_availabilities')[0];
		const type = sim.state.rows('appointment_types').find((t) => (t.practitioner_ids as string[]).includes(String(day.practitioner_id)) && Number(t.max_attendees) === 1)!;
		return { path: `/v1/businesses/${String(day.business_id)}/practitioners/${String(day.practitioner_id)}/appointment_types/${type.id}`, type };
	};

	it('lists start times within the practitioner’s availability, paged, for a window of up to 7 days', async () => {
		sim.state.clock.set('2026-03-01T22:00:00Z');
		const { path, type } = setup();
		const res = await get(`${path}/available_times?from=2026-03-02&to=2026-03-09&per_page=100`);
		expect(res.status).toBe(200);
		expect(res.body.total_entries).toBeGreaterThan(5);
		const starts = (res.body.available_times as Json[]).map((t) => t.appointment_start as string);
		expect(starts.every((s) => /^2026-03-0\dT\d{2}:\d{2}:00Z$/.test(s))).toBe(true);
		expect([...starts].sort()).toEqual(starts);
		const next = await get(`${path}/next_available_time?from=2026-03-02&to=2026-03-09`);
		expect(next.body.appointment_start).toBe(starts[0]);
		// Booking the first slot takes it away.
		const day = sim.state.rows('daily_availabilities')[0];
		sim.state.create('individual_appointments', { starts_at: starts[0], practitioner_id: day.practitioner_id, business_id: day.business_id, appointment_type_id: type.id });
		expect((await get(`${path}/next_available_time?from=2026-03-02&to=2026-03-09`)).body.appointment_start).toBe(starts[1]);
		expect(sim.violations).toEqual([]);
	});

	it.each([
		['more than 7 days apart', 'from=2026-03-02&to=2026-03-10', false],
		['from in the past', 'from=2026-02-20&to=2026-02-25', false],
		['to before from', 'from=2026-03-05&to=2026-03-02', false],
		['no to', 'from=2026-03-02', true],
		['a malformed date', 'from=2026-3-2&to=2026-03-05', true],
	])('answers 400 "Invalid time frame definition…" for %s', async (_label, query, violation) => {
		sim.state.clock.set('2026-03-01T22:00:00Z');
		const res = await get(`${setup().path}/available_times?${query}`);
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ message: 'Invalid time frame definition. Please check from/to param limitations.' });
		expect(sim.violations.length > 0).toBe(violation);
	});
});

describe('Cliniko simulator: test helpers and clock', () => {
	it('lets tests create, update, archive and cancel records at chosen times (many sharing one updated_at)', async () => {
		const at = '2026-06-01T09:00:00Z';
		sim.state.clock.set(at);
		const made: ClinikoRecord[] = [];
		for (let i = 0; i < 120; i++) made.push(sim.state.create('patients', { first_name: `Batch${i}`, last_name: 'Same-Second' }));
		expect(new Set(made.map((p) => p.updated_at))).toEqual(new Set([at]));
		const listed = await all(`/v1/patients?${q(`updated_at:>=${at}`)}&sort=updated_at`);
		expect(ids(listed)).toEqual(ids(made));
		sim.state.clock.advance(60_000);
		sim.state.update('patients', made[0].id, { email: 'batch0@example.com' });
		expect(sim.state.get('patients', made[0].id)!.updated_at).toBe('2026-06-01T09:01:00Z');
		sim.state.update('patients', made[1].id, { notes: 'x', updated_at: at });
		expect(sim.state.get('patients', made[1].id)!.updated_at).toBe(at);
		sim.state.archive('patients', made[2].id);
		expect((await get(`/v1/patients/${made[2].id}`)).status).toBe(404);
		const appt = sim.state.create('individual_appointments', { starts_at: '2026-06-05T00:00:00Z' });
		expect(appt).toMatchObject({ patient: expect.any(Object), practitioner: expect.any(Object), ends_at: expect.any(String) });
		sim.state.cancel('individual_appointments', appt.id, { reason: 40 });
		expect((await get(`/v1/individual_appointments?${q('cancelled_at:?', `id:=${appt.id}`)}`)).body.total_entries).toBe(1);
		sim.state.clock.useRealTime();
		expect(Math.abs(Date.parse(sim.state.clock.iso()) - Date.now())).toBeLessThan(2000);
	});
});

describe('Cliniko simulator: rate limit', () => {
	it('answers 429 with X-RateLimit-Reset (UNIX seconds of the window end) past the limit, per key', async () => {
		// A long window so a slow machine cannot spread the four requests over two windows.
		const limited = await startClinikoSimulator({ rateLimit: { limit: 3, windowMs: 5000 } });
		try {
			const statuses: number[] = [];
			let reset: string | null = null;
			const startedAt = Date.now();
			for (let i = 0; i < 4; i++) {
				const res = await fetch(`${limited.url}/v1/user`, { headers: limited.headers() });
				statuses.push(res.status);
				if (res.status === 429) {
					reset = res.headers.get('x-ratelimit-reset');
					expect(await res.json()).toEqual({ message: 'Too many requests' });
				} else await res.arrayBuffer();
			}
			expect(statuses).toEqual([200, 200, 200, 429]);
			expect(Number(reset)).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000));
			expect(Number(reset)).toBeLessThanOrEqual(Math.ceil((Date.now() + 5000) / 1000));
			expect(Number(reset) * 1000).toBeGreaterThanOrEqual(startedAt + 5000 - 1000);
			// Another key has its own window; a fresh window lets the first key in again.
			const other = await startClinikoSimulator({ keys: [CLINIKO_TEST_KEY, 'b3RoZXIta2V5-au1'], rateLimit: { limit: 3, windowMs: 5000 } });
			try {
				for (let i = 0; i < 3; i++) await (await fetch(`${other.url}/v1/user`, { headers: other.headers() })).arrayBuffer();
				expect((await fetch(`${other.url}/v1/user`, { headers: other.headers('b3RoZXIta2V5-au1') })).status).toBe(200);
				expect((await fetch(`${other.url}/v1/user`, { headers: other.headers() })).status).toBe(429);
			} finally {
				await other.close();
			}
			limited.rateLimit.resetCounters();
			expect((await fetch(`${limited.url}/v1/user`, { headers: limited.headers() })).status).toBe(200);
		} finally {
			await limited.close();
		}
	});

	it('defaults to 200 requests per minute', async () => {
		const defaults = await startClinikoSimulator();
		try {
			expect(defaults.rateLimit.get()).toEqual({ limit: 200, windowMs: 60_000 });
		} finally {
			await defaults.close();
		}
	});

	it('lists a page in a few milliseconds', async () => {
		await get(`/v1/individual_appointments?per_page=100&${q('updated_at:>2025-01-01T00:00:00Z')}`);
		const started = process.hrtime.bigint();
		const rounds = 10;
		for (let i = 0; i < rounds; i++) await get(`/v1/individual_appointments?per_page=100&page=${i + 1}&${q('updated_at:>2025-01-01T00:00:00Z')}`);
		const perPageMs = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
		// Generous bound (shared CI machines); typically 3–8 ms including HTTP.
		expect(perPageMs).toBeLessThan(250);
	});
});

// Reference the date helpers the available-times tests rely on, so a change to them shows up here.
test('local dates in the account time zone', () => {
	expect(localDate('Australia/Melbourne', Date.parse('2026-03-01T14:00:00Z'))).toBe('2026-03-02');
	expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
});

// Issue 14, point 15: what the spec forbids is refused, the way Cliniko (a Rails app) plausibly
// would, and always recorded as a violation so that a node test sending it fails.
describe('Cliniko simulator: what the spec forbids', () => {
	it('refuses a deprecated operation with 404, as a removed route, unless serveDeprecated', async () => {
		const alert = visibleRows('medical_alerts', (r) => r.archived_at == null)[0];
		const res = await call('DELETE', `/v1/medical_alerts/${alert.id}`);
		expect(res.status).toBe(404);
		expect(sim.state.get('medical_alerts', alert.id)?.archived_at).toBeNull();
		const patient = visibleRows('patients', (r) => r.archived_at == null)[0];
		expect((await get(`/v1/patients/${patient.id}/medical_alerts`)).status).toBe(404);
		expect(sim.violations).toEqual([
			expect.objectContaining({ kind: 'deprecated', message: expect.stringMatching(/DELETE \/medical_alerts\/\{id\}.*deprecated/) }),
			expect.objectContaining({ kind: 'deprecated', message: expect.stringMatching(/GET \/patients\/\{patient_id\}\/medical_alerts.*deprecated/) }),
		]);
		sim.resetLog();
		sim.settings.serveDeprecated = true;
		try {
			expect((await call('DELETE', `/v1/medical_alerts/${alert.id}`)).status).toBe(204);
			expect(sim.violations.map((v) => v.kind)).toEqual(['deprecated']);
		} finally {
			sim.settings.serveDeprecated = false;
		}
	});

	it('ignores the deprecated order parameter (unless serveDeprecated) and records it', async () => {
		const ascending = ids((await get('/v1/patients?per_page=10')).body.patients);
		expect(sim.violations).toEqual([]);
		const res = await get('/v1/patients?per_page=10&order=desc');
		expect(res.status).toBe(200);
		expect(ids(res.body.patients)).toEqual(ascending);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query', issues: [expect.stringMatching(/order.*deprecated/)] })]);
		sim.settings.serveDeprecated = true;
		try {
			expect(ids((await get('/v1/patients?per_page=10&order=desc')).body.patients)).not.toEqual(ascending);
		} finally {
			sim.settings.serveDeprecated = false;
		}
	});

	it('drops deprecated body properties (422 with rejectUnknownFields) and records them', async () => {
		const product = visibleRows('products', (r) => r.archived_at == null)[0];
		const res = await call('POST', '/v1/stock_adjustments', { product_id: product.id, adjustment_type: 'Damaged', quantity: '1', comment: 'old style' });
		expect(res.status).toBe(201);
		expect(sim.state.get('stock_adjustments', res.body.id)?.comment ?? null).toBeNull();
		const type = visibleRows('appointment_types', (r) => r.archived_at == null)[0];
		const billable = visibleRows('billable_items')[0];
		expect((await call('PATCH', `/v1/appointment_types/${type.id}`, { billable_item_id: billable.id })).status).toBe(200);
		expect(sim.violations).toEqual([
			expect.objectContaining({ kind: 'invalid-body', issues: [expect.stringMatching(/comment.*deprecated/)] }),
			expect.objectContaining({ kind: 'invalid-body', issues: [expect.stringMatching(/billable_item_id.*deprecated/)] }),
		]);
		sim.settings.rejectUnknownFields = true;
		try {
			const refused = await call('PATCH', `/v1/products/${product.id}`, { product_supplier_name: 'Acme' });
			expect(refused.status).toBe(422);
			expect(refused.body.errors).toEqual({ product_supplier_name: 'is not a known attribute' });
		} finally {
			sim.settings.rejectUnknownFields = false;
		}
	});

	it('refuses a JSON body on an operation that takes none (400), and records it', async () => {
		const patient = visibleRows('patients', (r) => r.archived_at == null)[0];
		const res = await call('POST', `/v1/patients/${patient.id}/archive`, {});
		expect(res.status).toBe(400);
		expect(sim.state.get('patients', patient.id)?.archived_at).toBeNull();
		const tax = sim.state.list('taxes')[1];
		expect((await call('DELETE', `/v1/taxes/${tax.id}`, { force: true })).status).toBe(400);
		expect(sim.state.get('taxes', tax.id)).toBeDefined();
		expect(sim.violations.map((v) => [v.kind, v.message])).toEqual([
			['invalid-body', expect.stringMatching(/takes no request body/)],
			['invalid-body', expect.stringMatching(/takes no request body/)],
		]);
	});

	it('records a create or update sent without the body the spec requires', async () => {
		const res = await call('POST', '/v1/patients');
		expect(res.status).toBe(422);
		const patient = visibleRows('patients', (r) => r.archived_at == null)[0];
		expect((await call('PATCH', `/v1/patients/${patient.id}`)).status).toBe(200);
		expect(sim.violations.map((v) => [v.kind, v.message])).toEqual([
			['invalid-body', expect.stringMatching(/requires a request body/)],
			['invalid-body', expect.stringMatching(/requires a request body/)],
		]);
	});

	it('routes only numeric IDs: anything else is a 404 for a route that does not exist', async () => {
		for (const id of ['abc', '12ab', '-1', '1.5', ' 1']) {
			expect((await get(`/v1/patients/${encodeURIComponent(id)}`)).status).toBe(404);
		}
		expect((await call('PATCH', '/v1/patients/me', { first_name: 'X' })).status).toBe(404);
		expect(sim.violations.map((v) => v.kind)).toEqual(['no-route', 'no-route', 'no-route', 'no-route', 'no-route', 'no-route']);
		sim.resetLog();
		// Literal segments still route: /patient_cases/active is a list, not a case with the ID "active".
		expect((await get('/v1/patient_cases/active')).status).toBe(200);
		expect(sim.violations).toEqual([]);
	});
});
