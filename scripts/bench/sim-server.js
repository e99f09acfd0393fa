// A provider simulator in a process of its own, for the benchmarks: a real API server does not share
// the client's thread, so its work must not be charged to (or overlap with) the client's. Prints one
// JSON line (base URL, credential data, request headers) once listening, then serves until killed.
// The bench drives it through its control routes (/__sim/log, /__sim/faults, /__sim/rate-limit).
//   node sim-server.js <buildDir> cliniko '{"patients":10000,"keys":[...],"rateLimit":null}'
//   node sim-server.js <buildDir> xtrakit '{}'
'use strict';

const path = require('node:path');

const [buildDir, provider, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson || '{}');
const req = (p) => require(path.join(buildDir, p));

async function cliniko() {
	const { startClinikoSimulator } = req('test/simulators/cliniko');
	const sim = await startClinikoSimulator({ rateLimit: options.rateLimit ?? null, ...(options.keys ? { keys: options.keys } : {}) });
	const live = () => sim.state.rows('patients').filter((r) => r.deleted_at == null).length;
	for (let n = live(); n < (options.patients ?? 0); n++) sim.state.create('patients', {});
	// Seeding is a one-off: the requests measured later should not pay for its garbage.
	if (global.gc) global.gc();
	const keys = options.keys ?? [sim.credentials.apiKey];
	return { baseUrl: sim.baseUrl, url: sim.url, credentials: sim.credentials, live: live(), headers: Object.fromEntries(keys.map((k) => [k, sim.headers(k)])) };
}

async function xtrakit() {
	const { startXtraKitSimulator } = req('test/simulators/xtrakit');
	const sim = await startXtraKitSimulator();
	return { baseUrl: sim.baseUrl, url: sim.url, credentials: sim.credentials, customerIds: [...sim.state.customers.keys()], headers: { Authorization: `Bearer ${sim.apiKey}` } };
}

(async () => {
	const info = provider === 'xtrakit' ? await xtrakit() : await cliniko();
	process.stdout.write(JSON.stringify(info) + '\n');
	const stop = () => process.exit(0);
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	process.stdin.on('end', stop);
	process.stdin.on('error', stop);
	process.stdin.resume();
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
