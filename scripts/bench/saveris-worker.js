// One Saveris parsing measurement in a process of its own, so that the peak memory it reports
// belongs to this measurement only. Prints one JSON line.
//   node saveris-worker.js <buildDir> <file> <CSV|JSON> <items|binary> <sinkFile>
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');

const [buildDir, file, format, mode, sink] = process.argv.slice(2);
const { parseFile, typeRow } = require(path.join(buildDir, 'nodes', 'Saveris', 'parse'));
const { exportResource } = require(path.join(buildDir, 'nodes', 'Saveris', 'resources', 'definitions'));
const { ResultBudget } = require(path.join(buildDir, 'nodes', 'Saveris', 'parse', 'limits'));

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
	const m = process.memoryUsage();
	if (m.rss > peakRss) peakRss = m.rss;
	if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
};
const timer = setInterval(sample, 20);

async function main() {
	sample();
	const baseRss = peakRss;
	const started = process.hrtime.bigint();
	let rows = 0;
	if (mode === 'items') {
		// The node's items path: bytes → (gunzip) → text → records → typed by the resource's columns.
		const resource = exportResource('measurement');
		// The 500 MB files hold 2-3 million rows, past the node's default Max Rows (1,000,000): the
		// limits are not what is measured here, so they are set out of reach.
		const budget = new ResultBudget({ maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
		for await (const row of parseFile(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), format, undefined, budget)) {
			typeRow(row, resource);
			rows++;
		}
	} else {
		// The node's binary path hands the download stream to n8n's prepareBinaryData, which in n8n's
		// filesystem binary-data mode pipes it to a file: no parsing, no gunzip, constant memory.
		await pipeline(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), fs.createWriteStream(sink));
		fs.rmSync(sink, { force: true });
	}
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	sample();
	clearInterval(timer);
	const maxRss = process.resourceUsage().maxRSS * 1024;
	process.stdout.write(
		JSON.stringify({ rows, seconds, bytes: fs.statSync(file).size, peakRss: Math.max(peakRss, maxRss), baseRss, peakHeap }) + '\n',
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
