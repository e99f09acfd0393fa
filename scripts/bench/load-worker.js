// Package cold load: require every node and credential file of package.json's `n8n` block in a
// fresh process. Prints the milliseconds spent in require (the spawn is timed by the parent).
'use strict';
const started = process.hrtime.bigint();
const path = require('node:path');
const root = process.argv[2];
const pkg = require(path.join(root, 'package.json'));
for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) require(path.join(root, file));
process.stdout.write(JSON.stringify({ requireMs: Number(process.hrtime.bigint() - started) / 1e6 }) + '\n');
