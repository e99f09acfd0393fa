/**
 * Fault soak: every polling trigger ticked 1,000 times against its simulator with injected faults
 * (5xx, 429, connection resets, latency, truncated bodies, expired tokens/links) and restarts
 * between polls (continuing from what n8n last saved). Asserted against the simulator's ground
 * truth: every record created during the soak delivered exactly once, nothing else delivered.
 * Everything the polls produce is written to test-artifacts/core/soak.test.jsonl by the harness,
 * which the secret scan covers.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { XavierApi } from '../../credentials/XavierApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { ClinikoTrigger } from '../../nodes/Cliniko/ClinikoTrigger.node';
import { resetTokenCache } from '../../nodes/Saveris/transport/session';
import { SaverisTrigger } from '../../nodes/Saveris/SaverisTrigger.node';
import { XavierTrigger } from '../../nodes/Xavier/XavierTrigger.node';
import { XtraKitTrigger } from '../../nodes/XtraKit/XtraKitTrigger.node';
import { SEED_NOW, startClinikoSimulator } from '../simulators/cliniko';
import { seededRandom } from '../simulators/core';
import type { Fault, SeededRandom } from '../simulators/core';
import { measurementsIn, startSaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import { runPoll } from './harness';
import type { RunPollOptions } from './harness';

const POLLS = 1000;
// A guard against a hang, not a speed check: 1,000 polls take about a minute on two idle cores and
// several on a saturated machine (a soak beside the real-n8n tiers timed out at two minutes).
const SOAK_TIMEOUT_MS = 10 * 60_000;

interface SoakStats {
	polls: number;
	faults: number;
	faultedPolls: number;
	errors: number;
	restarts: number;
	delivered: number;
	ms: number;
}

interface SoakSpec {
	base: Omit<RunPollOptions, 'mode' | 'staticData'>;
	/** Arms this poll's faults (returns how many were armed). */
	faults(rng: SeededRandom, poll: number): number;
	clearFaults(): void;
	/** Changes the world before a poll (new records…); returns nothing. */
	mutate(rng: SeededRandom, poll: number): void;
	key(item: INodeExecutionData): string;
	/** Before each poll (clock, token expiry…). */
	beforePoll?(rng: SeededRandom, poll: number): void;
	/** On a restart (process memory gone). */
	onRestart?(): void;
}

async function soak(spec: SoakSpec, seed: number) {
	const rng = seededRandom(seed);
	const started = performance.now();
	const stats: SoakStats = { polls: 0, faults: 0, faultedPolls: 0, errors: 0, restarts: 0, delivered: 0, ms: 0 };
	const delivered: string[] = [];
	const first = await runPoll({ ...spec.base, mode: 'activation', staticData: {} });
	expect(first.error).toBeUndefined();
	let saved = first.savedStaticData;
	let live = first.staticData;
	for (let i = 0; i < POLLS; i++) {
		spec.mutate(rng, i);
		spec.beforePoll?.(rng, i);
		const armed = spec.faults(rng, i);
		if (armed) stats.faultedPolls++;
		stats.faults += armed;
		const restart = rng.next() < 0.05;
		if (restart) {
			stats.restarts++;
			spec.onRestart?.();
		}
		const r = await runPoll({ ...spec.base, mode: 'trigger', staticData: restart ? saved : live });
		spec.clearFaults();
		stats.polls++;
		if (r.error) {
			stats.errors++;
			// A failed poll must be a clear error, never a crash inside the node.
			expect(r.error.message).not.toMatch(/Cannot read properties|is not a function|undefined is not/);
		}
		for (const item of r.items ?? []) delivered.push(spec.key(item));
		live = r.staticData;
		if (r.saved) saved = r.savedStaticData;
	}
	stats.delivered = delivered.length;
	stats.ms = Math.round(performance.now() - started);
	return { delivered, stats, live, saved };
}

const report = (name: string, stats: SoakStats) => {
	if (process.env.SOAK_STATS) process.stderr.write(`${name}: ${JSON.stringify(stats)}\n`);
};

/**
 * One fault for a poll. The mix keeps the soak bounded: retries back off 250 ms or more per
 * attempt, so most faults are ones that cost nothing (a 500 the node does not retry fails the poll
 * at once, latency) or are absorbed after one retry (429, 503, resets, truncated bodies); a few
 * 429s outlast every retry (Retry-After: 0, so exhausting them is quick).
 */
const FAULT_RATE = 0.13;
const pickFault = (rng: SeededRandom, path: string, statusBody?: unknown): Fault => {
	const r = rng.next();
	const body = statusBody ? { body: statusBody } : {};
	if (r < 0.015) return { kind: 'status', status: 429, path, times: 'always', headers: { 'Retry-After': '0' } };
	if (r < 0.47) return { kind: 'status', status: 500, path, times: 1, ...body };
	if (r < 0.53) return { kind: 'status', status: 429, path, times: 1, headers: { 'Retry-After': '0' } };
	if (r < 0.57) return { kind: 'status', status: 503, path, times: 1, ...body };
	if (r < 0.63) return { kind: 'reset', path, times: 1 };
	if (r < 0.69) return { kind: 'truncate', path, times: 1 };
	return { kind: 'latency', ms: rng.int(1, 20), path, times: 1 };
};
const armFault = (sim: { faults: { add(f: Fault): void } }, rng: SeededRandom, path: string, statusBody?: unknown) => {
	if (rng.next() >= FAULT_RATE) return 0;
	sim.faults.add(pickFault(rng, path, statusBody));
	return 1;
};

const ids = (xs: string[]) => [...xs].sort();

describe('fault soak: Xavier trigger', () => {
	it(`${POLLS} polls with faults and restarts: every new client once`, async () => {
		const sim = await startXavierSimulator({ rateLimit: null });
		try {
			const created: string[] = [];
			const { delivered, stats } = await soak(
				{
					base: { nodeType: XavierTrigger, parameters: { event: 'newClient' } as never, credentials: { xavierApi: { apiToken: sim.token, baseUrl: sim.url } }, credentialTypes: [XavierApi] },
					mutate: (rng, i) => {
						if (rng.next() < 0.1) created.push(String(sim.state.addClient({ name: `Soak Client ${i}`, healthScore: rng.int(0, 100) }).id));
					},
					faults: (rng) => armFault(sim, rng, '^/clients$'),
					clearFaults: () => sim.faults.clear(),
					key: (item) => String(item.json.id),
				},
				101,
			);
			sim.faults.clear();
			expect(new Set(delivered).size).toBe(delivered.length);
			expect(ids(delivered)).toEqual(ids(created));
			expect(stats.faults / stats.polls).toBeGreaterThanOrEqual(0.1);
			expect(created.length).toBeGreaterThan(50);
			expect(sim.violations).toEqual([]);
			report('xavier', stats);
		} finally {
			await sim.close();
		}
	}, SOAK_TIMEOUT_MS);
});

describe('fault soak: Cliniko trigger', () => {
	it(`${POLLS} polls with faults and restarts: every new patient once`, async () => {
		const sim = await startClinikoSimulator({ rateLimit: null });
		try {
			let clock = 0;
			const at = (offsetSeconds: number) => new Date(SEED_NOW + 86_400_000 + offsetSeconds * 1000).toISOString();
			sim.state.clock.set(at(0));
			const created: string[] = [];
			const { delivered, stats } = await soak(
				{
					base: { nodeType: ClinikoTrigger, parameters: { event: 'created', resource: 'patient' } as never, credentials: { clinikoApi: sim.credentials }, credentialTypes: [ClinikoApi] },
					mutate: (rng, i) => {
						// Several writes may share one second; the clock only moves forward.
						if (rng.next() < 0.7) clock += rng.int(1, 30);
						sim.state.clock.set(at(clock));
						const n = rng.next() < 0.15 ? rng.int(1, 3) : 0;
						for (let k = 0; k < n; k++) created.push(String(sim.state.create('patients', { first_name: `Soak${i}-${k}`, last_name: 'Patient' }).id));
					},
					faults: (rng) => armFault(sim, rng, '^/v1/patients$'),
					clearFaults: () => sim.faults.clear(),
					key: (item) => String(item.json.id),
				},
				202,
			);
			expect(new Set(delivered).size).toBe(delivered.length);
			expect(ids(delivered)).toEqual(ids(created));
			expect(stats.faultedPolls / stats.polls).toBeGreaterThanOrEqual(0.1);
			expect(created.length).toBeGreaterThan(100);
			expect(sim.violations).toEqual([]);
			report('cliniko', stats);
		} finally {
			await sim.close();
		}
	}, SOAK_TIMEOUT_MS);
});

describe('fault soak: XtraKit trigger', () => {
	it(`${POLLS} polls with faults and restarts: every new sale once`, async () => {
		const sim = await startXtraKitSimulator();
		try {
			const created: string[] = [];
			const { delivered, stats } = await soak(
				{
					base: { nodeType: XtraKitTrigger, parameters: { event: 'newSale' } as never, credentials: { xtraKitApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } }, credentialTypes: [XtraKitApi] },
					mutate: (rng, i) => {
						if (rng.next() < 0.1) created.push(String(sim.state.addSale({ total_amount: `${rng.int(1, 99)}.00` }).sale.invoice_code));
						void i;
					},
					faults: (rng) => armFault(sim, rng, '^/api/v1/sales$', { status: 500, message: 'Internal server error', data: null }),
					clearFaults: () => sim.faults.clear(),
					key: (item) => String(item.json.invoice_code),
				},
				303,
			);
			expect(new Set(delivered).size).toBe(delivered.length);
			expect(ids(delivered)).toEqual(ids(created));
			expect(stats.faultedPolls / stats.polls).toBeGreaterThanOrEqual(0.1);
			expect(created.length).toBeGreaterThan(50);
			expect(sim.violations).toEqual([]);
			report('xtrakit', stats);
		} finally {
			await sim.close();
		}
	}, SOAK_TIMEOUT_MS);
});

describe('fault soak: Saveris trigger', () => {
	it(`${POLLS} polls over simulated time with faults, failed jobs, expired links and tokens, restarts: every measurement once`, async () => {
		const sim = await startSaverisSimulator();
		resetTokenCache();
		let now = Date.parse('2024-06-10T00:00:00.000Z');
		const nowSpy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.inProgressRange = [0, 2];
			sim.settings.errorRate = 0.05;
			sim.settings.expiredLinkRate = 0.05;
			sim.settings.tokenTtlSeconds = 1800;
			const start = new Date(now - 3_600_000).toISOString();
			const params = { mode: 'newRecords', recordResource: 'measurement', startDate: start, options: { lagMinutes: 10, maxTries: 2 } };
			let expiries = 0;
			const { delivered, stats, live } = await soak(
				{
					base: { nodeType: SaverisTrigger, parameters: params as never, credentials: { saverisApi: { ...sim.credentials } }, credentialTypes: [SaverisApi] },
					mutate: (rng) => {
						now += rng.int(1, 6) * 60_000;
					},
					beforePoll: (rng) => {
						if (rng.next() < 0.03) {
							sim.expireAllTokens();
							expiries++;
						}
					},
					onRestart: () => resetTokenCache(),
					faults: (rng) => armFault(sim, rng, '^/(v2/measurements|storage/)'),
					clearFaults: () => sim.faults.clear(),
					key: (item) => String(item.json.uuid),
				},
				404,
			);
			const state = live['node:testo Saveris Trigger'] as { cursor: string };
			const expected = measurementsIn(Date.parse(start), Date.parse(state.cursor)).map((m) => String(m.uuid));
			expect(expected.length).toBeGreaterThan(500);
			expect(new Set(delivered).size).toBe(delivered.length);
			expect(ids(delivered)).toEqual(ids(expected));
			expect(Date.now() - Date.parse(state.cursor)).toBeLessThan(2 * 3_600_000);
			expect(stats.faultedPolls / stats.polls).toBeGreaterThanOrEqual(0.1);
			expect(expiries).toBeGreaterThan(5);
			report('saveris', { ...stats, expiries } as SoakStats);
		} finally {
			nowSpy.mockRestore();
			await sim.close();
		}
	}, 150_000);
});
