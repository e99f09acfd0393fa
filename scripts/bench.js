#!/usr/bin/env node
// `npm run bench`: the performance figures of DESIGN.md ("Performance"), written to bench/results.md.
// Benchmarks, not tests: nothing here asserts a time. Every figure is the median of several runs, and
// every measurement whose memory matters runs in a child process of its own.
//
//   npm run bench                    everything, Saveris files up to 500 MB
//   BENCH_MAX_MB=50 npm run bench    a quick run (Saveris files of 10 and 50 MB only)
//   BENCH_RUNS=3                     runs per figure (default 3; cold load always takes 5)
//   BENCH_ONLY=saveris,load,rate,cliniko,n8n,queue   a subset of the tables (the others keep their
//                                      last figures, from bench/results.json)
//   BENCH_ONLY=n8n                     tables 4b and 5 (real n8n: Return All and 1,000 Gets vs the HTTP
//                                      Request node), in every n8n version (about 10 minutes each)
//   BENCH_ONLY=queue                   table 6: queue mode, one main and two workers running Cliniko
//                                      Return All at once on one credential against Cliniko's limit in
//                                      real time (30,000 patients each, BENCH_QUEUE_PATIENTS; needs
//                                      redis-server; about 5 minutes per n8n version)
//   BENCH_ONLY=descriptions,coldload   node description sizes and the cold load on top of n8n-workflow
//                                      (one table; either name runs it; also `-- --only descriptions,coldload`)
//   BENCH_ONLY=report                  rewrite results.md from results.json, measuring nothing
//   BENCH_N8N_FLAVOURS=n8n1,n8n2       the real n8n versions of tables 4b, 5 and 6 (default: every one
//                                      of test/harness/versions.json; BENCH_N8N_FLAVOUR is the older name)
//   BENCH_SIM_PROCESSES=2              processes serving the Cliniko simulator of tables 4 and 4b
//                                      (default: the number of cores)
//   BENCH_CACHE_DIR=.build/bench       where the compiled and staged copies go (default
//                                      node_modules/.cache; a worktree whose node_modules is a link
//                                      shares that with every checkout: give each its own)
//   BENCH_RATE_REAL_TIME=0             skip the rate-limit run at Cliniko's real minute (3 minutes)
//
// It compiles nodes/ and test/ (the simulators and the tier-2 harness are TypeScript) into
// node_modules/.cache/bench-build, and stages the package as `npm run build` would make it (dist/ with
// icons, package.json, README, LICENSE) in node_modules/.cache/bench-package for the cold-load, size
// and real-n8n rows, so it never touches dist/ (tests may be using it) and always measures the source.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { pipeline } = require('node:stream/promises');

const root = path.join(__dirname, '..');
// BENCH_CACHE_DIR: where the compiled and staged copies go (default node_modules/.cache, which a git
// worktree whose node_modules is a link shares with every other checkout: give each its own there).
// It must lie inside the repository (the compiled code resolves zod, n8n-workflow… from node_modules).
const cacheDir = process.env.BENCH_CACHE_DIR ? path.resolve(process.env.BENCH_CACHE_DIR) : path.join(root, 'node_modules', '.cache');
const buildDir = path.join(cacheDir, 'bench-build');
const stageDir = path.join(cacheDir, 'bench-package');
const dataDir = path.join(os.tmpdir(), 'n8n-nodes-saas-connectors-bench');
const resultsFile = path.join(root, 'bench', 'results.md');
const MAX_MB = Number(process.env.BENCH_MAX_MB || 500);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
// `npm run bench -- --only descriptions,coldload` is the same as BENCH_ONLY=descriptions,coldload.
const onlyArg = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const onlyList = process.env.BENCH_ONLY ?? onlyArg;
const ONLY = onlyList ? new Set(onlyList.split(',').map((s) => s.trim())) : null;
const wanted = (name) => !ONLY || ONLY.has(name);

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const log = (...args) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

function runJson(args, options = {}) {
	const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
	if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
	const line = result.stdout.trim().split('\n').pop();
	return JSON.parse(line);
}

// ---------------------------------------------------------------------------------------------
// Machine
// ---------------------------------------------------------------------------------------------

function machine() {
	let cpu = os.cpus()[0]?.model ?? 'unknown';
	try {
		const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
		const match = /^model name\s*:\s*(.+)$/m.exec(info);
		if (match) cpu = match[1].trim();
	} catch {
		// not Linux
	}
	const version = (p) => {
		try {
			return require(path.join(root, 'node_modules', p, 'package.json')).version;
		} catch {
			return 'not installed';
		}
	};
	let n8nVersions = '';
	try {
		const v = require(path.join(root, 'test', 'harness', 'versions.json'));
		n8nVersions = Object.values(v).map((e) => e.n8n).join(', ');
	} catch {
		// no tier 3
	}
	return {
		cpu,
		cores: os.cpus().length,
		memoryGb: (os.totalmem() / 1024 ** 3).toFixed(1),
		node: process.version,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		n8nCore: version('n8n-core'),
		n8nWorkflow: version('n8n-workflow'),
		n8nVersions,
		loadStart: os.loadavg().map((x) => x.toFixed(1)).join(' / '),
	};
}

// ---------------------------------------------------------------------------------------------
// Build (staging copy: never dist/)
// ---------------------------------------------------------------------------------------------

function build() {
	log('compiling nodes/ and test/ into', path.relative(root, buildDir));
	const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
	const result = spawnSync(tsc, ['-p', path.join('test', 'tsconfig.json'), '--outDir', buildDir], { cwd: root, encoding: 'utf8' });
	// tsc emits JavaScript even when types fail elsewhere in test/; what we need must exist.
	for (const file of ['test/core/harness.js', 'test/simulators/cliniko/index.js', 'nodes/Saveris/parse/index.js']) {
		if (!fs.existsSync(path.join(buildDir, file))) {
			console.error(result.stdout, result.stderr);
			throw new Error(`compilation produced no ${file}`);
		}
	}
}

/** The package as `npm run build` makes it, in a folder of its own (dist/ may be in use by tests). */
function stagePackage() {
	log('staging the package build in', path.relative(root, stageDir));
	fs.rmSync(stageDir, { recursive: true, force: true });
	const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
	const result = spawnSync(tsc, ['-p', 'tsconfig.json', '--outDir', path.join(stageDir, 'dist')], { cwd: root, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`tsc -p tsconfig.json failed:\n${result.stdout}${result.stderr}`);
	// What scripts/bundle.js makes of tsc's output (a few files for n8n to load).
	const bundled = spawnSync(process.execPath, [path.join(__dirname, 'bundle.js'), path.join(stageDir, 'dist')], { cwd: root, encoding: 'utf8' });
	if (bundled.status !== 0) throw new Error(`scripts/bundle.js failed:\n${bundled.stdout}${bundled.stderr}`);
	// What gulp build:icons copies.
	const copyIcons = (from, to) => {
		for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
			const source = path.join(from, entry.name);
			if (entry.isDirectory()) copyIcons(source, path.join(to, entry.name));
			else if (/\.(png|svg)$/.test(entry.name)) {
				fs.mkdirSync(to, { recursive: true });
				fs.copyFileSync(source, path.join(to, entry.name));
			}
		}
	};
	copyIcons(path.join(root, 'nodes'), path.join(stageDir, 'dist', 'nodes'));
	copyIcons(path.join(root, 'credentials'), path.join(stageDir, 'dist', 'credentials'));
	for (const file of ['package.json', 'README.md', 'LICENSE', 'index.js']) {
		if (fs.existsSync(path.join(root, file))) fs.copyFileSync(path.join(root, file), path.join(stageDir, file));
	}
}

// ---------------------------------------------------------------------------------------------
// 1. Saveris parsing
// ---------------------------------------------------------------------------------------------

function sizes() {
	const list = [10, 50, 500].filter((s) => s <= MAX_MB);
	if (!list.includes(MAX_MB)) list.push(MAX_MB);
	return list.sort((a, b) => a - b);
}

const COLUMNS = ['uuid', 'tenant_uuid', 'sensor_uuid', 'channel_no', 'timestamp', 'measurement', 'unit'];
function hex(n, width) {
	return (n >>> 0).toString(16).padStart(width, '0').slice(-width);
}
function measurementRow(i) {
	const uuid = `${hex(i * 2654435761, 8)}-${hex(i, 4)}-4${hex(i >> 4, 3)}-8${hex(i * 7, 3)}-${hex(i * 97, 12)}`;
	return {
		uuid,
		tenant_uuid: '7f3c9a10-2b4d-4e8f-9a1b-2c3d4e5f6a7b',
		sensor_uuid: `5a6b7c8d-0000-4000-8000-${hex(i % 64, 12)}`,
		channel_no: String((i % 4) + 1),
		timestamp: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
		measurement: (((i * 37) % 4000) / 100 - 5).toFixed(2),
		unit: i % 4 === 3 ? '%RH' : '°C',
	};
}

async function writeUntil(file, bytes, header, line) {
	const out = fs.createWriteStream(file);
	let written = 0;
	let i = 0;
	const write = (s) =>
		new Promise((resolve) => {
			if (out.write(s)) resolve();
			else out.once('drain', resolve);
		});
	if (header) {
		await write(header);
		written += Buffer.byteLength(header);
	}
	while (written < bytes) {
		let chunk = '';
		for (let k = 0; k < 1000; k++) chunk += line(measurementRow(i++));
		await write(chunk);
		written += Buffer.byteLength(chunk);
	}
	await new Promise((resolve) => out.end(resolve));
	return i;
}

async function generate(sizeMb) {
	fs.mkdirSync(dataDir, { recursive: true });
	const bytes = sizeMb * 1024 * 1024;
	const files = {
		csv: path.join(dataDir, `measurements-${sizeMb}mb.csv`),
		ndjson: path.join(dataDir, `measurements-${sizeMb}mb.ndjson`),
	};
	const csvHeader = COLUMNS.map((c) => `"${c}"`).join(',') + '\n';
	const csvLine = (r) => COLUMNS.map((c) => `"${r[c]}"`).join(',') + '\n'; // Athena quotes every value
	const jsonLine = (r) => JSON.stringify({ ...r, channel_no: Number(r.channel_no), measurement: Number(r.measurement) }) + '\n';
	for (const [kind, file] of Object.entries(files)) {
		if (!fs.existsSync(file) || fs.statSync(file).size < bytes) {
			log(`generating ${path.basename(file)}`);
			await writeUntil(file, bytes, kind === 'csv' ? csvHeader : '', kind === 'csv' ? csvLine : jsonLine);
		}
		const gz = `${file}.gz`;
		if (!fs.existsSync(gz) || fs.statSync(gz).mtimeMs < fs.statSync(file).mtimeMs) {
			log(`gzipping ${path.basename(file)}`);
			await pipeline(fs.createReadStream(file), zlib.createGzip({ level: 6 }), fs.createWriteStream(gz));
		}
	}
	return files;
}

async function benchSaveris() {
	const rows = [];
	const sink = path.join(dataDir, 'binary-sink.tmp');
	for (const sizeMb of sizes()) {
		const files = await generate(sizeMb);
		for (const [format, base] of [
			['CSV', files.csv],
			['NDJSON', files.ndjson],
		]) {
			for (const gzip of [false, true]) {
				const file = gzip ? `${base}.gz` : base;
				for (const mode of ['items', 'binary']) {
					const runs = [];
					for (let r = 0; r < RUNS; r++) {
						runs.push(runJson([path.join(__dirname, 'bench', 'saveris-worker.js'), buildDir, file, format === 'CSV' ? 'CSV' : 'JSON', mode, sink]));
					}
					const seconds = median(runs.map((x) => x.seconds));
					const row = {
						sizeMb,
						format,
						gzip,
						mode,
						fileBytes: runs[0].bytes,
						rows: runs[0].rows,
						seconds,
						rowsPerSecond: mode === 'items' ? runs[0].rows / seconds : null,
						mbPerSecond: runs[0].bytes / 1024 / 1024 / seconds,
						peakRss: median(runs.map((x) => x.peakRss)),
						peakHeap: median(runs.map((x) => x.peakHeap)),
						baseRss: median(runs.map((x) => x.baseRss)),
					};
					rows.push(row);
					log(`saveris ${sizeMb} MB ${format}${gzip ? '.gz' : ''} ${mode}: ${seconds.toFixed(2)} s, ${row.rowsPerSecond ? fmt(row.rowsPerSecond) + ' rows/s, ' : ''}peak RSS ${mb(row.peakRss)} MB`);
				}
			}
		}
	}
	return rows;
}

// ---------------------------------------------------------------------------------------------
// 2. Cold load and package size
// ---------------------------------------------------------------------------------------------

function benchLoad() {
	const pkg = require(path.join(stageDir, 'package.json'));
	const files = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
	const missing = files.filter((f) => !fs.existsSync(path.join(stageDir, f)));
	if (missing.length) throw new Error(`the staged build is incomplete: ${missing.join(', ')}`);
	const wall = [];
	const requireMs = [];
	// Baseline: a fresh node process that requires nothing.
	const bare = [];
	for (let r = 0; r < 5; r++) {
		let started = process.hrtime.bigint();
		spawnSync(process.execPath, ['-e', '0']);
		bare.push(Number(process.hrtime.bigint() - started) / 1e6);
		started = process.hrtime.bigint();
		const out = runJson([path.join(__dirname, 'bench', 'load-worker.js'), stageDir]);
		wall.push(Number(process.hrtime.bigint() - started) / 1e6);
		requireMs.push(out.requireMs);
	}
	const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: stageDir, encoding: 'utf8' });
	if (packed.status !== 0) throw new Error(`npm pack --dry-run failed: ${packed.stderr}`);
	const info = JSON.parse(packed.stdout)[0];
	const load = { files: files.length, wallMs: median(wall), requireMs: median(requireMs), bareMs: median(bare), packSize: info.size, unpackedSize: info.unpackedSize, entryCount: info.entryCount };
	log(`cold load ${load.requireMs.toFixed(0)} ms require, ${load.wallMs.toFixed(0)} ms process; pack ${load.packSize} B, ${load.entryCount} files`);
	return load;
}

// ---------------------------------------------------------------------------------------------
// 2b. Node descriptions and cold load on top of n8n-workflow (issue 17)
// ---------------------------------------------------------------------------------------------

const COLD_RUNS = 15;
const DESCRIPTION_TARGETS = { cliniko: 200_000, total: 350_000 };
const COLD_TARGET_MS = 30;

/**
 * n8n has loaded n8n-workflow before it loads a community package, so what the package costs n8n is the
 * time to require and instantiate every node and credential after it. Median of 15 fresh processes each:
 * n8n-workflow alone, and n8n-workflow then the package (scripts/bench/coldload-worker.js). On a busy
 * machine every figure grows; the ratio to n8n-workflow alone is what compares runs.
 */
function benchDescriptions() {
	const worker = path.join(__dirname, 'bench', 'coldload-worker.js');
	// The floor: the same entry points, each holding only its instances' data as JSON (what n8n must read
	// of any package offering these nodes and credentials), measured alternately with the package.
	const floorDir = path.join(dataDir, 'coldload-floor');
	fs.rmSync(floorDir, { recursive: true, force: true });
	fs.mkdirSync(floorDir, { recursive: true });
	runJson([worker, stageDir, 'floor', floorDir]);
	const base = [];
	const full = [];
	const floor = [];
	let descriptions = {};
	for (let r = 0; r < COLD_RUNS; r++) {
		base.push(runJson([worker, stageDir, 'base']).workflowMs);
		const out = runJson([worker, stageDir, 'full']);
		full.push(out.addedMs);
		descriptions = out.descriptions;
		floor.push(runJson([worker, floorDir, 'full']).addedMs);
	}
	const result = { runs: COLD_RUNS, workflowMs: median(base), addedMs: median(full), floorMs: median(floor), descriptions, loadavg: os.loadavg()[0].toFixed(1) };
	const total = Object.values(descriptions).reduce((a, b) => a + b, 0);
	log(`descriptions: cliniko ${descriptions.cliniko} B, all nodes ${total} B; cold load +${result.addedMs.toFixed(1)} ms on top of n8n-workflow's ${result.workflowMs.toFixed(1)} ms`);
	return result;
}

// ---------------------------------------------------------------------------------------------
// 3. Rate limit; 4. Return All
// ---------------------------------------------------------------------------------------------

const RATE_ITEMS = 600;
const RATE_WINDOW_MS = 6000;
// One more run at Cliniko's real minute (about 3 minutes); BENCH_RATE_REAL_TIME=0 skips it.
const RATE_REAL_TIME = process.env.BENCH_RATE_REAL_TIME !== '0';

function benchRate() {
	const out = runJson(
		[path.join(__dirname, 'bench', 'cliniko-worker.js'), buildDir, 'rateLimit', String(RATE_ITEMS), String(RATE_WINDOW_MS), String(RUNS), String(RATE_REAL_TIME ? 60_000 : 0)],
		{ timeout: 20 * 60_000 },
	);
	out.runs.forEach((r, i) => log(`rate limit run ${i + 1}: ${(r.fraction * 100).toFixed(1)} % of the limit, ${r.limited} × 429, ${r.failedItems} failed`));
	log(`rate limit, items one by one: ${(out.sequential[0].fraction * 100).toFixed(1)} %`);
	if (out.realTime?.length) log(`rate limit at Cliniko's real minute: ${(out.realTime[0].fraction * 100).toFixed(1)} %`);
	for (const l of out.latency ?? []) log(`rate limit, +${l.latencyMs} ms round trip, ${l.readConcurrency} at a time: ${(l.fraction * 100).toFixed(1)} %`);
	return out;
}

const PATIENTS = 10_000;
// Loopback (the simulator's own time only), and a round trip as to an API in another region.
const LATENCIES = [0, 50];
function benchReturnAll() {
	const out = runJson([path.join(__dirname, 'bench', 'cliniko-worker.js'), buildDir, 'returnAll', String(PATIENTS), String(Math.max(RUNS, 5)), LATENCIES.join(','), String(SIM_PROCESSES)], { timeout: 30 * 60_000 });
	for (const c of out.conditions) {
		log(`return all ${c.nodeItems} patients, +${c.latencyMs} ms: node ${c.nodeMs.toFixed(0)} ms, fetch loop ${c.loopMs.toFixed(0)} ms, fetch 4 ahead ${c.aheadMs.toFixed(0)} ms`);
	}
	return out;
}

const GETS = 1000;
// Every real-n8n table runs in each n8n version the tests use (test/harness/versions.json: 1.x on the
// system Node, 2.x on its own Node). BENCH_N8N_FLAVOURS=n8n2 (or the older BENCH_N8N_FLAVOUR) narrows it.
const N8N_FLAVOURS = (process.env.BENCH_N8N_FLAVOURS ?? process.env.BENCH_N8N_FLAVOUR ?? Object.keys(require(path.join(root, 'test', 'harness', 'versions.json'))).join(','))
	.split(',')
	.map((f) => f.trim())
	.filter(Boolean);
// The Cliniko simulator of tables 4 and 4b answers from this many processes on one port (limiter off):
// one process answers one page at a time, which would cap a client reading pages in parallel.
const SIM_PROCESSES = Math.max(1, Number(process.env.BENCH_SIM_PROCESSES || os.cpus().length));

/** Tables 4b and 5 for one n8n version. */
function benchN8n(flavour) {
	const out = runJson([path.join(__dirname, 'bench', 'n8n-worker.js'), buildDir, flavour, String(PATIENTS), String(RUNS), String(GETS), String(SIM_PROCESSES)], {
		timeout: 30 * 60_000,
		env: { ...process.env, N8N_E2E_PACKAGE_DIR: stageDir },
	});
	log(`real n8n ${out.version}: Return All ours ${out.nodeMs} ms, HTTP Request ${out.httpMs} ms; ${GETS} Gets ours ${out.gets.ours.nodeMs} ms, HTTP Request ${out.gets.http.nodeMs} ms`);
	return { ...out, at: new Date().toISOString(), load: os.loadavg()[0].toFixed(1) };
}

// Table 6: two queue-mode workers, one credential, Cliniko's limit in real time (about 3 windows).
const QUEUE_PATIENTS = Number(process.env.BENCH_QUEUE_PATIENTS || 30_000);
function benchQueue(flavour) {
	const out = runJson([path.join(__dirname, 'bench', 'queue-worker.js'), buildDir, flavour, String(QUEUE_PATIENTS)], {
		timeout: 40 * 60_000,
		env: { ...process.env, N8N_E2E_PACKAGE_DIR: stageDir },
	});
	log(`queue mode, n8n ${out.version}: ${out.accepted} accepted, ${out.limited} × 429, ${out.failedItems} failed items, ${pct(out.fraction)} of the limit combined`);
	return { ...out, at: new Date().toISOString() };
}

// Issue 17's targets for the real-n8n rows.
const FAR_TARGET = 0.4;
const QUEUE_RATE_TARGET = 0.9;
// Saveris parsing to items, each format (CSV, NDJSON, each plain and gzip), at the largest size measured.
const SAVERIS_ROWS_TARGET = 300_000;
/** Loopback Return All vs the HTTP Request node: ≤ 0.6× against a simulator serving pages in parallel (0.5× was set for one process). */
const returnAllTarget = (n) => ((n.simProcesses ?? 1) > 1 ? 0.6 : 0.5);

/** Table 6's rate while the limit binds; none where no window before the last reached the limit (the clients, not the limit, set the pace). */
const queueBinding = (q) =>
	q.binding === undefined || !q.windows.slice(0, -1).some((w) => w.accepted >= q.limit) ? '– (the limit never bound)' : pct(q.binding);

/** The real-n8n figures by flavour; results.json of earlier runs kept one version's as `n8n`. */
function n8nByFlavour(results) {
	if (results.n8nByFlavour) return results.n8nByFlavour;
	return results.n8n ? { [results.n8n.flavour ?? 'n8n2']: results.n8n } : {};
}
const byVersion = (map) => Object.values(map ?? {}).sort((a, b) => String(a.flavour).localeCompare(String(b.flavour)));

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/** How the Cliniko simulator of tables 4 and 4b serves, and why (a sentence, ending in a full stop). */
function simServed(processes = 1, live = PATIENTS) {
	if (processes <= 1) return `holding ${fmt(live)} live patients, in one process of its own (a single Node process answers one request at a time).`;
	return `holding ${fmt(live)} live patients, served by ${processes} processes on one port (scripts/bench/sim-server.js: node:cluster, each process holding the same deterministic patients, seeded with the simulator's clock frozen and checked identical by a digest; the cluster primary hands each new connection to the next process in turn; limiter off, since each process would count its own budget). ` +
		'Why: a single Node process answers one page at a time (10–20 ms of its own CPU for a page of 100 out of 10,000), so it, not the client, set the pace of a client reading pages in parallel; a real API answers from many machines. ' +
		`Why ${processes}: this machine has ${processes === os.cpus().length ? processes : os.cpus().length} cores, and more processes than cores answer no more pages at once; those cores are shared with the client under test (n8n or the harness) and with whatever else runs on the machine, so pages are answered at most ${processes} at a time and the simulator still competes with the client for CPU: on a 2-core machine these loopback figures remain partly the simulator's.`;
}

function report(m, results, missing) {
	const lines = [];
	const p = (s = '') => lines.push(s);
	p('# Benchmarks');
	p();
	p(`Written by \`npm run bench\` (scripts/bench.js) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Benchmarks, not tests: nothing here is asserted.`);
	p(`Each figure is the median of ${RUNS} runs unless a table says otherwise. Largest Saveris file: ${results.saverisMaxMb ?? MAX_MB} MB (\`BENCH_MAX_MB\`).`);
	const stamps = Object.entries(results.measuredAt ?? {});
	if (stamps.length) {
		const names = { saveris: '1 (Saveris)', load: '2 (cold load, size)', descriptions: '2b (descriptions, cold load)', rate: '3 (rate limit)', cliniko: '4 (Return All)', n8n: '4b and 5 (real n8n)' };
		const name = (k) => names[k] ?? k.replace(/^n8n (\w+)$/, '4b and 5 (real $1)').replace(/^queue (\w+)$/, '6 (queue mode, $1)');
		p(`Tables measured (UTC, with the 1-minute load average at the end where recorded): ${stamps.map(([k, v]) => `${name(k)} ${v.at.slice(0, 16).replace('T', ' ')}${v.load ? `, load ${v.load}` : ''}`).join('; ')}.`);
	}
	p();
	const summary = [];
	if (results.rate?.runs) {
		const rs = results.rate.runs;
		const binding = rs.every((r) => r.sustained !== undefined) ? ` (${pct(median(rs.map((r) => r.sustained)))} while the limit binds, i.e. before the last window)` : '';
		const realTime = results.rate.realTime?.[0];
		const unscaled = realTime ? `; at Cliniko's real minute (unscaled) ${pct(realTime.fraction)}, ${realTime.limited} × 429, ${realTime.failedItems} failed` : '';
		summary.push(`Rate limit, minute scaled to ${results.rate.runs[0].windowMs / 1000} s: ${pct(median(rs.map((r) => r.fraction)))} of the limit over the whole run (target ≥ 95 %)${binding}, ${median(rs.map((r) => r.failedItems))} failed items (target 0), ${median(rs.map((r) => r.limited))} request(s) refused with 429 per run${unscaled}.`);
	}
	const loopback = results.returnAll?.conditions?.find((c) => c.latencyMs === 0);
	const far = results.returnAll?.conditions?.find((c) => c.latencyMs > 0);
	if (loopback) {
		summary.push(`Return All vs a bare fetch loop: ${ratio(loopback.nodeMs, loopback.loopMs)} on loopback (target ≤ 1.15×)${far ? `; ${ratio(far.nodeMs, far.loopMs)} with a ${far.latencyMs} ms round trip` : ''}.`);
	}
	const met = (ok) => (ok ? 'met' : 'not met');
	for (const n of byVersion(n8nByFlavour(results))) {
		const loop = n.returnAll?.find((c) => c.latencyMs === 0) ?? n;
		const farN8n = n.returnAll?.find((c) => c.latencyMs > 0);
		const loopTarget = returnAllTarget(n);
		summary.push(
			`Return All vs n8n's HTTP Request node with pagination, real n8n ${n.version}: loopback ${ratio(loop.nodeMs, loop.httpMs)} (simulator in ${n.simProcesses ?? 1} process${(n.simProcesses ?? 1) > 1 ? 'es' : ''}; target ≤ ${loopTarget}×: ${met(loop.nodeMs / loop.httpMs <= loopTarget)})` +
				(farN8n ? `; +${farN8n.latencyMs} ms round trip ${ratio(farN8n.nodeMs, farN8n.httpMs)} (target ≤ ${FAR_TARGET}×: ${met(farN8n.nodeMs / farN8n.httpMs <= FAR_TARGET)})` : '') +
				'.',
		);
		if (n.gets) {
			const g = n.gets;
			summary.push(
				`${fmt(g.items)} input items each doing one Get vs the HTTP Request node, real n8n ${n.version} (node time; target ≤ 1.0×): ` +
					(g.oursAll ? `with the credential's Reads at Once at ${fmt(g.oursAll.readsAtOnce)} (every item at once, as the HTTP Request node sends them) ${ratio(g.oursAll.nodeMs, g.http.nodeMs)} (${met(g.oursAll.nodeMs <= g.http.nodeMs)}); ` : '') +
					`at the default ${xtraKitReadConcurrency()} at a time ${ratio(g.ours.nodeMs, g.http.nodeMs)} (${met(g.ours.nodeMs <= g.http.nodeMs)}).`,
			);
		}
	}
	for (const q of byVersion(results.queue)) {
		summary.push(
			`Queue mode, two workers on one Cliniko credential, real n8n ${q.version}: ${fmt(q.failedItems)} failed items (target 0: ${met(q.failedItems === 0)}), ` +
				`${pct(q.fraction)} of the limit combined (target ≥ ${pct(QUEUE_RATE_TARGET)}: ${met(q.fraction >= QUEUE_RATE_TARGET)}), while the limit binds ${queueBinding(q)}; ${q.limited} request(s) refused with 429.`,
		);
	}
	if (results.saveris) {
		const big = results.saveris.filter((r) => r.sizeMb === Math.max(...results.saveris.map((x) => x.sizeMb)));
		const bin = big.filter((r) => r.mode === 'binary');
		const items = big.filter((r) => r.mode === 'items');
		summary.push(`Saveris at ${big[0].sizeMb} MB: items mode ${fmt(Math.min(...items.map((r) => r.rowsPerSecond)))}–${fmt(Math.max(...items.map((r) => r.rowsPerSecond)))} rows/s, peak RSS ≤ ${mb(Math.max(...items.map((r) => r.peakRss)))} MB; binary mode peak RSS ≤ ${mb(Math.max(...bin.map((r) => r.peakRss)))} MB.`);
		summary.push(
			`Saveris parsing to items at ${big[0].sizeMb} MB, each format: ${items.map((r) => `${r.format} ${r.gzip ? 'gzip' : 'plain'} ${fmt(r.rowsPerSecond)} rows/s`).join(', ')} (target ≥ ${fmt(SAVERIS_ROWS_TARGET)} each: ${met(items.every((r) => r.rowsPerSecond >= SAVERIS_ROWS_TARGET))}).`,
		);
	}
	if (results.descriptions) {
		const d = results.descriptions;
		const total = Object.values(d.descriptions).reduce((a, b) => a + b, 0);
		summary.push(
			`Node descriptions sent to the editor: Cliniko ${fmt(d.descriptions.cliniko)} bytes (target ≤ ${fmt(DESCRIPTION_TARGETS.cliniko)}: ${met(d.descriptions.cliniko <= DESCRIPTION_TARGETS.cliniko)}), all nodes ${fmt(total)} (target ≤ ${fmt(DESCRIPTION_TARGETS.total)}: ${met(total <= DESCRIPTION_TARGETS.total)}). ` +
				`Cold load added on top of n8n-workflow: ${d.addedMs.toFixed(1)} ms (n8n-workflow alone ${d.workflowMs.toFixed(1)} ms${d.floorMs !== undefined ? `; the floor, the same entry points holding only their data, ${d.floorMs.toFixed(1)} ms` : ''}; target ≤ ${COLD_TARGET_MS} ms: ${met(d.addedMs <= COLD_TARGET_MS)}).`,
		);
	}
	if (results.load) summary.push(`Cold load ${results.load.requireMs.toFixed(0)} ms; package ${fmt(results.load.packSize / 1024, 1)} KiB packed, ${results.load.entryCount} files.`);
	if (summary.length) {
		p('## Summary');
		p();
		for (const line of summary) p(`- ${line}`);
		p();
	}
	p('## Machine');
	p();
	p('| | |');
	p('|---|---|');
	p(`| CPU | ${m.cpu} |`);
	p(`| Cores | ${m.cores} |`);
	p(`| Memory | ${m.memoryGb} GB |`);
	p(`| OS | ${m.platform} |`);
	p(`| Node.js | ${m.node} |`);
	p(m.loadEnd
		? `| Load average (1/5/15 min) at start → end | ${m.loadStart} → ${m.loadEnd} (the machine is not reserved for the bench: other work raises the spread) |`
		: `| Load average (1/5/15 min) at start | ${m.loadStart} (the machine is not reserved for the bench: other work raises the spread) |`);
	p(`| n8n-core / n8n-workflow (tier-2 harness) | ${m.n8nCore} / ${m.n8nWorkflow} |`);
	if (m.n8nVersions) p(`| n8n versions for tier 3 (test/harness/versions.json; tables 4b, 5 and 6 run in each) | ${m.n8nVersions} |`);
	p();

	if (results.saveris) {
		p('## 1. Saveris result files: parsing rate and peak memory');
		p();
		p('How measured: measurement-export files generated once into the temp folder (CSV with every value quoted as Athena writes it, and NDJSON; ' +
			'sizes are of the uncompressed text, the `.gz` files are gzip level 6 of the same text). Each measurement is a fresh `node` process reading the file from disk. ' +
			'**items** = the node\'s parsing path (`parseFile`: gunzip via `DecompressionStream` when the magic bytes say so → UTF-8 decode → CSV/NDJSON records → `typeRow` by the resource\'s columns), every row parsed and typed, then dropped (the streaming cost; ' +
			'the node itself then keeps the rows as n8n items, which n8n needs in memory whatever the source). ' +
			'**binary** = the node\'s binary output path: the download stream handed as is (no gunzip, no parsing) to a file sink, as n8n\'s `prepareBinaryData` does in filesystem binary-data mode. ' +
			'Peak RSS = max of `process.memoryUsage().rss` sampled every 20 ms and `resourceUsage().maxRSS`; peak heap = max sampled `heapUsed`. A fresh process idles at about ' +
			`${mb(median(results.saveris.map((r) => r.baseRss)))} MB RSS.`);
		p();
		p('| Size | Format | Compressed | Mode | File size | Rows | Time (s) | Rows/s | MB/s (file) | Peak RSS (MB) | Peak heap (MB) |');
		p('|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
		for (const r of results.saveris) {
			p(`| ${r.sizeMb} MB | ${r.format} | ${r.gzip ? 'gzip' : 'plain'} | ${r.mode} | ${mb(r.fileBytes)} MB | ${r.mode === 'items' ? fmt(r.rows) : '–'} | ${r.seconds.toFixed(2)} | ${r.rowsPerSecond ? fmt(r.rowsPerSecond) : '–'} | ${r.mbPerSecond.toFixed(1)} | ${mb(r.peakRss)} | ${mb(r.peakHeap)} |`);
		}
		p();
	}

	if (results.load) {
		const l = results.load;
		p('## 2. Package cold load and size');
		p();
		p(`How measured: a fresh \`node\` process requires every file of package.json's \`n8n\` block (${l.files} files: credentials and nodes) from dist/; median of 5. ` +
			'"require" is the time inside the process from its first line to the last require; "process" is the whole spawn-to-exit wall time, next to a bare `node -e 0` for scale. ' +
			'Package size from `npm pack --dry-run --json`.');
		p();
		p('| Figure | Value |');
		p('|---|---:|');
		p(`| require of all ${l.files} node + credential files | ${l.requireMs.toFixed(0)} ms |`);
		p(`| whole process (spawn → exit) | ${l.wallMs.toFixed(0)} ms |`);
		p(`| bare \`node -e 0\` process, for scale | ${l.bareMs.toFixed(0)} ms |`);
		p(`| packed size (.tgz) | ${fmt(l.packSize / 1024, 1)} KiB |`);
		p(`| unpacked size | ${fmt(l.unpackedSize / 1024, 1)} KiB |`);
		p(`| files in the package | ${l.entryCount} |`);
		p();
	}

	if (results.descriptions) {
		const d = results.descriptions;
		const sizes = Object.entries(d.descriptions).sort((a, b) => b[1] - a[1]);
		const total = sizes.reduce((a, [, b]) => a + b, 0);
		const met = (ok) => (ok ? 'met' : 'not met');
		p('## 2b. Node descriptions and cold load (issue 17)');
		p();
		p('n8n sends every node\'s description to every editor that opens, as JSON: its size is `JSON.stringify(description).length` of each node of the staged build. ' +
			'Identical fields of several operations share one definition (nodes/shared/compact.ts), Cliniko\'s filter and sort field lists load per operation, ' +
			'and every node\'s parameters are built ahead (scripts/generate-descriptions.js); docs/ARCHITECTURE.md says how.');
		p();
		p('| Node | Description (bytes) | Target |');
		p('|---|---:|---|');
		for (const [name, size] of sizes) {
			p(`| ${name} | ${fmt(size)} | ${name === 'cliniko' ? `≤ ${fmt(DESCRIPTION_TARGETS.cliniko)}: ${met(size <= DESCRIPTION_TARGETS.cliniko)}` : ''} |`);
		}
		p(`| **all nodes** | **${fmt(total)}** | ≤ ${fmt(DESCRIPTION_TARGETS.total)}: ${met(total <= DESCRIPTION_TARGETS.total)} |`);
		p();
		p(`Cold load: median of ${d.runs} fresh \`node\` processes each (scripts/bench/coldload-worker.js): the time to require n8n-workflow alone, and the time added after it by requiring and instantiating every node and credential of the package, as n8n loads it. ` +
			`The machine's 1-minute load average was ${d.loadavg} at the end: on a busy machine both figures grow, so compare the ratio between runs. ` +
			'What n8n loads at start is the node and credential classes from one bundle per provider folder and one shared (scripts/bundle.js, about 90 KB of JavaScript) and the nodes\' parameters as JSON (generated/properties.json); a node\'s operation tables, executor and methods, and a trigger\'s poll code, load when first used, from each folder\'s bundle-run.js (docs/ARCHITECTURE.md). ' +
				'The floor, measured alternately with the package: the same entry points, each a class holding only what our instances hold as data (descriptions, credential fields), parsed from JSON when instantiated: what n8n must read of any package that offers these nodes and credentials.');
		p();
		p('| Figure | Value |');
		p('|---|---:|');
		p(`| require n8n-workflow alone | ${d.workflowMs.toFixed(1)} ms |`);
		p(`| added by the package (require + instantiate every node and credential) | ${d.addedMs.toFixed(1)} ms |`);
		p(`| added ÷ n8n-workflow | ${(d.addedMs / d.workflowMs).toFixed(2)} |`);
		if (d.floorMs !== undefined) {
			p(`| the floor: the same entry points holding only their data | ${d.floorMs.toFixed(1)} ms |`);
			p(`| the package above the floor (its code) | ${(d.addedMs - d.floorMs).toFixed(1)} ms |`);
		}
		p(`| target | ≤ ${COLD_TARGET_MS} ms added on a quiet machine: ${met(d.addedMs <= COLD_TARGET_MS)} in this run |`);
		p();
	}

	if (results.rate?.runs) {
		const runs = results.rate.runs;
		const seq = results.rate.sequential?.[0];
		const r0 = runs[0];
		const windows = (r) => r.sendMs.map((ms) => (ms / 1000).toFixed(2)).join(' / ');
		p('## 3. Throughput under a provider rate limit (Cliniko, 200 requests a minute)');
		p();
		p(`How measured: the Cliniko simulator, in a process of its own, enforces 200 requests per window (fixed window, per key) with the minute scaled down to ${r0.windowMs / 1000} s, ` +
			`and \`setPacingTimeScale(${r0.scale})\` scales the node's own pacer equally. The Cliniko node (User → Get Current, On Error: Continue) runs over ${r0.items} input items ` +
			`(${Math.ceil(r0.items / r0.limit)} windows' worth) through the tier-2 harness (n8n-core's WorkflowExecute), Gets ${r0.readConcurrency} at a time as the node does (\`readConcurrency\`). Requests are counted at the simulator. ` +
			'Achieved rate = requests / (first-to-last arrival + one window): every window may hold at most 200, so a client that sent each window\'s 200 at the very instant it opens would score 100 %; ' +
			'a real client spends some time sending them, and in the last window that time is not made up by anything, so that time (the "send" column) is what this figure loses. ' +
			'That sending time is CPU in n8n\'s request path (a new connection per request, the credential\'s expressions resolved per request; our own code is a small part of it), so on this shared 2-core machine the whole-run figure moves with the load (a run at a load average of 5–7 gave 92–94 %). ' +
			'"Window starts" are the first arrivals of windows 2 and 3 after the run\'s first: 6.00 s apart is a pacer that wastes nothing at the window boundary; "rate while the limit binds" is 200 requests per such interval (windows 1 and 2), the rate a long run tends to. ' +
			'"429s" are requests the simulator refused (the node waits and retries them, so they do not fail an item); failed items are output items carrying an error. ' +
			`${runs.length} runs, each shown, median last; then, where shown, one run at Cliniko's real minute (simulator window 60 s, pacer unscaled: what a real account gets, where the time spent sending weighs a tenth as much), one run with every item waiting for the one before it, for scale, and one run of each with every answer held 25 ms by the simulator (a round trip scaled like the minute: 250 ms at the real minute, about Europe to au1), where a client waiting for each answer before the next request cannot spend the budget at all. ` +
			'The server here sends no X-RateLimit-Remaining (Cliniko documents only X-RateLimit-Reset, on a 429), so the pacer runs on its own log; where a provider sends Remaining with its documented Limit, the pacer also counts what others spent of the budget.');
		p();
		const sustained = (r) => (r.sustained === undefined ? '–' : pct(r.sustained));
		p('| Run | Items at once | Requests | 429s | Failed items | Window starts (s) | Send time per window (s) | First→last arrival (s) | Rate while the limit binds | Achieved rate, whole run (of limit) |');
		p('|---|---:|---:|---:|---:|---|---|---:|---:|---:|');
		runs.forEach((r, i) => p(`| ${i + 1} | ${r.readConcurrency} | ${r.requests} | ${r.limited} | ${r.failedItems} | ${r.windowStarts.slice(1).map((x) => (x / 1000).toFixed(2)).join(' / ')} | ${windows(r)} | ${(r.spanMs / 1000).toFixed(2)} | ${sustained(r)} | ${pct(r.fraction)} |`));
		p(`| **median** | | | ${median(runs.map((r) => r.limited))} | ${median(runs.map((r) => r.failedItems))} | | | ${(median(runs.map((r) => r.spanMs)) / 1000).toFixed(2)} | ${runs.every((r) => r.sustained !== undefined) ? pct(median(runs.map((r) => r.sustained))) : '–'} | **${pct(median(runs.map((r) => r.fraction)))}** (target ≥ 95 %) |`);
		for (const l of results.rate.latency ?? []) {
			p(`| +${l.latencyMs} ms round trip (${l.latencyMs * 10} ms unscaled) | ${l.readConcurrency} | ${l.requests} | ${l.limited} | ${l.failedItems} | ${l.windowStarts.slice(1).map((x) => (x / 1000).toFixed(2)).join(' / ')} | ${windows(l)} | ${(l.spanMs / 1000).toFixed(2)} | ${sustained(l)} | ${pct(l.fraction)} |`);
		}
		for (const rt of results.rate.realTime ?? []) {
			p(`| real time (${rt.windowMs / 1000} s window, unscaled) | ${rt.readConcurrency} | ${rt.requests} | ${rt.limited} | ${rt.failedItems} | ${rt.windowStarts.slice(1).map((x) => (x / 1000).toFixed(2)).join(' / ')} | ${windows(rt)} | ${(rt.spanMs / 1000).toFixed(2)} | ${sustained(rt)} | ${pct(rt.fraction)} |`);
		}
		if (seq) p(`| one by one | 1 | ${seq.requests} | ${seq.limited} | ${seq.failedItems} | ${seq.windowStarts.slice(1).map((x) => (x / 1000).toFixed(2)).join(' / ')} | ${windows(seq)} | ${(seq.spanMs / 1000).toFixed(2)} | ${sustained(seq)} | ${pct(seq.fraction)} |`);
		p();
	}

	if (results.returnAll?.conditions) {
		const r = results.returnAll;
		p(`## 4. Return All of ${fmt(r.live)} Cliniko patients`);
		p();
		p(`How measured: the Cliniko simulator, apart from the client (as a real API is: its work does not run on the client's thread), ${simServed(r.simProcesses, r.live)} ` +
			'**Our node**: Patient → Get Many, Return All, run through the tier-2 harness (a real n8n-core `WorkflowExecute`, requests over HTTP with n8n\'s own request helper), timed by the harness around `WorkflowExecute.run`; its pacer is time-scaled 1000× so that the 200-a-minute budget spent by earlier runs never holds a request back (table 3 is about that). ' +
			`The node reads page 1, then (Cliniko numbers its pages and states \`total_entries\`) the next pages ${r.concurrency} at a time, in order, each page's own \`links.next\` checked against the page read after it. ` +
			'**fetch loop**: a bare `fetch` loop over the same pages (`per_page=100`, following `links.next`, `await response.json()`): the physical limit of the one-link-at-a-time walk, which the ≤ 1.15× target is set against. ' +
			`**fetch, ${r.concurrency} ahead**: the same bare loop reading ${r.concurrency} pages at a time as the node does: the physical limit of what the node does. ` +
			'Two network conditions: loopback (the simulator\'s own time per page only), and every answer held 50 ms by the simulator (its `latency` fault), as a round trip to an API in another region would. ' +
			`"Same records" = the node's output is the fetch loop's records, in the same order. One warm-up of each, then ${r.conditions[0].nodeRuns.length} alternating runs; medians.`);
		p();
		p('| Round trip | Client | Items | Requests | Time (ms, median) | Ratio to fetch loop | Ratio to fetch, ahead |');
		p('|---|---|---:|---:|---:|---:|---:|');
		for (const c of r.conditions) {
			const rt = c.latencyMs === 0 ? 'loopback' : `+${c.latencyMs} ms`;
			p(`| ${rt} | Our Cliniko node (n8n-core) | ${fmt(c.nodeItems)} | ${c.requests} | ${fmt(c.nodeMs)} | **${ratio(c.nodeMs, c.loopMs)}**${c.latencyMs === 0 ? ' (target ≤ 1.15×)' : ''} | ${ratio(c.nodeMs, c.aheadMs)} |`);
			p(`| ${rt} | Bare \`fetch\` loop | ${fmt(c.loopItems)} | ${c.requests} | ${fmt(c.loopMs)} | 1.00× | ${ratio(c.loopMs, c.aheadMs)} |`);
			p(`| ${rt} | Bare \`fetch\`, ${r.concurrency} ahead | ${fmt(c.aheadItems)} | ${c.requests} | ${fmt(c.aheadMs)} | ${ratio(c.aheadMs, c.loopMs)} | 1.00× |`);
		}
		p();
		for (const c of r.conditions) {
			p(`Runs (ms), ${c.latencyMs === 0 ? 'loopback' : `+${c.latencyMs} ms`}: node ${c.nodeRuns.map((x) => x.toFixed(0)).join(', ')}; fetch loop ${c.loopRuns.map((x) => x.toFixed(0)).join(', ')}; fetch ahead ${c.aheadRuns.map((x) => x.toFixed(0)).join(', ')}. Same records as the fetch loop, in order: ${c.sameAsWalk ? 'yes' : '**no**'}.`);
			p();
		}
	}

	const n8nRuns = byVersion(n8nByFlavour(results));
	if (n8nRuns.length) {
		const n0 = n8nRuns[0];
		const versions = n8nRuns.map((n) => n.version).join(' and ');
		p(`## 4b. Return All of ${fmt(n0.live)} Cliniko patients in real n8n ${versions}: our node vs the HTTP Request node`);
		p();
		p(`How measured: per n8n version one real n8n server (tier-3 harness, test/harness/n8n.ts: SQLite, our package as a custom extension, built from the current source into a staging folder; n8n 1.x on the system Node, 2.x on its own Node, as test/harness/versions.json says), the Cliniko simulator with its limiter off, ${simServed(n0.simProcesses, n0.live)} ` +
			'Workflow A: Manual Trigger → our Cliniko node, Patient → Get Many, Return All. ' +
			'Workflow B, what a user builds without us: Manual Trigger → HTTP Request (GET `/patients?per_page=100`, Authorization / User-Agent / Accept as headers, ' +
			'pagination "Response Contains Next URL" with Next URL `{{ $response.body.links.next }}`, complete when `{{ !$response.body.links.next }}`) → Split Out `patients` (one item per patient, as our node gives). ' +
			'Each started as the editor\'s "Execute workflow" does (`POST /rest/workflows/:id/run`); the figure is n8n\'s own execution time (startedAt → stoppedAt). ' +
			`Loopback, and every answer held 50 ms by the simulator as in table 4. Per condition one warm-up of each, then ${n0.nodeRuns.length} alternating runs; medians. Our node paces per credential for the life of the n8n process (200 requests a minute), so each of its runs uses a credential of its own: no run waits for budget an earlier one spent. ` +
			`Targets (issue 17): loopback ≤ 0.6× against a simulator serving pages in parallel (≤ 0.5× where a run's simulator was one process), +50 ms ≤ ${FAR_TARGET}×.`);
		p();
		p('| n8n | Round trip | Workflow | Requests | Execution time (ms, median) | Ratio to HTTP Request | Target |');
		p('|---|---|---|---:|---:|---:|---|');
		for (const n of n8nRuns) {
			for (const c of n.returnAll ?? [{ ...n, latencyMs: 0 }]) {
				const rt = c.latencyMs === 0 ? `loopback (simulator: ${n.simProcesses ?? 1} process${(n.simProcesses ?? 1) > 1 ? 'es' : ''})` : `+${c.latencyMs} ms`;
				const target = c.latencyMs === 0 ? returnAllTarget(n) : FAR_TARGET;
				p(`| ${n.version} | ${rt} | Our Cliniko node | ${c.nodeRequests} | ${fmt(c.nodeMs)} | **${ratio(c.nodeMs, c.httpMs)}** | ≤ ${target}×: ${met(c.nodeMs / c.httpMs <= target)} |`);
				p(`| ${n.version} | ${rt} | HTTP Request with pagination + Split Out | ${c.httpRequests} | ${fmt(c.httpMs)} | 1.00× | |`);
			}
		}
		p();
		for (const n of n8nRuns) {
			for (const c of n.returnAll ?? [{ ...n, latencyMs: 0 }]) {
				p(`Runs (ms), n8n ${n.version}, ${c.latencyMs === 0 ? 'loopback' : `+${c.latencyMs} ms`}: our node ${c.nodeRuns.map((x) => x.toFixed(0)).join(', ')}; HTTP Request ${c.httpRuns.map((x) => x.toFixed(0)).join(', ')}.`);
				p();
			}
		}
	}

	const getsRuns = n8nRuns.filter((n) => n.gets);
	if (getsRuns.length) {
		const g0 = getsRuns[0].gets;
		const row = (n, label, x) =>
			`| ${n.version} | ${label} | ${fmt(median(x.runs.map((r) => r.requests)))} | ${fmt(median(x.runs.map((r) => r.items)))} | ${median(x.runs.map((r) => r.failed))} | ${fmt(x.nodeMs)} | ${fmt(x.ms)} | ${x === n.gets.http ? '1.00×' : `**${ratio(x.nodeMs, n.gets.http.nodeMs)}** (≤ 1.0×: ${met(x.nodeMs <= n.gets.http.nodeMs)})`} |`;
		p(`## 5. ${fmt(g0.items)} input items each doing one Get in real n8n ${getsRuns.map((n) => n.version).join(' and ')}: our node vs the HTTP Request node`);
		p();
		p(`How measured: the same n8n server as 4b (per version), the XtraKit simulator (in a process of its own). Both workflows: Manual Trigger → Edit Fields (a literal list of ${fmt(g0.items)} customer IDs) → Split Out → the Get node under test. ` +
			`**Our node**: XtraKit, Customer → Get, the ID from \`{{ $json.ids }}\`, in two workflows that differ only in the credential: one as a user gets it (Reads at Once left at 0: Gets ${xtraKitReadConcurrency()} at a time, the XtraKit provider's \`readConcurrency\`), one with the credential's **Reads at Once** at ${fmt(g0.oursAll?.readsAtOnce ?? g0.items)}, i.e. every item at once, as the HTTP Request node sends them; both keep item order. ` +
			'**HTTP Request node**: GET `…/customers/{{ $json.ids }}` with the key as an Authorization header, n8n\'s defaults otherwise (it sends every item\'s request at once: no batching); it outputs XtraKit\'s envelope as is, where ours outputs the customer record. ' +
			'Why XtraKit and not Cliniko: in real n8n our Cliniko node paces itself at Cliniko\'s documented 200 requests a minute (n8n never compresses time), so 1,000 Cliniko Gets take at least 5 minutes by design, while an unpaced HTTP Request node against a limiter-off simulator measures nothing a real Cliniko account would allow; XtraKit documents no limit, so neither side waits for anything but the server, and the comparison is of per-item overhead and request scheduling. ' +
			`"Node time" is n8n's own executionTime of the Get node (runData); "execution" is the whole run (startedAt → stoppedAt). One warm-up of each, then ${g0.ours.runs.length} runs taking the workflows in turn; medians. Target (issue 17): ≤ 1.0× in each version. ` +
			'XtraKit documents no rate limit, so how many reads to send at once is the account owner\'s choice (the credential\'s Reads at Once, up to 1,000); the node\'s own default stays at a polite bound.');
		p();
		p('| n8n | Get node | Requests | Items out | Failed items | Node time (ms, median) | Execution (ms, median) | Ratio to HTTP Request (node time) |');
		p('|---|---|---:|---:|---:|---:|---:|---:|');
		for (const n of getsRuns) {
			if (n.gets.oursAll) p(row(n, `Our XtraKit node, Reads at Once ${fmt(n.gets.oursAll.readsAtOnce)}`, n.gets.oursAll));
			p(row(n, `Our XtraKit node, default (${xtraKitReadConcurrency()} at a time)`, n.gets.ours));
			p(row(n, 'HTTP Request node', n.gets.http));
		}
		p();
		for (const n of getsRuns) {
			p(
				`Runs, node time (ms), n8n ${n.version}: ` +
					(n.gets.oursAll ? `our node at Reads at Once ${fmt(n.gets.oursAll.readsAtOnce)} ${n.gets.oursAll.runs.map((r) => r.nodeMs).join(', ')}; ` : '') +
					`our node at the default ${n.gets.ours.runs.map((r) => r.nodeMs).join(', ')}; HTTP Request ${n.gets.http.runs.map((r) => r.nodeMs).join(', ')}.`,
			);
			p();
		}
	}

	const queueRuns = byVersion(results.queue);
	if (queueRuns.length) {
		const q0 = queueRuns[0];
		p(`## 6. Queue mode: two workers running Cliniko Return All at once on one credential, in real n8n ${queueRuns.map((q) => q.version).join(' and ')}`);
		p();
		p(`How measured: per n8n version, n8n in queue mode with the harness the tests use (test/harness/queue.ts): a Redis of its own, one main (\`n8n start\`) and ${q0.workers} workers (\`n8n worker --concurrency=${q0.concurrency}\`, so each takes one execution), sharing our package and one ${q0.database ?? 'SQLite'} database` +
			(q0.database === 'PostgreSQL'
				? ' (a throwaway server, durability off; not the harness\'s SQLite: two workers saving executions of tens of MB at once into one SQLite file failed one of them with "SQLITE_BUSY: database is locked", since n8n sets no busy timeout, and n8n says queue mode wants PostgreSQL). '
				: '. ') +
			`Two workflows, each Manual Trigger → our Cliniko node (Patient → Get Many, Return All, On Error: Continue), on the same credential, started at once (two \`POST /rest/workflows/:id/run\` together; runs from the editor go to the workers, OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS). ` +
			`Each execution reads all ${fmt(q0.patientsPerExecution)} patients (${q0.pagesPerExecution} pages of 100): ${fmt(2 * q0.pagesPerExecution)} requests against a budget of ${q0.limit} per ${q0.windowMs / 1000} s, so the run spans about ${Math.ceil((2 * q0.pagesPerExecution) / q0.limit)} window${Math.ceil((2 * q0.pagesPerExecution) / q0.limit) === 1 ? '' : 's'}. ` +
			`The Cliniko simulator, one process (its limiter must see every request), enforces Cliniko's documented limit in real time (n8n never scales the minute): ${q0.limit} requests per ${q0.windowMs / 1000} s per key, fixed window opened by a key's first request, past it 429 with \`X-RateLimit-Reset\` (research/cliniko.md §5). ` +
			'Requests are counted at the simulator: accepted (200) and refused (429). Combined achieved rate = accepted / (first → last accepted arrival + one window), as table 3 defines it (100 % = the whole budget of every window); ' +
			'"while the limit binds" = what the windows before the last accepted, per window length between the first window\'s start and the last\'s (the windows are rebuilt from the log as the limiter opens them). ' +
			'Failed items: the patients the API lists that an execution\'s output lacks (an error item, or an execution that stopped, delivers none of them); each execution\'s status is given below. ' +
			'Which worker ran which execution: main logs `Enqueued execution <id> (job <job>)`, the worker that ran it `Worker started execution <id> (job <job>)`; both lines are quoted below. One run per version (a few minutes each).');
		p();
		p('| n8n | Requests | Accepted | 429s | Failed items | Items out | First→last accepted (s) | Rate while the limit binds | Combined achieved rate (of limit) | Targets |');
		p('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
		for (const q of queueRuns) {
			p(`| ${q.version} | ${q.requests} | ${q.accepted} | ${q.limited} | ${fmt(q.failedItems)} | ${q.executions.map((e) => fmt(e.items)).join(' + ')} | ${(q.spanMs / 1000).toFixed(1)} | ${queueBinding(q)} | **${pct(q.fraction)}** | 0 failed: ${met(q.failedItems === 0)}; ≥ ${pct(QUEUE_RATE_TARGET)}: ${met(q.fraction >= QUEUE_RATE_TARGET)} |`);
		}
		p();
		for (const q of queueRuns) {
			p(`n8n ${q.version} (load average ${q.loadavg} at the end): windows (start s after the first request: accepted / 429${q.windows[0].sendMs === undefined ? '' : ', first request → last accepted s'}) ${q.windows.map((w) => `${(w.startMs / 1000).toFixed(1)}: ${w.accepted} / ${w.limited}${w.sendMs === undefined ? '' : `, ${(w.sendMs / 1000).toFixed(1)}`}`).join('; ')}. ` +
				`Executions: ${q.executions.map((e, i) => `${e.executionId} ${e.status} in ${(e.ms / 1000).toFixed(1)} s, ${fmt(e.items)} items${e.failedItems ? `, ${fmt(e.failedItems)} failed (${e.errorMessage ?? 'no message'})` : ''}, ran on ${q.placement[i].ranOn.length === 1 ? `worker ${q.placement[i].ranOn[0]}` : `**${q.placement[i].ranOn.join(', ') || 'no worker found'}**`}`).join('; ')}. ` +
				`Log lines: ${q.placement.map((x) => (x.evidence.length ? x.evidence.join(', ') : `none for ${x.executionId}`)).join('; ')}.` +
				(new Set(q.placement.map((x) => x.ranOn.join())).size === q.placement.length && q.placement.every((x) => x.ranOn.length === 1) ? ' Each execution ran on a different worker.' : ' **The executions did not run on two different workers.**'));
			p();
		}
	}

	const notes = missedTargets(results);
	if (notes.length) {
		p('## Targets missed, and why');
		p();
		for (const note of notes) p(`- ${note}`);
		p();
	}

	if (missing.length) {
		p('## Not measured yet');
		p();
		for (const m2 of missing) p(`- ${m2}`);
		p();
	}
	fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
	fs.writeFileSync(resultsFile, lines.join('\n'));
	log('wrote', path.relative(root, resultsFile));
}

/** The XtraKit node's default reads in flight (nodes/XtraKit/transport/reads.ts), as the report describes table 5. */
function xtraKitReadConcurrency() {
	const source = fs.readFileSync(path.join(root, 'nodes', 'XtraKit', 'transport', 'reads.ts'), 'utf8');
	return /\bXTRAKIT_READS_AT_ONCE\s*=\s*(\d{1,3});/.exec(source)?.[1] ?? '(see nodes/XtraKit/transport/reads.ts)';
}

/** What the profiles of these runs showed about each target the figures miss (checked against the figures). */
function missedTargets(results) {
	const notes = [];
	const rs = results.rate?.runs;
	if (rs && median(rs.map((r) => r.fraction)) < 0.95) {
		const send = median(rs.flatMap((r) => r.sendMs));
		notes.push(
			`Rate limit (${pct(median(rs.map((r) => r.fraction)))} < 95 %): the pacer wastes almost nothing where the limit binds (windows open ${(median(rs.map((r) => r.windowStarts[1])) / 1000).toFixed(2)} s apart for a 6 s window, ${pct(median(rs.map((r) => r.sustained ?? 0)))} of the limit) and no request was refused; ` +
				`what the whole-run figure loses is the time it takes to send the last window's 200 requests (${(send / 1000).toFixed(2)} s median), which nothing follows. That is CPU in n8n's request path, about 5 ms a request on this shared 2-core machine: ` +
				'n8n opens a new connection for every request (it builds a fresh http.Agent per call), and resolves the credential\'s `authenticate` expressions (`={{$credentials.apiKey}}`, the User-Agent) for every request, about 1 ms in n8n-core and more in n8n 2.x, where expressions run in an isolated-vm sandbox; our own code is under 0.05 ms of it. ' +
				'Four Gets at a time cannot shorten CPU-bound sending on a loaded 2-core machine (the one-by-one row is level with it) but do where a round trip is paid per request (the +25 ms rows). ' +
				'Scaling the minute by 10 makes that sending time weigh 10 times as much as at the real minute, where the same node reaches the row "real time". ' +
				'What would still help: a function `authenticate` in the Cliniko credential (no expression to evaluate per request).',
		);
	}
	for (const n of byVersion(n8nByFlavour(results))) {
		const loop = n.returnAll?.find((c) => c.latencyMs === 0) ?? n;
		const target = returnAllTarget(n);
		if (loop.nodeMs / loop.httpMs <= target) continue;
		const t4 = results.returnAll?.conditions?.find((c) => c.latencyMs === 0);
		const processes = n.simProcesses ?? 1;
		notes.push(
			`Return All vs the HTTP Request node in real n8n ${n.version} (${ratio(loop.nodeMs, loop.httpMs)} on loopback > ${target}×): both wait on the same simulator, ` +
				(processes > 1
					? `here ${processes} processes on this machine's ${os.cpus().length} cores, which they share with n8n itself; `
					: 'a single process; ') +
				`a page of 100 out of 10,000 rows costs the simulator ${t4 ? `about ${Math.round(t4.aheadMs / t4.requests)} ms` : 'tens of ms'} of CPU (the bare fetch reading 4 pages at a time in table 4 takes ${t4 ? `${fmt(t4.aheadMs)} ms` : 'as long'}), so reading pages 4 at a time cannot go below what the cores left to the simulator allow, ` +
				'while the HTTP Request node adds its own per-page work on top of the same floor. n8n itself then spends time on the 10,000 items that no node saves (it serialises the run\'s data with `flatted`: about 0.7 s a run in a profile of n8n, for both workflows). ' +
				'A CPU profile of n8n 2.41 running our node\'s Return All on loopback (2026-12-07, three runs, an inspector profile of the n8n process): the process sat idle, waiting for the simulator\'s pages, up to 0.7 s a run (the short gaps between runs included); n8n\'s saving of the run\'s data about 0.55 s (its `flatted` serialisation and SQLite); axios turning the 100 answers into JSON about 0.1 s; our own code about 0.1 s, two thirds of it the redaction walk over every value of the 10,000 records, since made about 4 times faster (texts shorter than the credential\'s shortest secret form are passed over): what is left of the node\'s own share is tens of milliseconds, and the rest is the simulator\'s and n8n\'s. ' +
				'With a round trip per page, as against any real Cliniko shard, the gap opens: see the +50 ms row.',
		);
	}
	const slowGets = byVersion(n8nByFlavour(results)).filter((n) => n.gets && n.gets.ours.nodeMs > n.gets.http.nodeMs);
	if (slowGets.length) {
		const g = slowGets[0].gets;
		const all = slowGets.filter((n) => n.gets.oursAll);
		notes.push(
			`${fmt(g.items)} Gets at the XtraKit node's default of ${xtraKitReadConcurrency()} reads at a time (${slowGets.map((n) => `n8n ${n.version}: ${ratio(n.gets.ours.nodeMs, n.gets.http.nodeMs)}`).join(', ')} the HTTP Request node's time; target ≤ 1.0×, issue 17)` +
				(all.length ? `; with the credential's Reads at Once at every item, as the HTTP Request node sends them: ${all.map((n) => `n8n ${n.version}: ${ratio(n.gets.oursAll.nodeMs, n.gets.http.nodeMs)}`).join(', ')}` : '') +
				'. The difference between the two rows of our node is the number in flight alone, and that number is a setting: XtraKit documents no rate limit, so the node does not send a thousand requests at once to a small provider unless its account\'s owner says so (Reads at Once, up to 1,000), as n8n\'s own nodes mostly run items one by one. ' +
				'Why the number matters this much here (profiles of n8n 1.123 serving these runs, 2026-12-07, an inspector CPU profile of the n8n process): both nodes go through n8n\'s request helper, which makes a new HTTP agent, so a new TCP connection, for every request (n8n-core 1.x `setAxiosAgents`, 2.x `@n8n/backend-network`), and on a 2-core machine shared with the simulator the time per item is CPU. In those profiles (sampled every 0.25 ms, which inflates every figure alike), at 8 in flight n8n\'s process spent about 0.17 ms an item in the kernel\'s connect alone (the loopback handshake runs inside the call) against 0.04 ms when every request is opened at once, when the handshakes are processed in bulk; n8n\'s modern `httpRequest` helper, which a community node must use, also costs more than the legacy `request` the HTTP Request node calls (it merges the axios configuration twice, once more for its allowed-domains check, and parses the JSON answer in axios): about 0.25 ms an item more. Our own code: about 0.15 ms an item (the request deadline, the answer\'s redaction walk, building the request, the record unwrap), which the runs at every item at once show is more than made up. ' +
				'Also changed for this (2026-12-07): the next read now starts as soon as any read answers, not only when the awaited one does (one slow answer held the whole window still); at 8 in flight the bench did not move measurably. Earlier (2026-12-07; 3.34× before): the credential read and decrypted once per run instead of for every request, a function `authenticate` instead of an expression resolved per request, the ID expression evaluated once per item, Resource and Operation read once per run, the node copied once per run, the locator read without n8n\'s extractValue. ' +
				`At ${xtraKitReadConcurrency()} in flight a run pays a round trip about ${Math.round(g.items / Number(xtraKitReadConcurrency()))} times over, one after another, so whatever delays a round trip on this 2-core machine (the simulator or n8n waiting for a core) shows that many times: in this run the default's node times spread over ` +
				slowGets.map((n) => `${fmt(Math.min(...n.gets.ours.runs.map((r) => r.nodeMs)))}–${fmt(Math.max(...n.gets.ours.runs.map((r) => r.nodeMs)))} ms (n8n ${n.version})`).join(' and ') +
				(all.length ? `, the every-item runs over ${all.map((n) => `${fmt(Math.min(...n.gets.oursAll.runs.map((r) => r.nodeMs)))}–${fmt(Math.max(...n.gets.oursAll.runs.map((r) => r.nodeMs)))} ms`).join(' and ')}` : '') +
				'.',
		);
	}
	const d = results.descriptions;
	if (d && d.addedMs > COLD_TARGET_MS) {
		notes.push(
			`Cold load (${d.addedMs.toFixed(1)} ms added on top of n8n-workflow > ${COLD_TARGET_MS} ms; 103 ms on 2026-12-07 before the bundles, 38–43 ms on the idle machine before what n8n loads at start was split from what a run loads): ` +
				(d.floorMs !== undefined ? `${d.floorMs.toFixed(1)} ms of it is the floor measured beside it (the same entry points holding only their data: Node finding and reading 14 files, parsing the descriptions n8n holds and sends to every editor), so the package's own code adds ${(d.addedMs - d.floorMs).toFixed(1)} ms. ` : '') +
				'What the package makes n8n compile at start is about 90 KB of JavaScript (node and credential classes, method stubs, the trigger descriptions\' lists); everything else loads on first use. ' +
				`The figure grows with the machine's load (n8n-workflow alone took ${d.workflowMs.toFixed(0)} ms in this run; the 1-minute load average was ${d.loadavg}): on the idle machine the same build measured 22–24 ms (2026-12-07).`,
		);
	}
	const slowSaveris = (results.saveris ?? []).filter((r) => r.mode === 'items' && r.sizeMb === Math.max(...results.saveris.map((x) => x.sizeMb)) && r.rowsPerSecond < SAVERIS_ROWS_TARGET);
	if (slowSaveris.length) {
		notes.push(
			`Saveris parsing (${slowSaveris.map((r) => `${r.format} ${r.gzip ? 'gzip' : 'plain'} ${fmt(r.rowsPerSecond)} rows/s`).join(', ')} < ${fmt(SAVERIS_ROWS_TARGET)}): ` +
				'each row is decoded from UTF-8, split into fields (CSV: indexOf for the quotes Athena puts around every value; NDJSON: JSON.parse of the line), typed by the resource\'s columns and made an object; gzip adds zlib\'s inflate in its thread pool. ' +
				'The parse runs a chunk at a time in one synchronous step with no promise per row (nodes/Saveris/parse/), so what is left is that per-row work, measured on this shared 2-core machine.',
		);
	}
	for (const q of byVersion(results.queue)) {
		if (q.failedItems === 0 && q.fraction >= QUEUE_RATE_TARGET) continue;
		const failed = q.executions.filter((e) => e.failedItems);
		notes.push(
			`Queue mode in n8n ${q.version} (${fmt(q.failedItems)} failed items, ${pct(q.fraction)} of the limit combined; targets 0 and ≥ ${pct(QUEUE_RATE_TARGET)}): ` +
				`the two workers sent ${q.requests} requests for ${q.accepted} accepted, ${q.limited} refused with 429` +
				(failed.length ? `; ${failed.map((e) => `execution ${e.executionId} failed: ${e.errorMessage ?? e.status}`).join('; ')}` : '') +
				(q.windows.slice(0, -1).some((w) => w.accepted >= q.limit)
					? q.windows.at(-1).sendMs !== undefined && q.binding >= QUEUE_RATE_TARGET
						? `; where the limit binds the two reach ${pct(q.binding)} of it, and what the whole-run figure loses is the time the last window's ${q.windows.at(-1).accepted} requests took to send (${(q.windows.at(-1).sendMs / 1000).toFixed(1)} s), which nothing follows (as in table 3)`
						: ''
					: `; no window before the last reached the limit (at most ${Math.max(...q.windows.slice(0, -1).map((w) => w.accepted), 0)} of ${q.limit}): the two workers, not the limit, set the pace, on a machine whose load average was ${q.loadavg} at the end (three n8n processes, Redis, PostgreSQL and the simulator on 2 cores shared with other work)`) +
				'. Each worker is a process of its own: what one spends of the credential\'s budget, the other can learn only from the server\'s answers (Cliniko sends no X-RateLimit-Remaining; a 429 carries X-RateLimit-Reset).',
		);
	}
	return notes;
}

const rawFile = path.join(root, 'bench', 'results.json');

function missingRows(results) {
	const missing = [];
	const measured = n8nByFlavour(results);
	const versions = Object.keys(require(path.join(root, 'test', 'harness', 'versions.json')));
	for (const flavour of versions.filter((f) => !measured[f])) {
		missing.push(`Return All and the 1,000 Gets through n8n's HTTP Request node in real n8n (${flavour}; tier-3 harness, needs n8n installed, \`scripts/install-n8n.sh\`): unmeasured.`);
	}
	for (const flavour of versions.filter((f) => !results.queue?.[f])) {
		missing.push(`Queue mode, two workers on one credential (${flavour}; \`BENCH_ONLY=queue\`, needs redis-server): unmeasured.`);
	}
	return missing;
}

async function main() {
	const m = machine();
	// With BENCH_ONLY, the tables not re-run keep their last figures (bench/results.json).
	let results = {};
	let stored;
	if (ONLY && fs.existsSync(rawFile)) {
		try {
			stored = JSON.parse(fs.readFileSync(rawFile, 'utf8'));
			results = stored.results ?? {};
		} catch {
			results = {};
		}
	}
	// BENCH_ONLY=report rewrites bench/results.md from bench/results.json without measuring anything.
	if (ONLY && ONLY.size === 1 && ONLY.has('report') && stored?.machine) {
		report(stored.machine, results, missingRows(results));
		return;
	}
	if (wanted('saveris') || wanted('rate') || wanted('cliniko') || wanted('n8n') || wanted('queue')) build();
	const wantDescriptions = wanted('descriptions') || wanted('coldload');
	if (wanted('load') || wanted('n8n') || wanted('queue') || wantDescriptions) stagePackage();
	// When each table was measured: with BENCH_ONLY, tables of different runs share the report.
	const measuredAt = (results.measuredAt ??= {});
	const stamp = (name) => (measuredAt[name] = { at: new Date().toISOString(), load: os.loadavg()[0].toFixed(1) });
	// The cold load first: a figure of tens of milliseconds whose target is for a quiet machine; measured
	// right after the Saveris tables (500 MB files parsed) it came out higher than on the idle machine for
	// the same build (68.9 ms against 41–43 ms, 2026-12-07).
	if (wanted('load')) {
		results.load = benchLoad();
		stamp('load');
	}
	if (wantDescriptions) {
		results.descriptions = benchDescriptions();
		stamp('descriptions');
	}
	if (wanted('saveris')) {
		results.saveris = await benchSaveris();
		results.saverisMaxMb = MAX_MB;
		stamp('saveris');
	}
	if (wanted('rate')) {
		results.rate = benchRate();
		stamp('rate');
	}
	if (wanted('cliniko')) {
		results.returnAll = benchReturnAll();
		stamp('cliniko');
	}
	if (wanted('n8n')) {
		// Per version; a version that fails keeps its last figures (if any) and the others are kept.
		const n8nRuns = { ...n8nByFlavour(results) };
		delete results.n8n;
		delete measuredAt.n8n;
		for (const flavour of N8N_FLAVOURS) {
			try {
				n8nRuns[flavour] = benchN8n(flavour);
				stamp(`n8n ${flavour}`);
			} catch (error) {
				log(`real-n8n comparison in ${flavour} failed; its figures are left out:`, String(error.message ?? error).split('\n')[0]);
			}
		}
		results.n8nByFlavour = n8nRuns;
	}
	if (wanted('queue')) {
		const queueRuns = { ...(results.queue ?? {}) };
		for (const flavour of N8N_FLAVOURS) {
			try {
				queueRuns[flavour] = benchQueue(flavour);
				stamp(`queue ${flavour}`);
			} catch (error) {
				log(`queue mode in ${flavour} failed; its figures are left out:`, String(error.message ?? error).split('\n')[0]);
			}
		}
		results.queue = queueRuns;
	}
	const missing = missingRows(results);
	fs.mkdirSync(path.dirname(rawFile), { recursive: true });
	m.loadEnd = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
	fs.writeFileSync(rawFile, JSON.stringify({ machine: m, runs: RUNS, results, missing }, null, 2) + '\n');
	report(m, results, missing);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
