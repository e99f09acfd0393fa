#!/usr/bin/env node
// The prepublishOnly guard of all six packages: refuses to publish a build that `npm test` did not pass.
//
// `npm test` (scripts/test.js) packs the six tarballs into release/ first (`npm run pack`) and, only
// when every step and every tier passed, writes release/tested.json: the commit and each tarball's
// integrity (sha512, as npm computes it). npm runs this script in the folder being published; it packs
// that folder the way the publish will (`npm pack --dry-run`, deterministic) and refuses unless the
// result is byte for byte a tarball that was tested, from the commit that is checked out now.
// So a publish from packages/<name>/ (no build), from a folder rebuilt or edited after the tests, or
// of a run that failed or skipped a tier, stops here. CI publishes the staged release/<name>/ folders
// in the job that ran npm test (.github/workflows/publish.yml).
//
//   node scripts/publish-guard.js --tarballs   checks every tarball in the stamp's folder instead (CI
//                                              publishes the tested tarballs themselves; npm runs no
//                                              lifecycle script for a tarball)
//   TESTED_STAMP=<file>  another stamp file (the guard's own test)
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const stampFile = process.env.TESTED_STAMP ?? path.join(root, 'release', 'tested.json');

function refuse(reason) {
	process.stderr.write(
		`publish-guard: refusing to publish: ${reason}\n` +
			'Publish only what `npm test` passed: run `npm test` (it builds and packs release/), then publish the staged folders ' +
			'(`cd release/<package> && npm publish`), or push a version tag and let .github/workflows/publish.yml do it.\n',
	);
	process.exit(1);
}

function readStamp() {
	if (!fs.existsSync(stampFile)) refuse(`${stampFile} is missing: no complete, passing \`npm test\` run since the last pack`);
	try {
		return JSON.parse(fs.readFileSync(stampFile, 'utf8'));
	} catch (error) {
		return refuse(`${stampFile} is unreadable: ${error.message}`);
	}
}

function checkCommit(stamp) {
	const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
	if (head.status === 0 && stamp.commit && head.stdout.trim() !== stamp.commit) {
		refuse(`the tests ran on commit ${stamp.commit}, the checkout is at ${head.stdout.trim()}`);
	}
}

/** --tarballs: every tarball beside the stamp is one it lists, with the integrity it recorded. */
function checkTarballs() {
	const stamp = readStamp();
	checkCommit(stamp);
	const dir = path.dirname(stampFile);
	const tarballs = fs.readdirSync(dir).filter((f) => f.endsWith('.tgz')).sort();
	const listed = Object.values(stamp.packages ?? {}).map((p) => p.file).sort();
	if (tarballs.length === 0) refuse(`no tarballs in ${dir}`);
	if (JSON.stringify(tarballs) !== JSON.stringify(listed)) refuse(`the tarballs (${tarballs.join(', ')}) are not the tested ones (${listed.join(', ')})`);
	for (const [name, tested] of Object.entries(stamp.packages)) {
		const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(path.join(dir, tested.file))).digest('base64')}`;
		if (integrity !== tested.integrity) refuse(`${tested.file} is not the tarball that was tested as ${name}@${tested.version}`);
	}
	process.stdout.write(`publish-guard: ${tarballs.length} tarballs are the ones npm test passed on ${stamp.commit ?? 'this checkout'} (${stamp.testedAt})\n`);
}

function main() {
	if (process.argv.includes('--tarballs')) return checkTarballs();
	const cwd = process.cwd();
	const pkgFile = path.join(cwd, 'package.json');
	if (!fs.existsSync(pkgFile)) refuse(`no package.json in ${cwd}`);
	const { name, version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	const stamp = readStamp();
	const tested = stamp.packages?.[name];
	if (!tested) refuse(`${name} is not among the packages the last passing \`npm test\` packed`);
	if (tested.version !== version) refuse(`${name}@${version} is not the tested version (${tested.version})`);
	checkCommit(stamp);
	const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd, encoding: 'utf8' });
	if (pack.status !== 0) refuse(`npm pack --dry-run failed: ${pack.stderr}`);
	const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
	if (info.integrity !== tested.integrity) {
		refuse(`${name}@${version} here (${info.entryCount} files, ${info.integrity.slice(0, 20)}…) is not the build that was tested (${tested.integrity.slice(0, 20)}…)`);
	}
	process.stdout.write(`publish-guard: ${name}@${version} is the tarball npm test passed on ${stamp.commit ?? 'this checkout'} (${stamp.testedAt})\n`);
}

main();
