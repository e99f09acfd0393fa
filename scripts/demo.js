#!/usr/bin/env node
// `npm run demo`: the package inside a local n8n, wired to the provider simulators.
//
//   1. builds the package (npm run build) and compiles test/ (simulators, n8n harness) into .build/
//   2. starts every simulator (scripts/simulators.js --no-build, fixed ports 4101…)
//   3. installs n8n into the shared cache if needed (scripts/install-n8n.sh; several minutes, once)
//   4. sets up a persistent n8n user folder in .n8n-demo/<flavour>/ with the package installed from
//      its npm-pack tarball into .n8n/nodes (as Settings › Community nodes does), a credential per
//      provider pointed at its simulator (and the AI Agent example's "OpenAI account" at the demo's
//      stand-in model, test/helpers/demoChatModel.ts), and the example workflows from examples/
//   5. starts n8n, sets up the owner account and prints the editor URL and login; Ctrl-C stops all.
//
//   node scripts/demo.js [--n8n2] [--custom] [--port=5678] [--no-build] [--folder=DIR]
//     --n8n2      n8n 2.x (on Node 24 from the cache) instead of 1.x
//     --custom    load the package as a custom extension (N8N_CUSTOM_EXTENSIONS) instead of the tarball
//     --folder    the n8n user folder (default .n8n-demo/<flavour>; the demo test uses a temp folder)
//
// Credentials get the id `<simulator>-simulator` (e.g. `xavier-simulator`), which is what the
// examples in examples/ refer to. Real accounts work by editing the credential in the editor.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
	const hit = args.find((a) => a.startsWith(`--${name}=`));
	return hit ? hit.slice(name.length + 3) : fallback;
};
const flavour = flag('n8n2') ? 'n8n2' : 'n8n1';
const packageMode = flag('custom') ? 'custom' : 'tarball';
const port = Number(option('port', '5678'));

/** Display names for credentials (a provider without one here uses its simulator name). */
const PROVIDERS = {
	xavier: 'Xavier Analytics',
	cliniko: 'Cliniko',
	saveris: 'testo Saveris',
	clientxcms: 'CLIENTXCMS',
	xtrakit: 'XtraKit',
};

function step(message) {
	console.log(`\n▶ ${message}`);
}

function run(cmd, cmdArgs, { tolerate } = {}) {
	const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0 && !(tolerate && tolerate())) {
		console.error(`demo: ${cmd} ${cmdArgs.join(' ')} failed (exit ${result.status})`);
		process.exit(1);
	}
	return result.status === 0;
}

/** Starts scripts/simulators.js and resolves with what it printed for each simulator. */
function startSimulators() {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(__dirname, 'simulators.js'), '--no-build'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const sims = [];
		let ready = false;
		readline.createInterface({ input: child.stdout }).on('line', (line) => {
			if (!ready) console.log(`  ${line}`);
			const m = /^(\S+)\s+(https?:\/\/\S+)\s*(.*)$/.exec(line);
			if (m && !line.startsWith('simulators:')) {
				const credentials = {};
				// scripts/simulators.js prints `key=value` pairs two spaces apart (a value may hold one space).
				for (const pair of m[3].split(/\s{2,}/)) {
					const eq = pair.indexOf('=');
					if (eq > 0) credentials[pair.slice(0, eq)] = pair.slice(eq + 1);
				}
				sims.push({ name: m[1], url: m[2], credentials });
			}
			if (line.startsWith('simulators: running')) {
				ready = true;
				resolve({ child, sims });
			}
		});
		child.once('exit', (code) => {
			if (!ready) reject(new Error(`simulators exited (${code}) before they were ready`));
			else if (!stopping) {
				console.error(`demo: the simulators stopped unexpectedly (${code})`);
				void shutdown(1);
			}
		});
	});
}

/** `dist/credentials/XavierApi.credentials.js` → `xavierApi`; `dist/nodes/Xavier/XavierTrigger.node.js` → `xavierTrigger`. */
function typeNameOf(file, suffix) {
	const base = path.basename(file, suffix);
	return base.charAt(0).toLowerCase() + base.slice(1);
}

let stopping = false;
let server;
let simulators;

async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	console.log('\nStopping n8n and the simulators…');
	try {
		if (server) await server.stop();
	} catch (error) {
		console.error(error);
	}
	if (simulators && simulators.exitCode === null) {
		const exited = new Promise((r) => simulators.once('exit', r));
		simulators.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
	}
	process.exit(code);
}

async function main() {
	if (!flag('no-build')) {
		step('Building the package (npm run build)');
		run('npm', ['run', 'build', '--silent']);
	}
	step('Compiling the simulators and the n8n harness (tsc -p test/tsconfig.json → .build/)');
	const harnessFile = path.join(root, '.build', 'test', 'harness', 'n8n.js');
	run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', path.join('test', 'tsconfig.json')], {
		// tsc still emits when types elsewhere fail; go on if what the demo needs was emitted.
		tolerate: () => fs.existsSync(harnessFile) && fs.existsSync(path.join(root, '.build', 'test', 'simulators', 'index.js')),
	});

	step(`Installing n8n for ${flavour} if it is not cached yet (first time: several minutes)`);
	run('bash', [path.join(__dirname, 'install-n8n.sh'), flavour]);

	step('Starting the provider simulators');
	process.once('SIGINT', () => void shutdown(0));
	process.once('SIGTERM', () => void shutdown(0));
	const started = await startSimulators();
	simulators = started.child;

	const harness = require(harnessFile);
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const credentialTypes = pkg.n8n.credentials.map((f) => typeNameOf(f, '.credentials.js'));
	const nodeNames = new Set(pkg.n8n.nodes.map((f) => typeNameOf(f, '.node.js')));

	const userFolder = path.resolve(option('folder', path.join(root, '.n8n-demo', flavour)));
	step(`Preparing the n8n user folder ${path.relative(root, userFolder)} (package from the ${packageMode === 'tarball' ? 'npm-pack tarball' : 'custom extension folder'})`);
	const env = await harness.createN8nEnv(flavour, {
		packageMode,
		userFolder,
		artifactsDir: path.join(userFolder, 'logs'),
		name: 'demo',
	});

	const credentials = [];
	for (const sim of started.sims) {
		if (sim.name === 'openai') {
			// The AI Agent example's chat model credential, pointed at the demo's stand-in model.
			credentials.push({ id: 'openai-account', name: 'OpenAI account', type: 'openAiApi', data: sim.credentials });
			continue;
		}
		const type = credentialTypes.find((t) => t.toLowerCase() === `${sim.name.toLowerCase()}api`);
		if (!type) {
			console.log(`  (no credential type for simulator "${sim.name}" in this build; skipped)`);
			continue;
		}
		credentials.push({
			id: `${sim.name}-simulator`,
			name: `${PROVIDERS[sim.name] ?? sim.name} (simulator)`,
			type,
			data: sim.credentials,
		});
	}
	if (credentials.length > 0) {
		await harness.importCredentials(env, credentials);
		for (const c of credentials) console.log(`  credential "${c.name}" (${c.type}) → ${c.data.baseUrl ?? c.data.url ?? ''}`);
	}

	const exampleDir = path.join(root, 'examples');
	const examples = [];
	for (const file of fs.existsSync(exampleDir) ? fs.readdirSync(exampleDir).filter((f) => f.endsWith('.json')).sort() : []) {
		const workflow = JSON.parse(fs.readFileSync(path.join(exampleDir, file), 'utf8'));
		const missing = workflow.nodes
			.map((n) => n.type)
			.filter((t) => t.startsWith(`${harness.PACKAGE_NAME}.`))
			// `<node>Tool`: the AI-agent tool n8n makes of every node with `usableAsTool`.
			.filter((t) => !nodeNames.has(t.slice(harness.PACKAGE_NAME.length + 1).replace(/Tool$/, '')));
		if (missing.length > 0) {
			console.log(`  (example ${file} skipped: ${missing.join(', ')} not in this build)`);
			continue;
		}
		examples.push(workflow);
	}
	if (examples.length > 0) {
		await harness.importWorkflow(env, examples);
		for (const wf of examples) console.log(`  workflow "${wf.name}"`);
	}

	step(`Starting n8n ${env.install.version} on port ${port}`);
	server = await harness.startN8nServer(env, { port });
	server.onExit?.(() => {
		if (!stopping) {
			console.error('demo: n8n stopped unexpectedly; see the log above');
			void shutdown(1);
		}
	});
	const { OWNER } = harness;
	console.log(`
n8n ${env.install.version} is running with ${harness.PACKAGE_NAME} (${packageMode}).

  Editor:    ${server.url}
  E-mail:    ${OWNER.email}
  Password:  ${OWNER.password}

  Credentials point at the local simulators; edit a credential to use a real account.
  Trigger, webhook and schedule examples are imported inactive: activate one to have it poll,
  answer on its production URL (…/webhook/<path>) or run on its schedule.
  The AI Agent example chats with a stand-in model (no AI): it calls the tool whose name shares
  words with your question, e.g. "Find Cliniko patients named Citizen"; use your own OpenAI
  credential for a real model.
  n8n log:   ${path.relative(root, path.join(env.artifactsDir, `server-${server.port}.log`))}

Ctrl-C stops n8n and the simulators.`);
}

main().catch(async (error) => {
	console.error(`demo: ${error && error.stack ? error.stack : error}`);
	await shutdown(1);
});
