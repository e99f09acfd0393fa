#!/usr/bin/env node
// `npm run simulators`: every provider simulator on its fixed port, for the demo and for poking at by
// hand (curl, a local n8n). Compiles test/ first (simulators are TypeScript), then starts each entry of
// the registry in test/simulators/index.ts and runs until SIGINT/SIGTERM.
//
//   node scripts/simulators.js             compile, then start all
//   node scripts/simulators.js --no-build  start from the existing .build/ output
//   XAVIER_SIM_PORT=5101 node scripts/simulators.js
//
// Control routes on every simulator: GET /__sim/log, POST|GET|DELETE /__sim/faults, POST /__sim/reset,
// GET|PUT /__sim/rate-limit (see test/simulators/core/control-routes.ts).
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const registryFile = path.join(root, '.build', 'test', 'simulators', 'index.js');

function build() {
	const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
	const result = spawnSync(tsc, ['-p', path.join('test', 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
	if (result.status === 0) return;
	// tsc still emits JavaScript when types fail (noEmitOnError is off). Errors elsewhere in test/ or
	// nodes/ should not keep the simulators from starting, so go on if the registry was emitted.
	if (!fs.existsSync(registryFile)) {
		console.error('simulators: compilation failed and produced no registry; see the errors above.');
		process.exit(1);
	}
	console.warn('simulators: tsc reported errors (above); starting from what it emitted.');
}

function portFor(name, ports) {
	const entry = ports[name];
	if (!entry) throw new Error(`simulators: no port configured for "${name}" in test/simulators/index.ts`);
	const fromEnv = process.env[entry.env];
	if (fromEnv === undefined || fromEnv === '') return entry.port;
	const port = Number(fromEnv);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`simulators: ${entry.env}=${fromEnv} is not a port`);
	return port;
}

async function main() {
	if (!process.argv.includes('--no-build')) build();
	const { simulators, simulatorPorts } = require(registryFile);

	const running = [];
	const stop = async (signal) => {
		console.log(`\nsimulators: ${signal}, stopping.`);
		await Promise.allSettled(running.map((sim) => sim.close()));
		process.exit(0);
	};
	process.once('SIGINT', () => void stop('SIGINT'));
	process.once('SIGTERM', () => void stop('SIGTERM'));

	for (const [name, start] of Object.entries(simulators)) {
		try {
			const sim = await start({ port: portFor(name, simulatorPorts) });
			running.push(sim);
			const creds = Object.entries(sim.credentials)
				.map(([key, value]) => `${key}=${value}`)
				.join('  ');
			console.log(`${name.padEnd(11)} ${sim.url}  ${creds}`);
		} catch (error) {
			await Promise.allSettled(running.map((sim) => sim.close()));
			console.error(`simulators: ${name} failed to start: ${error && error.message ? error.message : error}`);
			process.exit(1);
		}
	}
	console.log('simulators: running; Ctrl-C to stop.');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
