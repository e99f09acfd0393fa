// What testo's OpenAPI ("Data REST API" v1.0) and the research notes document, not what the simulator
// used to assume (issue 14, Saveris points 2–8 and 11). Each simulator behaviour cites its source.
import type { IDataObject } from 'n8n-workflow';

import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { resetTokenCache } from '../../nodes/Saveris/transport/session';
import { Saveris } from '../../nodes/Saveris/Saveris.node';
import { SaverisTrigger } from '../../nodes/Saveris/SaverisTrigger.node';
import { alarmsIn, measurementsIn, receivedAt, SNAPSHOTS, startSaverisSimulator } from '../simulators/saveris';
import { seededRandom } from '../simulators/core';
import type { SaverisSimulator } from '../simulators/saveris';
import { runNode, runPoll } from './harness';
import { useSimulator } from '../helpers/simulator';

let sim: SaverisSimulator;
const common = () => ({ credentials: { saverisApi: { ...sim.credentials } }, credentialTypes: [SaverisApi] });
const fast = { waitOptions: { intervalSeconds: 0.01, timeoutMinutes: 1 } };
const run = (parameters: IDataObject) => runNode({ nodeType: Saveris, parameters: { ...fast, ...parameters } as never, ...common() });
const trigger = (parameters: IDataObject, mode: 'trigger' | 'activation' | 'manual', staticData?: IDataObject) =>
	runPoll({ nodeType: SaverisTrigger, parameters: parameters as never, mode, staticData, ...common() });
const storage = () => sim.log.filter((e) => e.path.startsWith('/storage/'));

useSimulator(() => startSaverisSimulator(), (s) => (sim = s), () => resetTokenCache());

describe('point 2: a partial download never counts as success', () => {
	const exportTwoFiles = () =>
		run({ resource: 'alarm', operation: 'exportAndWait', dateFrom: '2024-06-01T00:00:00Z', dateUntil: '2024-06-02T00:00:00Z', fileFormat: 'JSON' });

	it.each(['Error', 'fewerLinks'] as const)('the second file refused, fresh status "%s": the run fails', async (afterExpiry) => {
		sim.settings.jsonFiles = 2;
		sim.settings.laterLinksExpireNext = 1;
		sim.settings.afterExpiry = afterExpiry;
		const { items, error } = await exportTwoFiles();
		expect(storage().map((e) => e.status)).toContain(403);
		expect(error?.message).toMatch(/Saveris (Alarms )?export .* (ended with status|listed)/);
		expect(items).toHaveLength(0);
	});

	it('the second file refused, fresh links to every file: all rows', async () => {
		sim.settings.jsonFiles = 2;
		sim.settings.laterLinksExpireNext = 1;
		const { items, error } = await exportTwoFiles();
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.uuid).sort()).toEqual(alarmsIn(Date.parse('2024-06-01T00:00:00Z'), Date.parse('2024-06-02T00:00:00Z')).map((r) => r.uuid).sort());
	});

	it('the trigger keeps its window when a file is missing, and delivers it whole later', async () => {
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.jsonFiles = 2;
			sim.settings.inProgressPolls = 0;
			const params = { mode: 'newRecords', recordResource: 'alarm', startDate: '2024-06-09T00:00:00.000Z', options: { fileFormat: 'JSON', lookbackMinutes: 0 } };
			let r = await trigger(params, 'activation'); // submits the first window
			expect(r.items).toBeNull();
			sim.settings.laterLinksExpireNext = 1;
			sim.settings.afterExpiry = 'fewerLinks';
			r = await trigger(params, 'trigger', r.staticData);
			expect(r.items).toBeNull();
			const state = r.staticData['node:testo Saveris Trigger'] as IDataObject;
			expect(state.cursor).toBe('2024-06-09T00:00:00.000Z');
			sim.settings.afterExpiry = 'same';
			const emitted: string[] = [];
			for (let i = 0; i < 6 && emitted.length === 0; i++) {
				now += 5 * 60_000;
				r = await trigger(params, 'trigger', r.staticData);
				for (const item of r.items ?? []) emitted.push(item.json.uuid as string);
			}
			const until = Date.parse(String((r.staticData['node:testo Saveris Trigger'] as IDataObject).cursor));
			expect(emitted.sort()).toEqual(alarmsIn(Date.parse('2024-06-09T00:00:00.000Z'), until).map((a) => a.uuid).sort());
		} finally {
			spy.mockRestore();
		}
	});
});

describe('point 5: no window under the 5-minute minimum', () => {
	it('7 days + 2 minutes become two windows of at least 5 minutes', async () => {
		const { error } = await run({ resource: 'alarm', operation: 'startExport', dateFrom: '2024-06-01T00:00:00Z', dateUntil: '2024-06-08T00:02:00Z' });
		expect(error).toBeUndefined();
		const posts = sim.log.filter((e) => e.method === 'POST' && e.path === '/v3/alarms').map((e) => e.body as IDataObject);
		expect(posts).toHaveLength(2);
		expect(posts[0].date_time_from).toBe('2024-06-01T00:00:00.000Z');
		expect(posts[1].date_time_until).toBe('2024-06-08T00:02:00.000Z');
		expect(posts[1].date_time_from).toBe(posts[0].date_time_until);
		for (const p of posts) expect(Date.parse(p.date_time_until as string) - Date.parse(p.date_time_from as string)).toBeGreaterThanOrEqual(5 * 60_000);
	});
});

describe('point 6: Get Export Results reads the file it gets', () => {
	it.each([
		['named .json', false, false],
		['named without extension, gzipped', true, true],
	])('an NDJSON result (%s) read with the default File Format (CSV)', async (_label, bare, gzip) => {
		sim.settings.bareFileNames = bare;
		sim.settings.gzip = gzip;
		sim.settings.inProgressPolls = 0;
		const started = await run({ resource: 'tenant', operation: 'startExport', fileFormat: 'JSON' });
		const uuid = started.items[0].json.request_uuid as string;
		const { items, error } = await run({ resource: 'tenant', operation: 'getExportResults', requestUuid: uuid });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.tenant_uuid).sort()).toEqual(SNAPSHOTS.tenant.map((t) => t.tenant_uuid).sort());
	});

	it('a CSV result read with File Format JSON', async () => {
		sim.settings.bareFileNames = true;
		sim.settings.inProgressPolls = 0;
		const started = await run({ resource: 'tenant', operation: 'startExport' });
		const { items, error } = await run({ resource: 'tenant', operation: 'getExportResults', requestUuid: started.items[0].json.request_uuid, fileFormat: 'JSON' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SNAPSHOTS.tenant.length);
	});
});

describe('point 7: "First Check After" waits before the first status check', () => {
	it('the first status call comes no sooner than the interval after submitting', async () => {
		sim.settings.inProgressPolls = 0;
		const { error } = await run({ resource: 'tenant', operation: 'exportAndWait', waitOptions: { intervalSeconds: 0.4, timeoutMinutes: 1 } });
		expect(error).toBeUndefined();
		const post = sim.log.find((e) => e.method === 'POST' && e.path === '/v3/tenants')!;
		const check = sim.log.find((e) => e.method === 'GET' && e.path.startsWith('/v3/tenants/'))!;
		// A lower bound only: load can make the gap longer, never shorter.
		expect(check.at - post.at).toBeGreaterThanOrEqual(390);
	});
});

describe('point 8: Device Properties columns typed as the OpenAPI types them', () => {
	it('measuring cycles, channel number, exponent and attenuation are numbers', async () => {
		const { items } = await run({ resource: 'deviceProperties', operation: 'exportAndWait' });
		expect(items[0].json).toMatchObject({
			device_measuring_cycle: 300000,
			device_measuring_cycle_effective: 300000,
			sensor_measuring_cycle: 300000,
			sensor_measuring_cycle_effective: 300000,
			channel_no: 1,
			channel_physical_unit_exponent: 1,
			channel_attenuation: 0.5,
		});
	});
});

describe('point 11: a Start Date expression does not reset the trigger', () => {
	it('a start date that changes on every poll (e.g. $now.minus) keeps the cursor and the job', async () => {
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.inProgressPolls = 0;
			// docs/saveris.md's style for the node's own dates; n8n evaluates it anew on every poll.
			const params = { mode: 'newRecords', recordResource: 'alarm', startDate: '={{ $now.minus({ minutes: 40 }).toISO() }}' };
			let r = await trigger(params, 'activation');
			let emitted = 0;
			for (let i = 0; i < 12; i++) {
				now += 60_000;
				r = await trigger(params, 'trigger', r.staticData);
				expect(r.error).toBeUndefined();
				emitted += r.items?.length ?? 0;
			}
			expect(emitted).toBeGreaterThan(0);
			expect(sim.log.filter((e) => e.method === 'POST' && e.path === '/v3/alarms').length).toBeLessThan(6);
		} finally {
			spy.mockRestore();
		}
	});

	it('state written with the Start Date in the key carries on (no reset, no new export)', async () => {
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.inProgressPolls = 0;
			const cursor = '2024-06-09T22:00:00.000Z';
			const staticData = { 'node:testo Saveris Trigger': { config: 'newRecords|alarm|2024-06-01T00:00:00.000Z', cursor } };
			const params = { mode: 'newRecords', recordResource: 'alarm', startDate: '2024-06-05T00:00:00Z' };
			let r = await trigger(params, 'trigger', staticData);
			now += 60_000;
			r = await trigger(params, 'trigger', r.staticData);
			const post = sim.log.find((e) => e.method === 'POST' && e.path === '/v3/alarms')!.body as IDataObject;
			expect(post.date_time_from).toBe(cursor); // no lookback before the stored cursor: those keys are unknown
			expect(r.items?.map((i) => i.json.uuid).sort()).toEqual(alarmsIn(Date.parse(cursor), Date.parse(post.date_time_until as string)).map((a) => a.uuid).sort());
		} finally {
			spy.mockRestore();
		}
	});
});

describe('point 3: loggers that upload late are delivered, once, under either reading of the date range', () => {
	it.each(['timestamp', 'processed_at'] as const)(
		'range on %s: hours of polls with restarts deliver every measurement exactly once',
		async (rangeColumn) => {
			const random = seededRandom(314);
			let now = Date.parse('2024-06-10T00:00:00.000Z');
			const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
			try {
				sim.settings.lateUploads = true;
				sim.settings.rangeColumn = rangeColumn;
				sim.settings.inProgressRange = [0, 2];
				// Repeats inside and across files and on window bounds (inferred, see the simulator).
				sim.settings.duplicateRows = true;
				sim.settings.inclusiveUntil = rangeColumn === 'processed_at';
				const start = '2024-06-09T22:00:00.000Z';
				const params = { mode: 'newRecords', recordResource: 'measurement', startDate: start };
				let memory: IDataObject = {};
				let database: IDataObject = {};
				const emitted: string[] = [];
				let restarts = 0;
				for (let i = 0; i < 200; i++) {
					if (i > 0 && random.next() < 0.08) {
						memory = structuredClone(database); // a restart: only what n8n saved remains
						restarts++;
					}
					const r = await trigger(params, i === 0 ? 'activation' : 'trigger', memory);
					expect(r.error).toBeUndefined();
					for (const item of r.items ?? []) emitted.push(item.json.uuid as string);
					memory = r.staticData;
					if (r.saved) database = r.savedStaticData;
					now += random.int(1, 4) * 60_000;
				}
				expect(restarts).toBeGreaterThan(5);
				const cursor = Date.parse(String((memory['node:testo Saveris Trigger'] as IDataObject).cursor));
				const horizon = cursor - 2 * 3_600_000;
				const all = measurementsIn(Date.parse(start) - 3 * 3_600_000, cursor);
				const selected = (row: (typeof all)[number]) => (rangeColumn === 'timestamp' ? Date.parse(String(row.timestamp)) : receivedAt(row));
				const expected = all.filter((row) => selected(row) >= Date.parse(start) && selected(row) < horizon).map((row) => row.uuid as string);
				const valid = new Set(all.filter((row) => selected(row) >= Date.parse(start)).map((row) => row.uuid as string));
				expect(expected.length).toBeGreaterThan(200);
				// The late logger's measurements are among them.
				expect(all.some((row) => row.serial_no === '20208112' && expected.includes(row.uuid as string))).toBe(true);
				expect(new Set(emitted).size).toBe(emitted.length);
				expect(emitted.every((uuid) => valid.has(uuid))).toBe(true);
				const delivered = new Set(emitted);
				expect(expected.filter((uuid) => !delivered.has(uuid))).toEqual([]);
			} finally {
				spy.mockRestore();
			}
		},
		60_000,
	);
});

describe('point 3: records without a uuid ($select left it out)', () => {
	it('are recognised on re-read by all their columns: each delivered once', async () => {
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.inProgressPolls = 0;
			const start = '2024-06-09T21:00:00.000Z';
			const params = { mode: 'newRecords', recordResource: 'measurement', startDate: start, options: { select: 'sensor_uuid,timestamp,measurement' } };
			let r = await trigger(params, 'activation');
			const emitted: string[] = [];
			for (let i = 0; i < 40; i++) {
				now += 7 * 60_000;
				r = await trigger(params, 'trigger', r.staticData);
				for (const item of r.items ?? []) emitted.push(`${String(item.json.sensor_uuid)}@${String(item.json.timestamp)}`);
			}
			const cursor = Date.parse(String((r.staticData['node:testo Saveris Trigger'] as IDataObject).cursor));
			const expected = measurementsIn(Date.parse(start), cursor).map((m) => `${String(m.sensor_uuid)}@${String(m.timestamp)}`);
			expect(expected.length).toBeGreaterThan(100);
			expect(emitted.sort()).toEqual(expected.sort());
		} finally {
			spy.mockRestore();
		}
	});
});

describe('point 4: a job that never ends does not block the trigger', () => {
	it('gives it up after the bound, exports the window again, and reports repeated hangs', async () => {
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			// OAS lists Submitted / In Progress / Completed / Error and says nothing of how long a job may
			// stay in progress; the least convenient reading: forever.
			sim.settings.inProgressPolls = 1_000_000;
			const params = { mode: 'newRecords', recordResource: 'alarm', startDate: '2024-06-09T20:00:00.000Z', options: { maxTries: 2, jobTimeoutMinutes: 30 } };
			let r = await trigger(params, 'activation');
			const posts = () => sim.log.filter((e) => e.method === 'POST' && e.path === '/v3/alarms').length;
			expect(posts()).toBe(1);
			const errors: string[] = [];
			for (let i = 0; i < 40 && errors.length === 0; i++) {
				now += 5 * 60_000;
				r = await trigger(params, 'trigger', r.staticData);
				if (r.error) errors.push(r.error.message);
			}
			expect(posts()).toBe(2);
			expect(errors[0]).toMatch(/failed 2 times/);
			// Jobs finish again: the kept window is delivered.
			sim.settings.inProgressPolls = 0;
			const emitted: string[] = [];
			for (let i = 0; i < 20; i++) {
				now += 5 * 60_000;
				r = await trigger(params, 'trigger', r.staticData);
				expect(r.error).toBeUndefined();
				for (const item of r.items ?? []) emitted.push(item.json.uuid as string);
			}
			const cursor = Date.parse(String((r.staticData['node:testo Saveris Trigger'] as IDataObject).cursor));
			expect(emitted.sort()).toEqual(alarmsIn(Date.parse('2024-06-09T20:00:00.000Z'), cursor).map((a) => a.uuid).sort());
		} finally {
			spy.mockRestore();
		}
	});

	it('a restart between polls loses the submitted job id: the window is submitted again, nothing repeats', async () => {
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.inProgressPolls = 0;
			const params = { mode: 'newRecords', recordResource: 'alarm', startDate: '2024-06-09T20:00:00.000Z' };
			const seeded = await trigger(params, 'activation'); // seeds and submits the first window
			const first = await trigger(params, 'trigger', seeded.staticData); // delivers it (saved)
			expect(first.saved).toBe(true);
			now += 60 * 60_000;
			const submit = await trigger(params, 'trigger', first.staticData); // submits the next (silent)
			expect(submit.items).toBeNull();
			expect(submit.saved).toBe(false);
			// A restart: memory gone, the database holds the state saved with the first delivery.
			const again = await trigger(params, 'trigger', first.savedStaticData);
			expect(again.items).toBeNull();
			const second = await trigger(params, 'trigger', again.staticData);
			expect(sim.log.filter((e) => e.method === 'POST' && e.path === '/v3/alarms').length).toBe(3);
			const emitted = [...(first.items ?? []), ...(second.items ?? [])].map((i) => i.json.uuid as string);
			expect(second.items?.length).toBeGreaterThan(0);
			const cursor = Date.parse(String((second.staticData['node:testo Saveris Trigger'] as IDataObject).cursor));
			expect(emitted.sort()).toEqual(alarmsIn(Date.parse('2024-06-09T20:00:00.000Z'), cursor).map((a) => a.uuid).sort());
		} finally {
			spy.mockRestore();
		}
	});
});
