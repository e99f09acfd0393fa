/**
 * scripts/bundle.js (issue 17, cold load): tsc's modules folded into one file per nodes/ folder must run
 * as Node runs the files: once each, in require order, cycles with Node's partial exports, `this` the
 * exports; JSON stays a file; the entry points stay where package.json's "n8n" block names them; the
 * source map still points at the TypeScript lines; what a module reaches only through `await import` goes to
 * its folder's run bundle, read on first use and sharing the start bundle's module instances.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundle, decodeMappings, encodeMappings } = require('../../scripts/bundle.js');

/** A compiled module as tsc writes it, with a map sending generated line i to source line i. */
function writeModule(dist: string, rel: string, lines: string[]): void {
	const file = path.join(dist, rel);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${['"use strict";', ...lines].join('\n')}\n//# sourceMappingURL=${path.basename(file)}.map\n`);
	const source = path.relative(path.dirname(file), path.join(dist, '..', 'src', rel.replace(/\.js$/, '.ts'))).split(path.sep).join('/');
	const mappings = encodeMappings([...Array(lines.length + 1).keys()].map((i) => [[0, 0, i, 0]]));
	fs.writeFileSync(`${file}.map`, JSON.stringify({ version: 3, file: path.basename(file), sources: [source], names: [], mappings }));
	fs.writeFileSync(file.replace(/\.js$/, '.d.ts'), 'export {};\n');
}

describe('scripts/bundle.js', () => {
	let dir: string;
	let dist: string;
	const entries = ['dist/credentials/DemoApi.credentials.js', 'dist/nodes/Demo/Demo.node.js', 'dist/nodes/Demo/DemoTrigger.node.js'];

	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-test-'));
		dist = path.join(dir, 'dist');
		writeModule(dist, 'nodes/shared/counter.js', ['exports.loads = (globalThis.__loads = (globalThis.__loads || 0) + 1);', 'exports.self = this === exports;']);
		writeModule(dist, 'nodes/shared/cycleA.js', ['exports.early = "a";', 'const b = require("./cycleB");', 'exports.seenByA = b.sawA;']);
		writeModule(dist, 'nodes/shared/cycleB.js', ['const a = require("./cycleA");', 'exports.sawA = a.early;']);
		writeModule(dist, 'nodes/Demo/Demo.node.js', [
			'const counter = require("../shared/counter");',
			'const cycle = require("../shared/cycleA");',
			'const data = require("./generated/data.json");',
			'class Demo { constructor() { this.description = { name: "demo", loads: counter.loads, self: counter.self, cycle: cycle.seenByA, data: data.x }; } }',
			'exports.Demo = Demo;',
			'function thrower() { throw new Error("line 7"); }',
			'exports.thrower = thrower;',
			// `await import("./later")` as tsc writes it for CommonJS.
			'exports.later = async () => (await Promise.resolve().then(() => __importStar(require("./later")))).value;',
			'function __importStar(m) { return m; }',
		]);
		writeModule(dist, 'nodes/Demo/later.js', ['const counter = require("../shared/counter");', 'const lateShared = require("../shared/lateOnly");', 'exports.value = { loads: counter.loads, late: lateShared.late };']);
		writeModule(dist, 'nodes/shared/lateOnly.js', ['exports.late = "late";']);
		writeModule(dist, 'nodes/Demo/DemoTrigger.node.js', ['const counter = require("../shared/counter");', 'class DemoTrigger { constructor() { this.description = { name: "demoTrigger", loads: counter.loads }; } }', 'exports.DemoTrigger = DemoTrigger;']);
		writeModule(dist, 'nodes/Demo/unused.js', ['exports.unused = true;']);
		writeModule(dist, 'credentials/DemoApi.credentials.js', ['const counter = require("../nodes/shared/counter");', 'class DemoApi { constructor() { this.name = "demoApi"; this.loads = counter.loads; } }', 'exports.DemoApi = DemoApi;']);
		fs.mkdirSync(path.join(dist, 'nodes', 'Demo', 'generated'));
		fs.writeFileSync(path.join(dist, 'nodes', 'Demo', 'generated', 'data.json'), '{"x": 42}');
		// Through a symbolic link, as the bench stages it (node_modules/ is a link in a worktree).
		fs.symlinkSync(dir, `${dir}-link`);
		bundle(path.join(`${dir}-link`, 'dist'), entries);
	});
	afterAll(() => {
		fs.rmSync(`${dir}-link`, { force: true });
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('leaves the entry points, one bundle per folder and the JSON; the folded and unused modules go, declarations stay', () => {
		const files = (fs.readdirSync(dist, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => /\.(js|json)$/.test(f));
		expect(files.sort()).toEqual(
			[
				'credentials/DemoApi.credentials.js',
				'nodes/Demo/Demo.node.js',
				'nodes/Demo/DemoTrigger.node.js',
				'nodes/Demo/bundle.js',
				'nodes/Demo/bundle-run.js',
				'nodes/Demo/generated/data.json',
				'nodes/shared/bundle.js',
				'nodes/shared/bundle-run.js',
			].sort(),
		);
		expect(fs.existsSync(path.join(dist, 'nodes', 'shared', 'counter.d.ts'))).toBe(true);
		expect(fs.readFileSync(path.join(dist, 'nodes', 'Demo', 'Demo.node.js'), 'utf8')).toContain('require("./bundle.js")("nodes/Demo/Demo.node")');
	});

	test('every entry loads as the files did: each module once, this = exports, cycles, JSON', () => {
		const script = `
const path = require('path');
const out = ${JSON.stringify(entries)}.map((e) => {
	const mod = require(path.join(process.argv[1], e));
	const Cls = Object.values(mod).find((v) => typeof v === 'function' && /^class/.test(String(v)));
	const o = new Cls();
	return o.description ?? { name: o.name, loads: o.loads };
});
process.stdout.write(JSON.stringify(out));`;
		const out = JSON.parse(execFileSync(process.execPath, ['-e', script, dir], { encoding: 'utf8' }));
		expect(out).toEqual([
			{ name: 'demoApi', loads: 1 },
			{ name: 'demo', loads: 1, self: true, cycle: 'a', data: 42 },
			{ name: 'demoTrigger', loads: 1 },
		]);
	});

	test('what only an `await import` reaches is in the run bundles, not read at load; it shares the start modules', () => {
		const ids = (file: string) => [...fs.readFileSync(path.join(dist, file), 'utf8').matchAll(/^"([^"]+)": \[function/gm)].map((m) => m[1]);
		expect(ids('nodes/Demo/bundle.js')).toEqual(['nodes/Demo/Demo.node', 'nodes/Demo/DemoTrigger.node']);
		expect(ids('nodes/Demo/bundle-run.js')).toEqual(['nodes/Demo/later']);
		expect(ids('nodes/shared/bundle.js')).toEqual(['nodes/shared/counter', 'nodes/shared/cycleA', 'nodes/shared/cycleB']);
		expect(ids('nodes/shared/bundle-run.js')).toEqual(['nodes/shared/lateOnly']);
		const script = `
const path = require('path');
const demo = require(path.join(process.argv[1], 'dist/nodes/Demo/Demo.node.js'));
const atLoad = Object.keys(require.cache).filter((f) => f.includes('bundle-run')).length;
demo.later().then((value) => {
	const after = Object.keys(require.cache).filter((f) => f.includes('bundle-run')).map((f) => path.relative(process.argv[1], f).split(path.sep).join('/')).sort();
	process.stdout.write(JSON.stringify({ atLoad, value, after }));
});`;
		const out = JSON.parse(execFileSync(process.execPath, ['-e', script, dir], { encoding: 'utf8' }));
		expect(out).toEqual({ atLoad: 0, value: { loads: 1, late: 'late' }, after: ['dist/nodes/Demo/bundle-run.js', 'dist/nodes/shared/bundle-run.js'] });
	});

	test("the bundle's source map sends a module's line to its TypeScript line; a stack trace (--enable-source-maps) names the TypeScript line", () => {
		const file = path.join(dist, 'nodes', 'Demo', 'bundle.js');
		const lines = fs.readFileSync(file, 'utf8').split('\n');
		const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'));
		const at = lines.findIndex((l) => l.includes('throw new Error("line 7")'));
		const [segment] = decodeMappings(map.mappings)[at];
		expect(map.sources[segment[1]]).toBe('../../../src/nodes/Demo/Demo.node.ts');
		expect(segment[2]).toBe(6); // 0-based: the 7th line of the module after "use strict"
		const trace = execFileSync(process.execPath, ['--enable-source-maps', '-e', `try { require(${JSON.stringify(path.join(dist, 'nodes', 'Demo', 'Demo.node.js'))}).thrower(); } catch (e) { process.stdout.write(e.stack); }`], { encoding: 'utf8' });
		expect(trace).toMatch(/src[/\\]nodes[/\\]Demo[/\\]Demo\.node\.ts:7/);
	});
});
