// Package cold load on top of n8n-workflow (issue 17), in a fresh process:
//   node coldload-worker.js <package dir> base   requires n8n-workflow only
//   node coldload-worker.js <package dir> full   requires n8n-workflow, then requires and instantiates
//                                                every node and credential of package.json's `n8n` block
//   node coldload-worker.js <package dir> floor <dir>
//                                                writes into <dir> the floor package: the same entry
//                                                points, each a class holding only what our instance
//                                                holds as data (description, credential fields), parsed
//                                                from JSON when instantiated; then measure it with `full`
// Prints { workflowMs, addedMs } (addedMs only for full) and, for full, each node's serialised
// description size (what n8n sends to every editor). n8n itself has loaded n8n-workflow before it loads a
// community package, so "added" is what the package costs n8n; the floor is what any package offering
// these nodes and credentials costs it (Node finding and reading the entry files, parsing the data).
'use strict';
const path = require('node:path');
const root = process.argv[2];
const mode = process.argv[3] ?? 'full';
const pkg = require(path.join(root, 'package.json'));
// n8n-workflow as the package resolves it (the repository's node_modules).
const workflowPath = require.resolve('n8n-workflow', { paths: [root] });
const t0 = process.hrtime.bigint();
require(workflowPath);
const t1 = process.hrtime.bigint();
const out = { workflowMs: Number(t1 - t0) / 1e6 };
if (mode === 'full') {
	const instances = [];
	for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
		const mod = require(path.join(root, file));
		for (const Type of Object.values(mod)) if (typeof Type === 'function') instances.push(new Type());
	}
	const t2 = process.hrtime.bigint();
	out.addedMs = Number(t2 - t1) / 1e6;
	out.descriptions = {};
	for (const instance of instances) {
		if (instance.description?.properties) out.descriptions[instance.description.name] = JSON.stringify(instance.description).length;
	}
}
if (mode === 'floor') {
	const fs = require('node:fs');
	const dir = process.argv[4];
	for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
		const lines = ['"use strict";'];
		for (const [name, Type] of Object.entries(require(path.join(root, file)))) {
			if (typeof Type !== 'function') continue;
			const data = JSON.stringify(JSON.stringify(new Type()));
			lines.push(`exports.${name} = class ${name} { constructor() { Object.assign(this, JSON.parse(${data})); } };`);
		}
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
	}
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'floor', n8n: pkg.n8n }));
	// n8n-workflow as the measured package resolves it: its node_modules folder, linked.
	const marker = `${path.sep}node_modules${path.sep}`;
	fs.symlinkSync(workflowPath.slice(0, workflowPath.lastIndexOf(marker) + marker.length - 1), path.join(dir, 'node_modules'), 'dir');
}
process.stdout.write(JSON.stringify(out) + '\n');
