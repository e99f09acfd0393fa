/**
 * Tier 3, Xavier Analytics: the built package inside real n8n 1.x and 2.x, loaded both as a custom
 * extension and from the `npm pack` tarball installed into the user folder's `nodes/` directory.
 * Credentials and workflows go in through the n8n CLI; one run goes through `n8n execute`, the rest
 * through a running `n8n start` (REST), including the polling trigger, activated for real.
 */
import { startXavierSimulator, type XavierSimulator } from '../simulators/xavier';
import {
	afterAllN8n,
	FLAVOURS,
	PACKAGE_NAME,
	createN8nEnv,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	linearWorkflow,
	nodeItems,
	waitFor,
	startN8nServer,
	stopAllN8n,
	type N8nEnv,
	type N8nServer,
	type PackageMode,
	type WorkflowJson,
} from '../harness/n8n';
import { locator } from '../helpers/locator';
import { CRED, example, xavierGetAll as getAllWorkflow } from './fixtures';

// Real n8n processes: seconds per step, more on a busy machine (also set here so any jest config works).
jest.setTimeout(180_000);

/** The credential the examples in examples/ (and the demo) refer to. */
const CREDENTIAL = CRED.xavier;
const healthExample = example('xavier-clients-health.json');
const healthDropExample = example('xavier-trigger-health-drop.json');
const credentials = { xavierApi: CREDENTIAL };

// getAllWorkflow (every client, Return All) is in fixtures.ts: the queue-mode test runs it too.

const MISSING_ID = 'noSuchClient9';
const badIdWorkflow = linearWorkflow('xavierBadId00001', 'Xavier: unknown client', [
	{
		name: 'Xavier',
		type: `${PACKAGE_NAME}.xavier`,
		typeVersion: 1,
		parameters: { resource: 'client', operation: 'get', clientId: locator(MISSING_ID) },
		credentials,
	},
]);

/**
 * Scheduled ticks are at least a minute apart (n8n rejects shorter intervals), too slow for a test:
 * the schedule here never fires during a run (1 January), and every poll comes from an activation,
 * where n8n runs poll() once, emits what it returns and saves the node's static data.
 */
const NEVER_DURING_TESTS = '0 0 1 1 *';
const triggerWorkflow: WorkflowJson = {
	id: 'xavierTrigger001',
	name: 'Xavier: new clients',
	nodes: [
		{
			id: 'xt-trigger',
			name: 'Xavier Trigger',
			type: `${PACKAGE_NAME}.xavierTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'custom', cronExpression: NEVER_DURING_TESTS }] }, event: 'newClient' },
			credentials,
		},
		{ id: 'xt-noop', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { 'Xavier Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	active: false,
	settings: { executionOrder: 'v1' },
};

let sim: XavierSimulator;

beforeAll(async () => {
	// The 60/min limit is tier 2's business; here four n8n instances share one simulator.
	sim = await startXavierSimulator({ rateLimit: null });
});
afterAll(async () => {
	await stopAllN8n();
	await sim?.close();
});

// The tarball, as users install it. Loading as a custom extension (N8N_CUSTOM_EXTENSIONS) is proven
// by the trigger and hostile-server files, which run that way.
const combos: Array<[(typeof FLAVOURS)[number], PackageMode]> = FLAVOURS.map((f) => [f, 'tarball']);

describe.each(combos)('Xavier in real n8n (%s, package as %s)', (flavour, packageMode) => {
	let env: N8nEnv;
	let server: N8nServer;

	beforeAll(async () => {
		sim.reset();
		env = await createN8nEnv(flavour, { packageMode });
		await importCredentials(env, [
			{ ...CREDENTIAL, type: 'xavierApi', data: { apiToken: sim.token, baseUrl: sim.url } },
		]);
		await importWorkflow(env, [getAllWorkflow, badIdWorkflow, triggerWorkflow, healthExample, healthDropExample]);
		server = await startN8nServer(env);
	}, 15 * 60_000);

	afterAllN8n(() => ({ server, env }));

	const polls = () => sim.log.filter((e) => e.method === 'GET' && e.path === '/clients' && e.status === 200).length;
	/** Activates (returns once n8n has run the activation poll and saved static data) and checks the poll reached the simulator. */
	const activateAndAwaitPoll = async (id: string) => {
		const before = polls();
		await server.activateWorkflow(id);
		await waitFor(async () => polls() > before, 10_000, 100, () => 'the activation poll never reached the simulator');
	};
	/** The trigger's cursor as n8n stored it in the database (`getWorkflowStaticData('node')`). */
	const storedCursor = async (id: string, node: string) => {
		const workflow = await server.getWorkflow(id);
		const staticData = (workflow.staticData ?? {}) as Record<string, { clients?: Record<string, unknown> }>;
		return staticData[`node:${node}`];
	};

	test('n8n loads the nodes and the credential', async () => {
		const types = await server.nodeTypes();
		const xavier = types.find((t) => t.name === env.nodeType('xavier'));
		expect(xavier).toBeDefined();
		expect(xavier?.credentials?.map((c) => c.name)).toContain('xavierApi');
		expect(types.map((t) => t.name)).toContain(env.nodeType('xavierTrigger'));
		if (packageMode === 'tarball') {
			const packages = await server.rest<Array<{ packageName: string; installedNodes: Array<{ type: string }> }>>('GET', '/community-packages');
			const ours = packages.find((p) => p.packageName === PACKAGE_NAME);
			expect(ours?.installedNodes.map((n) => n.type)).toEqual(
				expect.arrayContaining([`${PACKAGE_NAME}.xavier`, `${PACKAGE_NAME}.xavierTrigger`]),
			);
		}
	});

	test('n8n execute: Get Many with Return All gives every client', async () => {
		const run = await executeWorkflow(env, getAllWorkflow.id);
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(nodeItems(run, 'Xavier').map((c) => c.id)).toEqual(sim.state.listItems().map((c) => c.id));
	});

	test('run through the server: Get Many, and an unknown client ID fails naming it', async () => {
		const run = await server.runWorkflow(getAllWorkflow.id);
		expect(run.status).toBe('success');
		const items = nodeItems(run, 'Xavier');
		expect(items.length).toBe(sim.state.listItems().length);
		expect(items[0]).toMatchObject({ id: expect.any(String), name: expect.any(String) });

		const failed = await server.runWorkflow(badIdWorkflow.id);
		expect(failed.status).toBe('error');
		expect(failed.errorNode).toBe('Xavier');
		expect(failed.error?.message).toContain(MISSING_ID);
		expect(sim.violations).toEqual([]);
	});

	test('trigger: seeds on activation, emits a new client once, keeps its cursor across reactivation', async () => {
		const id = triggerWorkflow.id;
		const reactivate = () => activateAndAwaitPoll(id);

		await reactivate(); // first activation: poll() remembers the clients and emits nothing
		expect(await server.listExecutions(id)).toEqual([]);
		const seeded = await storedCursor(id, 'Xavier Trigger');
		expect(Object.keys(seeded?.clients ?? {}).sort()).toEqual(sim.state.listItems().map((c) => c.id).sort());

		// A client appears; the next poll (the reactivation's) starts from the cursor n8n saved in
		// the database and emits exactly that client.
		const added = sim.state.addClient({ name: 'Tier3 Fresh Books Ltd', healthScore: 91 });
		await server.deactivateWorkflow(id);
		await reactivate();
		const [first] = await server.waitForExecutions(id, 1, { timeoutMs: 30_000 });
		expect(first.status).toBe('success');
		expect(first.mode).toBe('trigger');
		const emitted = nodeItems(first, 'Xavier Trigger');
		expect(emitted).toHaveLength(1);
		expect(JSON.stringify(emitted[0])).toContain(added.id);
		expect(nodeItems(first, 'Done')).toHaveLength(1);
		expect(Object.keys((await storedCursor(id, 'Xavier Trigger'))?.clients ?? {})).toContain(added.id);

		// Nothing new: another poll emits nothing (no duplicate of the client).
		await server.deactivateWorkflow(id);
		await reactivate();
		expect(await server.listExecutions(id)).toHaveLength(1);
		await server.deactivateWorkflow(id);
		expect(sim.violations).toEqual([]);
	});

	// The examples are what users import (with the package from the tarball).
	(packageMode === 'tarball' ? test : test.skip)('the examples in examples/ run', async () => {
		const run = await server.runWorkflow(healthExample.id);
		expect(run.status).toBe('success');
		const items = nodeItems(run, 'Clients with health score 75 or less');
		const expected = sim.state.listItems().filter((c) => c.healthScore !== null && c.healthScore <= 75);
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((c) => c.id)).toEqual(expected.map((c) => c.id));

		const id = healthDropExample.id;
		await activateAndAwaitPoll(id); // seeds
		const healthy = sim.state.listItems().find((c) => c.healthScore !== null && c.healthScore >= 60);
		expect(healthy).toBeDefined();
		sim.state.updateClient(String(healthy?.id), { healthScore: 41 });
		await server.deactivateWorkflow(id);
		await activateAndAwaitPoll(id);
		const [dropped] = await server.waitForExecutions(id, 1, { timeoutMs: 30_000 });
		const emitted = nodeItems(dropped, 'Health score dropped below 60');
		expect(emitted).toEqual([expect.objectContaining({ id: healthy?.id, healthScore: 41, previousHealthScore: healthy?.healthScore })]);
		await server.deactivateWorkflow(id);
	});
});
