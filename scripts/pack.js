#!/usr/bin/env node
// `npm run pack` (after `npm run build`): the six npm tarballs into release/ (git-ignored).
//
//   release/n8n-nodes-saas-connectors/          the combined pack, staged: the repository's package.json
//                                               (publishable: without "private" and dev tooling),
//                                               README.md, LICENSE, index.js and all of dist/
//   release/<provider package>/                 a provider package, staged: package.json, README.md
//                                               and LICENSE from packages/<name>/, and dist/
//   release/<name>-<version>.tgz                `npm pack` of each staged folder: the six tarballs
//
// The repository root is "private" (npm refuses to publish it): the repository's .npmrc sets
// ignore-scripts, under which npm would skip the prepublishOnly guard of a publish started in the root.
// The staged folders are their own npm projects (the root .npmrc does not apply there), and every
// staged package.json runs scripts/publish-guard.js before a publish.
//
// A provider package's dist/ holds what its entry points (the node, trigger and credential files its
// package.json's "n8n" block names) import, followed by TypeScript's own module resolution: the
// provider's folder and the shared core, nothing of the other providers: their declarations, the
// entry points, and the bundles the compiled code is in (dist/nodes/<Provider>/bundle.js and
// dist/nodes/shared/bundle.js, what n8n loads at start; bundle-run.js beside each, what a run loads:
// scripts/bundle.js). The compiled files are the combined build's (dist/),
// so the six packages ship the same bytes for the same source; the provider folder's icons and codex
// files (.json) are copied beside them. CI publishes the staged folders and
// the repository (scripts/publish-guard.js refuses anything npm test did not pass).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.join(__dirname, '..');
const release = path.join(root, 'release');
const dist = path.join(root, 'dist');

/** The provider packages: every packages/<name>/package.json. */
function providerPackages() {
	const dir = path.join(root, 'packages');
	return fs
		.readdirSync(dir)
		.filter((name) => fs.existsSync(path.join(dir, name, 'package.json')))
		.sort()
		.map((name) => ({ name, dir: path.join(dir, name), pkg: JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8')) }));
}

/** `dist/nodes/X/Y.node.js` → `nodes/X/Y.node.ts` (the source the combined build compiled it from). */
const sourceOf = (distFile) => distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');

/** The repository's own sources the entry points reach (imports followed as tsc follows them). */
function sourceClosure(entries) {
	const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) });
	const program = ts.createProgram({ rootNames: entries.map((e) => path.join(root, e)), options: config.options });
	return program
		.getSourceFiles()
		.map((sf) => path.relative(root, sf.fileName))
		.filter((rel) => !rel.startsWith('..') && !rel.split(path.sep).includes('node_modules'))
		.sort();
}

/**
 * The dist files compiled from a source: `x.ts` → `x.js`, `x.js.map`, `x.d.ts`; a `.json` as is. After
 * scripts/bundle.js only the entry points keep a `.js` (the rest is in their folder's bundle.js).
 */
function compiledFiles(source) {
	if (source.endsWith('.json')) return [source];
	const base = source.replace(/\.ts$/, '');
	return [`${base}.js`, `${base}.js.map`, `${base}.d.ts`].filter((f) => fs.existsSync(path.join(dist, f)));
}

function copy(from, to) {
	fs.mkdirSync(path.dirname(to), { recursive: true });
	fs.copyFileSync(from, to);
}

function fail(message) {
	process.stderr.write(`pack: ${message}\n`);
	process.exit(1);
}

/** Stages one provider package in release/<name>/; returns the staged folder. */
function stage({ name, dir, pkg }) {
	const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	if (pkg.version !== rootPkg.version) fail(`${name} has version ${pkg.version}, the repository ${rootPkg.version}: one version for all six`);
	const entries = [...pkg.n8n.credentials, ...pkg.n8n.nodes].map(sourceOf);
	for (const entry of entries) if (!fs.existsSync(path.join(root, entry))) fail(`${name}: ${entry} (from its "n8n" block) does not exist`);
	const sources = sourceClosure(entries);
	const out = path.join(release, name);
	fs.rmSync(out, { recursive: true, force: true });
	for (const source of sources) {
		const compiled = compiledFiles(source);
		if (compiled.length === 0) fail(`${source} has no compiled file in dist/: run \`npm run build\` first`);
		for (const file of compiled) copy(path.join(dist, file), path.join(out, 'dist', file));
	}
	// The bundles (scripts/bundle.js) of the folders those sources are in: the provider's and the shared core's,
	// each in two (what n8n loads at start, and what a run loads).
	for (const folder of new Set(sources.map((s) => s.split(path.sep)).filter((p) => p[0] === 'nodes' && p.length > 2).map((p) => path.join(p[0], p[1])))) {
		for (const file of ['bundle.js', 'bundle.js.map', 'bundle-run.js', 'bundle-run.js.map']) {
			const from = path.join(dist, folder, file);
			if (!fs.existsSync(from)) fail(`${path.join('dist', folder, file)} is missing: run \`npm run build\` first`);
			copy(from, path.join(out, 'dist', folder, file));
		}
	}
	// Icons and codex files of the package's node folders (n8n reads `<node>.node.json` and the
	// `file:` icons of nodes and credentials from disk; nothing imports them).
	const nodeDirs = [...new Set(pkg.n8n.nodes.map((n) => path.dirname(sourceOf(n))))];
	for (const nodeDir of nodeDirs) {
		for (const file of fs.readdirSync(path.join(root, nodeDir), { recursive: true })) {
			if (/\.(svg|png|json)$/.test(file)) copy(path.join(root, nodeDir, file), path.join(out, 'dist', nodeDir, file));
		}
	}
	for (const file of ['package.json', 'README.md', 'LICENSE']) copy(path.join(dir, file), path.join(out, file));
	for (const entry of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
		if (!fs.existsSync(path.join(out, entry))) fail(`${name}: ${entry} is missing from the staged package`);
	}
	return out;
}

/** Stages the combined pack in release/<name>/: all of dist/, the root's README and LICENSE. */
function stageCombined() {
	const { private: _private, devDependencies, scripts, ...pkg } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	void _private;
	void devDependencies;
	if (!scripts.prepublishOnly) fail('package.json has no prepublishOnly guard');
	const out = path.join(release, pkg.name);
	fs.cpSync(dist, path.join(out, 'dist'), { recursive: true });
	// The guard runs from the staged folder: release/<name>/ is two levels below the root, like packages/<name>/.
	const staged = { ...pkg, scripts: { prepublishOnly: 'node ../../scripts/publish-guard.js' } };
	fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
	for (const file of ['README.md', 'LICENSE', pkg.main]) copy(path.join(root, file), path.join(out, file));
	return out;
}

function npmPack(cwd) {
	const res = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', release], { cwd, encoding: 'utf8' });
	if (res.status !== 0) fail(`npm pack in ${cwd} failed:\n${res.stderr}`);
	const [info] = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')));
	return { name: info.name, file: path.join(release, info.filename), files: info.entryCount, size: info.size };
}

/**
 * release/tested.json, for scripts/publish-guard.js: written by scripts/test.js when every step of a
 * complete run passed. Each staged package's tarball integrity (sha512 of the file, as npm computes it).
 */
function writeTestedStamp() {
	const crypto = require('crypto');
	const packages = {};
	for (const name of fs.readdirSync(release)) {
		const pkgFile = path.join(release, name, 'package.json');
		if (!fs.existsSync(pkgFile)) continue;
		const { version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
		const file = `${name}-${version}.tgz`;
		const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(path.join(release, file))).digest('base64')}`;
		packages[name] = { version, file, integrity };
	}
	if (Object.keys(packages).length === 0) fail('nothing packed in release/ to stamp');
	const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
	const stamp = { testedAt: new Date().toISOString(), commit: head.status === 0 ? head.stdout.trim() : null, packages };
	fs.writeFileSync(path.join(release, 'tested.json'), `${JSON.stringify(stamp, null, 2)}\n`);
	return stamp;
}

function main() {
	if (!fs.existsSync(path.join(dist, 'nodes'))) fail('dist/ is missing: run `npm run build` first (or `npm run pack`, which builds)');
	fs.rmSync(release, { recursive: true, force: true });
	fs.mkdirSync(release, { recursive: true });
	const packed = [npmPack(stageCombined())];
	for (const provider of providerPackages()) packed.push(npmPack(stage(provider)));
	for (const p of packed) process.stdout.write(`${path.relative(root, p.file)}  ${p.files} files, ${(p.size / 1024).toFixed(0)} kB\n`);
}

if (require.main === module) main();

module.exports = { providerPackages, sourceClosure, sourceOf, writeTestedStamp };
