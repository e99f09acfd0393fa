#!/usr/bin/env node
// `npm run build`, after tsc: folds the ~110 compiled modules into a few files, so n8n resolves, reads
// and compiles a handful of files when it loads the package instead of one per source file (issue 17:
// the cold load was Node's per-file work, not the nodes' own code).
//
//   node scripts/bundle.js [dist folder]        (default: dist/ of the repository)
//
// What it writes, starting from tsc's output and package.json's "n8n" block (the entry points):
//   dist/nodes/<Folder>/bundle.js   every compiled module of nodes/<Folder>/ an entry point reaches by
//                                   plain requires: what n8n compiles when it loads the package
//                                   (nodes/shared/ included: one bundle for the shared core)
//   dist/nodes/<Folder>/bundle-run.js
//                                   the folder's modules reached only through `await import` (a node's
//                                   operation tables, executor, poll code, methods): required on first use
//   dist/nodes/<Folder>/<Name>.node.js
//                                   the entry n8n requires, now one line: its module from the bundle
//   dist/credentials/<Name>.credentials.js
//                                   the credential's own compiled code, its imports of the shared core
//                                   taken from dist/nodes/shared/bundle.js
//   bundle.js.map                   a source map of each bundle back to the TypeScript sources
// The modules are tsc's output verbatim (not minified, one "// nodes/x/y.ts" header each), each wrapped in
// a function and run on first require exactly as Node runs a file: same order, one instance per module,
// cycles as Node resolves them. JSON files stay files (required as before). The compiled .js/.js.map of a
// module folded into a bundle are removed; the .d.ts files stay. Only `n8n-workflow` is left to Node.
// A provider package (scripts/pack.js) ships its folder's bundles and the shared ones, byte for byte the
// combined pack's.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
/** The second bundle of a folder: its modules a node reaches only through `await import` (run time). */
const RUN_BUNDLE = 'bundle-run.js';

/** The module id of a dist file: its path under dist/ without `.js` (`nodes/shared/http`); JSON keeps `.json`. */
const idOf = (dist, file) => path.relative(dist, file).split(path.sep).join('/').replace(/\.js$/, '');
const fileOf = (dist, id) => path.join(dist, ...(id.endsWith('.json') ? id : `${id}.js`).split('/'));

/** The bundle a module goes to: `nodes/<Folder>` for anything under nodes/<Folder>/, else none (its own file). */
function groupOf(id) {
	const parts = id.split('/');
	return parts[0] === 'nodes' && parts.length > 2 ? `${parts[0]}/${parts[1]}` : undefined;
}

/**
 * Every relative `require("…")` of a compiled file, resolved as Node resolves it: spec → id; and the ids
 * it requires at once (`now`), i.e. not only through `await import(…)`, which tsc writes as
 * `Promise.resolve().then(() => __importStar(require("…")))`: what only those reach goes to the run bundle.
 */
function requiresOf(dist, id) {
	const file = fileOf(dist, id);
	const code = fs.readFileSync(file, 'utf8');
	const resolved = {};
	const now = new Set();
	for (const [, dynamic, , spec] of code.matchAll(/(Promise\.resolve\(\)\.then\(\(\) => (?:__importStar\()?)?\brequire\((["'])([^"']+)\2\)/g)) {
		if (!spec.startsWith('.')) {
			if (spec !== 'n8n-workflow') throw new Error(`${id} requires ${spec}: only n8n-workflow may stay outside the package`);
			continue;
		}
		const target = idOf(dist, require.resolve(path.resolve(path.dirname(file), spec)));
		resolved[spec] = target;
		if (!dynamic) now.add(target);
	}
	return { resolved, now: [...now] };
}

// ---- source maps: base64 VLQ, to move each module's mappings to its line in the bundle ----
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function decodeMappings(mappings) {
	const lines = [];
	const state = [0, 0, 0, 0, 0]; // column, source, source line, source column, name (relative across lines but the first)
	for (const line of mappings.split(';')) {
		state[0] = 0;
		const segments = [];
		for (const seg of line.split(',')) {
			if (!seg) continue;
			const values = [];
			let value = 0;
			let shift = 0;
			for (const ch of seg) {
				const digit = B64.indexOf(ch);
				value += (digit & 31) << shift;
				if (digit & 32) shift += 5;
				else {
					values.push(value & 1 ? -(value >>> 1) : value >>> 1);
					value = 0;
					shift = 0;
				}
			}
			const abs = values.map((v, i) => (state[i] += v));
			segments.push(abs);
		}
		lines.push(segments);
	}
	return lines;
}
function encodeVlq(n) {
	let v = n < 0 ? (-n << 1) | 1 : n << 1;
	let out = '';
	do {
		let digit = v & 31;
		v >>>= 5;
		if (v) digit |= 32;
		out += B64[digit];
	} while (v);
	return out;
}
function encodeMappings(lines) {
	const state = [0, 0, 0, 0, 0];
	return lines
		.map((segments) => {
			state[0] = 0;
			return segments
				.map((seg) => {
					const s = seg.map((v, i) => encodeVlq(v - state[i]));
					seg.forEach((v, i) => (state[i] = v));
					return s.join('');
				})
				.join(',');
		})
		.join(';');
}

/** The runtime every bundle starts with: a module table and Node's require semantics for it. */
const RUNTIME = `// The loader: each module runs on its first require, once, with its own exports (as a file would);
// \`resolved\`: the module's relative requires as [specifier, id]; anything else (n8n-workflow) is Node's.
const cache = {};
function load(id) {
	if (cache[id]) return cache[id].exports;
	const outside = elsewhere[id];
	if (outside) return outside[1] ? require(outside[0])(outside[1]) : require(outside[0]);
	const [run, resolved] = modules[id];
	const module = (cache[id] = { exports: {} });
	const localRequire = (spec) => {
		const pair = resolved.find((p) => p[0] === spec);
		return pair ? load(pair[1]) : require(spec);
	};
	run.call(module.exports, module.exports, localRequire, module);
	return module.exports;
}
`;

function relativeRequire(fromDir, toFile) {
	let rel = path.relative(fromDir, toFile).split(path.sep).join('/');
	if (!rel.startsWith('.')) rel = `./${rel}`;
	return rel;
}

/**
 * Writes one bundle file holding `ids` (in this order). `main`: the id the file exports (a credential
 * entry); without it the file exports its loader (`require(bundle)(id)`).
 */
function writeBundle(dist, file, ids, graph, bundleOf, main) {
	const dir = path.dirname(file);
	const inBundle = new Set(ids);
	const elsewhere = {};
	const parts = [];
	const mapLines = [];
	const sources = [];
	const pushLines = (text) => {
		for (const line of text.split('\n')) {
			parts.push(line);
			mapLines.push([]);
		}
	};
	pushLines(`"use strict";\n// Built by scripts/bundle.js from tsc's output: one function per compiled module, run on first require.\n// Source: ${path.basename(file)}.map maps each line back to its TypeScript file.`);
	pushLines('const modules = {');
	for (const id of ids) {
		const jsFile = fileOf(dist, id);
		const code = fs.readFileSync(jsFile, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n').replace(/\n+$/, '');
		const { resolved } = graph.get(id);
		for (const target of Object.values(resolved)) {
			if (inBundle.has(target)) continue;
			const other = bundleOf(target);
			elsewhere[target] = other ? [relativeRequire(dir, other), target] : [relativeRequire(dir, fileOf(dist, target))];
		}
		pushLines(`// ${id}.ts`);
		pushLines(`${JSON.stringify(id)}: [function (exports, require, module) {`);
		const codeLine = mapLines.length;
		const codeLines = code.split('\n').length;
		pushLines(code);
		// [specifier, id] pairs, not an object: n8n's secret scan reads `{ "../shared/authenticate": "…" }` as a key.
		pushLines(`}, ${JSON.stringify(Object.entries(resolved))}],`);
		// The module's own map, moved to its lines in the bundle.
		const mapFile = `${jsFile}.map`;
		if (fs.existsSync(mapFile)) {
			const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
			const base = sources.length;
			for (const s of map.sources) sources.push(path.relative(dir, path.resolve(path.dirname(jsFile), map.sourceRoot ?? '', s)).split(path.sep).join('/'));
			decodeMappings(map.mappings).forEach((segments, i) => {
				if (i < codeLines) mapLines[codeLine + i] = segments.map((s) => (s.length >= 4 ? [s[0], s[1] + base, s[2], s[3]] : [s[0]]));
			});
		}
	}
	pushLines('};');
	pushLines(`// Modules of other files: id → [file, id in it] (a bundle) or [file] (JSON, kept as a file).\nconst elsewhere = ${JSON.stringify(elsewhere, null, '\t')};`);
	pushLines(RUNTIME.replace(/\n$/, ''));
	pushLines(main ? `module.exports = load(${JSON.stringify(main)});` : 'module.exports = load;');
	parts.push(`//# sourceMappingURL=${path.basename(file)}.map`);
	fs.writeFileSync(file, `${parts.join('\n')}\n`);
	const map = { version: 3, file: path.basename(file), sources, names: [], mappings: encodeMappings(mapLines) };
	fs.writeFileSync(`${file}.map`, `${JSON.stringify(map)}\n`);
}

function bundle(distDir, entries) {
	// Real path: require.resolve answers with one (the bench stages under node_modules/, a link in worktrees).
	const dist = fs.realpathSync(distDir);
	// The module graph from the entry points.
	const graph = new Map();
	const queue = entries.map((e) => idOf(dist, path.join(dist, '..', e)));
	while (queue.length) {
		const id = queue.shift();
		if (graph.has(id) || id.endsWith('.json')) continue;
		graph.set(id, requiresOf(dist, id));
		queue.push(...Object.values(graph.get(id).resolved));
	}
	const entryIds = new Set(entries.map((e) => idOf(dist, path.join(dist, '..', e))));
	// What n8n runs when it loads the package: the entry points and what they require at once. The rest
	// is reached only through an `await import` (a node's operation tables, on its first run): V8 parses a
	// whole file when it is required, so that part goes to a second bundle, required when first needed.
	const atStart = new Set();
	const pending = [...entryIds];
	while (pending.length) {
		const id = pending.pop();
		if (atStart.has(id) || !graph.has(id)) continue;
		atStart.add(id);
		pending.push(...graph.get(id).now);
	}
	const keyOf = (id) => groupOf(id) && (atStart.has(id) ? groupOf(id) : `${groupOf(id)}:run`);
	// Modules per bundle, in the order a depth-first require would first reach them (stable output).
	const groups = new Map();
	for (const id of graph.keys()) {
		const key = keyOf(id);
		if (!key) continue;
		if (!groups.has(key)) groups.set(key, []);
		groups.get(key).push(id);
	}
	const bundleFile = (key) => {
		const [group, phase] = key.split(':');
		return path.join(dist, ...group.split('/'), phase === 'run' ? RUN_BUNDLE : 'bundle.js');
	};
	for (const key of groups.keys()) if (fs.existsSync(bundleFile(key))) throw new Error(`${bundleFile(key)} exists before bundling: a source of that name, or dist/ not cleaned`);
	const bundleOf = (id) => (keyOf(id) && !id.endsWith('.json') ? bundleFile(keyOf(id)) : undefined);
	for (const [key, ids] of groups) writeBundle(dist, bundleFile(key), ids.sort(), graph, bundleOf);
	// Entries outside a bundle folder (credentials): their own code, with the shared core from its bundle.
	for (const id of entryIds) {
		if (groupOf(id)) continue;
		const file = fileOf(dist, id);
		const tmp = `${file}.tmp`;
		writeBundle(dist, tmp, [id], graph, bundleOf, id);
		fs.renameSync(tmp, file);
		fs.renameSync(`${tmp}.map`, `${file}.map`);
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(`//# sourceMappingURL=${path.basename(tmp)}.map`, `//# sourceMappingURL=${path.basename(file)}.map`));
		fs.writeFileSync(`${file}.map`, fs.readFileSync(`${file}.map`, 'utf8').replace(`"file":"${path.basename(tmp)}"`, `"file":"${path.basename(file)}"`));
	}
	// Entry points in a bundle folder become one line; the modules folded into bundles leave dist/.
	for (const [key, ids] of groups) {
		for (const id of ids) {
			const file = fileOf(dist, id);
			fs.rmSync(`${file}.map`, { force: true });
			if (entryIds.has(id)) {
				const from = relativeRequire(path.dirname(file), bundleFile(key));
				fs.writeFileSync(file, `"use strict";\n// The compiled code is in ${from} (scripts/bundle.js: n8n loads a few files, not one per module).\nmodule.exports = require(${JSON.stringify(from)})(${JSON.stringify(id)});\n`);
			} else fs.rmSync(file);
		}
	}
	// Compiled modules no entry point reaches are not shipped either (they were never loaded).
	for (const file of fs.readdirSync(dist, { recursive: true })) {
		const full = path.join(dist, file);
		if (!/\.js$/.test(file) || ['bundle.js', RUN_BUNDLE].includes(path.basename(file))) continue;
		const id = idOf(dist, full);
		if (!graph.has(id)) {
			fs.rmSync(full);
			fs.rmSync(`${full}.map`, { force: true });
		}
	}
	return [...groups.keys()].map(bundleFile);
}

function main() {
	const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const entries = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
	for (const entry of entries) if (!fs.existsSync(path.join(dist, '..', entry))) throw new Error(`${entry} is missing: run tsc first`);
	// scripts/catalog.js reads the operation tables through nodes/<Folder>/catalog.js, which no node imports
	// (so bundling drops it): tsc's modules are kept as they were, unshipped, in .build/modules/.
	if (dist === path.join(root, 'dist')) {
		const kept = path.join(root, '.build', 'modules');
		fs.rmSync(kept, { recursive: true, force: true });
		fs.cpSync(dist, kept, { recursive: true, filter: (src) => fs.statSync(src).isDirectory() || /\.(js|json)$/.test(src) });
	}
	const bundles = bundle(dist, entries);
	for (const b of bundles) process.stdout.write(`${path.relative(root, b)}  ${(fs.statSync(b).size / 1024).toFixed(0)} kB\n`);
}

if (require.main === module) main();

module.exports = { bundle, decodeMappings, encodeMappings };
