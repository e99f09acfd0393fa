// Real n8n (the tier-3 harness, test/harness/n8n.ts), one server for both comparisons, our nodes vs
// n8n's HTTP Request node set up as a user would, the simulators in processes of their own:
//   1. Return All of <patients> Cliniko patients (pagination by links.next in the HTTP Request node);
//   2. <gets> input items each doing one Get (XtraKit customers; no rate limit on either side).
// Prints one JSON line.
//   node n8n-worker.js <buildDir> <flavour> <patients> <runs> <gets> [<Cliniko simulator processes>]
// The package loaded is PACKAGE_DIR of the harness (N8N_E2E_PACKAGE_DIR: scripts/bench.js stages a
// build there, so dist/ is never touched).
'use strict';

const os = require('node:os');
const path = require('node:path');

const [buildDir, flavour, patientsArg, runsArg, getsArg, simProcessesArg] = process.argv.slice(2);
const req = (p) => require(path.join(buildDir, p));
const n8n = req('test/harness/n8n');
const { CLINIKO_TEST_USER_AGENT } = req('test/simulators/cliniko');
const { startSim } = require('./sim-client');
const { retryTransient } = require('./transient');

const LATENCY_MS = 50;

const median = (xs) => {
	const s = [...xs].sort((x, y) => x - y);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function returnAllWorkflows(sim, keys) {
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
	const auth = sim.headers[keys[0]];
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
	return { ours, http };
}

function getsWorkflows(sim, gets) {
	// Both start from the same <gets> items: Edit Fields (a literal list of customer IDs) → Split Out.
	const ids = Array.from({ length: gets }, (_, i) => sim.customerIds[i % sim.customerIds.length]);
	const input = [
		{ name: 'IDs', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: JSON.stringify({ ids }), options: {} } },
		{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'ids', options: {} } },
	];
	const oursWith = (id, name, credentialId) =>
		n8n.linearWorkflow(id, name, [
			...input,
			{
				name: 'Get',
				type: 'n8n-nodes-saas-connectors.xtraKit',
				typeVersion: 1,
				parameters: { resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: '={{ $json.ids }}' } },
				credentials: { xtraKitApi: { id: credentialId, name: credentialId } },
			},
		]);
	// Our node as installed (the credential's Reads at Once left at 0: the provider's default), and
	// with Reads at Once set to every item at once, as the HTTP Request node sends them.
	const ours = oursWith('benchGetsOurs001', 'Bench: XtraKit node, one Get per item', 'benchXtraKit0');
	const oursAll = oursWith('benchGetsOurs002', 'Bench: XtraKit node, one Get per item, Reads at Once = every item', 'benchXtraKit1');
	// The HTTP Request node with the key as a header, n8n's defaults otherwise (every item's request
	// sent at once: no batching).
	const http = n8n.linearWorkflow('benchGetsHttp001', 'Bench: HTTP Request, one GET per item', [
		...input,
		{
			name: 'Get',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				url: `=${sim.baseUrl}/customers/{{ $json.ids }}`,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Authorization', value: sim.headers.Authorization }] },
				options: {},
			},
		},
	]);
	return { ours, oursAll, http, ids };
}

(async () => {
	const patients = Number(patientsArg);
	const runs = Number(runsArg);
	const gets = Number(getsArg || 1000);
	// Reads at Once for "every item at once" (the credential field's maximum is 1,000).
	const readsAll = Math.min(gets, 1000);
	// A Get run takes a second or two and varies more than that between runs: more of them than of the rest.
	const getsRuns = Math.max(runs, 5);
	// Our node paces per credential (200 requests a minute, for the life of the n8n process), and one
	// Return All of 10,000 is 100 requests: each run of our node gets a credential (key) of its own so
	// that no run waits for the budget an earlier run spent. The simulator's limiter is off.
	// Return All runs under two network conditions (loopback, and every answer held LATENCY_MS).
	const latencies = [0, LATENCY_MS];
	const keys = Array.from({ length: (runs + 1) * latencies.length }, (_, i) => `bench_cliniko_key_${i}-au1`);
	// Served from several processes on one port (sim-server.js): pages read in parallel are answered in parallel.
	const cliniko = await startSim(buildDir, 'cliniko', { patients, keys, rateLimit: null, processes: Number(simProcessesArg || 1) });
	const xtrakit = await startSim(buildDir, 'xtrakit', {});
	let env;
	let server;
	try {
		env = await n8n.createN8nEnv(flavour, {
			packageMode: 'custom',
			name: 'bench',
			artifactsDir: path.join(os.tmpdir(), 'n8n-nodes-saas-connectors-bench', 'n8n-artifacts'),
		});
		await n8n.importCredentials(env, [
			...keys.map((key, i) => ({ id: `benchCliniko${i}`, name: `Cliniko bench ${i}`, type: 'clinikoApi', data: { ...cliniko.credentials, apiKey: key } })),
			{ id: 'benchXtraKit0', name: 'benchXtraKit0', type: 'xtraKitApi', data: xtrakit.credentials },
			{ id: 'benchXtraKit1', name: 'benchXtraKit1', type: 'xtraKitApi', data: { ...xtrakit.credentials, readsAtOnce: readsAll } },
		]);
		const all = returnAllWorkflows(cliniko, keys);
		const many = getsWorkflows(xtrakit, gets);
		await n8n.importWorkflow(env, [...all.ours, all.http, many.ours, many.oursAll, many.http]);
		server = await n8n.startN8nServer(env);

		// Runs a workflow as the editor's "Execute workflow" does (what server.runWorkflow does), but
		// waits on the execution list instead of downloading the whole execution (tens of MB for 10,000
		// patients): the figure is n8n's own startedAt → stoppedAt of the execution.
		const terminal = new Set(['success', 'error', 'crashed', 'canceled', 'failed']);
		const timed = async (sim, id) => {
			await sim.clearLog();
			const workflow = await retryTransient(() => server.rest('GET', `/workflows/${id}`));
			const started = await retryTransient(() => server.rest('POST', `/workflows/${id}/run`, { workflowData: workflow, triggerToStartFrom: { name: 'Start' } }));
			const execId = String(started.executionId);
			const deadline = Date.now() + 600_000;
			for (;;) {
				const list = await retryTransient(() => server.listExecutions(id));
				const e = list.find((x) => String(x.id) === execId);
				if (e && terminal.has(e.status)) {
					if (e.status !== 'success') throw new Error(`${id}: execution ${execId} ${e.status}`);
					const log = await sim.log();
					return {
						execId,
						ms: new Date(e.stoppedAt).getTime() - new Date(e.startedAt).getTime(),
						requests: log.length,
						okRequests: log.filter((x) => x.status === 200).length,
					};
				}
				if (Date.now() > deadline) throw new Error(`${id}: execution ${execId} did not finish`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		};

		// 1. Return All. Per condition: a warm-up of each (with a credential of its own for ours), then alternate.
		const returnAll = [];
		let nextKey = 0;
		for (const latencyMs of latencies) {
			await cliniko.clearFaults();
			if (latencyMs > 0) await cliniko.addFault({ kind: 'latency', ms: latencyMs, times: 'always' });
			await timed(cliniko, all.ours[nextKey++].id);
			await timed(cliniko, all.http.id);
			const node = [];
			const httpRuns = [];
			let nodeOut;
			let httpOut;
			for (let r = 0; r < runs; r++) {
				nodeOut = await timed(cliniko, all.ours[nextKey++].id);
				node.push(nodeOut.ms);
				httpOut = await timed(cliniko, all.http.id);
				httpRuns.push(httpOut.ms);
				process.stderr.write(`return all +${latencyMs} ms run ${r + 1}: ours ${nodeOut.ms} ms, HTTP Request ${httpOut.ms} ms\n`);
			}
			returnAll.push({ latencyMs, nodeRequests: nodeOut.requests, httpRequests: httpOut.requests, nodeMs: median(node), httpMs: median(httpRuns), nodeRuns: node, httpRuns });
		}
		await cliniko.clearFaults();

		// 2. One Get per item: the Get node's own time (n8n's executionTime of that node) and the whole run.
		const getRun = async (id) => {
			const t = await timed(xtrakit, id);
			const run = await retryTransient(() => server.getExecution(t.execId));
			const task = run.runData.Get?.[0];
			const items = task?.data?.main?.[0] ?? [];
			const failed = items.filter((i) => i.json && (i.json.error !== undefined || i.json.status === 'error')).length;
			return { ...t, nodeMs: task?.executionTime, items: items.length, failed };
		};
		await getRun(many.ours.id);
		await getRun(many.oursAll.id);
		await getRun(many.http.id);
		const getsOurs = [];
		const getsOursAll = [];
		const getsHttp = [];
		for (let r = 0; r < getsRuns; r++) {
			getsOurs.push(await getRun(many.ours.id));
			getsOursAll.push(await getRun(many.oursAll.id));
			getsHttp.push(await getRun(many.http.id));
			process.stderr.write(
				`gets run ${r + 1}: ours ${getsOurs.at(-1).nodeMs} ms, ours at ${readsAll} at once ${getsOursAll.at(-1).nodeMs} ms, HTTP Request ${getsHttp.at(-1).nodeMs} ms\n`,
			);
		}

		const version = n8n.n8nVersion(flavour);
		process.stdout.write(
			JSON.stringify({
				flavour,
				version,
				live: cliniko.live,
				simProcesses: cliniko.processes ?? 1,
				...returnAll[0],
				returnAll,
				gets: {
					items: gets,
					ours: { nodeMs: median(getsOurs.map((g) => g.nodeMs)), ms: median(getsOurs.map((g) => g.ms)), runs: getsOurs },
					oursAll: { readsAtOnce: readsAll, nodeMs: median(getsOursAll.map((g) => g.nodeMs)), ms: median(getsOursAll.map((g) => g.ms)), runs: getsOursAll },
					http: { nodeMs: median(getsHttp.map((g) => g.nodeMs)), ms: median(getsHttp.map((g) => g.ms)), runs: getsHttp },
				},
			}) + '\n',
		);
	} finally {
		await server?.stop();
		await env?.dispose();
		await cliniko.stop();
		await xtrakit.stop();
	}
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
