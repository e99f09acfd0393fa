/**
 * Tier 3 harness self-test: a real n8n (1.x and 2.x) with only its own nodes. Proves the CLI path
 * (import:workflow, execute --rawOutput, success and failure) and the server path (n8n start, owner
 * setup, node types, a run through REST) before any of our nodes is involved.
 */
import {
	FLAVOURS,
	createN8nEnv,
	executeWorkflow,
	importWorkflow,
	linearWorkflow,
	nodeItems,
	startN8nServer,
	stopAllN8n,
	type N8nEnv,
	type N8nServer,
} from '../harness/n8n';

// Real n8n processes: seconds per step, more on a busy machine (also set here so any jest config works).
jest.setTimeout(180_000);

const okWorkflow = linearWorkflow('harnessOk0000001', 'harness: set then code', [
	{
		name: 'Set',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: { assignments: [{ id: 'a1', name: 'greeting', value: 'hello', type: 'string' }] },
			options: {},
		},
	},
	{
		name: 'Code',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: "return $input.all().flatMap((item) => [1, 2].map((n) => ({ json: { greeting: item.json.greeting, n } })));",
		},
	},
]);

const failingWorkflow = linearWorkflow('harnessFail00001', 'harness: code throws', [
	{
		name: 'Boom',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: "throw new Error('harness-boom-4711');" },
	},
]);

describe.each(FLAVOURS)('real n8n harness (%s)', (flavour) => {
	let env: N8nEnv;
	let server: N8nServer | undefined;

	beforeAll(async () => {
		env = await createN8nEnv(flavour, { packageMode: 'none' });
		await importWorkflow(env, [okWorkflow, failingWorkflow]);
	}, 15 * 60_000);

	afterAll(async () => {
		await server?.stop();
		await stopAllN8n();
		await env?.dispose();
	}, 60_000);

	test('n8n execute runs an imported workflow and prints its run', async () => {
		const run = await executeWorkflow(env, okWorkflow.id);
		expect(run.status).toBe('success');
		expect(nodeItems(run, 'Code')).toEqual([
			{ greeting: 'hello', n: 1 },
			{ greeting: 'hello', n: 2 },
		]);
	});

	test('n8n execute gives back the failing node and its message', async () => {
		const run = await executeWorkflow(env, failingWorkflow.id);
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('harness-boom-4711');
		expect(run.errorNode).toBe('Boom');
	});

	test('n8n start: owner setup, node types and a run through REST', async () => {
		server = await startN8nServer(env);
		expect(server.cookie).toMatch(/^n8n-auth=/);

		const types = await server.nodeTypes();
		const names = types.map((t) => t.name);
		expect(names).toEqual(expect.arrayContaining(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.code', 'n8n-nodes-base.set']));

		const run = await server.runWorkflow(okWorkflow.id);
		expect(run.status).toBe('success');
		expect(run.mode).toBe('manual');
		expect(nodeItems(run, 'Code')).toHaveLength(2);

		const failed = await server.runWorkflow(failingWorkflow.id);
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toContain('harness-boom-4711');
	});
});
