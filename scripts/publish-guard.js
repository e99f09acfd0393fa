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
//   TESTED_STAMP=<file>  another stamp file (the guard's own test)
const { spawnSync } = require('child_process');
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

function main() {
	const cwd = process.cwd();
	const pkgFile = path.join(cwd, 'package.json');
	if (!fs.existsSync(pkgFile)) refuse(`no package.json in ${cwd}`);
	const { name, version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	if (!fs.existsSync(stampFile)) refuse(`${path.relative(cwd, stampFile)} is missing: no complete, passing \`npm test\` run since the last pack`);
	let stamp;
	try {
		stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
	} catch (error) {
		refuse(`${stampFile} is unreadable: ${error.message}`);
	}
	const tested = stamp.packages?.[name];
	if (!tested) refuse(`${name} is not among the packages the last passing \`npm test\` packed`);
	if (tested.version !== version) refuse(`${name}@${version} is not the tested version (${tested.version})`);
	const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
	if (head.status === 0 && stamp.commit && head.stdout.trim() !== stamp.commit) {
		refuse(`the tests ran on commit ${stamp.commit}, the checkout is at ${head.stdout.trim()}`);
	}
	const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd, encoding: 'utf8' });
	if (pack.status !== 0) refuse(`npm pack --dry-run failed: ${pack.stderr}`);
	const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
	if (info.integrity !== tested.integrity) {
		refuse(`${name}@${version} here (${info.entryCount} files, ${info.integrity.slice(0, 20)}…) is not the build that was tested (${tested.integrity.slice(0, 20)}…)`);
	}
	process.stdout.write(`publish-guard: ${name}@${version} is the tarball npm test passed on ${stamp.commit ?? 'this checkout'} (${stamp.testedAt})\n`);
}

main();
