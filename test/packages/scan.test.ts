/**
 * n8n's own pre-verification scan, `@n8n/scan-community-package` (issue 16, item 2), on the six
 * tarballs and this repository, through scripts/scan-packages.mjs: its exported `findPackageRoot`
 * finds each package's source folder by the package.json with the package's name, `analyzePackage`
 * lints that folder's SOURCE_FILE_PATTERNS and the unpacked tarball's **\/*.js and package.json. (Its CLI
 * needs a published package with npm provenance.) A run with a planted violation in each leg proves
 * the scan lints the files it is meant to.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { COMBINED, PROVIDERS, ROOT } from './release';

jest.setTimeout(10 * 60_000);

interface Leg {
	passed: boolean;
	message?: string;
	details?: string;
	files: string[];
}
interface Report {
	name: string;
	version: string;
	packageRoot: string | null;
	passed: boolean;
	source: Leg;
	tarball: Leg;
}

/** The environment n8n runs the scanner in: jest's NODE_ENV=test switches eslint-plugin-n8n-nodes-base
 * into its own self-test mode (rules then check against fixture names and fail real files). */
function scannerEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	delete env.NODE_ENV;
	return env;
}

function scan(...args: string[]): { code: number | null; scannerVersion: string; sourceFilePatterns: string[]; reports: Report[] } {
	const res = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'scan-packages.mjs'), '--json', ...args], {
		cwd: ROOT,
		env: scannerEnv(),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (!res.stdout.trim().startsWith('{')) throw new Error(`scan-packages.mjs printed no report (exit ${res.status}):\n${res.stderr}`);
	return { code: res.status, ...(JSON.parse(res.stdout) as { scannerVersion: string; sourceFilePatterns: string[]; reports: Report[] }) };
}

describe('@n8n/scan-community-package on the six packages', () => {
	let result: ReturnType<typeof scan>;
	beforeAll(() => {
		result = scan();
	});
	const report = (name: string) => {
		const r = result.reports.find((x) => x.name === name);
		if (!r) throw new Error(`no report for ${name}`);
		return r;
	};

	test('is the scanner version the issue names, with its source patterns', () => {
		expect(result.scannerVersion).toBe('0.32.0');
		expect(result.sourceFilePatterns).toEqual(['package.json', '{nodes,credentials}/**/*.{js,ts,json}']);
		expect(result.reports.map((r) => r.name).sort()).toEqual([COMBINED, ...PROVIDERS.map((p) => p.name)].sort());
	});

	test('the combined pack: its source is the repository root, and both legs pass', () => {
		const r = report(COMBINED);
		expect(r.packageRoot).toBe('');
		expect(r.source.files).toEqual(expect.arrayContaining(['package.json', ...PROVIDERS.map((p) => `credentials/${p.credential}.credentials.ts`)]));
		expect(r.source.files.some((f) => f.startsWith('packages/'))).toBe(false);
		expect({ source: r.source.details ?? r.source.message, tarball: r.tarball.details ?? r.tarball.message, passed: r.passed }).toEqual({
			source: undefined,
			tarball: undefined,
			passed: true,
		});
	});

	test.each(PROVIDERS)('$name: its source is packages/$name (its node, trigger, credential and the shared core), and both legs pass', (provider) => {
		const r = report(provider.name);
		expect(r.packageRoot).toBe(`packages/${provider.name}`);
		const expectedSources = [
			'package.json',
			`credentials/${provider.credential}.credentials.ts`,
			...provider.nodes.map((n) => `nodes/${provider.folder}/${n.charAt(0).toUpperCase()}${n.slice(1)}.node.ts`),
			'nodes/shared/http.ts',
		];
		// Node file names are the class names (ClientXcms.node.ts, XtraKitTrigger.node.ts).
		expect(r.source.files.map((f) => f.toLowerCase())).toEqual(expect.arrayContaining(expectedSources.map((f) => f.toLowerCase())));
		expect(r.source.files.filter((f) => !f.startsWith(`nodes/${provider.folder}/`) && !f.startsWith('nodes/shared/') && f !== 'package.json' && f !== `credentials/${provider.credential}.credentials.ts`)).toEqual([]);
		expect(r.tarball.files).toEqual(expect.arrayContaining(['package.json', `dist/nodes/${provider.folder}/${path.basename(expectedSources[2]).replace(/\.ts$/i, '.js')}`]));
		expect({ source: r.source.details ?? r.source.message, tarball: r.tarball.details ?? r.tarball.message, passed: r.passed }).toEqual({
			source: undefined,
			tarball: undefined,
			passed: true,
		});
	});
});

test('a planted setTimeout in a node source and a console call in the tarball both fail the scan', () => {
	const { code, reports } = scan('--tamper', 'n8n-nodes-cliniko');
	expect(code).toBe(1);
	expect(reports).toHaveLength(1);
	const [r] = reports;
	expect(r.passed).toBe(false);
	expect(r.source.passed).toBe(false);
	expect(r.source.details).toMatch(/Cliniko\.node\.ts[\s\S]*no-restricted-globals/);
	expect(r.tarball.passed).toBe(false);
	expect(r.tarball.details).toMatch(/Cliniko\.node\.js[\s\S]*no-console/);
});
