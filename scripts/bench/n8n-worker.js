// Return All in real n8n (the tier-3 harness, test/harness/n8n.ts): our Cliniko node vs n8n's HTTP
// Request node with pagination set up as a user would, same server, same simulator. Prints one JSON line.
//   node n8n-worker.js <buildDir> <flavour> <patients> <runs>
'use strict';

const path = require('node:path');

const [buildDir, flavour, patientsArg, runsArg] = process.argv.slice(2);
const req = (p) => require(path.join(buildDir, p));
const n8n = req('test/harness/n8n');
const { startClinikoSimulator, CLINIKO_TEST_USER_AGENT } = req('test/simulators/cliniko');

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

(async () => {
	const patients = Number(patientsArg);
	const runs = Number(runsArg);
	// Our node paces per credential (200 requests a minute, for the life of the n8n process), and one
	// Return All of 10,000 is 100 requests: each run of our node gets a credential (key) of its own so
	// that no run waits for the budget an earlier run spent. The simulator's limiter is off.
	const keys = Array.from({ length: runs + 1 }, (_, i) => `bench_cliniko_key_${i}-au1`);
	const sim = await startClinikoSimulator({ rateLimit: null, keys });
	let env;
	let server;
	try {
		const existing = sim.state.rows('patients').filter((r) => r.deleted_at == null).length;
		for (let i = existing; i < patients; i++) sim.state.create('patients', {});
		const live = sim.state.rows('patients').filter((r) => r.deleted_at == null).length;

		env = await n8n.createN8nEnv(flavour, { packageMode: 'custom', name: 'bench-return-all', artifactsDir: path.join(require('node:os').tmpdir(), 'n8n-nodes-saas-connectors-bench', 'n8n-artifacts') });
		await n8n.importCredentials(
			env,
			keys.map((key, i) => ({ id: `benchCliniko${i}`, name: `Cliniko bench ${i}`, type: 'clinikoApi', data: { ...sim.credentials, apiKey: key } })),
		);
		const ours = keys.map((_, i) =>
			n8n.linearWorkflow(`benchOurs000000${i}`, `Bench: Cliniko node Return All ${i}`, [
				{
					name: 'Cliniko',
					type: 'n8n-nodes-saas-connectors.cliniko',
					typeVersion: 1,
					parameters: { resource: 'patient', operation: 'getAll', returnAll: true },
					credentials: { clinikoApi: { id: `benchCliniko${i}`, name: `Cliniko bench ${i}` } },
				},
			]),
		);
		// What a user builds without us: HTTP Request with "response contains next URL" pagination
		// (Cliniko's links.next, done when there is none), the auth and the required User-Agent as
		// headers, then Split Out to get one item per patient (the HTTP node returns one item per page).
		const auth = sim.headers(keys[0]);
		const http = n8n.linearWorkflow('benchHttpReq0001', 'Bench: HTTP Request pagination', [
			{
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					url: `${sim.baseUrl}/patients?per_page=100`,
					sendHeaders: true,
					headerParameters: {
						parameters: [
							{ name: 'Authorization', value: auth.Authorization },
							{ name: 'User-Agent', value: CLINIKO_TEST_USER_AGENT },
							{ name: 'Accept', value: 'application/json' },
						],
					},
					options: {
						pagination: {
							pagination: {
								paginationMode: 'responseContainsNextURL',
								nextURL: '={{ $response.body.links.next }}',
								paginationCompleteWhen: 'other',
								completeExpression: '={{ !$response.body.links.next }}',
							},
						},
					},
				},
			},
			{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'patients', options: {} } },
		]);
		await n8n.importWorkflow(env, [...ours, http]);
		server = await n8n.startN8nServer(env);

		// Runs a workflow as the editor's "Execute workflow" does (what server.runWorkflow does), but
		// waits on the execution list instead of downloading the whole execution (tens of MB here): the
		// figure is n8n's own startedAt → stoppedAt of the execution.
		const terminal = new Set(['success', 'error', 'crashed', 'canceled', 'failed']);
		const timed = async (id) => {
			sim.resetLog();
			const workflow = await server.rest('GET', `/workflows/${id}`);
			const started = await server.rest('POST', `/workflows/${id}/run`, { workflowData: workflow, triggerToStartFrom: { name: 'Start' } });
			const execId = String(started.executionId);
			const deadline = Date.now() + 300_000;
			for (;;) {
				const list = await server.listExecutions(id);
				const e = list.find((x) => String(x.id) === execId);
				if (e && terminal.has(e.status)) {
					if (e.status !== 'success') throw new Error(`${id}: execution ${execId} ${e.status}`);
					return { ms: new Date(e.stoppedAt).getTime() - new Date(e.startedAt).getTime(), requests: sim.log.length, okRequests: sim.log.filter((x) => x.status === 200).length };
				}
				if (Date.now() > deadline) throw new Error(`${id}: execution ${execId} did not finish`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		};
		// Warm-up of each (the last credential for ours), then alternate.
		await timed(ours[runs].id);
		await timed(http.id);
		const node = [];
		const httpRuns = [];
		let nodeOut;
		let httpOut;
		for (let r = 0; r < runs; r++) {
			nodeOut = await timed(ours[r].id);
			node.push(nodeOut.ms);
			httpOut = await timed(http.id);
			httpRuns.push(httpOut.ms);
		}
		const version = n8n.n8nVersion(flavour);
		process.stdout.write(
			JSON.stringify({ flavour, version, live, nodeRequests: nodeOut.requests, httpRequests: httpOut.requests, nodeMs: median(node), httpMs: median(httpRuns), nodeRuns: node, httpRuns }) + '\n',
		);
	} finally {
		await server?.stop();
		await env?.dispose();
		await sim.close();
	}
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
