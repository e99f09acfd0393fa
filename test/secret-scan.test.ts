/**
 * "Secrets stay secret" (DESIGN.md principle 6), checked over everything the other test tiers
 * wrote to `test-artifacts/`: output items, error messages/descriptions/stacks, persisted run data,
 * n8n log lines. Runs after every other tier (scripts/test.js orders it last).
 *
 * It looks for every known secret (test/helpers/secrets.ts: the fixed TEST_SECRETS plus anything
 * registered at run time with registerSecret) in plain, URL-encoded and base64 form.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ARTIFACTS_DIR } from './helpers/artifacts';
import {
	base64Needles,
	findSecretsInText,
	formatFindings,
	knownSecrets,
	scanForSecrets,
	TEST_SECRETS,
} from './helpers/secrets';

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

	it('no known secret appears anywhere under test-artifacts/', () => {
		const files = listFiles(ARTIFACTS_DIR);
		if (files.length === 0) {
			console.warn(`secret scan: ${ARTIFACTS_DIR} is empty or missing — run the other tiers first`);
		}
		expect(knownSecrets().length).toBeGreaterThanOrEqual(Object.keys(TEST_SECRETS).length);
		const findings = scanForSecrets(ARTIFACTS_DIR);
		if (findings.length) {
			throw new Error(
				`${findings.length} secret occurrence(s) under test-artifacts/ (secrets masked):\n${formatFindings(findings.slice(0, 50))}`,
			);
		}
	});
});
