#!/usr/bin/env node
// `npm run bench`: the performance figures of DESIGN.md ("Performance"), written to bench/results.md.
// Benchmarks, not tests: nothing here asserts a time. Every figure is the median of several runs, and
// every measurement whose memory matters runs in a child process of its own.
//
//   npm run bench                    everything, Saveris files up to 500 MB
//   BENCH_MAX_MB=50 npm run bench    a quick run (Saveris files of 10 and 50 MB only)
//   BENCH_RUNS=3                     runs per figure (default 3; cold load always takes 5)
//   BENCH_ONLY=saveris,load,rate,cliniko,n8n   a subset of the tables (the others keep their last
//                                      figures, from bench/results.json)
//   BENCH_ONLY=report                  rewrite results.md from results.json, measuring nothing
//   BENCH_N8N_FLAVOUR=n8n1             the real n8n used by the n8n table (default n8n2)
//
// It compiles nodes/ and test/ (the simulators and the tier-2 harness are TypeScript) into
// node_modules/.cache/bench-build, so it never touches dist/ (tests may be using it); the cold-load
// and package-size rows use the dist/ already built (`npm run build` first).
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { pipeline } = require('node:stream/promises');

const root = path.join(__dirname, '..');
const buildDir = path.join(root, 'node_modules', '.cache', 'bench-build');
const dataDir = path.join(os.tmpdir(), 'n8n-nodes-saas-connectors-bench');
const resultsFile = path.join(root, 'bench', 'results.md');
const MAX_MB = Number(process.env.BENCH_MAX_MB || 500);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const wanted = (name) => !ONLY || ONLY.has(name);

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
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
	const pkg = require(path.join(root, 'package.json'));
	const files = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
	const missing = files.filter((f) => !fs.existsSync(path.join(root, f)));
	if (missing.length) throw new Error(`dist/ is incomplete (run npm run build): ${missing.join(', ')}`);
	const wall = [];
	const requireMs = [];
	// Baseline: a fresh node process that requires nothing.
	const bare = [];
	for (let r = 0; r < 5; r++) {
		let started = process.hrtime.bigint();
		spawnSync(process.execPath, ['-e', '0']);
		bare.push(Number(process.hrtime.bigint() - started) / 1e6);
		started = process.hrtime.bigint();
		const out = runJson([path.join(__dirname, 'bench', 'load-worker.js'), root]);
		wall.push(Number(process.hrtime.bigint() - started) / 1e6);
		requireMs.push(out.requireMs);
	}
	const packed = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' });
	if (packed.status !== 0) throw new Error(`npm pack --dry-run failed: ${packed.stderr}`);
	const info = JSON.parse(packed.stdout)[0];
	const load = { files: files.length, wallMs: median(wall), requireMs: median(requireMs), bareMs: median(bare), packSize: info.size, unpackedSize: info.unpackedSize, entryCount: info.entryCount };
	log(`cold load ${load.requireMs.toFixed(0)} ms require, ${load.wallMs.toFixed(0)} ms process; pack ${load.packSize} B, ${load.entryCount} files`);
	return load;
}

// ---------------------------------------------------------------------------------------------
// 3. Rate limit; 4. Return All
// ---------------------------------------------------------------------------------------------

const RATE_ITEMS = 600;
const RATE_WINDOW_MS = 6000;

function benchRate() {
	const runs = [];
	for (let r = 0; r < RUNS; r++) {
		runs.push(runJson([path.join(__dirname, 'bench', 'cliniko-worker.js'), buildDir, 'rateLimit', String(RATE_ITEMS), String(RATE_WINDOW_MS)]));
		log(`rate limit run ${r + 1}: ${(runs.at(-1).fraction * 100).toFixed(1)} % of the limit, ${runs.at(-1).limited} × 429, ${runs.at(-1).failedItems} failed`);
	}
	return runs;
}

const PATIENTS = 10_000;
function benchReturnAll() {
	const out = runJson([path.join(__dirname, 'bench', 'cliniko-worker.js'), buildDir, 'returnAll', String(PATIENTS), String(Math.max(RUNS, 5))]);
	log(`return all ${out.nodeItems} patients: node ${out.nodeMs.toFixed(0)} ms, fetch loop ${out.loopMs.toFixed(0)} ms`);
	return out;
}

function benchN8n() {
	const flavour = process.env.BENCH_N8N_FLAVOUR || 'n8n2';
	const out = runJson([path.join(__dirname, 'bench', 'n8n-worker.js'), buildDir, flavour, String(PATIENTS), String(RUNS)], { timeout: 15 * 60_000 });
	log(`real n8n ${out.version}: our node ${out.nodeMs} ms, HTTP Request ${out.httpMs} ms`);
	return out;
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function report(m, results, missing) {
	const lines = [];
	const p = (s = '') => lines.push(s);
	p('# Benchmarks');
	p();
	p(`Written by \`npm run bench\` (scripts/bench.js) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Benchmarks, not tests: nothing here is asserted.`);
	p(`Each figure is the median of ${RUNS} runs unless a table says otherwise. Largest Saveris file: ${results.saverisMaxMb ?? MAX_MB} MB (\`BENCH_MAX_MB\`).`);
	p();
	const summary = [];
	if (results.rate) {
		const rs = results.rate;
		summary.push(`Rate limit: ${(median(rs.map((r) => r.fraction)) * 100).toFixed(1)} % of the limit (target ≥ 95 %), ${median(rs.map((r) => r.failedItems))} failed items (target 0), ${median(rs.map((r) => r.limited))} request(s) refused with 429 per run.`);
	}
	if (results.returnAll) summary.push(`Return All vs a bare fetch loop: ${(results.returnAll.nodeMs / results.returnAll.loopMs).toFixed(2)}× (target ≤ 1.15×).`);
	if (results.n8n) summary.push(`Return All vs n8n's HTTP Request node with pagination, real n8n ${results.n8n.version}: ${(results.n8n.nodeMs / results.n8n.httpMs).toFixed(2)}× (target ≤ 0.5×).`);
	if (results.saveris) {
		const big = results.saveris.filter((r) => r.sizeMb === Math.max(...results.saveris.map((x) => x.sizeMb)));
		const bin = big.filter((r) => r.mode === 'binary');
		const items = big.filter((r) => r.mode === 'items');
		summary.push(`Saveris at ${big[0].sizeMb} MB: items mode ${fmt(Math.min(...items.map((r) => r.rowsPerSecond)))}–${fmt(Math.max(...items.map((r) => r.rowsPerSecond)))} rows/s, peak RSS ≤ ${mb(Math.max(...items.map((r) => r.peakRss)))} MB; binary mode peak RSS ≤ ${mb(Math.max(...bin.map((r) => r.peakRss)))} MB.`);
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
	if (m.n8nVersions) p(`| n8n versions installed for tier 3 (test/harness/versions.json; table 4b names the one it used) | ${m.n8nVersions} |`);
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

	if (results.rate) {
		const runs = results.rate;
		const r0 = runs[0];
		p('## 3. Throughput under a provider rate limit (Cliniko, 200 requests a minute)');
		p();
		p(`How measured: the Cliniko simulator enforces 200 requests per window (fixed window, per key) with the minute scaled down to ${r0.windowMs / 1000} s, ` +
			`and \`setPacingTimeScale(${r0.scale})\` scales the node's own pacer equally. The Cliniko node (User → Get Current, On Error: Continue) runs over ${r0.items} input items ` +
			`(${Math.ceil(r0.items / r0.limit)} windows' worth) through the tier-2 harness (n8n-core's WorkflowExecute). Requests are counted at the simulator. ` +
			'Achieved rate = requests / (first-to-last arrival + one window): every window may hold at most 200, so a perfect client scores exactly 100 %. ' +
			'"429s" are requests the simulator refused (the node waits and retries them, so they do not fail an item); failed items are output items carrying an error. ' +
			`${runs.length} runs, each shown, median last.`);
		p();
		p('| Run | Items | Requests | 429s | Failed items | First→last arrival (s) | Achieved rate (of limit) |');
		p('|---|---:|---:|---:|---:|---:|---:|');
		runs.forEach((r, i) => p(`| ${i + 1} | ${r.items} | ${r.requests} | ${r.limited} | ${r.failedItems} | ${(r.spanMs / 1000).toFixed(2)} | ${(r.fraction * 100).toFixed(1)} % |`));
		p(`| **median** | | | ${median(runs.map((r) => r.limited))} | ${median(runs.map((r) => r.failedItems))} | ${(median(runs.map((r) => r.spanMs)) / 1000).toFixed(2)} | **${(median(runs.map((r) => r.fraction)) * 100).toFixed(1)} %** (target ≥ 95 %) |`);
		p();
	}

	if (results.returnAll) {
		const r = results.returnAll;
		p(`## 4. Return All of ${fmt(r.live)} Cliniko patients`);
		p();
		p(`How measured: the Cliniko simulator (rate limiter off) holding ${fmt(r.live)} live patients, in the same process as the client. ` +
			'**Our node**: Patient → Get Many, Return All, run through the tier-2 harness (a real n8n-core `WorkflowExecute`, requests over HTTP with n8n\'s own request helper), timed by the harness around `WorkflowExecute.run`; its pacer is time-scaled 1000× so that the 200-a-minute budget spent by earlier runs never holds a request back (table 3 is about that). ' +
			'**fetch loop**: a bare `fetch` loop over the same pages (`per_page=100`, following `links.next`, `await response.json()`), the physical limit. ' +
			`One warm-up of each, then ${r.nodeRuns.length} alternating runs; medians.`);
		p();
		p('| Client | Items | Requests | Time (ms, median) | Ratio to fetch loop |');
		p('|---|---:|---:|---:|---:|');
		p(`| Our Cliniko node (n8n-core) | ${fmt(r.nodeItems)} | ${r.requests} | ${fmt(r.nodeMs)} | **${(r.nodeMs / r.loopMs).toFixed(2)}×** (target ≤ 1.15×) |`);
		p(`| Bare \`fetch\` loop | ${fmt(r.loopItems)} | ${r.requests} | ${fmt(r.loopMs)} | 1.00× |`);
		if (!results.n8n) p(`| n8n HTTP Request node with pagination | – | – | not measured | – |`);
		p();
		p(`Runs (ms): node ${r.nodeRuns.map((x) => x.toFixed(0)).join(', ')}; fetch loop ${r.loopRuns.map((x) => x.toFixed(0)).join(', ')}.`);
		p();
	}

	if (results.n8n) {
		const n = results.n8n;
		p(`## 4b. Return All of ${fmt(n.live)} Cliniko patients in real n8n ${n.version}: our node vs the HTTP Request node`);
		p();
		p(`How measured: one real n8n ${n.version} server (tier-3 harness, test/harness/n8n.ts: SQLite, our package as a custom extension from dist/), the same Cliniko simulator (limiter off). ` +
			'Workflow A: Manual Trigger → our Cliniko node, Patient → Get Many, Return All. ' +
			'Workflow B, what a user builds without us: Manual Trigger → HTTP Request (GET `/patients?per_page=100`, Authorization / User-Agent / Accept as headers, ' +
			'pagination "Response Contains Next URL" with Next URL `{{ $response.body.links.next }}`, complete when `{{ !$response.body.links.next }}`) → Split Out `patients` (one item per patient, as our node gives). ' +
			'Each started as the editor\'s "Execute workflow" does (`POST /rest/workflows/:id/run`); the figure is n8n\'s own execution time (startedAt → stoppedAt). ' +
			`One warm-up of each, then ${n.nodeRuns.length} alternating runs; medians. Our node paces per credential for the life of the n8n process (200 requests a minute), so each of its runs uses a credential of its own: no run waits for budget an earlier one spent.`);
		p();
		p('| Workflow | Requests | Execution time (ms, median) | Ratio to HTTP Request |');
		p('|---|---:|---:|---:|');
		p(`| Our Cliniko node | ${n.nodeRequests} | ${fmt(n.nodeMs)} | **${(n.nodeMs / n.httpMs).toFixed(2)}×** (target ≤ 0.5×) |`);
		p(`| HTTP Request with pagination + Split Out | ${n.httpRequests} | ${fmt(n.httpMs)} | 1.00× |`);
		p();
		p(`Runs (ms): our node ${n.nodeRuns.map((x) => x.toFixed(0)).join(', ')}; HTTP Request ${n.httpRuns.map((x) => x.toFixed(0)).join(', ')}.`);
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

const rawFile = path.join(root, 'bench', 'results.json');

function missingRows(results) {
	const missing = [];
	if (!results.n8n) {
		missing.push('Return All through n8n\'s HTTP Request node with pagination in real n8n (tier-3 harness; needs n8n installed, `scripts/install-n8n.sh`): the ≤ 0.5× target is unmeasured.');
	}
	missing.push('1,000 input items each doing one Get, our node vs the HTTP Request node in real n8n: not built. In real n8n our node paces Cliniko at its documented 200 requests a minute (n8n never compresses time), so 1,000 Gets take at least 4 minutes by design while an unpaced HTTP Request node would be refused with 429s; a fair overhead comparison needs a provider without a limit or a paced HTTP Request node.');
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
	if (wanted('saveris') || wanted('rate') || wanted('cliniko') || wanted('n8n')) build();
	if (wanted('saveris')) {
		results.saveris = await benchSaveris();
		results.saverisMaxMb = MAX_MB;
	}
	if (wanted('load')) results.load = benchLoad();
	if (wanted('rate')) results.rate = benchRate();
	if (wanted('cliniko')) results.returnAll = benchReturnAll();
	if (wanted('n8n')) {
		try {
			results.n8n = benchN8n();
		} catch (error) {
			log('real-n8n comparison failed; its table is left out:', String(error.message ?? error).split('\n')[0]);
		}
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
