/**
 * `n8n-node lint` (@n8n/node-cli, the CLI n8n's starter and verification use) in each provider package
 * (issue 16, item 2). packages/<name>/ links its sources from nodes/ and credentials/, and ESLint does
 * not descend into linked folders, so the lint runs where n8n's scanner would see the files: a copy of
 * the package folder with the links resolved (plus node_modules, for ESLint and the shared config). The
 * packages are in strict mode ("n8n.strict": their eslint.config.mjs is n8n's template, unchanged), so
 * the CLI also checks that. A planted setTimeout shows the lint reaches the node sources.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { PROVIDERS, ROOT, sourcePackage } from './release';

jest.setTimeout(5 * 60_000);

const CLI = path.join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');

interface Lint {
	code: number | null;
	output: string;
}

async function lintCopy(name: string, plant?: (dir: string) => void): Promise<Lint> {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-node-lint-${name}-`));
	try {
		const dir = path.join(work, name);
		fs.cpSync(path.join(ROOT, 'packages', name), dir, { recursive: true, dereference: true });
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
		plant?.(dir);
		const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
		// jest's NODE_ENV=test puts eslint-plugin-n8n-nodes-base into its self-test mode.
		delete env.NODE_ENV;
		const child = spawn(process.execPath, [CLI, 'lint'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
		child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
		const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
		// eslint's colours come through FORCE_COLOR=1, which the CLI sets for it.
		return { code, output: output.replace(/\x1b\[[0-9;]*m/g, '') };
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

// The control plants into the smallest package (Xavier's): it only has to show the lint reaches a node source.
const plantSetTimeout = (dir: string) =>
	fs.appendFileSync(path.join(dir, 'nodes', 'Xavier', 'Xavier.node.ts'), '\nexport const planted = () => setTimeout(() => undefined, 1);\n');

// The five lints and the control, two at a time (each is one ESLint process on one core).
const results = new Map<string, Lint>();
beforeAll(async () => {
	const jobs: Array<[string, () => Promise<Lint>]> = [
		...PROVIDERS.map(({ name }) => [name, () => lintCopy(name)] as [string, () => Promise<Lint>]),
		['planted', () => lintCopy('n8n-nodes-dext-precision', plantSetTimeout)],
	];
	const next = async (): Promise<void> => {
		const job = jobs.shift();
		if (!job) return;
		results.set(job[0], await job[1]());
		return next();
	};
	await Promise.all([next(), next()]);
});

test.each(PROVIDERS)('$name passes `n8n-node lint` in strict mode', ({ name }) => {
	expect(sourcePackage(name).n8n.strict).toBe(true);
	const { code, output } = results.get(name)!;
	expect({ code, problems: output.match(/^.*(error|warning)\s.*$/gm) ?? [] }).toEqual({ code: 0, problems: [] });
});

test('a planted setTimeout in a node source fails it', () => {
	const { code, output } = results.get('planted')!;
	expect(code).not.toBe(0);
	expect(output).toMatch(/Xavier\.node\.ts[\s\S]*no-restricted-globals/);
});
