/**
 * Test artifacts: what each test run produced (output items, errors, runData, log lines), written
 * as JSON lines under `test-artifacts/<tier>/<test-file>.jsonl`. `test/secret-scan.test.ts` scans
 * that folder for every known secret (test/helpers/secrets.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

/** The running jest test file and test name, when called inside jest. */
export function currentTest(): { testPath?: string; testName?: string } {
	const getState = (globalThis as { expect?: { getState?: () => Record<string, unknown> } }).expect
		?.getState;
	if (typeof getState !== 'function') return {};
	try {
		const state = getState();
		return {
			testPath: typeof state.testPath === 'string' ? state.testPath : undefined,
			testName: typeof state.currentTestName === 'string' ? state.currentTestName : undefined,
		};
	} catch {
		return {};
	}
}

/** `test-artifacts/<tier>/<test file name without .ts>.jsonl` (or `<name>.jsonl`). */
export function artifactFile(tier: string, name?: string): string {
	const base =
		name ??
		(currentTest().testPath
			? path.basename(currentTest().testPath as string).replace(/\.[cm]?[jt]sx?$/, '')
			: 'unknown');
	return path.join(ARTIFACTS_DIR, tier, `${base}.jsonl`);
}

const truncated = new Set<string>();

/**
 * Appends one record as a JSON line. The first write to a file in this process (one jest test file
 * = one module registry) truncates it, so a file holds the latest run of its test file only.
 */
export function writeArtifact(tier: string, record: Record<string, unknown>, name?: string): string {
	const file = artifactFile(tier, name);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const { testName } = currentTest();
	const line = safeStringify({ at: new Date().toISOString(), test: testName, ...record });
	if (!truncated.has(file)) {
		truncated.add(file);
		fs.writeFileSync(file, line + '\n');
	} else {
		fs.appendFileSync(file, line + '\n');
	}
	return file;
}

/**
 * JSON.stringify that survives cycles, BigInt, Buffers (written as text so a secret inside is
 * still visible to the scan) and Errors: class, message, stack, own enumerable properties, the
 * cause bounded as n8n persists it, plus `$persisted` = the error's `toJSON()` (what n8n stores in
 * an execution and shows in the editor).
 */
export function safeStringify(value: unknown, space?: number): string {
	return JSON.stringify(toPlain(value, new WeakSet(), 0), null, space);
}

const MAX_DEPTH = 12;

export function toPlain(value: unknown, seen: WeakSet<object>, depth: number): unknown {
	if (value === null || value === undefined) return value;
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
	if (typeof value === 'symbol') return value.toString();
	if (typeof value !== 'object') return value;
	if (Buffer.isBuffer(value)) return { $buffer: value.toString('latin1') };
	if (value instanceof Date) return value.toISOString();
	if (seen.has(value)) return '[Circular]';
	if (depth > MAX_DEPTH) return '[MaxDepth]';
	seen.add(value);
	try {
		if (value instanceof Error) {
			const out: Record<string, unknown> = {
				$error: value.constructor?.name ?? 'Error',
				name: value.name,
				message: value.message,
				stack: value.stack,
			};
			const withToJSON = value as Error & { toJSON?: () => unknown };
			if (typeof withToJSON.toJSON === 'function') {
				try {
					out.$persisted = toPlain(withToJSON.toJSON(), new WeakSet(), depth + 1);
				} catch {
					// ignore
				}
			}
			// Own enumerable properties (what n8n copies into task data with `{ ...error }`), and the
			// cause bounded the way n8n's ExecutionBaseError.toJSON persists it: an Error cause (a raw
			// axios error with request headers) as name + message only.
			for (const key of Object.keys(value)) {
				if (key in out || key === 'cause') continue;
				out[key] = toPlain((value as unknown as Record<string, unknown>)[key], seen, depth + 1);
			}
			const cause = (value as Error & { cause?: unknown }).cause;
			if (cause !== undefined) {
				out.cause =
					cause instanceof Error ? { name: cause.name, message: cause.message } : toPlain(cause, seen, depth + 1);
			}
			return out;
		}
		if (Array.isArray(value)) return value.map((v) => toPlain(v, seen, depth + 1));
		if (value instanceof Map) return toPlain(Object.fromEntries(value), seen, depth + 1);
		if (value instanceof Set) return toPlain([...value], seen, depth + 1);
		const withToJSON = value as { toJSON?: () => unknown };
		if (typeof withToJSON.toJSON === 'function' && !(value instanceof Error)) {
			try {
				return toPlain(withToJSON.toJSON(), seen, depth + 1);
			} catch {
				// fall through
			}
		}
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value)) {
			out[key] = toPlain((value as Record<string, unknown>)[key], seen, depth + 1);
		}
		return out;
	} finally {
		seen.delete(value);
	}
}
