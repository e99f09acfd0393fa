/**
 * Test secrets and the secret scan ("Secrets stay secret", DESIGN.md principle 6).
 *
 * Every credential value the tests and simulators use is known here, so one scan over
 * `test-artifacts/` (output items, errors, runData, n8n logs written by every tier) can prove that
 * no credential value ever leaks into what a user or a log would see.
 *
 * - `TEST_SECRETS`: the fixed default secrets. Simulators use these as their defaults and tests put
 *   them into credentials. They are constants (not generated) so that the scanning process — a
 *   different jest worker, or a later `npm test` step — knows them without any hand-over.
 * - `registerSecret(value)`: for secrets made up at run time (a token a simulator issues, a
 *   per-test password). They are appended to a registry file outside `test-artifacts/`
 *   (`node_modules/.cache/n8n-nodes-saas-connectors/secret-registry.jsonl`, overridable with
 *   `SECRET_REGISTRY_FILE`), so the scan, which runs in another process, sees them too.
 * - `scanForSecrets(dir)`: walks every file under `dir` and reports each occurrence of each known
 *   secret in plain, URL-encoded, and base64 form (any alignment, so a secret inside
 *   `Basic base64(user:password)` is found as well); one pass over each file for all of them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Fixed test secrets. Simulators default to these; tests put them into credentials. */
export const TEST_SECRETS = {
	/** Xavier Analytics API token (the Xavier simulator's default). */
	xavierToken: 'xav_test_token_7f3c9a',
	/** Cliniko API key; the suffix after the last hyphen is the shard (`au1`). Sent as Basic username. */
	clinikoApiKey: 'cliniko_test_key_5e2b8d-au1',
	/** Saveris account password (exchanged for an IdToken at POST /v1/token). */
	saverisPassword: 'saveris_test_pw_3a9c1e',
	/** Saveris IdToken a simulator may hand out by default (register any other one it issues). */
	saverisIdToken: 'saveris_test_idtoken_b71d4f',
	/** CLIENTXCMS API key. */
	clientXcmsApiKey: 'cxcms_test_key_8d4f2a',
	/** XtraKit API key. */
	xtraKitApiKey: 'xtk_test_key_6c1b9e',
	/** The API key of the OpenAI credential pointed at the scripted chat model (test/helpers/chatModel.ts). */
	openAiApiKey: 'sk-test-scripted-4e7a2c',
	/** Tier-2 harness fixtures (test/core/fixtures). */
	echoToken: 'echo_test_token_2f8a61',
	echoPassword: 'echo_test_password_c4d7e0',
	echoFnKey: 'echo_fn_key_91ab3c',
	echoSessionToken: 'echo_session_tok_5d2e8b',
} as const;

export type TestSecretName = keyof typeof TEST_SECRETS;

/** The fixed test secrets as a list (for simulators and tests that want all of them). */
export function testSecretValues(): string[] {
	return Object.values(TEST_SECRETS);
}

/** Secrets shorter than this are not scanned for (too many false positives). */
export const MIN_SECRET_LENGTH = 6;

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function secretRegistryFile(): string {
	return (
		process.env.SECRET_REGISTRY_FILE ??
		path.join(REPO_ROOT, 'node_modules', '.cache', 'n8n-nodes-saas-connectors', 'secret-registry.jsonl')
	);
}

const registeredInProcess = new Set<string>();

/**
 * Registers a run-time secret (a token a simulator issued, a generated password) so the secret
 * scan looks for it. Safe to call repeatedly with the same value. Returns the value.
 */
export function registerSecret(value: string): string {
	if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return value;
	if (registeredInProcess.has(value)) return value;
	registeredInProcess.add(value);
	const file = secretRegistryFile();
	try {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.appendFileSync(file, JSON.stringify(value) + '\n');
	} catch {
		// The in-process registry still works; the cross-process scan would miss this value.
	}
	return value;
}

function readRegistryFile(): string[] {
	const file = secretRegistryFile();
	if (!fs.existsSync(file)) return [];
	const out: string[] = [];
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		try {
			const value = JSON.parse(line) as unknown;
			if (typeof value === 'string') out.push(value);
		} catch {
			// ignore a torn line
		}
	}
	return out;
}

/** Empties the cross-process registry (call once at the start of a full test run, if wanted). */
export function clearRegisteredSecrets(): void {
	registeredInProcess.clear();
	const file = secretRegistryFile();
	if (fs.existsSync(file)) fs.rmSync(file);
}

/** Every secret the scan looks for: the fixed ones, plus registered ones (this process and others). */
export function knownSecrets(): string[] {
	const all = new Set<string>([...testSecretValues(), ...registeredInProcess, ...readRegistryFile()]);
	return [...all].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

export interface SecretFinding {
	/** File path relative to the scanned folder. */
	file: string;
	/** 1-based line number of the first character of the match. */
	line: number;
	/**
	 * Which encoding of a known secret matched (plain, url-encoded, base64 at any alignment), or which
	 * secret-shaped content was found in a tracked file (findSecretShapes).
	 */
	form: 'plain' | 'url-encoded' | 'base64' | 'base64url' | 'cookie-jar' | 'authorization-header' | 'private-key';
	/** The secret, masked except its last 3 characters, so the report itself does not leak it. */
	secretMasked: string;
	/** A short excerpt around the match with the secret masked. */
	excerpt: string;
}

export function maskSecret(secret: string): string {
	return `*****${secret.slice(-3)}`;
}

/**
 * The base64 substrings that appear in the encoding of ANY byte string containing `secret`,
 * one per alignment (0, 1 or 2 bytes before it modulo 3), with the edge characters that depend on
 * neighbouring bytes removed.
 */
export function base64Needles(secret: string, alphabet: 'base64' | 'base64url' = 'base64'): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const needles: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const padded = Buffer.concat([Buffer.alloc(offset, 0), bytes]);
		const encoded = padded.toString(alphabet).replace(/=+$/, '');
		// Characters fully determined by the secret's own bytes.
		const start = offset === 0 ? 0 : offset === 1 ? 2 : 3;
		const totalBits = padded.length * 8;
		const fullChars = Math.floor(totalBits / 6);
		const needle = encoded.slice(start, fullChars);
		if (needle.length >= 6) needles.push(needle);
	}
	return needles;
}

function lineOf(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

function excerptAround(text: string, index: number, length: number, secrets: string[]): string {
	const before = text.slice(Math.max(0, index - 40), index);
	const after = text.slice(index + length, index + length + 40);
	let excerpt = `${before}[…]${after}`;
	for (const s of secrets) excerpt = excerpt.split(s).join(maskSecret(s));
	return excerpt.replace(/\s+/g, ' ');
}

function* walk(dir: string): Generator<string> {
	if (!fs.existsSync(dir)) return;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(full);
		else if (entry.isFile()) yield full;
	}
}

interface Needle {
	needle: string;
	secret: string;
	form: SecretFinding['form'];
}

/** Every form a secret is looked for in: plain, URL-encoded, base64 and base64url at any alignment. */
function needlesOf(secrets: string[]): Needle[] {
	const needles: Needle[] = [];
	for (const secret of secrets) {
		const forms: Array<[SecretFinding['form'], string]> = [['plain', secret]];
		const urlEncoded = encodeURIComponent(secret);
		if (urlEncoded !== secret) forms.push(['url-encoded', urlEncoded]);
		for (const needle of base64Needles(secret, 'base64')) forms.push(['base64', needle]);
		for (const needle of base64Needles(secret, 'base64url'))
			if (!forms.some(([, n]) => n === needle)) forms.push(['base64url', needle]);
		for (const [form, needle] of forms) needles.push({ needle, secret, form });
	}
	return needles;
}

/**
 * Finds many needles in one pass (a run registers a thousand issued tokens and writes 100 MB of
 * artifacts: one indexOf per needle and file took minutes). A rolling hash of the first
 * PREFIX characters picks the candidate needles at each position; startsWith confirms them.
 */
const PREFIX = Math.min(MIN_SECRET_LENGTH, 6);
const B_POW = Array.from({ length: PREFIX - 1 }).reduce<number>((h) => Math.imul(h, 31), 1);

class NeedleFinder {
	private readonly buckets = new Map<number, Needle[]>();
	/** One bit per hash value modulo 2^20: most positions are rejected without a Map lookup. */
	private readonly seen = new Uint8Array(1 << 17);

	constructor(needles: Needle[]) {
		for (const n of needles) {
			if (n.needle.length < PREFIX) continue;
			const h = NeedleFinder.hash(n.needle, 0);
			this.seen[(h >>> 3) & 0x1ffff] |= 1 << (h & 7);
			const bucket = this.buckets.get(h);
			if (bucket) bucket.push(n);
			else this.buckets.set(h, [n]);
		}
	}

	private static hash(text: string, at: number): number {
		let h = 0;
		for (let j = 0; j < PREFIX; j++) h = (Math.imul(h, 31) + text.charCodeAt(at + j)) | 0;
		return h;
	}

	/** Calls `hit` for every occurrence (overlapping ones of one needle skipped), in text order. */
	find(text: string, hit: (index: number, needle: Needle) => void): void {
		if (text.length < PREFIX || this.buckets.size === 0) return;
		const nextFree = new Map<Needle, number>();
		let h = NeedleFinder.hash(text, 0);
		for (let i = 0; ; i++) {
			const bucket = this.seen[(h >>> 3) & 0x1ffff] & (1 << (h & 7)) ? this.buckets.get(h) : undefined;
			if (bucket) {
				for (const n of bucket) {
					if (i >= (nextFree.get(n) ?? 0) && text.startsWith(n.needle, i)) {
						hit(i, n);
						nextFree.set(n, i + n.needle.length);
					}
				}
			}
			if (i + PREFIX >= text.length) break;
			h = (Math.imul((h - Math.imul(text.charCodeAt(i), B_POW)) | 0, 31) + text.charCodeAt(i + PREFIX)) | 0;
		}
	}
}

const finders = new WeakMap<string[], { all: NeedleFinder }>();

function findersFor(secrets: string[]): { all: NeedleFinder } {
	let f = finders.get(secrets);
	if (!f) {
		f = { all: new NeedleFinder(needlesOf(secrets)) };
		finders.set(secrets, f);
	}
	return f;
}

/** Finds every occurrence of the given secrets (default: `knownSecrets()`) in `text`. */
export function findSecretsInText(
	text: string,
	file = '<text>',
	secrets: string[] = knownSecrets(),
): SecretFinding[] {
	const findings: SecretFinding[] = [];
	const push = (form: SecretFinding['form'], secret: string, index: number, length: number) =>
		findings.push({
			file,
			line: lineOf(text, index),
			form,
			secretMasked: maskSecret(secret),
			excerpt: excerptAround(text, index, length, secrets),
		});
	const { all } = findersFor(secrets);
	all.find(text, (index, n) => push(n.form, n.secret, index, n.needle.length));

	// No separate pass decoding base64 runs: a base64 text holding a secret contains one of the
	// secret's alignment needles (base64Needles), whatever bytes surround it.
	return findings;
}

/**
 * Walks every file under `dir` (default `test-artifacts` at the repository root) and reports every
 * occurrence of every known secret. An empty array means the folder is clean.
 */
export function scanForSecrets(dir = path.join(REPO_ROOT, 'test-artifacts'), secrets: string[] = knownSecrets()): SecretFinding[] {
	const root = path.isAbsolute(dir) ? dir : path.join(REPO_ROOT, dir);
	const findings: SecretFinding[] = [];
	for (const file of walk(root)) {
		const content = fs.readFileSync(file);
		// Scan binary files as latin1 so byte sequences still match ASCII secrets.
		const text = content.includes(0) ? content.toString('latin1') : content.toString('utf8');
		findings.push(...findSecretsInText(text, path.relative(root, file), secrets));
	}
	return findings;
}

/**
 * Content shaped like a real secret, whatever its value: what must never be committed even when no
 * test registered it (a curl cookie jar holding an n8n login, a header copied from a terminal, a key).
 * Each pattern is anchored on a fixed word and bounded, so it runs in linear time over any file.
 */
const SHAPES: Array<{ form: SecretFinding['form']; pattern: RegExp; literal?: (match: RegExpExecArray) => boolean }> = [
	// A Netscape cookie-jar line (`domain<TAB>flag<TAB>path<TAB>secure<TAB>expiry<TAB>n8n-auth<TAB>value`)
	// or a Cookie header carrying n8n's session cookie with a JWT value.
	{ form: 'cookie-jar', pattern: /n8n-auth(?:\t|=)[ \t]*eyJ[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{8,4000}(?:\.[A-Za-z0-9_-]{0,2000})?/g },
	// An Authorization header with a literal credential. Placeholders are fine: API_KEY, <token>,
	// ${token}, {{ $credentials.apiKey }} (no lower-case letter and digit mixed into 12+ characters).
	{
		form: 'authorization-header',
		pattern: /Authorization["']?\s{0,3}[:=]\s{0,3}["']?(?:Bearer|Basic|Token|Bot)\s{1,3}([A-Za-z0-9+/=._~-]{12,4000})/gi,
		literal: (m) => /[a-z]/.test(m[1]) && /[0-9]/.test(m[1]) && /[A-Za-z]/.test(m[1]),
	},
	{ form: 'private-key', pattern: /-----BEGIN (?:[A-Z]{1,20} ){0,3}PRIVATE KEY-----/g },
];

/** Every secret-shaped piece of `text` (see SHAPES), the value masked in the report. */
export function findSecretShapes(text: string, file = '<text>'): SecretFinding[] {
	const findings: SecretFinding[] = [];
	for (const { form, pattern, literal } of SHAPES) {
		pattern.lastIndex = 0;
		for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
			if (literal && !literal(m)) continue;
			const value = m[1] ?? m[0];
			findings.push({
				file,
				line: lineOf(text, m.index),
				form,
				secretMasked: maskSecret(value),
				excerpt: excerptAround(text, m.index, m[0].length, []),
			});
		}
	}
	return findings;
}

/**
 * Scans the given files (paths relative to `root`, e.g. everything `git ls-files` lists) for known
 * secrets and secret-shaped content. `definedIn` are the files allowed to hold the fixed test
 * secrets (where they are defined); they are still checked for secret shapes. A test's own secret,
 * defined as a literal in `registerSecret('…')`, may stand there and nowhere else.
 */
export function scanFiles(
	root: string,
	files: string[],
	secrets: string[] = knownSecrets(),
	definedIn: string[] = [],
): SecretFinding[] {
	const findings: SecretFinding[] = [];
	for (const file of files) {
		const full = path.join(root, file);
		if (!fs.existsSync(full) || !fs.statSync(full).isFile()) continue;
		const content = fs.readFileSync(full);
		const text = content.includes(0) ? content.toString('latin1') : content.toString('utf8');
		// A literal handed to registerSecret('…') is that test secret's definition, not a leak.
		const withoutDefinitions = text.replace(/registerSecret\((['"`])[^'"`\n]{1,200}\1\)/g, 'registerSecret(<defined here>)');
		if (!definedIn.includes(file)) findings.push(...findSecretsInText(withoutDefinitions, file, secrets));
		findings.push(...findSecretShapes(text, file));
	}
	return findings;
}

/** A readable report of findings (secrets masked). */
export function formatFindings(findings: SecretFinding[]): string {
	return findings
		.map((f) => `${f.file}:${f.line} [${f.form}] ${f.secretMasked}: ${f.excerpt}`)
		.join('\n');
}
