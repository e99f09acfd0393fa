/**
 * Tier 3, issue 12 points 5 and 6: what "exactly once" means inside a real n8n (1.x and 2.x), where
 * two of n8n's own habits are in play — it fires every cron tick without waiting for the previous
 * poll, and it saves a trigger's static data only when a poll emits (and after an activation).
 *
 * - Overlap: a Cliniko poll made slower than the poll interval by the simulator; the ticks that
 *   fall inside it must not deliver the same patients again.
 * - Restart: a silent poll learns something (XtraKit: a new customer; Xavier: a recovered health
 *   score), n8n is stopped and started again, and what happens next must still be delivered once.
 *
 * Polls run on their schedule here (not by reactivation): twelve custom crons a minute, each with a
 * plain number in the seconds field, so a tick comes every 5 s (n8n 2.41 rejects any other
 * seconds field; one node may carry several poll times). One env per n8n version.
 */
import { startClinikoSimulator, type ClinikoSimulator } from '../simulators/cliniko';
import { startXavierSimulator, type XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator, type XtraKitSimulator } from '../simulators/xtrakit';
import {
	afterAllN8n,
	FLAVOURS,
	createN8nEnv,
	importCredentials,
	importWorkflow,
	nodeItems,
	startN8nServer,
	stopAllN8n,
	waitFor,
	type N8nEnv,
	type N8nServer,
} from '../harness/n8n';
import { CRED, T, triggerWorkflow } from './fixtures';

jest.setTimeout(300_000);

const EVERY_5_S = { item: Array.from({ length: 12 }, (_, i) => ({ mode: 'custom', cronExpression: `${i * 5} * * * * *` })) };

const overlap = triggerWorkflow('exactlyOverlap01', 'Cliniko: new patients, slow server', {
	name: 'Cliniko Trigger',
	type: T('clinikoTrigger'),
	typeVersion: 1,
	parameters: { pollTimes: EVERY_5_S, event: 'created', resource: 'patient' },
	credentials: { clinikoApi: CRED.cliniko },
});
const updatedCustomer = triggerWorkflow('exactlyRestart01', 'XtraKit: updated customers', {
	name: 'XtraKit Trigger',
	type: T('xtraKitTrigger'),
	typeVersion: 1,
	parameters: { pollTimes: EVERY_5_S, event: 'updatedCustomer' },
	credentials: { xtraKitApi: CRED.xtrakit },
});
const healthDrop = triggerWorkflow('exactlyRestart02', 'Xavier: health score dropped', {
	name: 'Xavier Trigger',
	type: T('xavierTrigger'),
	typeVersion: 1,
	parameters: { pollTimes: EVERY_5_S, event: 'healthScoreDropped', threshold: 60 },
	credentials: { xavierApi: CRED.xavier },
});

let cliniko: ClinikoSimulator;
let xtrakit: XtraKitSimulator;
let xavier: XavierSimulator;

beforeAll(async () => {
	[cliniko, xtrakit, xavier] = await Promise.all([
		startClinikoSimulator({ rateLimit: null }),
		startXtraKitSimulator(),
		startXavierSimulator({ rateLimit: null }),
	]);
});
afterAll(async () => {
	await stopAllN8n();
	await Promise.all([cliniko, xtrakit, xavier].map((s) => s?.close()));
});

/** Resolves once the simulator has answered a request to `path` that arrived after log index `from`. */
const answeredAfter = async (sim: { log: Array<{ path: string; status: number }> }, path: string, from: number, what: string, timeoutMs = 40_000) => {
	await waitFor(async () => sim.log.slice(from).some((e) => e.path === path && e.status !== 0), timeoutMs, 100, () => `no ${what} poll reached the simulator`);
};

describe.each(FLAVOURS)('exactly once in real n8n (%s)', (flavour) => {
	let env: N8nEnv;
	let server: N8nServer;

	beforeAll(async () => {
		for (const sim of [cliniko, xtrakit, xavier]) sim.reset();
		env = await createN8nEnv(flavour, { packageMode: 'custom' });
		await importCredentials(env, [
			{ ...CRED.cliniko, type: 'clinikoApi', data: cliniko.credentials },
			{ ...CRED.xtrakit, type: 'xtraKitApi', data: xtrakit.credentials },
			{ ...CRED.xavier, type: 'xavierApi', data: { apiToken: xavier.token, baseUrl: xavier.url } },
		]);
		await importWorkflow(env, [overlap, updatedCustomer, healthDrop]);
		server = await startN8nServer(env);
	}, 15 * 60_000);

	afterAllN8n(() => ({ server, env }));

	test('a poll slower than the interval: the ticks inside it are skipped, each patient is delivered once', async () => {
		cliniko.state.clock.useRealTime();
		await server.activateWorkflow(overlap.id); // seeds: emits nothing
		const patients = [
			cliniko.state.create('patients', { first_name: 'Slow', last_name: 'Server' }),
			cliniko.state.create('patients', { first_name: 'Slower', last_name: 'Server' }),
		];
		// The next tick's list request is answered after 9 s: the tick 5 s later falls inside it.
		const from = cliniko.log.length;
		cliniko.faults.add({ kind: 'latency', ms: 9_000, path: '^/v1/patients$', times: 1 });
		await waitFor(async () => cliniko.log.slice(from).some((e) => e.fault === 'latency'), 30_000, 100, () => 'the slow poll never started');
		const slowAt = cliniko.log.findIndex((e, i) => i >= from && e.fault === 'latency');
		await waitFor(async () => cliniko.log[slowAt].status !== 0, 40_000, 200, () => 'the slow request was never answered');
		const [run] = await server.waitForExecutions(overlap.id, 1, { timeoutMs: 30_000 });
		expect(nodeItems(run, 'Cliniko Trigger').map((p) => String(p.id)).sort()).toEqual(patients.map((p) => String(p.id)).sort());
		// n8n did fire inside the slow poll: our trigger logged each skipped tick.
		expect(server.output()).toMatch(/The previous poll of "Cliniko Trigger" is still running; this poll was skipped/);
		// Two more ticks after the slow poll: nothing new, no second delivery.
		const after = cliniko.log.length;
		await waitFor(async () => cliniko.log.slice(after).filter((e) => e.path === '/v1/patients' && e.status === 200).length >= 2, 40_000, 200, () => 'no ticks after the slow poll');
		const all = await server.listExecutions(overlap.id);
		expect(all).toHaveLength(1);
		await server.deactivateWorkflow(overlap.id);
		expect(cliniko.violations).toEqual([]);
	});

	test('restart after a silent poll: XtraKit Updated Customer and Xavier Health Score Dropped still fire once', async () => {
		const client = xavier.state.addClient({ name: 'Tier3 Restart Books Ltd', healthScore: 90 });
		await server.activateWorkflow(updatedCustomer.id); // seeds
		await server.activateWorkflow(healthDrop.id); // seeds

		// Xavier: the drop is emitted (and so saved); the recovery is learnt by a silent poll.
		xavier.state.updateClient(client.id, { healthScore: 40 });
		const [drop] = await server.waitForExecutions(healthDrop.id, 1, { timeoutMs: 40_000 });
		expect(nodeItems(drop, 'Xavier Trigger')).toEqual([expect.objectContaining({ id: client.id, healthScore: 40, previousHealthScore: 90 })]);
		xavier.state.updateClient(client.id, { healthScore: 85 });
		// XtraKit: a new customer, first seen by a silent poll (Updated Customer does not report it).
		const customer = xtrakit.state.addCustomer({ first_name: 'Silent', last_name: 'First' } as never);
		const mark = { xavier: xavier.log.length, xtrakit: xtrakit.log.length };
		await answeredAfter(xavier, '/clients', mark.xavier, 'Xavier');
		await answeredAfter(xtrakit, '/api/v1/customers', mark.xtrakit, 'XtraKit');
		expect(await server.listExecutions(updatedCustomer.id)).toHaveLength(0);
		expect(await server.listExecutions(healthDrop.id)).toHaveLength(1);

		// n8n stops; the customer is changed while it is down; n8n starts again.
		await server.stop();
		xtrakit.state.updateCustomer(Number(customer.id), { customer_phone: '0244000111' } as never);
		server = await startN8nServer(env);

		// The restart's activation poll finds the update.
		const [update] = await server.waitForExecutions(updatedCustomer.id, 1, { timeoutMs: 60_000 });
		expect(nodeItems(update, 'XtraKit Trigger')).toEqual([expect.objectContaining({ id: customer.id, customer_phone: '0244000111' })]);
		// The second drop, after the restart, is measured against the recovered score.
		xavier.state.updateClient(client.id, { healthScore: 30 });
		const runs = await server.waitForExecutions(healthDrop.id, 2, { timeoutMs: 40_000 });
		expect(nodeItems(runs[1], 'Xavier Trigger')).toEqual([expect.objectContaining({ id: client.id, healthScore: 30, previousHealthScore: 85 })]);

		// A few more ticks: nothing is delivered twice.
		const settled = { xavier: xavier.log.length, xtrakit: xtrakit.log.length };
		await answeredAfter(xavier, '/clients', settled.xavier, 'Xavier');
		await answeredAfter(xtrakit, '/api/v1/customers', settled.xtrakit, 'XtraKit');
		expect(await server.listExecutions(updatedCustomer.id)).toHaveLength(1);
		expect(await server.listExecutions(healthDrop.id)).toHaveLength(2);
		await server.deactivateWorkflow(updatedCustomer.id);
		await server.deactivateWorkflow(healthDrop.id);
		expect(xtrakit.violations).toEqual([]);
		expect(xavier.violations).toEqual([]);
	});
});
