#!/usr/bin/env node
// Prints every node's resources and operations (and trigger events) with HTTP method and path, as
// JSON, from the operation tables the nodes themselves run. `--markdown` prints the README table.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const nodesDir = path.join(root, 'dist', 'nodes');
if (!fs.existsSync(nodesDir)) {
	process.stderr.write('dist/ is missing: run `npm run build` first\n');
	process.exit(1);
}

function loadCatalog() {
	const out = [];
	for (const dir of fs.readdirSync(nodesDir).sort()) {
		const file = path.join(nodesDir, dir, 'catalog.js');
		if (!fs.existsSync(file)) continue;
		const { catalog } = require(file);
		if (!catalog) continue;
		out.push({
			provider: catalog.provider,
			nodes: catalog.nodes.map((n) => ({
				node: n.node,
				displayName: n.displayName,
				...(n.operations && {
					operations: n.operations.map((op) => ({
						resource: op.resource,
						operation: op.operation,
						name: op.name,
						method: op.method,
						path: op.path,
					})),
				}),
				...(n.events && { events: n.events }),
			})),
		});
	}
	return out;
}

function markdown(catalog) {
	const lines = ['| Node | Resource | Operation | Method | Path |', '|---|---|---|---|---|'];
	for (const provider of catalog) {
		for (const node of provider.nodes) {
			for (const op of node.operations ?? []) {
				lines.push(`| ${node.displayName} | ${op.resource} | ${op.name} | ${op.method} | \`${op.path}\` |`);
			}
			for (const ev of node.events ?? []) {
				lines.push(`| ${node.displayName} | (event) | ${ev.name} | ${ev.method} | \`${ev.path}\` (polled) |`);
			}
		}
	}
	return lines.join('\n');
}

const catalog = loadCatalog();
if (require.main === module) {
	process.stdout.write(process.argv.includes('--markdown') ? `${markdown(catalog)}\n` : `${JSON.stringify(catalog, null, 2)}\n`);
}
module.exports = { loadCatalog, markdown };
