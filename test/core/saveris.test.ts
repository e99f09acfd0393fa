import { gunzipSync } from 'node:zlib';

import type { IDataObject } from 'n8n-workflow';

import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { resetTokenCache } from '../../nodes/Saveris/transport/session';
import { Saveris } from '../../nodes/Saveris/Saveris.node';
import { SaverisTrigger } from '../../nodes/Saveris/SaverisTrigger.node';
import { alarmsIn, measurementsIn, SNAPSHOTS, startSaverisSimulator, tasksIn } from '../simulators/saveris';
import type { SaverisSimulator } from '../simulators/saveris';
import { seededRandom } from '../simulators/core';
import { runNode, runPoll, testCredential } from './harness';
import { useSimulator } from '../helpers/simulator';

let sim: SaverisSimulator;
const credentials = () => ({ saverisApi: { ...sim.credentials } });
const common = () => ({ credentials: credentials(), credentialTypes: [SaverisApi] });
const fast = { waitOptions: { intervalSeconds: 0.01, timeoutMinutes: 1 } };

const FROM = '2024-06-01T00:00:00.000Z';
const UNTIL = '2024-06-01T02:00:00.000Z';
const ms = (iso: string) => Date.parse(iso);

const run = (parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({ nodeType: Saveris, parameters: { ...fast, ...parameters } as never, ...common(), ...extra });


useSimulator(() => startSaverisSimulator(), (s) => (sim = s), () => resetTokenCache());

describe('Saveris node: Export and Wait for every resource', () => {
	const timed: Array<[string, (a: number, b: number) => IDataObject[]]> = [
		['measurement', measurementsIn],
		['alarm', alarmsIn],
		['executedTask', tasksIn],
	];
	it.each(timed)('%s: exactly the rows of the window, typed', async (resource, generate) => {
		const { items, error } = await run({ resource, operation: 'exportAndWait', dateFrom: FROM, dateUntil: '2024-06-01T12:00:00Z' });
		expect(error).toBeUndefined();
		const expected = generate(ms(FROM), ms('2024-06-01T12:00:00Z'));
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.uuid)).toEqual(expected.map((r) => r.uuid));
		expect(sim.violations).toEqual([]);
		// Typed values from an all-quoted CSV.
		if (resource === 'measurement') expect(typeof items[0].json.measurement).toBe('number');
		if (resource === 'executedTask') {
			expect(typeof items[0].json.has_corrective_action).toBe('boolean');
			expect(items[0].json.content).toBe('Temperature 4.2 °C, "ok"');
		}
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it.each(Object.keys(SNAPSHOTS))('%s: every row', async (resource) => {
		const { items, error } = await run({ resource, operation: 'exportAndWait' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SNAPSHOTS[resource].length);
		expect(sim.violations).toEqual([]);
		const post = sim.log.find((e) => e.method === 'POST' && e.path !== '/v1/token');
		expect(post?.body).toEqual({ options: { result_file_format: 'CSV' } });
	});

	it('parses the JSON-text columns of measuring objects and types booleans and numbers', async () => {
		const { items } = await run({ resource: 'measuringObject', operation: 'exportAndWait' });
		expect(items[0].json.measurement_alarm_configuration).toEqual({ upper_limit: 8, lower_limit: 0, delay_min: 15 });
		expect(Array.isArray(items[0].json.channel_assignments)).toBe(true);
		const devices = await run({ resource: 'deviceProperties', operation: 'exportAndWait' });
		expect(devices.items[0].json.device_is_active).toBe(true);
		expect(devices.items[0].json.channel_id).toBe(9241001);
		const equipment = await run({ resource: 'equipment', operation: 'exportAndWait' });
		expect(equipment.items[0].json).toMatchObject({ is_active: true, upper_violation: 8 });
	});

	it('sends OData options and the file format; JSON in several gzip files, duplicates dropped', async () => {
		sim.settings.gzip = true;
		sim.settings.jsonFiles = 3;
		sim.settings.duplicateRows = true;
		const { items, error } = await run({
			resource: 'alarm',
			operation: 'exportAndWait',
			dateFrom: FROM,
			dateUntil: '2024-06-02T00:00:00Z',
			fileFormat: 'JSON',
			odata: { filter: "alarm_status eq 'Alarm'", select: 'uuid,alarm_status,alarm_value', orderby: 'alarm_time desc' },
		});
		expect(error).toBeUndefined();
		const expected = alarmsIn(ms(FROM), ms('2024-06-02T00:00:00Z')).filter((a) => a.alarm_status === 'Alarm');
		expect(new Set(items.map((i) => i.json.uuid))).toEqual(new Set(expected.map((a) => a.uuid)));
		expect(items).toHaveLength(expected.length);
		expect(Object.keys(items[0].json).sort()).toEqual(['alarm_status', 'alarm_value', 'uuid']);
		const post = sim.log.find((e) => e.method === 'POST' && e.path === '/v3/alarms');
		expect(post?.body).toMatchObject({
			options: { result_file_format: 'JSON' },
			odata: { $filter: "alarm_status eq 'Alarm'", $select: 'uuid,alarm_status,alarm_value', $orderby: 'alarm_time desc' },
		});
	});

	it('splits a range over 7 days into consecutive jobs and merges them', async () => {
		const until = '2024-06-17T00:00:00Z';
		const { items, error } = await run({ resource: 'executedTask', operation: 'exportAndWait', dateFrom: FROM, dateUntil: until });
		expect(error).toBeUndefined();
		const posts = sim.log.filter((e) => e.method === 'POST' && e.path === '/v3/tasks').map((e) => e.body as IDataObject);
		expect(posts.map((p) => [p.date_time_from, p.date_time_until])).toEqual([
			['2024-06-01T00:00:00.000Z', '2024-06-08T00:00:00.000Z'],
			['2024-06-08T00:00:00.000Z', '2024-06-15T00:00:00.000Z'],
			['2024-06-15T00:00:00.000Z', '2024-06-17T00:00:00.000Z'],
		]);
		expect(items.map((i) => i.json.uuid)).toEqual(tasksIn(ms(FROM), ms(until)).map((r) => r.uuid));
	});

	it('refuses From after Until before sending anything', async () => {
		const { error } = await run({ resource: 'measurement', operation: 'exportAndWait', dateFrom: UNTIL, dateUntil: FROM });
		expect(error?.message).toContain('From must be before Until');
		expect(sim.log).toHaveLength(0);
	});

	it('takes dates from expressions ({{ $now }} is a Luxon DateTime, not text)', async () => {
		const { items, error } = await run({ resource: 'alarm', operation: 'startExport', dateFrom: '={{ $now.minus({ hours: 2 }) }}', dateUntil: '={{ $now }}' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const body = sim.log.find((e) => e.method === 'POST' && e.path === '/v3/alarms')?.body as IDataObject;
		// Each expression reads its own $now, a few milliseconds apart.
		expect(Math.abs(Date.parse(String(body.date_time_until)) - Date.parse(String(body.date_time_from)) - 2 * 3_600_000)).toBeLessThan(5000);
	});

	it('refuses a date V8 would guess at, and a range over a year, before sending anything', async () => {
		// "a 1" used to be read as 2001-01-01: some 1,200 weekly export jobs, submitted one after another.
		const guessed = await run({ resource: 'measurement', operation: 'exportAndWait', dateFrom: 'a 1', dateUntil: UNTIL });
		expect(guessed.error?.className).toBe('NodeOperationError');
		expect(guessed.error?.message).toBe('From is not a valid date and time: "a 1"');
		const rolled = await run({ resource: 'measurement', operation: 'exportAndWait', dateFrom: FROM, dateUntil: '2024-02-30' });
		expect(rolled.error?.message).toBe('Until is not a valid date and time: "2024-02-30"');
		const long = await run({ resource: 'measurement', operation: 'startExport', dateFrom: '2023-01-01T00:00:00Z', dateUntil: UNTIL });
		expect(long.error?.message).toBe('From and Until are 518 days apart; one run exports at most 366 days');
		const nan = await run({ resource: 'measurement', operation: 'exportAndWait', dateFrom: FROM, dateUntil: UNTIL, waitOptions: { timeoutMinutes: '={{ NaN }}' } });
		expect(nan.error?.message).toBe('Timeout (Minutes) must be a number from 0 to 1440');
		expect(sim.log).toHaveLength(0);
	});

	it('with Continue On Fail, a bad item becomes an error item and the others run', async () => {
		const { items, error } = await run(
			{ resource: 'measurement', operation: 'exportAndWait', dateFrom: '={{ $json.from }}', dateUntil: '={{ $json.until }}' },
			{
				continueOnFail: true,
				inputItems: [{ json: { from: UNTIL, until: FROM } }, { json: { from: FROM, until: UNTIL } }],
			},
		);
		expect(error).toBeUndefined();
		expect(items[0].json.error).toContain('From must be before Until');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items.slice(1).map((i) => i.json.uuid)).toEqual(measurementsIn(ms(FROM), ms(UNTIL)).map((r) => r.uuid));
		expect(items.slice(1).every((i) => (i.pairedItem as { item: number }).item === 1)).toBe(true);
	});

	it('reports a failed job clearly', async () => {
		sim.settings.failNextJobs = 1;
		const { error } = await run({ resource: 'tenant', operation: 'exportAndWait' });
		expect(error?.message).toMatch(/Tenants export .* ended with status "Error"/);
	});

	it('gives up at the timeout, naming the request_uuid', async () => {
		sim.settings.inProgressPolls = 1000;
		const { error } = await run({ resource: 'tenant', operation: 'exportAndWait', waitOptions: { intervalSeconds: 0.05, timeoutMinutes: 0.005 } });
		expect(error?.message).toMatch(/did not finish in time/);
		expect(error?.description).toContain('Get Export Results');
	});
});

describe('Saveris node: output modes', () => {
	it('binary: one item per file, fetched without the bearer token', async () => {
		sim.settings.jsonFiles = 2;
		const { items, error } = await run({ resource: 'location', operation: 'exportAndWait', fileFormat: 'JSON', output: 'binary' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].binary?.data?.fileName).toMatch(/_0\.json$/);
		const downloads = sim.log.filter((e) => e.path.startsWith('/storage/'));
		expect(downloads).toHaveLength(2);
		expect(downloads.every((e) => e.headers.authorization === undefined)).toBe(true);
		expect(downloads.every((e) => e.status === 200)).toBe(true);
	});

	it('both: rows then the files; gzip kept as downloaded', async () => {
		sim.settings.gzip = true;
		const { items, error } = await run({ resource: 'tenant', operation: 'exportAndWait', output: 'both' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SNAPSHOTS.tenant.length + 1);
		const file = items[items.length - 1];
		expect(file.binary?.data?.mimeType).toBe('application/gzip');
		const bytes = Buffer.from(file.binary!.data!.data, 'base64');
		expect(gunzipSync(bytes).toString()).toContain('"tenant_uuid"');
	});

	it('refuses items for a binary-only format', async () => {
		const { error } = await run({ resource: 'tenant', operation: 'exportAndWait', fileFormat: 'PARQUET' });
		expect(error?.message).toContain('cannot be turned into items');
		const ok = await run({ resource: 'tenant', operation: 'exportAndWait', fileFormat: 'PARQUET', output: 'binary' });
		expect(ok.items).toHaveLength(1);
	});
});

describe('Saveris node: Start Export, Get Export Status, Get Export Results', () => {
	it('runs the three steps by hand', async () => {
		sim.settings.inProgressPolls = 1;
		const started = await run({ resource: 'measurement', operation: 'startExport', dateFrom: FROM, dateUntil: UNTIL });
		expect(started.error).toBeUndefined();
		const uuid = started.items[0].json.request_uuid as string;
		expect(started.items[0].json).toMatchObject({ status: 'Submitted', date_time_from: FROM, date_time_until: UNTIL });

		const early = await run({ resource: 'measurement', operation: 'getExportResults', requestUuid: uuid });
		expect(early.error?.message).toContain('is not completed yet');

		const status = await run({ resource: 'measurement', operation: 'getExportStatus', requestUuid: uuid });
		expect(status.items[0].json.status).toBe('Completed');
		expect(status.items[0].json.data_urls).toHaveLength(1);

		const results = await run({ resource: 'measurement', operation: 'getExportResults', requestUuid: uuid });
		expect(results.items.map((i) => i.json.uuid)).toEqual(measurementsIn(ms(FROM), ms(UNTIL)).map((r) => r.uuid));
	});

	it('Start Export splits a long range into one job per 7 days', async () => {
		const { items } = await run({ resource: 'alarm', operation: 'startExport', dateFrom: FROM, dateUntil: '2024-06-20T00:00:00Z' });
		expect(items).toHaveLength(3);
		expect(new Set(items.map((i) => i.json.request_uuid)).size).toBe(3);
	});

	it('an unknown request_uuid is a clear 404', async () => {
		const { error } = await run({ resource: 'tenant', operation: 'getExportStatus', requestUuid: '00000000-0000-4000-8000-000000000000' });
		expect(error?.message).toContain('knows no Tenants export');
	});
});

describe('Saveris node: expired download links', () => {
	it('gets fresh links from the status call once', async () => {
		sim.settings.expiredLinksNext = 1;
		const { items, error } = await run({ resource: 'tenant', operation: 'exportAndWait' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SNAPSHOTS.tenant.length);
		expect(sim.log.filter((e) => e.path.startsWith('/storage/')).map((e) => e.status)).toEqual([403, 200]);
	});

	it('then gives a clear error', async () => {
		sim.settings.expiredLinksNext = 2;
		const { error } = await run({ resource: 'tenant', operation: 'exportAndWait' });
		expect(error?.message).toContain('download links of the Saveris export');
		expect(error?.message).toContain('have expired');
	});
});

describe('Saveris credential and token', () => {
	it('tests the credential with the token call', async () => {
		const ok = await testCredential(SaverisApi, sim.credentials);
		expect(ok.status).toBe('OK');
		const bad = await testCredential(SaverisApi, { ...sim.credentials, password: 'wrong-password' });
		expect(bad.status).toBe('Error');
	});

	it('a bad login is a clear credential error', async () => {
		const { error } = await runNode({
			nodeType: Saveris,
			parameters: { resource: 'tenant', operation: 'exportAndWait', ...fast } as never,
			credentials: { saverisApi: { ...sim.credentials, password: 'wrong-password' } },
			credentialTypes: [SaverisApi],
		});
		expect(error?.message).toContain('Saveris refused the login: Incorrect username or password.');
		expect(error?.description).toContain('Check the username, password');
	});

	it('reads idToken as well as IdToken and logs in once for many calls', async () => {
		sim.settings.lowercaseTokenKey = true;
		await run({ resource: 'tenant', operation: 'exportAndWait' });
		await run({ resource: 'location', operation: 'exportAndWait' });
		expect(sim.state.logins).toBe(1);
	});

	it('logs in again after an expired token is refused (401), once per request', async () => {
		await run({ resource: 'tenant', operation: 'exportAndWait' });
		sim.expireAllTokens();
		sim.resetLog();
		const { items, error } = await run({ resource: 'tenant', operation: 'exportAndWait' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SNAPSHOTS.tenant.length);
		expect(sim.log.slice(0, 3).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
			'POST /v3/tenants 401',
			'POST /v1/token 200',
			'POST /v3/tenants 200',
		]);
		expect(sim.state.logins).toBe(2);
	});

	it('logs in again after a 401', async () => {
		await run({ resource: 'tenant', operation: 'exportAndWait' });
		sim.state.tokens.clear(); // the server no longer knows the token: 401
		sim.resetLog();
		const { error } = await run({ resource: 'tenant', operation: 'exportAndWait' });
		expect(error).toBeUndefined();
		expect(sim.log.slice(0, 3).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
			'POST /v3/tenants 401',
			'POST /v1/token 200',
			'POST /v3/tenants 200',
		]);
	});

	it('renews the token before its exp without a failed call', async () => {
		sim.settings.tokenTtlSeconds = 30; // inside the 60 s margin: every call logs in first
		await run({ resource: 'tenant', operation: 'getExportStatus', requestUuid: '00000000-0000-4000-8000-000000000000' });
		await run({ resource: 'tenant', operation: 'getExportStatus', requestUuid: '00000000-0000-4000-8000-000000000000' });
		expect(sim.state.logins).toBe(2);
		expect(sim.log.filter((e) => e.status === 401 || e.status === 403)).toHaveLength(0);
	});

	it('turns problem+json and {status, message} bodies into readable messages', async () => {
		sim.faults.add({
			kind: 'status',
			status: 400,
			body: JSON.stringify({ type: 'BAD_REQUEST_BODY', title: 'Invalid request body', detail: 'odata: Unrecognized key', status: 400 }),
			headers: { 'Content-Type': 'application/problem+json' },
			path: '^/v3/tenants$',
			method: 'POST',
		});
		const bad = await run({ resource: 'tenant', operation: 'startExport' });
		expect(bad.error?.message).toBe('Invalid request body: odata: Unrecognized key (HTTP 400)');
		sim.faults.add({ kind: 'status', status: 500, body: { status: 'Error', message: 'Athena query failed' }, path: '^/v3/tenants$', method: 'POST' });
		const failed = await run({ resource: 'tenant', operation: 'startExport' });
		expect(failed.error?.message).toContain('Athena query failed');
		const tooLong = await runNode({
			nodeType: Saveris,
			parameters: { resource: 'legacy', operation: 'getTenantsSync' } as never,
			...common(),
		});
		expect(tooLong.error).toBeUndefined();
	});
});

describe('Saveris node: Legacy (deprecated) sync endpoints', () => {
	it.each([
		['getEquipmentSync', 'equipment'],
		['getTenantsSync', 'tenant'],
		['getDeviceStatusSync', 'deviceStatus'],
		['getSensorStatusSync', 'sensorStatus'],
		['getDevicePropertiesSync', 'deviceProperties'],
	])('%s', async (operation, snapshot) => {
		const { items, error } = await runNode({ nodeType: Saveris, parameters: { resource: 'legacy', operation } as never, ...common() });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SNAPSHOTS[snapshot].length);
	});
});

describe('Saveris Trigger', () => {
	const trigger = (parameters: IDataObject, mode: 'trigger' | 'activation' | 'manual', staticData?: IDataObject) =>
		runPoll({ nodeType: SaverisTrigger, parameters: parameters as never, mode, staticData, ...common() });

	it('"Export Finished" fires once with the rows', async () => {
		sim.settings.inProgressPolls = 1;
		const started = await run({ resource: 'location', operation: 'startExport' });
		const uuid = started.items[0].json.request_uuid as string;
		const params = { mode: 'exportFinished', exportResource: 'location', requestUuid: uuid };
		const manualEarly = await trigger(params, 'manual');
		expect(manualEarly.error?.message).toContain('is not finished yet');
		const r = await trigger(params, 'activation');
		const staticData = r.staticData;
		expect(r.items?.map((i) => i.json.location_uuid)).toEqual(SNAPSHOTS.location.map((l) => l.location_uuid));
		const again = await trigger(params, 'trigger', staticData);
		expect(again.items).toBeNull();
	});

	it('"Export Finished" reports a failed export once', async () => {
		sim.settings.failNextJobs = 1;
		sim.settings.inProgressPolls = 0;
		const started = await run({ resource: 'tenant', operation: 'startExport' });
		const params = { mode: 'exportFinished', exportResource: 'tenant', requestUuid: started.items[0].json.request_uuid };
		const r = await trigger(params, 'trigger');
		expect(r.error?.message).toContain('ended with status "Error"');
		const again = await trigger(params, 'trigger', r.staticData);
		expect(again.error).toBeUndefined();
		expect(again.items).toBeNull();
	});

	it('manual mode returns one small window and leaves the state alone', async () => {
		sim.settings.inProgressPolls = 0;
		const r = await trigger({ mode: 'newRecords', recordResource: 'measurement' }, 'manual');
		expect(r.error).toBeUndefined();
		expect(r.items!.length).toBeGreaterThan(30);
		expect(r.mutatedStaticData).toEqual({});
		const post = sim.log.find((e) => e.method === 'POST' && e.path === '/v2/measurements')!.body as IDataObject;
		expect(ms(post.date_time_until as string) - ms(post.date_time_from as string)).toBe(3_600_000);
	});

	it('New Records: first activation seeds the cursor and emits nothing; then one window at a time', async () => {
		const params = { mode: 'newRecords', recordResource: 'alarm', options: { lagMinutes: 10 } };
		const first = await trigger(params, 'activation');
		expect(first.items).toBeNull();
		expect(first.savedStaticData).toMatchObject({ 'node:testo Saveris Trigger': expect.anything() } as never);
		expect(sim.log.filter((e) => e.path !== '/v1/token')).toHaveLength(0);
	});

	it.each([
		['CSV, half-open windows', 'CSV', false],
		['gzip NDJSON in several files, boundary records in two windows', 'JSON', true],
	])('New Records (%s): hundreds of polls over simulated time with failures, slow jobs, expired links, token expiry and restarts emit every record exactly once', async (_label, fileFormat, inclusiveUntil) => {
		const random = seededRandom(20240601);
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const nowSpy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.inProgressRange = [0, 3];
			sim.settings.errorRate = 0.3;
			sim.settings.expiredLinkRate = 0.1;
			sim.settings.tokenTtlSeconds = 1800;
			sim.settings.duplicateRows = true;
			sim.settings.gzip = fileFormat === 'JSON';
			sim.settings.jsonFiles = 3;
			sim.settings.inclusiveUntil = inclusiveUntil as boolean;
			const start = '2024-06-01T00:00:00.000Z'; // a 9-day catch-up: consecutive 7-day windows first
			const params = { mode: 'newRecords', recordResource: 'measurement', startDate: start, options: { lagMinutes: 10, maxTries: 2, fileFormat } };
			let memory: IDataObject = {};
			let database: IDataObject = {};
			const emitted: string[] = [];
			let errors = 0;
			let restarts = 0;
			let expiries = 0;
			for (let i = 0; i < 300; i++) {
				if (i > 0 && random.next() < 0.05) {
					// A restart or deploy: memory is gone, the database copy and a cold token cache remain.
					memory = structuredClone(database);
					resetTokenCache();
					restarts++;
				}
				if (random.next() < 0.05) {
					sim.expireAllTokens();
					expiries++;
				}
				const r = await trigger(params, i === 0 ? 'activation' : 'trigger', memory);
				if (r.error) errors++;
				for (const item of r.items ?? []) emitted.push(item.json.uuid as string);
				memory = r.staticData;
				if (r.saved) database = r.savedStaticData;
				now += random.int(1, 15) * 60_000;
			}
			const state = memory['node:testo Saveris Trigger'] as { cursor: string };
			const expected = measurementsIn(Date.parse(start), Date.parse(state.cursor)).map((m) => m.uuid);
			expect(expected.length).toBeGreaterThan(5000);
			expect(new Set(emitted).size).toBe(emitted.length);
			// Several JSON files per job interleave the rows, so compare as sets (plus the size check above).
			expect([...emitted].sort()).toEqual([...expected].sort());
			// The run must have met the hazards it claims to survive.
			expect(restarts).toBeGreaterThan(5);
			expect(expiries).toBeGreaterThan(5);
			expect([...sim.state.jobs.values()].some((j) => j.outcome === 'Error')).toBe(true);
			expect(sim.log.some((e) => e.path.startsWith('/storage/') && e.status === 403)).toBe(true);
			expect(sim.log.some((e) => e.status === 401 && e.path === '/v2/measurements')).toBe(true);
			expect(Date.now() - Date.parse(state.cursor)).toBeLessThan(2 * 3_600_000);
			expect(errors).toBeGreaterThan(0); // reported after Max Tries, cursor kept
			if (process.env.SAVERIS_STATS) process.stderr.write(JSON.stringify({ emitted: emitted.length, errors, restarts, expiries, jobs: sim.state.jobs.size, logins: sim.state.logins }) + '\n');
		} finally {
			nowSpy.mockRestore();
		}
	}, 60_000);
});
