// A provider simulator in a process of its own, for the benchmarks: a real API server does not share
// the client's thread, so its work must not be charged to (or overlap with) the client's. Prints one
// JSON line (base URL, credential data, request headers) once listening, then serves until killed.
// The bench drives it through its control routes (/__sim/log, /__sim/faults, /__sim/rate-limit).
//   node sim-server.js <buildDir> cliniko '{"patients":10000,"keys":[...],"rateLimit":null}'
//   node sim-server.js <buildDir> cliniko '{"patients":10000,"rateLimit":null,"processes":2}'
//   node sim-server.js <buildDir> xtrakit '{}'
//
// `processes` > 1 (Cliniko, limiter off only): a real API answers several requests at once, a
// single Node process answers one at a time, so a client reading pages in parallel would wait on the
// simulator, not on itself. This process then becomes a node:cluster primary: N workers each hold
// the same deterministic patients (seeded with the simulator's clock frozen at one instant, and
// checked identical by a digest before the line is printed) and listen on one port, which the
// primary shares between them (cluster hands each new connection to the next worker in turn).
// Its control routes live on a port of the primary's own (`controlUrl`): a fault or a cleared log
// goes to every worker, GET /log merges their logs in arrival order. A per-process rate limiter
// cannot enforce one budget, so this mode refuses a rate limit (the rate-limited tables use one
// process, where the limiter sees every request).
'use strict';

const cluster = require('node:cluster');
const crypto = require('node:crypto');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const [buildDir, provider, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson || '{}');
const processes = Math.max(1, Number(options.processes ?? 1));
const req = (p) => require(path.join(buildDir, p));

// The instant every worker's clock shows while it seeds: created_at/updated_at are then the same in
// every process (and in every run).
const SEED_AT = Date.UTC(2026, 0, 1);

async function cliniko(port) {
	const { startClinikoSimulator } = req('test/simulators/cliniko');
	const sim = await startClinikoSimulator({ rateLimit: options.rateLimit ?? null, ...(options.keys ? { keys: options.keys } : {}), ...(port ? { port } : {}) });
	const live = () => sim.state.rows('patients').filter((r) => r.deleted_at == null).length;
	sim.state.clock.set(SEED_AT);
	for (let n = live(); n < (options.patients ?? 0); n++) sim.state.create('patients', {});
	sim.state.clock.useRealTime();
	// Seeding is a one-off: the requests measured later should not pay for its garbage.
	if (global.gc) global.gc();
	const keys = options.keys ?? [sim.credentials.apiKey];
	const info = { baseUrl: sim.baseUrl, url: sim.url, credentials: sim.credentials, live: live(), headers: Object.fromEntries(keys.map((k) => [k, sim.headers(k)])) };
	return { sim, info };
}

async function xtrakit() {
	const { startXtraKitSimulator } = req('test/simulators/xtrakit');
	const sim = await startXtraKitSimulator();
	return { sim, info: { baseUrl: sim.baseUrl, url: sim.url, credentials: sim.credentials, customerIds: [...sim.state.customers.keys()], headers: { Authorization: `Bearer ${sim.apiKey}` } } };
}

function serveUntilClosed() {
	const stop = () => process.exit(0);
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	process.stdin.on('end', stop);
	process.stdin.on('error', stop);
	process.stdin.resume();
}

const fail = (error) => {
	console.error(error);
	process.exit(1);
};

// ---------------------------------------------------------------------------------------------
// One process (the default)

async function single() {
	const { info } = provider === 'xtrakit' ? await xtrakit() : await cliniko();
	process.stdout.write(JSON.stringify({ ...info, processes: 1 }) + '\n');
	serveUntilClosed();
}

// ---------------------------------------------------------------------------------------------
// Several processes on one port (node:cluster)

/** A worker: the simulator on the shared port; answers the primary's control requests over IPC. */
async function clusterWorker() {
	const { answerControl } = req('test/simulators/core/control-routes');
	const { sim, info } = await cliniko(Number(process.env.SIM_PORT));
	// What the primary checks every worker agrees on: every patient as the API lists them.
	const digest = crypto.createHash('sha256').update(JSON.stringify(sim.state.rows('patients'))).digest('hex');
	process.on('message', (message) => {
		if (!message || message.type !== 'control') return;
		let response;
		try {
			response = answerControl(sim, message.method, message.route, message.body);
		} catch (error) {
			response = { status: 500, body: { error: String(error) } };
		}
		// The log's headers are plain objects already; structured clone over IPC keeps them.
		process.send({ type: 'control', id: message.id, response });
	});
	process.send({ type: 'ready', info, digest });
	// The primary's death (its IPC channel closing) ends the worker.
	process.on('disconnect', () => process.exit(0));
}

async function clusterPrimary() {
	if (provider !== 'cliniko') throw new Error(`several processes: only the Cliniko simulator (got ${provider})`);
	if (options.rateLimit) throw new Error('several processes need the rate limiter off: each process would count its own budget');
	// A port the workers will share: taken from the OS, released, then listened on by the workers
	// through the primary (cluster's round-robin; the primary holds the listening socket).
	const port = await new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port: p } = probe.address();
			probe.close(() => resolve(p));
		});
	});
	cluster.setupPrimary({ exec: __filename, args: process.argv.slice(2), silent: false });
	const workers = [];
	const ready = [];
	for (let i = 0; i < processes; i++) {
		const worker = cluster.fork({ SIM_PORT: String(port), SIM_WORKER: String(i + 1) });
		workers.push(worker);
		ready.push(
			new Promise((resolve, reject) => {
				worker.on('message', (m) => m?.type === 'ready' && resolve(m));
				worker.once('exit', (code) => reject(new Error(`simulator worker ${i + 1} exited (${code}) before it was ready`)));
			}),
		);
	}
	const started = await Promise.all(ready);
	const digests = new Set(started.map((s) => s.digest));
	if (digests.size !== 1) throw new Error(`the ${processes} simulator processes hold different patients`);
	// A worker dying later would silently halve the capacity: stop everything instead.
	for (const worker of workers) worker.once('exit', (code) => fail(new Error(`simulator worker exited (${code})`)));

	let nextId = 0;
	const pending = new Map();
	for (const worker of workers) {
		worker.on('message', (m) => {
			if (m?.type !== 'control') return;
			const entry = pending.get(m.id);
			if (!entry) return;
			entry.responses.push(m.response);
			if (entry.responses.length === workers.length) {
				pending.delete(m.id);
				entry.resolve(entry.responses);
			}
		});
	}
	const toAll = (method, route, body) =>
		new Promise((resolve) => {
			const id = ++nextId;
			pending.set(id, { responses: [], resolve });
			for (const worker of workers) worker.send({ type: 'control', id, method, route, body });
		});
	/** One answer for the bench from every worker's: logs merged by arrival time, the rest the first worker's. */
	async function control(method, route, body) {
		if (method === 'PUT' && route === '/__sim/rate-limit' && body != null) {
			return { status: 409, body: { error: 'several processes: the rate limiter stays off (each process would count its own budget)' } };
		}
		const responses = await toAll(method, route, body);
		const failed = responses.find((r) => r.status >= 400);
		if (failed) return failed;
		if (method === 'GET' && route === '/__sim/log') {
			const log = responses.flatMap((r) => r.body.log).sort((a, b) => a.at - b.at);
			return { status: 200, body: { log, violations: responses.flatMap((r) => r.body.violations) } };
		}
		return responses[0];
	}
	const controlServer = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (c) => chunks.push(c));
		request.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = undefined;
			}
			const route = (request.url ?? '/').split('?')[0];
			control((request.method ?? 'GET').toUpperCase(), route, body).then(
				(r) => {
					if (r.status === 204) return response.writeHead(204).end();
					response.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body ?? null));
				},
				(error) => response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) })),
			);
		});
	});
	await new Promise((resolve) => controlServer.listen(0, '127.0.0.1', resolve));
	const controlUrl = `http://127.0.0.1:${controlServer.address().port}`;
	process.stdout.write(JSON.stringify({ ...started[0].info, processes, controlUrl }) + '\n');
	serveUntilClosed();
	process.on('exit', () => {
		for (const worker of workers) worker.process.kill('SIGTERM');
	});
}

if (cluster.isWorker) clusterWorker().catch(fail);
else if (processes > 1) clusterPrimary().catch(fail);
else single().catch(fail);
