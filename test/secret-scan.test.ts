/**
 * "Secrets stay secret" (DESIGN.md principle 6), checked over everything the other test tiers
 * wrote to `test-artifacts/`: output items, error messages/descriptions/stacks, persisted run data,
 * n8n log lines. Runs after every other tier (scripts/test.js orders it last).
 *
 * It looks for every known secret (test/helpers/secrets.ts: the fixed TEST_SECRETS plus anything
 * registered at run time with registerSecret) in plain, URL-encoded and base64 form — in the
 * artifacts, and in every file git tracks, which are also searched for secret-shaped content (a cookie
 * jar with an n8n login, an Authorization header with a literal value, a private key).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ARTIFACTS_DIR } from './helpers/artifacts';
import {
	base64Needles,
	findSecretsInText,
	findSecretShapes,
	formatFindings,
	knownSecrets,
	scanFiles,
	scanForSecrets,
	TEST_SECRETS,
	type SecretFinding,
} from './helpers/secrets';

/**
 * The scan over test-artifacts/ (100 MB and more) in a plain `node` process: tight loops run about
 * a hundred times slower inside jest's sandbox than outside it (measured: 72 s against 1.6 s). The
 * helper is transpiled as is (it imports only node:fs and node:path) and handed the secrets.
 */
function scanOutOfProcess(dir: string, secrets: string[]): SecretFinding[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const ts = require('typescript') as typeof import('typescript');
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scan-'));
	try {
		const source = fs.readFileSync(path.join(__dirname, 'helpers', 'secrets.ts'), 'utf8');
		const { outputText } = ts.transpileModule(source, {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
		});
		fs.writeFileSync(path.join(tmp, 'secrets.js'), outputText);
		fs.writeFileSync(path.join(tmp, 'secrets.json'), JSON.stringify(secrets));
		const script = `const s = require(${JSON.stringify(path.join(tmp, 'secrets.js'))});
const secrets = JSON.parse(require('fs').readFileSync(${JSON.stringify(path.join(tmp, 'secrets.json'))}, 'utf8'));
process.stdout.write(JSON.stringify(s.scanForSecrets(${JSON.stringify(dir)}, secrets)));`;
		const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
		return JSON.parse(out) as SecretFinding[];
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

function listFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		return e.isDirectory() ? listFiles(full) : [full];
	});
}

describe('secret scan', () => {
	it('finds planted secrets in every form it claims to (self-check, in a temp folder)', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scan-'));
		try {
			const secret = TEST_SECRETS.clinikoApiKey;
			const basic = Buffer.from(`${secret}:`).toString('base64'); // Cliniko: key as Basic username
			const basicWithUser = Buffer.from(`user:${TEST_SECRETS.echoPassword}`).toString('base64');
			fs.writeFileSync(path.join(dir, 'plain.jsonl'), JSON.stringify({ message: `bad key ${secret}` }));
			fs.mkdirSync(path.join(dir, 'nested'));
			fs.writeFileSync(path.join(dir, 'nested', 'basic.log'), `Authorization: Basic ${basic}\n`);
			fs.writeFileSync(path.join(dir, 'basic2.log'), `auth=Basic ${basicWithUser}`);
			fs.writeFileSync(path.join(dir, 'url.txt'), `?token=${encodeURIComponent('a/b+c=' + TEST_SECRETS.xavierToken)}`);
			fs.writeFileSync(path.join(dir, 'clean.txt'), 'nothing to see, *****9a is masked');

			const findings = scanForSecrets(dir);
			// The out-of-process scan the last test uses finds exactly the same.
			expect(scanOutOfProcess(dir, knownSecrets())).toEqual(findings);
			const files = new Set(findings.map((f) => f.file));
			expect(files).toEqual(new Set(['plain.jsonl', path.join('nested', 'basic.log'), 'basic2.log', 'url.txt']));
			expect(findings.find((f) => f.file === 'plain.jsonl')?.form).toBe('plain');
			expect(findings.some((f) => f.file === 'basic2.log' && f.form === 'base64')).toBe(true);
			// The report never prints a secret itself.
			expect(formatFindings(findings)).not.toContain(secret);
			expect(formatFindings(findings)).not.toContain(TEST_SECRETS.echoPassword);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('base64 needles match the secret at every byte alignment', () => {
		const secret = TEST_SECRETS.saverisPassword;
		for (const prefix of ['', 'a', 'ab', 'abc', 'user:']) {
			const encoded = Buffer.from(`${prefix}${secret}:trailing`).toString('base64');
			expect(base64Needles(secret).some((n) => encoded.includes(n))).toBe(true);
			expect(findSecretsInText(encoded, 'x', [secret]).length).toBeGreaterThan(0);
		}
	});

	it('recognises secret-shaped content and lets placeholders pass (self-check)', () => {
		// Built from pieces so this file itself holds none of the shapes it plants.
		const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJpZCI6IjEyMyIsImV4cCI6OTl9', 'c2lnbmF0dXJlMTIz'].join('.');
		const tab = '\t';
		const jar = ['#HttpOnly_127.0.0.1', 'FALSE', '/', 'FALSE', '1796100928', 'n8n' + '-auth', jwt].join(tab);
		const header = 'Author' + 'ization: Bearer ' + 'abc123def456ghi789';
		const key = '-----BEGIN ' + 'RSA PRIVATE' + ' KEY-----';
		expect(findSecretShapes(jar).map((f) => f.form)).toEqual(['cookie-jar']);
		expect(findSecretShapes(`curl -H "Cookie: n8n${'-auth'}=${jwt}"`).map((f) => f.form)).toEqual(['cookie-jar']);
		expect(findSecretShapes(header).map((f) => f.form)).toEqual(['authorization-header']);
		expect(findSecretShapes(key).map((f) => f.form)).toEqual(['private-key']);
		expect(formatFindings(findSecretShapes(jar + '\n' + header))).not.toContain('abc123def456ghi789');
		for (const placeholder of [
			'Author' + 'ization: Bearer API_KEY',
			'Author' + 'ization: Bearer ${token}',
			'Author' + 'ization: Bearer {{ $credentials.apiKey }}',
			'Author' + 'ization: Basic <base64 of key:>',
			'the n8n' + '-auth cookie',
		]) {
			expect(findSecretShapes(placeholder)).toEqual([]);
		}
	});

	it('a test secret may be defined in registerSecret(…) and nowhere else in a tracked file (self-check)', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scan-'));
		try {
			const secret = 'scan_selfcheck_secret_7d1e';
			fs.writeFileSync(path.join(dir, 'defines.ts'), `const KEY = registerSecret('${secret}');\n`);
			fs.writeFileSync(path.join(dir, 'leaks.ts'), `const KEY = registerSecret('${secret}');\nconst copy = '${secret}';\n`);
			const findings = scanFiles(dir, ['defines.ts', 'leaks.ts'], [secret]);
			expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['leaks.ts:2']);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('no known secret and nothing secret-shaped in any file git tracks', () => {
		const root = path.join(__dirname, '..');
		let listed: string;
		try {
			listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		} catch (error) {
			throw new Error(`the secret scan reads the files git tracks: run the tests from a git clone (${String(error)})`);
		}
		const files = listed.split('\0').filter(Boolean);
		expect(files.length).toBeGreaterThan(100);
		// The fixed test secrets are defined in test/helpers/secrets.ts and nowhere else.
		const findings = scanFiles(root, files, knownSecrets(), ['test/helpers/secrets.ts']);
		if (findings.length) {
			throw new Error(`${findings.length} secret(s) in tracked files (masked):\n${formatFindings(findings.slice(0, 50))}`);
		}
	});

	it('no known secret appears anywhere under test-artifacts/', () => {
		const files = listFiles(ARTIFACTS_DIR);
		if (files.length === 0) {
			console.warn(`secret scan: ${ARTIFACTS_DIR} is empty or missing — run the other tiers first`);
		}
		expect(knownSecrets().length).toBeGreaterThanOrEqual(Object.keys(TEST_SECRETS).length);
		const findings = scanOutOfProcess(ARTIFACTS_DIR, knownSecrets());
		if (findings.length) {
			throw new Error(
				`${findings.length} secret occurrence(s) under test-artifacts/ (secrets masked):\n${formatFindings(findings.slice(0, 50))}`,
			);
		}
	});
});
