// Starts scripts/bench/sim-server.js and drives it over its control routes. `options.processes` > 1
// serves the Cliniko simulator from that many processes on one port (limiter off; see sim-server.js).
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');

async function startSim(buildDir, provider, options = {}) {
	// --expose-gc: the server collects the seeding garbage before it reports ready.
	const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'sim-server.js'), buildDir, provider, JSON.stringify(options)], {
		// stdin stays open while this process lives: the server exits when it closes (even on a crash).
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const info = await new Promise((resolve, reject) => {
		let buffer = '';
		child.stdout.on('data', (chunk) => {
			buffer += chunk;
			const newline = buffer.indexOf('\n');
			if (newline !== -1) resolve(JSON.parse(buffer.slice(0, newline)));
		});
		child.once('exit', (code) => reject(new Error(`simulator exited (${code}) before it was ready`)));
	});
	const control = async (method, route, body) => {
		// Several processes (sim-server.js `processes`): the control routes are the primary's, on a port of their own.
		const response = await fetch(`${info.controlUrl ?? info.url}/__sim${route}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`${method} /__sim${route}: HTTP ${response.status}`);
		return response.status === 204 ? undefined : response.json();
	};
	return {
		...info,
		/** Requests since the last clearLog: method, path, query, status, arrival time. */
		log: async () => (await control('GET', '/log')).log.map(({ method, rawPath, rawQuery, query, status, at }) => ({ method, rawPath, rawQuery, query, status, at })),
		clearLog: () => control('DELETE', '/log'),
		setRateLimit: (rateLimit) => control('PUT', '/rate-limit', rateLimit),
		addFault: (fault) => control('POST', '/faults', fault),
		clearFaults: () => control('DELETE', '/faults'),
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', resolve);
				child.kill('SIGTERM');
			}),
	};
}

module.exports = { startSim };
