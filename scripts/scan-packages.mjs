#!/usr/bin/env node
// n8n's community-package scan (`@n8n/scan-community-package`, the check n8n runs before it verifies a
// package), on the six tarballs in release/ (`npm run pack`) and on this repository, the way its CLI
// runs on a published package (scanner.mjs, analyzePackageByName) minus the registry:
//   1. the source: in a copy of the repository as GitHub serves it (the files git tracks or would
//      track, symbolic links kept), `findPackageRoot` picks the folder whose package.json has the
//      package's name, and `analyzePackage` lints its SOURCE_FILE_PATTERNS
//      (package.json, {nodes,credentials}/**/*.{js,ts,json});
//   2. the tarball, unpacked: `analyzePackage` on its **/*.js and package.json.
// Prints one JSON report (--json) or a table; exits 1 when a package fails.
// The test (test/packages/scan.test.ts) also feeds it a tarball and a source with a planted violation
// (--tamper <package>), so a scan that passes everything cannot go unnoticed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = path.join(root, 'release');
const require = createRequire(import.meta.url);

// SCANNER_DIR: another install of the scanner (a scratch folder while the lockfile catches up).
const scannerDir = process.env.SCANNER_DIR ?? path.dirname(require.resolve('@n8n/scan-community-package/package.json'));
const scanner = await import(pathToFileURL(path.join(scannerDir, 'scanner', 'scanner.mjs')).href);
const glob = createRequire(path.join(scannerDir, 'scanner', 'scanner.mjs'))('fast-glob');
const { version: scannerVersion } = JSON.parse(fs.readFileSync(path.join(scannerDir, 'package.json'), 'utf8'));

const args = process.argv.slice(2);
const json = args.includes('--json');
// --tamper <package>: scan only that package, with a planted violation in each leg.
const tamper = args.includes('--tamper') ? args[args.indexOf('--tamper') + 1] : undefined;

function run(cmd, cmdArgs, options = {}) {
	const res = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
	if (res.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed: ${res.stderr}`);
	return res.stdout;
}

/** The repository as a source archive holds it: tracked and untracked-but-not-ignored files. */
function sourceSnapshot(dest) {
	const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], { cwd: root })
		.split('\0')
		.filter((f) => f && (fs.existsSync(path.join(root, f)) || isLink(path.join(root, f))));
	for (const file of files) {
		const from = path.join(root, file);
		const to = path.join(dest, file);
		fs.mkdirSync(path.dirname(to), { recursive: true });
		if (isLink(from)) fs.symlinkSync(fs.readlinkSync(from), to);
		else if (fs.statSync(from).isFile()) fs.copyFileSync(from, to);
	}
}

function isLink(file) {
	try {
		return fs.lstatSync(file).isSymbolicLink();
	} catch {
		return false;
	}
}

/** What analyzePackage will lint for these patterns (its own glob call), relative to the folder. */
function filesFor(dir, patterns) {
	return glob
		.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] })
		.sort();
}

const tarballs = (fs.existsSync(release) ? fs.readdirSync(release).filter((f) => f.endsWith('.tgz')).sort() : []).filter(
	(f) => !tamper || f.startsWith(`${tamper}-`),
);
if (tarballs.length === 0) {
	process.stderr.write('no tarballs in release/: run `npm run pack` first\n');
	process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-packages-'));
const reports = [];
try {
	const source = path.join(work, 'source');
	sourceSnapshot(source);
	for (const tarball of tarballs) {
		const unpacked = path.join(work, 'tarballs', tarball.replace(/\.tgz$/, ''));
		fs.mkdirSync(unpacked, { recursive: true });
		run('tar', ['-xzf', path.join(release, tarball), '-C', unpacked, '--strip-components=1']);
		const { name, version } = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
		const packageRoot = scanner.findPackageRoot(source, name);
		const report = { name, version, tarball, packageRoot: packageRoot && path.relative(source, packageRoot) };
		if (tamper) {
			// A console call in a compiled node (tarball leg) and a setTimeout in a node's source (source leg).
			const pkg = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
			fs.appendFileSync(path.join(unpacked, pkg.n8n.nodes[0]), '\nconsole.log("tampered");\n');
			if (packageRoot) {
				const copy = path.join(work, 'tampered-source', name);
				fs.cpSync(packageRoot, copy, { recursive: true, dereference: true });
				const nodeSource = path.join(copy, pkg.n8n.nodes[0].replace(/^dist\//, '').replace(/\.js$/, '.ts'));
				fs.appendFileSync(nodeSource, '\nexport const tampered = () => setTimeout(() => undefined, 1);\n');
				report.packageRoot = `${report.packageRoot} (tampered copy)`;
				Object.assign(report, await legs(copy, unpacked));
			} else Object.assign(report, await legs(undefined, unpacked));
		} else Object.assign(report, await legs(packageRoot, unpacked));
		report.passed = Boolean(packageRoot) && report.source.passed && report.tarball.passed;
		reports.push(report);
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

async function legs(sourceRoot, unpacked) {
	const leg = async (dir, patterns) => {
		const result = await scanner.analyzePackage(dir, patterns);
		return { passed: result.passed, message: result.message, details: result.details, files: filesFor(dir, patterns) };
	};
	return {
		source: sourceRoot ? await leg(sourceRoot, scanner.SOURCE_FILE_PATTERNS) : { passed: false, message: 'findPackageRoot found no package.json with this name', files: [] },
		tarball: await leg(unpacked, ['**/*.js', 'package.json']),
	};
}

if (json) process.stdout.write(`${JSON.stringify({ scannerVersion, sourceFilePatterns: scanner.SOURCE_FILE_PATTERNS, reports }, null, 2)}\n`);
else {
	process.stdout.write(`@n8n/scan-community-package ${scannerVersion}\n`);
	for (const r of reports) {
		process.stdout.write(`${r.passed ? 'ok  ' : 'FAIL'} ${r.name}@${r.version}  source ${r.packageRoot ?? '(not found)'}: ${r.source.files.length} files; tarball: ${r.tarball.files.length} files\n`);
		for (const l of [r.source, r.tarball]) if (!l.passed) process.stdout.write(`${l.message}\n${l.details ?? ''}\n`);
	}
}
process.exit(reports.every((r) => r.passed) ? 0 : 1);
