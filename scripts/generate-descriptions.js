#!/usr/bin/env node
// Generates nodes/<Provider>/generated/properties.json for each regular node: the node's parameters
// (its description's `properties`) as its resources/ build them. Building them merges identical fields of
// many operations (nodes/shared/compact.ts), which takes far longer than n8n should wait when it loads
// the package (issue 17: cold load), so it is done here, once, and the node imports the result. The
// output is committed; test/unit/descriptions/generated.test.ts fails when it is stale.
//
//   node scripts/generate-descriptions.js           rewrite the generated file
//   node scripts/generate-descriptions.js --check   exit 1 when the committed file is stale
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
/** Each generated file, and the compiled module and function that build its parameters. */
const TARGETS = [
	{ file: 'nodes/Cliniko/generated/properties.json', module: 'nodes/Cliniko/resources/index.js', build: 'clinikoProperties' },
	{ file: 'nodes/ClientXcms/generated/properties.json', module: 'nodes/ClientXcms/resources/index.js', build: 'clientXcmsProperties' },
	{ file: 'nodes/XtraKit/generated/properties.json', module: 'nodes/XtraKit/resources/index.js', build: 'xtraKitProperties' },
	{ file: 'nodes/Saveris/generated/properties.json', module: 'nodes/Saveris/resources/index.js', build: 'saverisProperties' },
	{ file: 'nodes/Xavier/generated/properties.json', module: 'nodes/Xavier/resources/index.js', build: 'xavierProperties' },
];
// A compile of its own per run (node_modules may be shared by several worktrees); inside node_modules so
// that the compiled code finds n8n-workflow.
const buildDir = path.join(root, 'node_modules', '.cache', `descriptions-build-${process.pid}`);

/** The file's text for a property list: one parameter a line, so a diff shows which changed. */
function render(properties) {
	return `[\n${properties.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
}

function main() {
	fs.rmSync(buildDir, { recursive: true, force: true });
	// The nodes import these files: a new one starts empty so that the code compiles.
	if (!process.argv.includes('--check')) {
		for (const target of TARGETS) {
			const out = path.join(root, target.file);
			if (!fs.existsSync(out)) {
				fs.mkdirSync(path.dirname(out), { recursive: true });
				fs.writeFileSync(out, '[]\n');
			}
		}
	}
	const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
	const result = spawnSync(tsc, ['-p', 'tsconfig.json', '--outDir', buildDir, '--declaration', 'false', '--sourceMap', 'false'], { cwd: root, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`tsc failed:\n${result.stdout}${result.stderr}`);
	let stale = false;
	for (const target of TARGETS) {
		const out = path.join(root, target.file);
		const text = render(require(path.join(buildDir, target.module))[target.build]());
		const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
		if (process.argv.includes('--check')) {
			if (current !== text) {
				console.error(`${target.file} is stale: run \`npm run generate:descriptions\``);
				stale = true;
			}
			continue;
		}
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, text);
		console.log(`wrote ${target.file} (${text.length} bytes)`);
	}
	fs.rmSync(buildDir, { recursive: true, force: true });
	if (stale) process.exit(1);
}

if (require.main === module) main();
module.exports = { render, TARGETS };
