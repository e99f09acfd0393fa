/**
 * Issue 12 ("Hostile and broken servers"), points 5–11: what the polling triggers promise about
 * delivering each event exactly once, tested against the simulators made slow, skewed, self-
 * contradicting or fed damaged state. Each test reproduces one reported failure.
 *
 * Restarts are modelled as n8n makes them: a restarted n8n activates every active workflow again
 * ('init'), which runs poll() once from the static data last written to the database and saves what
 * that poll leaves (ActiveWorkflowManager.add); a tick that returns nothing writes nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { XavierApi } from '../../credentials/XavierApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { ClinikoTrigger } from '../../nodes/Cliniko/ClinikoTrigger.node';
import { resetTokenCache } from '../../nodes/Saveris/transport/session';
import { SaverisTrigger } from '../../nodes/Saveris/SaverisTrigger.node';
import { XavierTrigger } from '../../nodes/Xavier/XavierTrigger.node';
import { XtraKitTrigger } from '../../nodes/XtraKit/XtraKitTrigger.node';
import { startClinikoSimulator } from '../simulators/cliniko';
import type { ClinikoSimulator } from '../simulators/cliniko';
import { startSaverisSimulator } from '../simulators/saveris';
import type { SaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator } from '../simulators/xavier';
import type { XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import type { XtraKitSimulator } from '../simulators/xtrakit';
import { idsOf } from '../helpers/items';
import { runPoll } from './harness';

const NODE = 'Cliniko Trigger';
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

describe('Cliniko trigger against a hostile or slow server', () => {
	let sim: ClinikoSimulator;
	const poll = (parameters: IDataObject, mode: 'activation' | 'trigger', staticData: IDataObject = {}) =>
		runPoll({
			nodeType: ClinikoTrigger,
			parameters: parameters as never,
			mode,
			staticData,
			credentials: { clinikoApi: sim.credentials },
			credentialTypes: [ClinikoApi],
		});
	const created = { event: 'created', resource: 'patient' };
	const updated = { event: 'updated', resource: 'patient' };

	beforeAll(async () => {
		sim = await startClinikoSimulator({ rateLimit: null });
	});
	afterAll(async () => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.state.clock.useRealTime();
	});

	// Point 5: n8n fires every cron tick without waiting for the previous poll (ScheduledTaskManager's
	// onTick is `void executeTrigger()`), so a poll slower than the interval overlaps the next one.
	it('two overlapping polls of one trigger deliver each record once', async () => {
		const seeded = await poll(created, 'activation');
		expect(seeded.error).toBeUndefined();
		const fresh = [sim.state.create('patients', { first_name: 'Overlap', last_name: 'One' }), sim.state.create('patients', { first_name: 'Overlap', last_name: 'Two' })];
		// A slow server (a 429 wait, retries): the first poll's list request takes 1.5 s.
		sim.faults.add({ kind: 'latency', ms: 1500, path: '^/v1/patients$', times: 1 });
		const first = poll(created, 'trigger', seeded.staticData);
		await new Promise((resolve) => setTimeout(resolve, 300));
		// The next tick starts while the first is still waiting, from the same static data.
		const second = await poll(created, 'trigger', seeded.staticData);
		const done = await first;
		expect(done.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		const delivered = [...idsOf(done.items), ...idsOf(second.items)];
		expect(delivered.sort()).toEqual(fresh.map((p) => String(p.id)).sort());
		// The lease is released: the next poll runs again (and finds nothing new).
		const third = await poll(created, 'trigger', done.staticData);
		expect(third.error).toBeUndefined();
		expect(third.items).toBeNull();
		expect(sim.log.filter((e) => e.path === '/v1/patients').length).toBeGreaterThanOrEqual(3);
	});

	// Point 7: a server whose clock is wrong for one record (stamped a day ahead).
	it('a record stamped a day in the future does not hide records created afterwards', async () => {
		const seeded = await poll(created, 'activation');
		sim.state.clock.set(Date.now() + 86_400_000);
		const future = sim.state.create('patients', { first_name: 'Future', last_name: 'Stamp' });
		sim.state.clock.useRealTime();
		const first = await poll(created, 'trigger', seeded.staticData);
		expect(idsOf(first.items)).toEqual([String(future.id)]);
		const since = Date.parse(String((first.nodeStaticData.cursor as IDataObject).since));
		expect(since).toBeLessThan(Date.now() + 10 * 60_000);

		const now = sim.state.create('patients', { first_name: 'Real', last_name: 'Time' });
		const second = await poll(created, 'trigger', first.staticData);
		expect(idsOf(second.items)).toEqual([String(now.id)]);
		// The future record is not delivered again either.
		expect((await poll(created, 'trigger', second.staticData)).items).toBeNull();
	});

	// Point 8: a record updated while a poll pages through the list moves to the end of the
	// updated_at order, so the same poll reads it again on a later page.
	it('a record updated while a poll is paging is delivered once, in its latest state', async () => {
		const t0 = Date.now() - 3_600_000;
		sim.state.clock.set(t0);
		const seeded = await poll(updated, 'activation');
		sim.state.clock.set(t0 + 60_000);
		const patients = Array.from({ length: 150 }, (_, i) => sim.state.create('patients', { first_name: `Paged${i}`, last_name: 'Run' }));
		sim.state.clock.set(t0 + 120_000);
		// Every page answer waits 400 ms, so the update lands between page 1 and page 2.
		sim.faults.add({ kind: 'latency', ms: 400, path: '^/v1/patients$', times: 'always' });
		const before = sim.log.length;
		const running = poll(updated, 'trigger', seeded.staticData);
		const firstPageAnswered = () => sim.log.slice(before).some((e) => e.path === '/v1/patients' && e.status === 200);
		while (!firstPageAnswered()) await new Promise((resolve) => setTimeout(resolve, 20));
		const changed = sim.state.update('patients', String(patients[3].id), { notes: 'edited while paging' });
		const result = await running;
		sim.faults.clear();
		expect(result.error).toBeUndefined();
		const delivered = idsOf(result.items);
		expect(delivered.filter((id) => id === String(changed.id))).toHaveLength(1);
		expect(new Set(delivered).size).toBe(delivered.length);
		expect(delivered.sort()).toEqual(patients.map((p) => String(p.id)).sort());
		const item = (result.items ?? []).find((i) => String(i.json.id) === String(changed.id));
		expect(item?.json.notes).toBe('edited while paging');
		expect(item?.json.updated_at).toBe(changed.updated_at);
	});

	// Point 9: static data damaged by hand, an old version of the node, or another tool.
	it.each([
		['a non-date since', { since: 'yesterday', seen: [] }],
		['a non-list seen', (since: string) => ({ since, seen: 'p1@x' })],
		['a string cursor', 'cursor-v0'],
		['a cursor without since', { seen: ['1@2020-01-01T00:00:00Z'] }],
	])('stored state with %s: one warning, re-seeded, later records delivered', async (_name, damaged) => {
		const seeded = await poll(created, 'activation');
		const good = seeded.nodeStaticData.cursor as IDataObject;
		const cursor = typeof damaged === 'function' ? damaged(String(good.since)) : damaged;
		const staticData = { [`node:${NODE}`]: { ...seeded.nodeStaticData, cursor } };
		const first = await poll(created, 'trigger', staticData);
		expect(first.error).toBeUndefined();
		const warnings = first.logs.filter((l) => l.level === 'warn' && /state/i.test(l.message));
		expect(warnings).toHaveLength(1);
		const after = sim.state.create('patients', { first_name: 'After', last_name: 'Damage' });
		const second = await poll(created, 'trigger', first.staticData);
		expect(second.error).toBeUndefined();
		expect(idsOf(second.items)).toEqual([String(after.id)]);
		expect(second.logs.filter((l) => l.level === 'warn' && /state/i.test(l.message))).toHaveLength(0);
	});

	// Point 11: a page whose `next` link points at itself, inside a run of records that share one
	// timestamp (the only place the trigger follows links). Cliniko's own envelope says how many
	// records match (total_entries): no more pages than that can be needed.
	it('a self-linked page is an error after a bounded number of requests', async () => {
		const since = Date.parse('2026-01-01T10:00:00Z');
		const at = iso(since - 5 * 60_000); // exactly the poll's lower bound: the whole page shares it
		const page = (url: string) => ({
			patients: Array.from({ length: 100 }, (_, i) => ({ id: String(9000 + i), first_name: 'Same', last_name: `Stamp${i}`, created_at: at, updated_at: at })),
			total_entries: 250,
			links: { self: url, next: url },
		});
		const selfUrl = `${sim.url}/v1/patients?page=2`;
		sim.faults.add({ kind: 'status', status: 200, body: page(selfUrl), path: '^/v1/patients$', times: 'always' });
		const staticData = { [`node:${NODE}`]: { config: 'created:patient', cursor: { since: new Date(since).toISOString(), seen: [] } } };
		const result = await poll(created, 'trigger', staticData);
		sim.faults.clear();
		const requests = sim.log.filter((e) => e.path === '/v1/patients').length;
		expect(requests).toBeLessThanOrEqual(5);
		expect(result.error?.message).toMatch(/page|link/i);
		expect(result.items).toBeNull();
	});
});

describe('XtraKit trigger across restarts', () => {
	let sim: XtraKitSimulator;
	const base = () => ({
		nodeType: XtraKitTrigger,
		credentials: { xtraKitApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } },
		credentialTypes: [XtraKitApi],
	});
	beforeAll(async () => {
		sim = await startXtraKitSimulator();
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	// Point 6: a customer first seen by a silent poll (n8n does not save it), then updated, then n8n
	// restarts: the restart's poll must still deliver the update.
	it('Updated Customer: first seen by a silent poll, updated, restart → the update is delivered once', async () => {
		const parameters = { event: 'updatedCustomer' } as never;
		const seeded = await runPoll({ ...base(), parameters, mode: 'activation', staticData: {} });
		expect(seeded.error).toBeUndefined();
		const customer = sim.state.addCustomer({ first_name: 'Silent', last_name: 'First' } as never);
		const silent = await runPoll({ ...base(), parameters, mode: 'trigger', staticData: seeded.staticData });
		expect(silent.items).toBeNull();
		expect(silent.saved).toBe(false);
		sim.state.updateCustomer(Number(customer.id), { customer_phone: '0244000111' } as never);
		// Restart: n8n activates again from what it last saved (the seed).
		const restarted = await runPoll({ ...base(), parameters, mode: 'activation', activation: 'init', staticData: silent.savedStaticData });
		expect(restarted.error).toBeUndefined();
		expect((restarted.items ?? []).map((i) => String(i.json.id))).toEqual([String(customer.id)]);
		const again = await runPoll({ ...base(), parameters, mode: 'trigger', staticData: restarted.savedStaticData });
		expect(again.items).toBeNull();
	});

	it('Updated Customer: a customer added and never changed is not reported, across a restart', async () => {
		const parameters = { event: 'updatedCustomer' } as never;
		const seeded = await runPoll({ ...base(), parameters, mode: 'activation', staticData: {} });
		sim.state.addCustomer({ first_name: 'Never', last_name: 'Changed' } as never);
		const silent = await runPoll({ ...base(), parameters, mode: 'trigger', staticData: seeded.staticData });
		expect(silent.items).toBeNull();
		const restarted = await runPoll({ ...base(), parameters, mode: 'activation', activation: 'init', staticData: silent.savedStaticData });
		expect(restarted.items).toBeNull();
	});

	// Point 9, for XtraKit: damaged static data is re-seeded with one warning, never a crash.
	it('stored state with a non-text "seen": one warning, re-seeded, later sales delivered', async () => {
		const parameters = { event: 'newSale' } as never;
		const staticData = { 'node:XtraKit Trigger': { event: 'newSale', seen: 42 } };
		const first = await runPoll({ ...base(), parameters, mode: 'trigger', staticData });
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(first.logs.filter((l) => l.level === 'warn' && /state/i.test(l.message))).toHaveLength(1);
		const { sale } = sim.state.addSale({ total_amount: '12.00' } as never);
		const second = await runPoll({ ...base(), parameters, mode: 'trigger', staticData: first.staticData });
		expect((second.items ?? []).map((i) => String(i.json.invoice_code))).toEqual([String(sale.invoice_code)]);
	});

	// Point 10: state keyed by server data must not be looked up in a plain object. An item listed
	// without an `id` is keyed by its item code, which the server chooses.
	it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('Updated Inventory Item with item code %s fires once', async (code) => {
		const parameters = { event: 'updatedItem' } as never;
		const added = sim.state.addItem({ item_name: `Odd code ${code}` } as never);
		const stored = sim.state.items.get(added.item_code) as unknown as Record<string, unknown>;
		stored.item_code = code;
		delete stored.id;
		sim.state.items.delete(added.item_code);
		sim.state.items.set(code, stored as never);
		const seeded = await runPoll({ ...base(), parameters, mode: 'activation', staticData: {} });
		expect(seeded.error).toBeUndefined();
		const quiet = await runPoll({ ...base(), parameters, mode: 'trigger', staticData: seeded.staticData });
		expect(quiet.items).toBeNull();
		sim.state.updateItem(code, {} as never);
		const tick = await runPoll({ ...base(), parameters, mode: 'trigger', staticData: quiet.staticData });
		expect(tick.error).toBeUndefined();
		expect((tick.items ?? []).map((i) => String(i.json.item_code))).toEqual([code]);
		const after = await runPoll({ ...base(), parameters, mode: 'trigger', staticData: tick.staticData });
		expect(after.items).toBeNull();
	});
});

describe('Xavier trigger: client IDs and restarts', () => {
	let sim: XavierSimulator;
	const base = (parameters: IDataObject) => ({
		nodeType: XavierTrigger,
		parameters: parameters as never,
		credentials: { xavierApi: { apiToken: sim.token, baseUrl: sim.url } },
		credentialTypes: [XavierApi],
	});
	beforeAll(async () => {
		sim = await startXavierSimulator({ rateLimit: null });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	// Point 10: Xavier client IDs are short opaque strings ("8eb3l"); nothing stops one from being
	// a name Object.prototype carries.
	it('New Client fires for client IDs constructor, toString, __proto__ and hasOwnProperty', async () => {
		const params = { event: 'newClient' };
		const seeded = await runPoll({ ...base(params), mode: 'activation', staticData: {} });
		const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
		for (const id of names) sim.state.addClient({ id, name: `Client ${id}`, healthScore: 70 });
		const tick = await runPoll({ ...base(params), mode: 'trigger', staticData: seeded.staticData });
		expect(tick.error).toBeUndefined();
		expect((tick.items ?? []).map((i) => String(i.json.id)).sort()).toEqual([...names].sort());
		// Remembered: a restart from what was saved does not fire them again.
		const restarted = await runPoll({ ...base(params), mode: 'activation', activation: 'init', staticData: tick.savedStaticData });
		expect(restarted.error).toBeUndefined();
		expect(restarted.items).toBeNull();
		const again = await runPoll({ ...base(params), mode: 'trigger', staticData: restarted.staticData });
		expect(again.items).toBeNull();
	});

	// Point 9, for Xavier: damaged static data is re-seeded with one warning, never a crash.
	it.each([
		['clients as text', 'clients-v0'],
		['a client entry that is not a remembered client', { '8eb3l': 'ok' }],
	])('stored state with %s: one warning, re-seeded, later clients delivered', async (_name, clients) => {
		const params = { event: 'newClient' };
		const staticData = { 'node:Xavier Analytics Trigger': { clients } };
		const first = await runPoll({ ...base(params), mode: 'trigger', staticData });
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(first.logs.filter((l) => l.level === 'warn' && /state/i.test(l.message))).toHaveLength(1);
		const added = sim.state.addClient({ name: 'After Damage Ltd', healthScore: 70 });
		const second = await runPoll({ ...base(params), mode: 'trigger', staticData: first.staticData });
		expect((second.items ?? []).map((i) => i.json.id)).toEqual([added.id]);
		expect(second.logs.filter((l) => l.level === 'warn')).toHaveLength(0);
	});

	// Point 6: drop (emitted, saved) → recovery (silent, not saved) → restart → second drop.
	it('Health Score Dropped: drop, silent recovery, restart, second drop → the second drop is delivered', async () => {
		const params = { event: 'healthScoreDropped', threshold: 60 };
		const client = sim.state.addClient({ name: 'Restart Books Ltd', healthScore: 90 });
		const seeded = await runPoll({ ...base(params), mode: 'activation', staticData: {} });
		sim.state.updateClient(client.id, { healthScore: 40 });
		const drop = await runPoll({ ...base(params), mode: 'trigger', staticData: seeded.staticData });
		expect((drop.items ?? []).map((i) => i.json.id)).toEqual([client.id]);
		sim.state.updateClient(client.id, { healthScore: 85 });
		const recovery = await runPoll({ ...base(params), mode: 'trigger', staticData: drop.staticData });
		expect(recovery.items).toBeNull();
		expect(recovery.saved).toBe(false);
		const restarted = await runPoll({ ...base(params), mode: 'activation', activation: 'init', staticData: recovery.savedStaticData });
		expect(restarted.items).toBeNull();
		sim.state.updateClient(client.id, { healthScore: 30 });
		const second = await runPoll({ ...base(params), mode: 'trigger', staticData: restarted.staticData });
		expect((second.items ?? []).map((i) => i.json.id)).toEqual([client.id]);
		expect(second.items?.[0].json.previousHealthScore).toBe(85);
	});
});

describe('Saveris trigger: damaged state', () => {
	let sim: SaverisSimulator;
	beforeAll(async () => {
		sim = await startSaverisSimulator();
		resetTokenCache();
	});
	afterAll(async () => sim.close());

	// Point 9, for Saveris: a cursor that is not a date made every poll fail with a RangeError
	// (new Date(NaN).toISOString()); a non-list of delivered uuids with a TypeError.
	it.each([
		['a non-date cursor', { cursor: 'yesterday' }],
		['a non-list of delivered uuids', { cursor: '2024-06-09T00:00:00.000Z', lastUuids: 'abc' }],
		['a pending job without a uuid', { cursor: '2024-06-09T00:00:00.000Z', pending: { from: 5 } }],
	])('stored state with %s: one warning, then the trigger carries on', async (_name, damaged) => {
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const nowSpy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.inProgressRange = [0, 0];
			const parameters = { mode: 'newRecords', recordResource: 'measurement', options: { lagMinutes: 10 } } as never;
			const base = { nodeType: SaverisTrigger, parameters, credentials: { saverisApi: { ...sim.credentials } }, credentialTypes: [SaverisApi] };
			const staticData = { 'node:testo Saveris Trigger': { config: 'newRecords|measurement|', ...damaged } };
			let result = await runPoll({ ...base, mode: 'trigger', staticData });
			expect(result.error).toBeUndefined();
			expect(result.logs.filter((l) => l.level === 'warn' && /state/i.test(l.message))).toHaveLength(1);
			// Later polls work: submit, then deliver a window.
			let delivered = 0;
			for (let i = 0; i < 4; i++) {
				now += 10 * 60_000;
				result = await runPoll({ ...base, mode: 'trigger', staticData: result.staticData });
				expect(result.error).toBeUndefined();
				expect(result.logs.filter((l) => l.level === 'warn')).toHaveLength(0);
				delivered += result.items?.length ?? 0;
			}
			expect(delivered).toBeGreaterThan(0);
		} finally {
			nowSpy.mockRestore();
		}
	});
});
