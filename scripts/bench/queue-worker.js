// Queue mode, two workers, one credential (issue 17): real n8n in queue mode (the harness the tests
// use, test/harness/queue.ts: a Redis of our own, one main, two `n8n worker`s each taking one job at a
// time), both workers running Cliniko Patient → Get Many, Return All at once on the same credential,
// against the Cliniko simulator with its rate limiter on (200 requests per 60 s per key, fixed window,
// 429 with X-RateLimit-Reset, as Cliniko documents; one process, so the limiter sees every request).
// Real time: n8n never scales the minute. Prints one JSON line.
//   node queue-worker.js <buildDir> <flavour> <patients per execution>
// The package loaded is PACKAGE_DIR of the harness (N8N_E2E_PACKAGE_DIR: scripts/bench.js stages it).
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const [buildDir, flavour, patientsArg] = process.argv.slice(2);
const req = (p) => require(path.join(buildDir, p));
const n8n = req('test/harness/n8n');
const queue = req('test/harness/queue');
const { startSim } = require('./sim-client');
const { retryTransient } = require('./transient');

const LIMIT = 200;
const WINDOW_MS = 60_000;
const WORKERS = ['A', 'B'];

/**
 * A throwaway PostgreSQL (Debian's, run as its `postgres` user: the server refuses root) on a free
 * loopback port, durability off. Why not the harness's SQLite: two workers saving executions of
 * tens of MB at once into one SQLite file meet SQLITE_BUSY (n8n sets no busy timeout; seen here:
 * "SQLITE_BUSY: database is locked" failed one of the two executions), and n8n says queue mode wants
 * PostgreSQL. Without PostgreSQL installed, the run falls back to SQLite and says so.
 */
async function startPostgres(port) {
	const bin = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((d) => fs.existsSync(path.join(d, 'postgres')));
	const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	if (!bin || ids.status !== 0) return undefined;
	// Run as the postgres user by uid/gid (not through runuser, which would stand between us and the
	// server's signals).
	const as = { uid: Number(ids.stdout.trim()), gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()) };
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-pg-'));
	fs.chownSync(dir, as.uid, as.gid);
	const data = path.join(dir, 'data');
	const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'n8n', '--no-sync'], { encoding: 'utf8', cwd: dir, ...as });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
	const server = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		cwd: dir,
		...as,
	});
	// Never outlive this process, whatever ends it.
	process.on('exit', () => server.exitCode === null && server.kill('SIGKILL'));
	let output = '';
	server.stdout.on('data', (c) => (output += c));
	server.stderr.on('data', (c) => (output += c));
	const deadline = Date.now() + 60_000;
	while (!/ready to accept connections/.test(output)) {
		if (server.exitCode !== null || Date.now() > deadline) throw new Error(`postgres did not start:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		env: { DB_TYPE: 'postgresdb', DB_POSTGRESDB_HOST: '127.0.0.1', DB_POSTGRESDB_PORT: String(port), DB_POSTGRESDB_DATABASE: 'postgres', DB_POSTGRESDB_USER: 'n8n', DB_POSTGRESDB_PASSWORD: 'n8n' },
		stop: async () => {
			if (server.exitCode === null) {
				const exited = new Promise((resolve) => server.once('exit', resolve));
				server.kill('SIGINT'); // fast shutdown
				await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
				if (server.exitCode === null) server.kill('SIGKILL');
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

(async () => {
	const patients = Number(patientsArg);
	const artifacts = path.join(os.tmpdir(), 'n8n-nodes-saas-connectors-bench', `queue-${flavour}`);
	fs.rmSync(artifacts, { recursive: true, force: true });
	// Seeded with the limiter off, so that reading how many patients the API lists (page 1's
	// total_entries) spends nothing; the limiter goes on (fresh counters) just before the run.
	const sim = await startSim(buildDir, 'cliniko', { patients, rateLimit: null });
	const first = await (await fetch(`${sim.baseUrl}/patients?per_page=100`, { headers: Object.values(sim.headers)[0] })).json();
	const expected = first.total_entries;
	let postgres;
	let env;
	let redis;
	let main;
	const workers = [];
	try {
		postgres = await startPostgres(await n8n.freePort());
		env = await n8n.createN8nEnv(flavour, { packageMode: 'custom', name: 'bench-queue', artifactsDir: path.join(artifacts, 'main'), extraEnv: postgres?.env ?? {} });
		redis = await queue.startRedis(env.artifactsDir);
		await n8n.importCredentials(env, [{ id: 'benchQueueClinik', name: 'Cliniko (one credential, two workers)', type: 'clinikoApi', data: sim.credentials }]);
		// Two identical workflows, one execution each; the credential is the same one.
		const workflows = WORKERS.map((w) =>
			n8n.linearWorkflow(`benchQueueRun00${w}`, `Bench: queue mode, Cliniko Return All ${w}`, [
				{
					name: 'Cliniko',
					type: 'n8n-nodes-saas-connectors.cliniko',
					typeVersion: 1,
					parameters: { resource: 'patient', operation: 'getAll', returnAll: true },
					credentials: { clinikoApi: { id: 'benchQueueClinik', name: 'Cliniko (one credential, two workers)' } },
					// A failed page becomes an error item (counted), not a stopped execution.
					onError: 'continueRegularOutput',
				},
			]),
		);
		await n8n.importWorkflow(env, workflows);
		const modeEnv = queue.queueModeEnv(redis);
		main = await n8n.startN8nServer(env, { extraEnv: modeEnv });
		// Each worker logs to a folder of its own (the harness names the file worker.log in the env's
		// artifacts folder); concurrency 1, so each takes one of the two executions.
		for (const w of WORKERS) {
			workers.push(await queue.startN8nWorker({ ...env, artifactsDir: path.join(artifacts, `worker-${w}`) }, { extraEnv: modeEnv, concurrency: 1 }));
		}
		process.stderr.write(`queue ${flavour}: main and ${workers.length} workers up\n`);

		const bodies = await Promise.all(workflows.map((wf) => retryTransient(() => main.rest('GET', `/workflows/${wf.id}`))));
		await sim.setRateLimit({ limit: LIMIT, windowMs: WINDOW_MS });
		await sim.clearLog();
		// Both started at once, as the editor's "Execute workflow" does (offloaded to the workers).
		const startedAt = Date.now();
		const started = await Promise.all(
			workflows.map((wf, i) => retryTransient(() => main.rest('POST', `/workflows/${wf.id}/run`, { workflowData: bodies[i], triggerToStartFrom: { name: 'Start' } }))),
		);
		const ids = started.map((s) => String(s.executionId));
		const terminal = new Set(['success', 'error', 'crashed', 'canceled', 'failed']);
		const summaries = [];
		for (let i = 0; i < workflows.length; i++) {
			for (const deadline = Date.now() + 20 * 60_000; ; ) {
				const e = (await retryTransient(() => main.listExecutions(workflows[i].id))).find((x) => String(x.id) === ids[i]);
				if (e && terminal.has(e.status)) {
					summaries.push(e);
					break;
				}
				if (Date.now() > deadline) throw new Error(`execution ${ids[i]} did not finish in 20 minutes`);
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
		}
		const wallMs = Date.now() - startedAt;
		const log = (await sim.log()).filter((e) => e.rawPath.endsWith('/patients'));

		// Which worker ran which execution: main's "Enqueued execution <id> (job <job>)" and that
		// worker's "Worker started execution <id> (job <job>)" (queue.whereItRan's evidence).
		const placement = [];
		for (const id of ids) {
			const job = queue.enqueuedJob(main.output(), id);
			const ranOn = WORKERS.filter((_, k) => job && workers[k].output().includes(`Worker started execution ${id} (job ${job})`));
			placement.push({ executionId: id, job, ranOn, evidence: ranOn.map((w) => `worker ${w}: "Worker started execution ${id} (job ${job})"`) });
		}

		// Items out, failed items: the executions' own data (read once, not kept: about 2 KB a patient).
		const flatted = require(require.resolve('flatted', { paths: [env.install.dir] }));
		const executions = [];
		for (let i = 0; i < ids.length; i++) {
			const raw = await retryTransient(() => main.rest('GET', `/executions/${ids[i]}`));
			const data = typeof raw.data === 'string' ? flatted.parse(raw.data) : raw.data;
			const task = data?.resultData?.runData?.Cliniko?.[0];
			const items = task?.data?.main?.[0] ?? [];
			const errored = items.filter((item) => item.json && item.json.error !== undefined).length;
			const ok = items.length - errored;
			executions.push({
				executionId: ids[i],
				status: summaries[i].status,
				ms: new Date(summaries[i].stoppedAt).getTime() - new Date(summaries[i].startedAt).getTime(),
				items: ok,
				// Every patient the API lists that this execution's output lacks (an error item stands for
				// the list it did not deliver; a run that stopped before the node ended delivered nothing).
				failedItems: Math.max(0, expected - ok),
				errorMessage: items.find((item) => item.json?.error !== undefined)?.json?.error?.message ?? data?.resultData?.error?.message,
			});
		}

		// Requests at the simulator, and its windows rebuilt from the log as the limiter opens them (the
		// first request at least a window after the current one's start opens the next).
		const times = log.map((e) => e.at).sort((a, b) => a - b);
		const accepted = log.filter((e) => e.status === 200).map((e) => e.at).sort((a, b) => a - b);
		const limited = log.filter((e) => e.status === 429).length;
		const other = log.filter((e) => e.status !== 200 && e.status !== 429).length;
		const windows = [];
		for (const at of times) {
			if (!windows.length || at - windows.at(-1).start >= WINDOW_MS) windows.push({ start: at, accepted: 0, limited: 0 });
		}
		for (const e of log) {
			const w = [...windows].reverse().find((x) => e.at >= x.start);
			if (e.status === 200) {
				w.accepted++;
				w.lastAccepted = Math.max(w.lastAccepted ?? e.at, e.at);
			} else if (e.status === 429) w.limited++;
		}
		const spanMs = accepted.length ? accepted.at(-1) - accepted[0] : 0;
		// As table 3: N accepted requests need at least (ceil(N/limit) - 1) windows between first and
		// last, so N / (span + one window) is the achieved rate; 100 % = the limit every window.
		const fraction = (accepted.length / (spanMs + WINDOW_MS)) * WINDOW_MS / LIMIT;
		// While the limit binds: what the windows before the last accepted, per window length between
		// the first window's start and the last's.
		const binding = windows.length > 1 ? windows.slice(0, -1).reduce((a, w) => a + w.accepted, 0) / ((windows.at(-1).start - windows[0].start) / WINDOW_MS) / LIMIT : undefined;
		process.stdout.write(
			JSON.stringify({
				flavour,
				version: n8n.n8nVersion(flavour),
				limit: LIMIT,
				windowMs: WINDOW_MS,
				patientsPerExecution: expected,
				pagesPerExecution: Math.ceil(expected / 100),
				database: postgres ? 'PostgreSQL' : 'SQLite',
				workers: WORKERS.length,
				concurrency: 1,
				requests: log.length,
				accepted: accepted.length,
				limited,
				otherStatus: other,
				failedItems: executions.reduce((a, e) => a + e.failedItems, 0),
				spanMs,
				wallMs,
				fraction,
				binding,
				// sendMs: from the window's first request to its last accepted one.
				windows: windows.map((w) => ({ startMs: w.start - times[0], accepted: w.accepted, limited: w.limited, sendMs: (w.lastAccepted ?? w.start) - w.start })),
				executions,
				placement,
				loadavg: os.loadavg()[0].toFixed(1),
			}) + '\n',
		);
	} finally {
		for (const w of workers) await w.stop().catch(() => undefined);
		await main?.stop().catch(() => undefined);
		await redis?.stop().catch(() => undefined);
		await env?.dispose().catch(() => undefined);
		await postgres?.stop().catch(() => undefined);
		await sim.stop();
	}
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
