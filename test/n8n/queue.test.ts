/**
 * Tier 3, queue mode (n8n's distributed engine): Redis (Debian's `redis-server`, started by the
 * test on a free port), one main (`n8n start`) and one worker (`n8n worker`) sharing a user folder,
 * its SQLite database and the package installed from the `npm pack` tarball, in n8n 1.x and 2.x.
 *
 * What it proves: the pack keeps no per-process state that breaks when n8n scales out. Main loads
 * the nodes for the editor and runs the polling triggers; the worker, a separate process that never
 * saw the activation, runs every execution: one workflow per action node (Cliniko, CLIENTXCMS, Saveris,
 * Xavier, XtraKit, each against its simulator) and the executions an active Cliniko Trigger emits,
 * each record exactly once.
 *
 * How "ran on the worker" is proven (harness/queue.ts `whereItRan`): main logs `Enqueued execution
 * <id> (job <job>)` and the worker logs `Worker started execution <id> (job <job>)` for the same
 * execution and job. Before that, the first test shows that main alone does not run anything: an
 * execution started with no worker up stays `new` in the database until the worker starts and
 * finishes it.
 *
 * SQLite: n8n recommends Postgres for queue mode but accepts SQLite with a warning; both processes
 * on one machine share the WAL database without trouble (measured in 1.123.81 and 2.41.1).
 */
import { startClientXcmsSimulator, type ClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator, type ClinikoSimulator } from '../simulators/cliniko';
import { measurementsIn, startSaverisSimulator, type SaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator, type XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator, type XtraKitSimulator } from '../simulators/xtrakit';
import {
	FLAVOURS,
	createN8nEnv,
	importCredentials,
	importWorkflow,
	linearWorkflow,
	nodeItems,
	sleep,
	startN8nServer,
	stopAllN8n,
	waitFor,
	type N8nEnv,
	type N8nRun,
	type N8nServer,
	type WorkflowJson,
} from '../harness/n8n';
import { enqueuedJob, queueModeEnv, startN8nWorker, startRedis, whereItRan, type N8nWorker, type RedisServer } from '../harness/queue';
import { CRED, T, clinikoTrigger, xavierGetAll } from './fixtures';

jest.setTimeout(180_000);

// One Get Many (or, for Saveris, one export) per action node.
const list = (id: string, name: string, node: string, credentials: Record<string, { id: string; name: string }>, parameters: Record<string, unknown>) =>
	linearWorkflow(id, name, [{ name: 'List', type: T(node), typeVersion: 1, parameters, credentials }]);

const clinikoPractitioners = list('queueCliniko0001', 'Queue: Cliniko practitioners', 'cliniko', { clinikoApi: CRED.cliniko }, {
	resource: 'practitioner',
	operation: 'getAll',
	returnAll: true,
});
const clientXcmsCustomers = list('queueClientXcms1', 'Queue: CLIENTXCMS customers', 'clientXcms', { clientXcmsApi: CRED.clientxcms }, {
	resource: 'customer',
	operation: 'getAll',
	returnAll: true,
});
const xtraKitCustomers = list('queueXtraKit0001', 'Queue: XtraKit customers', 'xtraKit', { xtraKitApi: CRED.xtrakit }, {
	resource: 'customer',
	operation: 'getAll',
	returnAll: true,
});
const FROM = '2024-06-01T00:00:00.000Z';
const UNTIL = '2024-06-01T06:00:00.000Z';
const saverisMeasurements = list('queueSaveris0001', 'Queue: Saveris measurements', 'saveris', { saverisApi: CRED.saveris }, {
	resource: 'measurement',
	operation: 'exportAndWait',
	dateFrom: FROM,
	dateUntil: UNTIL,
	waitOptions: { intervalSeconds: 0.2 },
});
// Xavier's is the shared one (test/n8n/providers.test.ts runs it too); its node is named `Xavier`.

let cliniko: ClinikoSimulator;
let clientxcms: ClientXcmsSimulator;
let saveris: SaverisSimulator;
let xavier: XavierSimulator;
let xtrakit: XtraKitSimulator;

interface ActionCase {
	workflow: WorkflowJson;
	node: string;
	/** What the node must output: the simulator's records, by key. */
	expected(): string[];
	key(item: Record<string, unknown>): string;
}

const byId = (item: Record<string, unknown>) => String(item.id);
const ACTIONS: Record<string, ActionCase> = {
	Cliniko: {
		workflow: clinikoPractitioners,
		node: 'List',
		// GET /practitioners lists the active ones.
		expected: () => cliniko.state.list('practitioners').filter((p) => p.active).map((p) => String(p.id)),
		key: byId,
	},
	CLIENTXCMS: { workflow: clientXcmsCustomers, node: 'List', expected: () => clientxcms.state.live('customers').map((c) => String(c.id)), key: byId },
	Saveris: {
		workflow: saverisMeasurements,
		node: 'List',
		expected: () => measurementsIn(Date.parse(FROM), Date.parse(UNTIL)).map((m) => String(m.uuid)),
		key: (item) => String(item.uuid),
	},
	Xavier: { workflow: xavierGetAll, node: 'Xavier', expected: () => xavier.state.listItems().map((c) => String(c.id)), key: byId },
	XtraKit: { workflow: xtraKitCustomers, node: 'List', expected: () => xtrakit.state.listCustomers().map((c) => String(c.id)), key: byId },
};

beforeAll(async () => {
	// Rate limits are tier 2's business.
	[cliniko, clientxcms, saveris, xavier, xtrakit] = await Promise.all([
		startClinikoSimulator({ rateLimit: null }),
		startClientXcmsSimulator(),
		startSaverisSimulator(),
		startXavierSimulator({ rateLimit: null }),
		startXtraKitSimulator(),
	]);
});
afterAll(async () => {
	await stopAllN8n();
	await Promise.all([cliniko, clientxcms, saveris, xavier, xtrakit].map((s) => s?.close()));
});

describe.each(FLAVOURS)('queue mode in real n8n (%s): Redis, one main, one worker', (flavour) => {
	let env: N8nEnv;
	let redis: RedisServer;
	let main: N8nServer;
	let worker: N8nWorker | undefined;
	let started = 0;
	const log = (what: string) => process.stderr.write(`[queue ${flavour}] ${what}: ${Date.now() - started} ms\n`);

	beforeAll(async () => {
		started = Date.now();
		for (const sim of [cliniko, clientxcms, saveris, xavier, xtrakit]) sim.reset();
		env = await createN8nEnv(flavour, { packageMode: 'tarball' });
		redis = await startRedis(env.artifactsDir);
		await importCredentials(env, [
			{ ...CRED.cliniko, type: 'clinikoApi', data: cliniko.credentials },
			{ ...CRED.clientxcms, type: 'clientXcmsApi', data: clientxcms.credentials },
			{ ...CRED.saveris, type: 'saverisApi', data: saveris.credentials },
			{ ...CRED.xavier, type: 'xavierApi', data: xavier.credentials },
			{ ...CRED.xtrakit, type: 'xtraKitApi', data: xtrakit.credentials },
		]);
		await importWorkflow(env, [...Object.values(ACTIONS).map((a) => a.workflow), clinikoTrigger]);
		main = await startN8nServer(env, { extraEnv: queueModeEnv(redis) });
		log('env + imports + main');
	}, 15 * 60_000);

	afterAll(async () => {
		await worker?.stop();
		await main?.stop();
		await redis?.stop();
		await env?.dispose();
		log('total');
	}, 60_000);

	const theWorker = (): N8nWorker => {
		if (!worker) throw new Error('the worker did not start (see the first test)');
		return worker;
	};
	/** Waits until an execution has finished, whoever runs it. */
	const finished = async (executionId: string, timeoutMs = 120_000): Promise<N8nRun> => {
		let run: N8nRun | undefined;
		await waitFor(
			async () => {
				run = await main.getExecution(executionId);
				return ['success', 'error', 'crashed', 'canceled'].includes(run.status);
			},
			timeoutMs,
			250,
			() => `execution ${executionId} not finished (status ${run?.status})`,
		);
		return run as N8nRun;
	};

	test('main alone runs nothing: an execution waits in the queue until the worker takes it', async () => {
		// The editor's "Execute workflow": main answers with the execution ID once it is enqueued.
		const workflow = await main.getWorkflow(xavierGetAll.id);
		const { executionId } = await main.rest<{ executionId: string }>('POST', `/workflows/${xavierGetAll.id}/run`, {
			workflowData: workflow,
			triggerToStartFrom: { name: 'Start' },
		});
		expect(executionId).toEqual(expect.any(String));
		await waitFor(async () => enqueuedJob(main.output(), executionId) !== undefined, 10_000, 100, () => `main never enqueued ${executionId}`);
		await sleep(3_000); // time enough for main to have run it, were it going to
		const queued = await main.getExecution(executionId);
		expect(queued.status).toBe('new');
		expect(Object.keys(queued.runData)).toEqual([]);

		worker = await startN8nWorker(env, { extraEnv: queueModeEnv(redis) });
		log(`worker ready (${worker.startupMs} ms to start)`);
		const run = await finished(executionId);
		expect(run.status).toBe('success');
		expect(nodeItems(run, 'Xavier').map(byId)).toEqual(ACTIONS.Xavier.expected());
		expect(await whereItRan(main, worker, executionId)).toBe('worker');
	});

	test.each(Object.keys(ACTIONS))('%s: a workflow of the action node runs on the worker', async (provider) => {
		const action = ACTIONS[provider];
		const run = await main.runWorkflow(action.workflow.id);
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		const expected = action.expected();
		expect(expected.length).toBeGreaterThan(0);
		expect(nodeItems(run, action.node).map(action.key).sort()).toEqual([...expected].sort());
		expect(await whereItRan(main, theWorker(), String(run.executionId))).toBe('worker');
	});

	test('Cliniko Trigger, active: main polls, the worker runs each emitted execution, every patient once', async () => {
		const id = clinikoTrigger.id;
		const w = theWorker();
		const polls = () => cliniko.log.filter((e) => e.method === 'GET' && e.path === '/v1/patients').length;
		// Each (re)activation runs one poll on main; a scheduled one is a minute away at best.
		const poll = async () => {
			const before = polls();
			await main.deactivateWorkflow(id).catch(() => undefined);
			await main.activateWorkflow(id);
			await waitFor(async () => polls() > before, 15_000, 100, () => `the activation poll of ${id} never reached the simulator`);
		};

		await poll(); // seeds the cursor, emits nothing
		const first = cliniko.state.create('patients', { first_name: 'Grace', last_name: 'Queue-One' });
		await poll();
		const [one] = await main.waitForExecutions(id, 1, { timeoutMs: 60_000 });
		await poll(); // nothing new
		const second = cliniko.state.create('patients', { first_name: 'Alan', last_name: 'Queue-Two' });
		await poll();
		const runs = await main.waitForExecutions(id, 2, { timeoutMs: 60_000 });
		await main.deactivateWorkflow(id);

		// Exactly two executions: the first patient, then the second; nothing re-emitted, nothing missed.
		expect(runs.map((r) => r.executionId)).toEqual([one.executionId, expect.any(String)]);
		expect(await main.listExecutions(id)).toHaveLength(2);
		expect(runs.map((r) => nodeItems(r, 'Cliniko Trigger').map(byId))).toEqual([[String(first.id)], [String(second.id)]]);
		for (const run of runs) {
			expect(run).toMatchObject({ status: 'success', mode: 'trigger' });
			expect(nodeItems(run, 'Done')).toHaveLength(1);
			expect(await whereItRan(main, w, String(run.executionId))).toBe('worker');
		}
		expect(cliniko.violations).toEqual([]);
	});

	test('the simulators saw only valid requests', () => {
		for (const sim of [cliniko, clientxcms, saveris, xavier, xtrakit]) expect(sim.violations).toEqual([]);
	});
});
