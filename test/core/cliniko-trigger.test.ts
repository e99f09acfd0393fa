import type { IDataObject } from 'n8n-workflow';

import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { ClinikoTrigger } from '../../nodes/Cliniko/ClinikoTrigger.node';
import { seededRandom } from '../simulators/core';
import { SEED_NOW, startClinikoSimulator } from '../simulators/cliniko';
import type { ClinikoSimulator } from '../simulators/cliniko';
import { idsOf } from '../helpers/items';
import { runPoll } from './harness';

let sim: ClinikoSimulator;
const common = () => ({ credentials: { clinikoApi: sim.credentials }, credentialTypes: [ClinikoApi] });
const poll = (parameters: IDataObject, mode: 'activation' | 'trigger' | 'manual', staticData: IDataObject = {}) =>
	runPoll({ nodeType: ClinikoTrigger, parameters: parameters as never, mode, staticData, ...common() });
const at = (offsetSeconds: number) => new Date(SEED_NOW + 86_400_000 + offsetSeconds * 1000).toISOString();

beforeAll(async () => {
	sim = await startClinikoSimulator({ rateLimit: null });
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	sim.state.clock.set(at(0));
});

describe('Cliniko trigger', () => {
	it('seeds on activation, then delivers each new patient once, across a restart', async () => {
		const params = { event: 'created', resource: 'patient' };
		const first = await poll(params, 'activation');
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();

		sim.state.clock.set(at(60));
		const a = sim.state.create('patients', { first_name: 'Ada', last_name: 'Lovelace' });
		const tick = await poll(params, 'trigger', first.savedStaticData);
		expect(idsOf(tick.items)).toEqual([a.id]);
		expect(tick.items?.[0].json).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace' });

		expect((await poll(params, 'trigger', tick.staticData)).items).toBeNull();
		expect((await poll(params, 'trigger', tick.savedStaticData)).items).toBeNull();
		// Every poll asked with q[] created_at:>= and archived records included.
		const last = sim.log.filter((e) => e.path === '/v1/patients').pop();
		expect(last?.query.q).toEqual([expect.stringMatching(/^created_at:>=\d{4}-/), 'archived_at:*']);
		expect(sim.violations).toEqual([]);
	});

	it('delivers 250 patients created in the same second exactly once, across page boundaries', async () => {
		const params = { event: 'created', resource: 'patient' };
		const seeded = await poll(params, 'activation');
		sim.state.clock.set(at(120));
		const created = Array.from({ length: 250 }, (_, i) => sim.state.create('patients', { first_name: `Same${i}`, last_name: 'Second' }).id);
		const tick = await poll(params, 'trigger', seeded.savedStaticData);
		expect(tick.error).toBeUndefined();
		expect(idsOf(tick.items).sort()).toEqual([...created].sort());
		expect((await poll(params, 'trigger', tick.staticData)).items).toBeNull();
	});

	it('randomised updates with shared timestamps, faults and restarts: every visible version once, none twice', async () => {
		const params = { event: 'updated', resource: 'patient' };
		const rng = seededRandom(7);
		let saved = (await poll(params, 'activation')).savedStaticData;
		let live = saved;
		const patients = sim.state.list('patients').slice(0, 400).map((p) => String(p.id));
		const delivered: string[] = [];
		const mustHave = new Set<string>();
		const everExisted = new Set<string>();
		let clock = 200;
		for (let round = 0; round < 40; round++) {
			// A burst of writes sharing one second, some brand new records.
			sim.state.clock.set(at(clock));
			const burst = rng.int(0, 130);
			const touched = new Set<string>();
			for (let i = 0; i < burst; i++) {
				const p = rng.next() < 0.2 ? sim.state.create('patients', { first_name: `N${round}-${i}`, last_name: 'New' }) : sim.state.update('patients', patients[rng.int(0, patients.length - 1)], { notes: `r${round}` });
				touched.add(String(p.id));
			}
			for (const id of touched) everExisted.add(`${id}@${String(sim.state.get('patients', id)?.updated_at)}`);
			clock += rng.int(20, 120);
			const visible = [...touched].map((id) => `${id}@${String(sim.state.get('patients', id)?.updated_at)}`);

			// Transient faults the retries absorb, and a few polls that fail outright (retries exhausted).
			const fault = rng.next();
			if (fault < 0.05) sim.faults.add({ kind: 'status', status: 500, path: '^/v1/patients$' });
			else if (fault < 0.15) sim.faults.add({ kind: 'status', status: 503, path: '^/v1/patients$' });
			else if (fault < 0.25) sim.faults.add({ kind: 'reset', path: '^/v1/patients$' });
			else if (fault < 0.3) sim.faults.add({ kind: 'truncate', path: '^/v1/patients$' });
			const restart = rng.next() < 0.2;
			const result = await poll(params, 'trigger', restart ? saved : live);
			sim.faults.clear();
			if (result.error) continue; // nothing moved; the next poll reads the same window again
			delivered.push(...(result.items ?? []).map((i) => `${String(i.json.id)}@${String(i.json.updated_at)}`));
			if (result.saved) saved = result.savedStaticData;
			live = result.staticData;
			for (const v of visible) mustHave.add(v);
		}
		const final = await poll(params, 'trigger', live);
		delivered.push(...(final.items ?? []).map((i) => `${String(i.json.id)}@${String(i.json.updated_at)}`));

		expect(new Set(delivered).size).toBe(delivered.length);
		const deliveredSet = new Set(delivered);
		expect([...mustHave].filter((v) => !deliveredSet.has(v))).toEqual([]);
		expect(delivered.filter((v) => !everExisted.has(v))).toEqual([]);
		expect(sim.violations).toEqual([]);
	}, 120_000);

	it('reports cancelled appointments and archived patients', async () => {
		const cancelParams = { event: 'appointmentCancelled' };
		const archiveParams = { event: 'patientArchived' };
		const c0 = await poll(cancelParams, 'activation');
		const a0 = await poll(archiveParams, 'activation');
		sim.state.clock.set(at(300));
		const appointment = sim.state.list('individual_appointments')[5];
		sim.state.cancel('individual_appointments', String(appointment.id), { reason: 50 } as never);
		const patient = sim.state.list('patients')[3];
		sim.state.archive('patients', String(patient.id));

		const c1 = await poll(cancelParams, 'trigger', c0.savedStaticData);
		expect(idsOf(c1.items)).toEqual([String(appointment.id)]);
		expect(c1.items?.[0].json.cancelled_at).toBeTruthy();
		const a1 = await poll(archiveParams, 'trigger', a0.savedStaticData);
		expect(idsOf(a1.items)).toEqual([String(patient.id)]);
		expect((await poll(cancelParams, 'trigger', c1.staticData)).items).toBeNull();
		expect(sim.violations).toEqual([]);
	});

	it('backfills from a start date on activation', async () => {
		sim.state.clock.set(at(400));
		const recent = [sim.state.create('patients', { first_name: 'B1', last_name: 'F' }), sim.state.create('patients', { first_name: 'B2', last_name: 'F' })];
		const first = await poll({ event: 'created', resource: 'patient', options: { startDate: at(390) } }, 'activation');
		expect(idsOf(first.items)).toEqual(recent.map((r) => String(r.id)));
	});

	it('returns the newest record in manual mode without storing anything', async () => {
		sim.state.clock.set(at(500));
		const newest = sim.state.create('contacts', { first_name: 'Newest', last_name: 'Contact' });
		const manual = await poll({ event: 'created', resource: 'contact' }, 'manual');
		expect(idsOf(manual.items)).toEqual([String(newest.id)]);
		expect(manual.saved).toBe(false);
	});
});
