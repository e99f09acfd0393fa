// What `npm test` needs beyond `npm install`, provisioned by the test run itself so that a fresh
// machine gets exactly what CI gets (`.ci/run` is only the README's `npm install && npm test`):
//   - Debian packages: redis-server (queue-mode tests) and chromium (the editor tier), installed with
//     apt-get when missing and running as root; otherwise a one-line error naming the command.
//   - both real n8n versions (scripts/install-n8n.sh, cached outside the repo), installed in the
//     background while the earlier tiers run.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');

function onPath(name) {
	return (process.env.PATH ?? '')
		.split(path.delimiter)
		.some((dir) => dir && fs.existsSync(path.join(dir, name)));
}

/** Debian packages the chosen tiers need and their command on the PATH. */
function neededPackages({ n8n, browser }) {
	const wanted = [];
	if (n8n) wanted.push({ pkg: 'redis-server', bin: 'redis-server' });
	if (browser && !process.env.CHROMIUM_PATH) wanted.push({ pkg: 'chromium', bin: 'chromium' });
	return wanted.filter((w) => !onPath(w.bin)).map((w) => w.pkg);
}

/**
 * Installs the missing Debian packages. Returns an error line, or undefined when all is there.
 * Never a silent skip: a machine that cannot install them fails the run with the exact command.
 */
function provideDebianPackages(tiers, log = (line) => process.stdout.write(`${line}\n`)) {
	const missing = neededPackages(tiers);
	if (missing.length === 0) return undefined;
	const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) return `npm test needs ${missing.join(' and ')}: run \`sudo ${command}\` (or SKIP_N8N=1 / SKIP_BROWSER=1 to leave those tiers out)`;
	log(`provision: installing ${missing.join(', ')} from Debian (${command})`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
		const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
		if (res.status !== 0) return `\`apt-get ${args.join(' ')}\` failed (exit ${res.status}); run \`${command}\` by hand to see why`;
	}
	const still = neededPackages(tiers);
	return still.length ? `${still.join(', ')} still missing after \`${command}\`` : undefined;
}

/**
 * Starts `scripts/install-n8n.sh <flavour>` in the background (output to a log file) and returns a
 * promise of its outcome. The script cleans npm's inherited configuration itself; the cache is keyed
 * by version, so a warm cache makes this instant.
 */
function installN8n(flavour, logDir) {
	fs.mkdirSync(logDir, { recursive: true });
	const logFile = path.join(logDir, `install-${flavour}.log`);
	const fd = fs.openSync(logFile, 'w');
	const started = Date.now();
	const child = spawn('bash', [path.join(root, 'scripts', 'install-n8n.sh'), flavour], {
		cwd: root,
		stdio: ['ignore', fd, fd],
		env: process.env,
	});
	fs.closeSync(fd);
	return new Promise((resolve) => {
		child.once('error', (error) => resolve({ flavour, ok: false, logFile, seconds: 0, error: String(error) }));
		child.once('exit', (code) =>
			resolve({ flavour, ok: code === 0, code, logFile, seconds: Math.round((Date.now() - started) / 1000) }),
		);
	});
}

function tailOf(file, lines = 30) {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

module.exports = { neededPackages, provideDebianPackages, installN8n, tailOf };

if (require.main === module) {
	// `node scripts/provision.js`: provision everything now (the same as the start of `npm test`).
	const error = provideDebianPackages({ n8n: true, browser: true });
	if (error) {
		process.stderr.write(`${error}\n`);
		process.exit(1);
	}
	Promise.all(['n8n1', 'n8n2'].map((f) => installN8n(f, path.join(os.tmpdir(), 'n8n-install-logs')))).then((results) => {
		for (const r of results) {
			process.stdout.write(`${r.flavour}: ${r.ok ? 'ready' : `FAILED, see ${r.logFile}`} (${r.seconds} s)\n`);
			if (!r.ok) process.stdout.write(`${tailOf(r.logFile)}\n`);
		}
		process.exit(results.every((r) => r.ok) ? 0 : 1);
	});
}
