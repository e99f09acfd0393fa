/**
 * The six packages in release/ (`npm run pack`, scripts/pack.js): the combined pack beside one package
 * per provider, each with its node, its trigger and its credential and the shared core compiled in,
 * and nothing of the other providers (issue 16, item 1).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { COMBINED, PROVIDERS, RELEASE, ROOT, filesUnder, readJson, rootPackage, sourcePackage, tarballOf, unpack, type PackageJson } from './release';

const root = rootPackage();

/**
 * Loads every node and credential a package's "n8n" block names, in a process that can resolve only
 * n8n-workflow: their names, and the run bundles that load read (none: they hold what a run needs).
 */
function loadAlone(dir: string): { names: string[]; runBundlesRead: string[] } {
	const modules = fs.mkdtempSync(path.join(os.tmpdir(), 'only-n8n-workflow-'));
	try {
		fs.symlinkSync(path.join(ROOT, 'node_modules', 'n8n-workflow'), path.join(modules, 'n8n-workflow'));
		const script = `
const path = require('path');
const pkg = require(path.join(process.argv[1], 'package.json'));
const names = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((rel) => {
	const Cls = Object.values(require(path.join(process.argv[1], rel))).find((v) => typeof v === 'function');
	const o = new Cls();
	return (o.description ?? o).name;
});
const runBundlesRead = Object.keys(require.cache).filter((f) => f.endsWith('bundle-run.js'));
process.stdout.write(JSON.stringify({ names, runBundlesRead }));`;
		const out = execFileSync(process.execPath, ['-e', script, dir], { cwd: os.tmpdir(), env: { PATH: process.env.PATH, NODE_PATH: modules }, encoding: 'utf8' });
		return JSON.parse(out) as { names: string[]; runBundlesRead: string[] };
	} finally {
		fs.rmSync(modules, { recursive: true, force: true });
	}
}

/** Module specifiers a compiled file requires that are neither relative nor n8n-workflow. */
function foreignRequires(dir: string): string[] {
	return filesUnder(dir)
		.filter((f) => f.endsWith('.js'))
		.flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => `${f}: ${m[1]}`))
		.filter((r) => !/: (\.{1,2}\/|n8n-workflow$)/.test(r));
}

test('release/ holds the six tarballs: the combined pack and one per provider', () => {
	const tarballs = fs.readdirSync(RELEASE).filter((f) => f.endsWith('.tgz')).sort();
	expect(tarballs).toEqual([COMBINED, ...PROVIDERS.map((p) => p.name)].map((n) => `${n}-${root.version}.tgz`).sort());
	expect(fs.readdirSync(path.join(ROOT, 'packages')).sort()).toEqual(PROVIDERS.map((p) => p.name).sort());
	expect(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('release/');
});

describe('the combined pack', () => {
	let dir: string;
	beforeAll(() => (dir = unpack(COMBINED)));
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	test('is the repository package, publishable, with every node and credential', () => {
		expect(root.private).toBe(true); // the repository root itself is never published (scripts/pack.js)
		const pkg = readJson<PackageJson>(path.join(dir, 'package.json'));
		expect(pkg.private).toBeUndefined();
		expect(pkg.devDependencies).toBeUndefined();
		expect(pkg.scripts).toEqual({ prepublishOnly: 'node ../../scripts/publish-guard.js' });
		expect(pkg.n8n).toEqual(root.n8n);
		expect(fs.existsSync(path.join(dir, 'index.js'))).toBe(true);
		const loaded = loadAlone(dir);
		expect(loaded.names.sort()).toEqual([...PROVIDERS.flatMap((p) => p.nodes), ...PROVIDERS.map((p) => p.credentialType)].sort());
		expect(loaded.runBundlesRead).toEqual([]);
	});
});

describe.each(PROVIDERS)('$name', (provider) => {
	const pkg = sourcePackage(provider.name);
	const others = PROVIDERS.filter((p) => p !== provider);
	let dir: string;
	beforeAll(() => (dir = unpack(provider.name)));
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	test('package.json: name, version, n8n block, keywords, optional peer n8n-workflow, no dependencies, repository', () => {
		expect(pkg.name).toBe(provider.name);
		expect(pkg.version).toBe(root.version);
		expect(pkg.keywords).toEqual(expect.arrayContaining(['n8n-community-node-package', 'n8n']));
		expect(pkg.license).toBe(root.license);
		expect(pkg.author).toEqual(root.author);
		expect(pkg.description).toEqual(expect.any(String));
		expect(pkg.repository).toEqual({ ...root.repository, directory: `packages/${provider.name}` });
		expect(pkg.homepage).toMatch(new RegExp(`^${root.homepage}/tree/main/packages/${provider.name}`));
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.devDependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.peerDependenciesMeta).toEqual({ 'n8n-workflow': { optional: true } });
		expect(pkg.scripts).toEqual({ prepublishOnly: 'node ../../scripts/publish-guard.js' });
		// Every node class file of the provider's folder, and its credential.
		const nodeFiles = fs.readdirSync(path.join(ROOT, 'nodes', provider.folder)).filter((f) => f.endsWith('.node.ts'));
		expect(pkg.n8n.nodes.sort()).toEqual(nodeFiles.map((f) => `dist/nodes/${provider.folder}/${f.replace(/\.ts$/, '.js')}`).sort());
		expect(pkg.n8n.credentials).toEqual([`dist/credentials/${provider.credential}.credentials.js`]);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	test('its folder holds README, LICENSE and links to its sources in the repository', () => {
		const folder = path.join(ROOT, 'packages', provider.name);
		expect(fs.readFileSync(path.join(folder, 'README.md'), 'utf8')).toContain(`npm install ${provider.name}`);
		// The provider's page in docs/ is the package's README (one text, on GitHub and on npm).
		expect(path.relative(ROOT, fs.realpathSync(path.join(folder, 'README.md')))).toMatch(/^docs\/[a-z]+\.md$/);
		expect(fs.readFileSync(path.join(folder, 'LICENSE'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'));
		const real = (rel: string) => fs.realpathSync(path.join(folder, rel));
		expect(real(`nodes/${provider.folder}`)).toBe(fs.realpathSync(path.join(ROOT, 'nodes', provider.folder)));
		expect(real('nodes/shared')).toBe(fs.realpathSync(path.join(ROOT, 'nodes', 'shared')));
		expect(real(`credentials/${provider.credential}.credentials.ts`)).toBe(fs.realpathSync(path.join(ROOT, 'credentials', `${provider.credential}.credentials.ts`)));
		expect(fs.readdirSync(path.join(folder, 'nodes')).sort()).toEqual([provider.folder, 'shared'].sort());
		expect(fs.readdirSync(path.join(folder, 'credentials'))).toEqual([`${provider.credential}.credentials.ts`]);
	});

	test('the tarball holds its node folder, the shared core and its credential, nothing of the other providers', () => {
		const files = filesUnder(dir);
		const allowed = [
			/^(package\.json|README\.md|LICENSE)$/,
			new RegExp(`^dist/nodes/${provider.folder}/`),
			/^dist\/nodes\/shared\//,
			new RegExp(`^dist/credentials/${provider.credential}\\.credentials\\.(js|js\\.map|d\\.ts)$`),
		];
		expect(files.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
		for (const other of others) {
			expect(files.filter((f) => f.includes(`/${other.folder}/`) || f.includes(other.credential))).toEqual([]);
		}
		expect(readJson(path.join(dir, 'package.json'))).toEqual(pkg);
		// The entry points, their codex and the icons the node and credential name with file:.
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
		for (const codex of fs.readdirSync(path.join(ROOT, 'nodes', provider.folder)).filter((f) => f.endsWith('.node.json'))) {
			expect(files).toContain(`dist/nodes/${provider.folder}/${codex}`);
		}
		const credentialSource = fs.readFileSync(path.join(ROOT, 'credentials', `${provider.credential}.credentials.ts`), 'utf8');
		for (const [, icon] of credentialSource.matchAll(/'file:\.\.\/([^']+)'/g)) expect(files).toContain(`dist/${icon}`);
		// The compiled code: the entry points and the bundles (scripts/bundle.js) of its folder and of the shared
		// core, each in two: what n8n loads at start and what a run loads.
		expect(files.filter((f) => f.endsWith('.js')).sort()).toEqual(
			[
				...pkg.n8n.nodes,
				...pkg.n8n.credentials,
				...['bundle.js', 'bundle-run.js'].flatMap((b) => [`dist/nodes/${provider.folder}/${b}`, `dist/nodes/shared/${b}`]),
			].sort(),
		);
		const bundled = (file: string) => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^"([^"]+)": \[function \(exports, require, module\) \{$/gm)].map((m) => m[1]);
		expect(bundled(`dist/nodes/${provider.folder}/bundle.js`).filter((id) => !id.startsWith(`nodes/${provider.folder}/`))).toEqual([]);
		expect(bundled(`dist/nodes/${provider.folder}/bundle.js`)).toContain(`nodes/${provider.folder}/${pkg.n8n.nodes[0].split('/').pop()!.replace(/\.js$/, '')}`);
		expect(bundled(`dist/nodes/${provider.folder}/bundle-run.js`).filter((id) => !id.startsWith(`nodes/${provider.folder}/`))).toEqual([]);
		expect(bundled(`dist/nodes/${provider.folder}/bundle-run.js`)).toContain(`nodes/${provider.folder}/resources/index`);
		expect(bundled('dist/nodes/shared/bundle.js').filter((id) => !id.startsWith('nodes/shared/'))).toEqual([]);
		expect(bundled('dist/nodes/shared/bundle-run.js').filter((id) => !id.startsWith('nodes/shared/'))).toEqual([]);
		expect(bundled('dist/nodes/shared/bundle-run.js')).toContain('nodes/shared/http');
	});

	test('its compiled code requires nothing but its own files and n8n-workflow, and loads alone', () => {
		expect(foreignRequires(dir)).toEqual([]);
		expect(loadAlone(dir)).toEqual({ names: [...provider.nodes, provider.credentialType], runBundlesRead: [] });
	});

	test('is the same compiled code as the combined pack', () => {
		const combined = unpack(COMBINED);
		try {
			const js = filesUnder(path.join(dir, 'dist')).filter((f) => f.endsWith('.js'));
			for (const f of js) expect({ f, same: fs.readFileSync(path.join(dir, 'dist', f)).equals(fs.readFileSync(path.join(combined, 'dist', f))) }).toEqual({ f, same: true });
		} finally {
			fs.rmSync(combined, { recursive: true, force: true });
		}
		expect(fs.statSync(tarballOf(provider.name)).size).toBeLessThan(fs.statSync(tarballOf(COMBINED)).size);
	});
});
