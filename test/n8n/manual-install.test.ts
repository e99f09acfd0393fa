/**
 * The README's manual install ("Install into n8n › Manually"), run exactly as written on Node 20 and
 * on Node 24, against the packed tarball instead of the registry (the only change to the command), in
 * an empty home folder and with a clean environment (no npm_config_* from the `npm test` that started
 * us, which would set ignore-scripts and hide a failing native build).
 *
 * What it guards: npm 7+ installs peer dependencies, so a plain `n8n-workflow` peer pulled in
 * n8n-workflow 2.x and isolated-vm (whose build fails on Node 20, EBADENGINE) and, on Node 24, 133
 * packages including a second n8n-workflow that the nodes then loaded instead of n8n's own. The peer is
 * optional (`peerDependenciesMeta`), so only the package lands in the folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { PACKAGE_NAME, REPO_ROOT, ensureN8n, packTarball, runProcess } from '../harness/n8n';

jest.setTimeout(10 * 60_000);

/** The commands of the README's manual-install block (comments dropped). */
function documentedCommands(): string[] {
	const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const at = readme.indexOf('**Manually**');
	expect(at).toBeGreaterThan(0);
	const block = /```bash\n([\s\S]*?)```/.exec(readme.slice(at));
	expect(block).not.toBeNull();
	return block![1]
		.split('\n')
		.map((line) => line.replace(/\s+#.*$/, '').trim())
		.filter((line) => line && !line.startsWith('#'));
}

/** The environment of a user's shell: no npm configuration inherited from `npm test`. */
function userEnv(home: string, nodeBin: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) || key === 'NODE_ENV' || key === 'INIT_CWD') continue;
		env[key] = value;
	}
	return { ...env, HOME: home, PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` };
}

describe("the README's manual install", () => {
	const commands = documentedCommands();

	test('is a plain `npm install <package>` into ~/.n8n/nodes', () => {
		expect(commands).toContain(`npm install ${PACKAGE_NAME}`);
		expect(commands.some((c) => c.includes('~/.n8n/nodes'))).toBe(true);
	});

	test.each([
		['Node 20 (n8n 1.x)', 'n8n1'],
		['Node 24 (n8n 2.x)', 'n8n2'],
	] as const)('installs only the package on %s', async (_label, flavour) => {
		const tarball = await packTarball();
		const { nodeBin } = await ensureN8n(flavour);
		const home = fs.mkdtempSync(path.join(os.tmpdir(), `manual-install-${flavour}-`));
		try {
			const script = ['set -e', ...commands.map((c) => c.split(`npm install ${PACKAGE_NAME}`).join(`npm install --no-audit --no-fund ${tarball}`))].join('\n');
			const env = userEnv(home, nodeBin);
			const version = await runProcess(nodeBin, ['--version'], { env, timeoutMs: 30_000 });
			expect(version.stdout.trim()).toMatch(flavour === 'n8n1' ? /^v20\./ : /^v24\./);
			const res = await runProcess('bash', ['-c', script], { cwd: home, env, timeoutMs: 5 * 60_000 });
			if (res.code !== 0) throw new Error(`the documented install failed (exit ${res.code}):\n${res.stderr}\n${res.stdout}`);

			const nodesDir = path.join(home, '.n8n', 'nodes');
			const installed = fs.readdirSync(path.join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.'));
			expect(installed).toEqual([PACKAGE_NAME]);
			const pkg = JSON.parse(fs.readFileSync(path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8')) as {
				dependencies?: object;
				peerDependenciesMeta?: Record<string, { optional?: boolean }>;
			};
			expect(pkg.dependencies ?? {}).toEqual({});
			expect(pkg.peerDependenciesMeta?.['n8n-workflow']?.optional).toBe(true);
			expect(fs.existsSync(path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'dist', 'nodes', 'Cliniko', 'Cliniko.node.js'))).toBe(true);
			expect(`${res.stdout}\n${res.stderr}`).not.toMatch(/EBADENGINE|isolated-vm/);
		} finally {
			fs.rmSync(home, { recursive: true, force: true });
		}
	});
});
