// Cliniko measurements through the tier-2 harness (n8n-core's WorkflowExecute, in-process) against
// the Cliniko simulator. Runs from the TypeScript compiled by scripts/bench.js. Prints one JSON line.
//   node cliniko-worker.js <buildDir> returnAll <patients> <runs>
//   node cliniko-worker.js <buildDir> rateLimit <items> <windowMs>
'use strict';

const path = require('node:path');

const [buildDir, what, a, b] = process.argv.slice(2);
const req = (p) => require(path.join(buildDir, p));
// The harness records every call into test-artifacts/ (for the tests' secret scan); thousands of
// benchmark items would only make that folder huge, so the bench records nothing.
req('test/helpers/artifacts').writeArtifact = () => '';
const { runNode } = req('test/core/harness');
const { startClinikoSimulator } = req('test/simulators/cliniko');
const { setPacingTimeScale } = req('nodes/shared/pacer');
const { Cliniko } = req('nodes/Cliniko/Cliniko.node');
const { ClinikoApi } = req('credentials/ClinikoApi.credentials');

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

async function fetchLoop(sim) {
	const headers = sim.headers();
	let url = `${sim.baseUrl}/patients?per_page=100`;
	let count = 0;
	while (url) {
		const response = await fetch(url, { headers });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const body = await response.json();
		count += body.patients.length;
		url = body.links && body.links.next;
	}
	return count;
}

async function returnAll(patients, runs) {
	// The node's pacer (200 requests a minute per credential, for the life of the process) would make
	// the third run of 100 requests wait for the budget earlier runs spent; that is table 3's subject.
	// Compressed 1000× here, it never holds a request back, so the figure is the node's own cost.
	setPacingTimeScale(0.001);
	const sim = await startClinikoSimulator({ rateLimit: null });
	try {
		const existing = sim.state.rows('patients').filter((r) => r.deleted_at == null).length;
		for (let i = existing; i < patients; i++) sim.state.create('patients', {});
		const live = sim.state.rows('patients').filter((r) => r.deleted_at == null).length;
		const options = {
			nodeType: Cliniko,
			parameters: { resource: 'patient', operation: 'getAll', returnAll: true },
			credentials: { clinikoApi: sim.credentials },
			credentialTypes: [ClinikoApi],
			artifactName: 'bench-cliniko',
		};
		// One warm-up of each, then alternate so both see the same machine state.
		await runNode(options);
		await fetchLoop(sim);
		const node = [];
		const loop = [];
		let nodeItems = 0;
		let loopItems = 0;
		let requests = 0;
		for (let r = 0; r < runs; r++) {
			sim.resetLog();
			const result = await runNode(options);
			if (result.error) throw new Error(result.error.message);
			node.push(result.durationMs);
			nodeItems = result.items.length;
			requests = sim.log.length;
			const started = performance.now();
			loopItems = await fetchLoop(sim);
			loop.push(performance.now() - started);
		}
		return { live, nodeItems, loopItems, requests, nodeMs: median(node), loopMs: median(loop), nodeRuns: node, loopRuns: loop };
	} finally {
		await sim.close();
	}
}

async function rateLimit(items, windowMs) {
	const limit = 200;
	const scale = windowMs / 60_000;
	setPacingTimeScale(scale);
	const sim = await startClinikoSimulator({ rateLimit: { limit, windowMs } });
	try {
		const inputItems = Array.from({ length: items }, () => ({ json: {} }));
		const started = performance.now();
		const result = await runNode({
			nodeType: Cliniko,
			parameters: { resource: 'user', operation: 'getCurrent' },
			credentials: { clinikoApi: sim.credentials },
			credentialTypes: [ClinikoApi],
			inputItems,
			continueOnFail: true,
			artifactName: 'bench-cliniko-rate',
		});
		const wallMs = performance.now() - started;
		const log = sim.log;
		const ok = log.filter((e) => e.status === 200).length;
		const limited = log.filter((e) => e.status === 429).length;
		const failedItems = result.items.filter((i) => i.json && i.json.error !== undefined).length + (result.error ? items : 0);
		const times = log.map((e) => e.at);
		const spanMs = Math.max(...times) - Math.min(...times);
		// Each window of windowMs may hold at most `limit` requests, so N requests need a span of at
		// least (ceil(N/limit) - 1) windows; N / (span + window) is the achieved rate (= the limit for a
		// perfect client).
		const achievedPerWindow = (log.length / (spanMs + windowMs)) * windowMs;
		return { items, windowMs, scale, limit, requests: log.length, ok, limited, failedItems, outputItems: result.items.length, spanMs, wallMs, fraction: achievedPerWindow / limit };
	} finally {
		await sim.close();
	}
}

(async () => {
	const out = what === 'returnAll' ? await returnAll(Number(a), Number(b)) : await rateLimit(Number(a), Number(b));
	process.stdout.write(JSON.stringify(out) + '\n');
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
