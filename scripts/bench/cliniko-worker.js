// Cliniko measurements through the tier-2 harness (n8n-core's WorkflowExecute, in-process) against
// the Cliniko simulator running in a process of its own (scripts/bench/sim-server.js). Runs from the
// TypeScript compiled by scripts/bench.js. Prints one JSON line.
//   node cliniko-worker.js <buildDir> returnAll <patients> <runs> <latencies, e.g. 0,50> [<simulator processes>]
//   node cliniko-worker.js <buildDir> rateLimit <items> <windowMs> <runs> [<real-time windowMs, 0 = none>]
'use strict';

const path = require('node:path');

const [buildDir, what, a, b, c] = process.argv.slice(2);
const req = (p) => require(path.join(buildDir, p));
// The harness records every call into test-artifacts/ (for the tests' secret scan); thousands of
// benchmark items would only make that folder huge, so the bench records nothing.
req('test/helpers/artifacts').writeArtifact = () => '';
const { runNode } = req('test/core/harness');
const { setPacingTimeScale } = req('nodes/shared/pacer');
const { Cliniko } = req('nodes/Cliniko/Cliniko.node');
const { cliniko } = req('nodes/Cliniko/provider');
const { ClinikoApi } = req('credentials/ClinikoApi.credentials');
const { startSim } = require('./sim-client');

const RATE_LATENCY_MS = 25;

const median = (xs) => {
	const s = [...xs].sort((x, y) => x - y);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The physical limit of the one-link-at-a-time walk: fetch, parse, follow links.next. */
async function fetchLoop(sim, headers, ids) {
	let url = `${sim.baseUrl}/patients?per_page=100`;
	let count = 0;
	while (url) {
		const response = await fetch(url, { headers });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const body = await response.json();
		count += body.patients.length;
		if (ids) for (const p of body.patients) ids.push(p.id);
		url = body.links && body.links.next;
	}
	return count;
}

/** The same with four pages in flight after the first (page URLs from page 1's next link): the physical limit of what our node does. */
async function fetchAhead(sim, headers, concurrency = 4) {
	const first = await (await fetch(`${sim.baseUrl}/patients?per_page=100`, { headers })).json();
	let count = first.patients.length;
	const next = first.links && first.links.next;
	if (!next) return count;
	const last = Math.ceil(first.total_entries / 100);
	const inFlight = [];
	let launched = 1;
	for (let page = 2; page <= last; page++) {
		while (launched < last && inFlight.length < concurrency) {
			launched++;
			inFlight.push(fetch(next.replace(/([?&])page=2(?=&|$)/, `$1page=${launched}`), { headers }).then((r) => r.json()));
		}
		count += (await inFlight.shift()).patients.length;
	}
	return count;
}

async function returnAll(patients, runs, latencies, processes = 1) {
	// The node's pacer (200 requests a minute per credential, for the life of the process) would make
	// the third run of 100 requests wait for the budget earlier runs spent; that is table 3's subject.
	// Compressed 1000× here, it never holds a request back, so the figure is the node's own cost.
	setPacingTimeScale(0.001);
	// Limiter off: served from `processes` processes on one port (sim-server.js), so that pages read
	// in parallel are answered in parallel.
	const sim = await startSim(buildDir, 'cliniko', { patients, rateLimit: null, processes });
	const headers = Object.values(sim.headers)[0];
	const options = {
		nodeType: Cliniko,
		parameters: { resource: 'patient', operation: 'getAll', returnAll: true },
		credentials: { clinikoApi: sim.credentials },
		credentialTypes: [ClinikoApi],
		artifactName: 'bench-cliniko',
		recordRawOutput: false,
	};
	const conditions = [];
	try {
		for (const latencyMs of latencies) {
			await sim.clearFaults();
			// Network round trip: the simulator holds every answer this long (others are served meanwhile).
			if (latencyMs > 0) await sim.addFault({ kind: 'latency', ms: latencyMs, times: 'always' });
			// One warm-up of each, then alternate so all see the same machine state.
			await runNode(options);
			const walked = [];
			await fetchLoop(sim, headers, walked);
			await fetchAhead(sim, headers);
			const node = [];
			const loop = [];
			const ahead = [];
			let nodeItems = 0;
			let loopItems = 0;
			let aheadItems = 0;
			let requests = 0;
			let pagesInOrder = true;
			for (let r = 0; r < runs; r++) {
				await sim.clearLog();
				const result = await runNode(options);
				if (result.error) throw new Error(result.error.message);
				node.push(result.durationMs);
				nodeItems = result.items.length;
				const log = await sim.log();
				requests = log.length;
				// The very records of a one-link-at-a-time walk, in its order.
				pagesInOrder = pagesInOrder && result.items.length === walked.length && result.items.every((item, i) => item.json.id === walked[i]);
				let started = performance.now();
				loopItems = await fetchLoop(sim, headers);
				loop.push(performance.now() - started);
				started = performance.now();
				aheadItems = await fetchAhead(sim, headers);
				ahead.push(performance.now() - started);
			}
			conditions.push({
				latencyMs,
				nodeItems,
				loopItems,
				aheadItems,
				requests,
				sameAsWalk: pagesInOrder,
				nodeMs: median(node),
				loopMs: median(loop),
				aheadMs: median(ahead),
				nodeRuns: node,
				loopRuns: loop,
				aheadRuns: ahead,
			});
		}
		return { live: sim.live, concurrency: 4, simProcesses: sim.processes ?? 1, conditions };
	} finally {
		await sim.stop();
	}
}

async function rateOnce(sim, items, windowMs, limit, readConcurrency, latencyMs = 0) {
	cliniko.readConcurrency = readConcurrency;
	await sim.clearFaults();
	if (latencyMs > 0) await sim.addFault({ kind: 'latency', ms: latencyMs, times: 'always' });
	// A fresh pacer and fresh simulator counters: each run starts with a full budget on both sides.
	setPacingTimeScale(windowMs / 60_000);
	await sim.setRateLimit({ limit, windowMs });
	await sim.clearLog();
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
		recordRawOutput: false,
	});
	const wallMs = performance.now() - started;
	const log = await sim.log();
	const ok = log.filter((e) => e.status === 200).length;
	const limited = log.filter((e) => e.status === 429).length;
	const failedItems = result.items.filter((i) => i.json && i.json.error !== undefined).length + (result.error ? items : 0);
	const times = log.map((e) => e.at).sort((x, y) => x - y);
	const spanMs = times[times.length - 1] - times[0];
	// Each window of windowMs may hold at most `limit` requests, so N requests need a span of at
	// least (ceil(N/limit) - 1) windows; N / (span + window) is the achieved rate (= the limit for a
	// client that sends each window's budget at once).
	const achievedPerWindow = (log.length / (spanMs + windowMs)) * windowMs;
	// Where the time went: the first arrival of each window after the first (how close the pacer runs
	// to the server's window), and how long each window's budget took to send.
	const windowStarts = [];
	const sendMs = [];
	for (let w = 0; w * limit < times.length; w++) {
		const first = times[w * limit];
		const last = times[Math.min(times.length, (w + 1) * limit) - 1];
		windowStarts.push(first - times[0]);
		sendMs.push(last - first);
	}
	return {
		items,
		windowMs,
		scale: windowMs / 60_000,
		limit,
		readConcurrency: readConcurrency ?? 1,
		latencyMs,
		requests: log.length,
		ok,
		limited,
		failedItems,
		outputItems: result.items.length,
		spanMs,
		wallMs,
		fraction: achievedPerWindow / limit,
		// The rate while the limit binds: each window's budget from the first arrival of one window to
		// the first of the next (excludes the last window, whose sending time nothing follows).
		sustained: windowStarts.length > 1 ? ((windowStarts.length - 1) * windowMs) / (windowStarts[windowStarts.length - 1] - windowStarts[0]) : undefined,
		windowStarts,
		sendMs,
	};
}

async function rateLimit(items, windowMs, runs, realTimeWindowMs) {
	const limit = 200;
	const configured = cliniko.readConcurrency;
	const sim = await startSim(buildDir, 'cliniko', { rateLimit: { limit, windowMs } });
	try {
		const node = [];
		const sequential = [];
		for (let r = 0; r < runs; r++) {
			node.push(await rateOnce(sim, items, windowMs, limit, configured));
			process.stderr.write(`rate run ${r + 1}: ${(node.at(-1).fraction * 100).toFixed(1)} %\n`);
		}
		// For scale: the same node with every item waiting for the one before it.
		sequential.push(await rateOnce(sim, items, windowMs, limit, undefined));
		// And once at Cliniko's own minute, nothing scaled: what a real run gets (3 minutes).
		const realTime = realTimeWindowMs > 0 ? [await rateOnce(sim, items, realTimeWindowMs, limit, configured)] : [];
		// With a round trip scaled like the minute (25 ms here is 250 ms at the real minute, e.g. Europe
		// to au1): what sending one request at a time costs when each waits for its answer.
		const latency = [];
		for (const concurrency of [configured, undefined]) latency.push(await rateOnce(sim, items, windowMs, limit, concurrency, RATE_LATENCY_MS));
		await sim.clearFaults();
		return { runs: node, sequential, realTime, latency };
	} finally {
		cliniko.readConcurrency = configured;
		await sim.stop();
	}
}

(async () => {
	const out =
		what === 'returnAll'
			? await returnAll(Number(a), Number(b), String(c ?? '0').split(',').map(Number), Number(process.argv[7] ?? 1))
			: await rateLimit(Number(a), Number(b), Number(c ?? 3), Number(process.argv[7] ?? 0));
	process.stdout.write(JSON.stringify(out) + '\n');
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
