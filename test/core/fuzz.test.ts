/**
 * Parameter fuzz: for every action node, hundreds of generated bad parameter sets (empty and
 * whitespace IDs, `../` and `?#` in IDs, huge and negative numbers, malformed JSON,
 * unicode), each run through n8n-core with "Continue On Fail" as input items of one run (the bad
 * value reaches the parameter through an expression over `$json`). Every item must end in a clear
 * error (or a real record where the value was in fact valid), no run may crash, and the simulator
 * must never see a path that was not encoded. A sample also runs without Continue On Fail to check
 * the error class. Everything is written to test-artifacts/core/fuzz.test.jsonl (secret scan).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { XavierApi } from '../../credentials/XavierApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { Xavier } from '../../nodes/Xavier/Xavier.node';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import { startClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator } from '../simulators/cliniko';
import { seededRandom } from '../simulators/core';
import type { LogEntry, SeededRandom } from '../simulators/core';
import { startXavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import { runNode } from './harness';
import type { NodeTypeInput, RunNodeOptions } from './harness';

const PER_OPERATION = 70;

const UNICODE = ['ünïcødé', '😀', '中文标识', 'שלום', '\u200b', '\u202e', 'é', 'Å'];
const PIECES = ['../', '..', '/', '?', '#', '?x=1#y', '%2e%2e', '%2F', ' ', '\t', '\\', '&', '=', '+', ';', '%', '"', "'", '<script>', '\u0000', ...UNICODE];
const FIXED: unknown[] = [
	'', ' ', '   ', '\t\n', '..', '.', '../', '../../etc/passwd', 'a/../b', '?', '#', '?#', 'a?b#c', '%2e%2e%2f', '/',
	'-1', '-0', '0', '99999999999999999999999999', '1e309', 'NaN', 'Infinity', 'null', 'undefined', 'true', '[]', '{}', '{"a":', '[1,2',
	'x'.repeat(3000), ...UNICODE, -1, -999999, 1e21, Number.MAX_SAFE_INTEGER * 10, 0.5, -0.5, true, null, {}, [], { id: 1 }, [1, 2],
];

/** Bad values for an ID: the fixed list first, then random mixes of the pieces above. */
function badIds(rng: SeededRandom, count: number): unknown[] {
	const out: unknown[] = [...FIXED];
	while (out.length < count) {
		const parts = Array.from({ length: rng.int(1, 4) }, () => (rng.next() < 0.6 ? rng.pick(PIECES) : rng.string(rng.int(1, 5), 'abcXYZ019')));
		out.push(parts.join(''));
	}
	return out.slice(0, count);
}

const BAD_JSON = ['{', '{"memory":', '[1,2', '{memory: 1}', "{'a':1}", 'undefined', 'NaN', '{"a":1}}', '\u0000', '{"a":"\\x"}', '😀', '{"a":1,}'];
function badJson(rng: SeededRandom, count: number): unknown[] {
	const out: unknown[] = [...BAD_JSON];
	while (out.length < count) out.push(`{"k${rng.int(0, 99)}": ${rng.pick(['', '[', '{', '"x', 'tru', '01x', 'ü'])}`);
	return out.slice(0, count);
}

/** A path segment as a client must send it: percent-encoded, never "." or "..". */
const ENCODED_SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%]*$/;
function unencodedPaths(log: LogEntry[]): string[] {
	return log
		.filter((e) => e.rawPath.split('/').some((seg) => !ENCODED_SEGMENT.test(seg) || seg === '.' || seg === '..' || /%(?![0-9A-Fa-f]{2})/.test(seg)))
		.map((e) => `${e.method} ${e.rawPath}`);
}

/** Messages that mean the node crashed instead of explaining. */
const CRASH = /Cannot read propert|Cannot set propert|is not a function|is not iterable|undefined is not|Maximum call stack|TypeError|ReferenceError/;

interface FuzzOperation {
	name: string;
	/** Parameters; the fuzzed one is an expression over `$json.v`. */
	parameters: IDataObject;
	values: (rng: SeededRandom) => unknown[];
	/** A value the node may legitimately accept (an existing record), besides errors. */
	mayPass?: (value: unknown) => boolean;
}

interface FuzzTarget {
	nodeType: NodeTypeInput;
	options: () => Omit<RunNodeOptions, 'nodeType' | 'parameters'>;
	operations: FuzzOperation[];
	log: () => LogEntry[];
	violations?: () => unknown[];
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const V = '={{ $json.v }}';
const stats: Record<string, { sets: number; errors: number; passed: number; requests: number }> = {};

async function fuzz(label: string, target: FuzzTarget, seed: number) {
	const rng = seededRandom(seed);
	const s = (stats[label] = { sets: 0, errors: 0, passed: 0, requests: 0 });
	for (const op of target.operations) {
		const values = op.values(rng);
		const inputItems: INodeExecutionData[] = values.map((v) => ({ json: { v } as IDataObject }));
		const result = await runNode({ nodeType: target.nodeType, parameters: op.parameters as never, inputItems, continueOnFail: true, ...target.options() });
		// With Continue On Fail the run itself never fails, and every input item gets one output item.
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThanOrEqual(values.length);
		const byItem = new Map<number, INodeExecutionData[]>();
		for (const item of result.items) {
			const index = (item.pairedItem as { item: number }).item;
			byItem.set(index, [...(byItem.get(index) ?? []), item]);
		}
		values.forEach((value, index) => {
			const out = byItem.get(index) ?? [];
			const where = `${label} ${op.name} #${index} ${JSON.stringify(value)?.slice(0, 60)}`;
			expect([where, out.length]).toEqual([where, expect.any(Number)]);
			if (out.length === 1 && typeof out[0].json.error === 'string') {
				const message = out[0].json.error;
				expect([where, message.length > 5 && !CRASH.test(message)]).toEqual([where, true]);
				s.errors++;
			} else {
				// Not an error: only acceptable when the value really names a record.
				expect([where, op.mayPass?.(value) ?? false]).toEqual([where, true]);
				s.passed++;
			}
		});
		s.sets += values.length;
	}
	// A sample without Continue On Fail: the run fails with n8n's own error classes.
	const sampleRng = seededRandom(seed + 1);
	for (const op of target.operations) {
		for (const v of op.values(sampleRng).slice(0, 6)) {
			if (op.mayPass?.(v)) continue;
			const r = await runNode({ nodeType: target.nodeType, parameters: op.parameters as never, inputItems: [{ json: { v } as IDataObject }], ...target.options() }).catch((e: Error) => ({ error: { className: e.constructor.name, message: e.message } }));
			expect([op.name, v, r.error?.className]).toEqual([op.name, v, expect.stringMatching(/^(NodeOperationError|NodeApiError)$/)]);
			expect(CRASH.test(r.error?.message ?? '')).toBe(false);
		}
	}
	s.requests = target.log().length;
	expect(unencodedPaths(target.log())).toEqual([]);
	if (target.violations) expect(target.violations().filter((v) => (v as { kind: string }).kind === 'handler-error')).toEqual([]);
	expect(s.sets).toBeGreaterThanOrEqual(200);
}

afterAll(() => {
	if (process.env.FUZZ_STATS) process.stderr.write(`${JSON.stringify(stats)}\n`);
});

describe('parameter fuzz', () => {
	it('Xavier: bad client IDs end in clear errors, paths always encoded', async () => {
		const sim = await startXavierSimulator({ rateLimit: null });
		try {
			await fuzz(
				'xavier',
				{
					nodeType: Xavier,
					options: () => ({ credentials: { xavierApi: { apiToken: sim.token, baseUrl: sim.url } }, credentialTypes: [XavierApi] }),
					operations: [
						{ name: 'client.get', parameters: { resource: 'client', operation: 'get', clientId: rl(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'client.getActivityStats', parameters: { resource: 'client', operation: 'getActivityStats', clientId: rl(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'client.get (random)', parameters: { resource: 'client', operation: 'get', clientId: rl(V) }, values: (r) => badIds(r, PER_OPERATION + FIXED.length).slice(FIXED.length) },
					],
					log: () => sim.log,
					violations: () => sim.violations,
				},
				11,
			);
		} finally {
			await sim.close();
		}
	}, 60_000);

	it('Cliniko: bad record IDs end in clear errors, paths always encoded', async () => {
		const sim = await startClinikoSimulator({ rateLimit: null });
		try {
			await fuzz(
				'cliniko',
				{
					nodeType: Cliniko,
					options: () => ({ credentials: { clinikoApi: sim.credentials }, credentialTypes: [ClinikoApi] }),
					operations: [
						{ name: 'medicalAlert.get', parameters: { resource: 'medicalAlert', operation: 'get', medicalAlertId: V }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'individualAppointment.get', parameters: { resource: 'individualAppointment', operation: 'get', individualAppointmentId: V }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'medicalAlert.get (random)', parameters: { resource: 'medicalAlert', operation: 'get', medicalAlertId: V }, values: (r) => badIds(r, PER_OPERATION + FIXED.length).slice(FIXED.length) },
					],
					log: () => sim.log,
					violations: () => sim.violations,
				},
				22,
			);
		} finally {
			await sim.close();
		}
	}, 60_000);

	it('XtraKit: bad IDs and codes end in clear errors, paths always encoded', async () => {
		const sim = await startXtraKitSimulator();
		try {
			await fuzz(
				'xtrakit',
				{
					nodeType: XtraKit,
					options: () => ({ credentials: { xtraKitApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } }, credentialTypes: [XtraKitApi] }),
					operations: [
						{ name: 'expense.get', parameters: { resource: 'expense', operation: 'get', expenseId: V }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'item.get', parameters: { resource: 'item', operation: 'get', itemCode: rl(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'sale.get', parameters: { resource: 'sale', operation: 'get', invoiceCode: rl(V) }, values: (r) => badIds(r, PER_OPERATION + FIXED.length).slice(FIXED.length) },
					],
					log: () => sim.log,
					violations: () => sim.violations,
				},
				33,
			);
		} finally {
			await sim.close();
		}
	}, 60_000);

	it('CLIENTXCMS: bad IDs and malformed JSON end in clear errors, paths always encoded', async () => {
		const sim = await startClientXcmsSimulator();
		sim.rateLimit.set({ limit: 100_000, windowMs: 600 });
		try {
			await fuzz(
				'clientxcms',
				{
					nodeType: ClientXcms,
					options: () => ({ credentials: { clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: sim.apiKey } }, credentialTypes: [ClientXcmsApi] }),
					operations: [
						{ name: 'customer.get', parameters: { resource: 'customer', operation: 'get', customerId: rl(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'product.getConfig', parameters: { resource: 'product', operation: 'getConfig', productId: rl(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'product.updateConfig (JSON)', parameters: { resource: 'product', operation: 'updateConfig', productId: rl('3'), config: V }, values: (r) => badJson(r, PER_OPERATION) },
					],
					log: () => sim.log,
					violations: () => sim.violations,
				},
				44,
			);
		} finally {
			await sim.close();
		}
	}, 60_000);
});
