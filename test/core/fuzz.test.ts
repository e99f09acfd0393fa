/**
 * Parameter fuzz: for every node, hundreds of generated bad parameter sets (empty and whitespace
 * IDs, `../` and `?#` in IDs, huge and negative numbers, invalid dates and impossible date ranges,
 * malformed JSON, unicode, objects and lists where text belongs).
 *
 * Action nodes: each operation runs once through n8n-core with "Continue On Fail", the bad values
 * being its input items (they reach the parameter through an expression over `$json`). Every item
 * must end in a clear error (or a real record where the value was in fact valid), no run may crash,
 * and the simulator must never see a path that was not encoded. A sample also runs without
 * Continue On Fail to check the error class.
 *
 * Polling triggers have no input items, so each bad value is one poll (a fresh activation) with the
 * value in an expression; every poll must fail with NodeOperationError or NodeApiError. The XtraKit
 * trigger is left out: its only parameters are an option list and a boolean.
 *
 * No message may show "[object Object]", and where the value is an object, a list or a boolean the
 * message must say so. Everything is written to test-artifacts/core/fuzz.test.jsonl (secret scan).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { XavierApi } from '../../credentials/XavierApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { ClinikoTrigger } from '../../nodes/Cliniko/ClinikoTrigger.node';
import { resetTokenCache } from '../../nodes/Saveris/transport/session';
import { Saveris } from '../../nodes/Saveris/Saveris.node';
import { SaverisTrigger } from '../../nodes/Saveris/SaverisTrigger.node';
import { Xavier } from '../../nodes/Xavier/Xavier.node';
import { XavierTrigger } from '../../nodes/Xavier/XavierTrigger.node';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import { startClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator } from '../simulators/cliniko';
import { seededRandom } from '../simulators/core';
import type { LogEntry, SeededRandom } from '../simulators/core';
import { startSaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import { locator } from '../helpers/locator';
import { runNode, runPoll } from './harness';
import type { NodeTypeInput, RunNodeOptions, RunPollOptions } from './harness';

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

/** Non-JSON answers to "JSON object": valid JSON of the wrong shape. */
const WRONG_JSON = ['[1,2]', '[]', '5', '-1', 'null', 'true', '"text"', '"{\\"a\\":1}"'];

const DAY = 86_400_000;
const isoAt = (ms: number) => new Date(ms).toISOString();

/**
 * Dates no reading should accept: what V8's Date.parse takes anyway ("1", "a 1", "June 1" all became
 * 2001), impossible calendar dates it rolls over, years out of range, and URL pieces.
 */
const BAD_DATES: unknown[] = [
	'', ' ', '\t\n', '1', '-1', '0', '12', 'a 1', '😀 1', 'June 1', '1/2/3', '01/06/2024', '2024', '202406', '20240601', '2024-06',
	'99999', '20240-06-01', '02024-06-01', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '+002024-06-01T00:00:00Z', '2024-6-1',
	'2024-02-30', '2023-02-29T00:00:00Z', '2024-13-01', '2024-00-10', '2024-06-31', '2024-06-00', '2024-06-01T24:00', '2024-06-01T12:60',
	'2024-06-01T12:00:61', '2024-06-01T12:00:00+25:00', '2024-06-01T12:00:00+02:61', '2024-06-01T', '2024-06-01T1', '2024-06-01T12:00:00ZZ',
	'2024-06-01Z', 'NaN', 'Infinity', 'null', 'undefined', 'now', 'today', 'next tuesday', '{{ $now }}', '2024-06-01/2024-06-02',
	'../2024-06-01', '2024-06-01/..', '2024-06-01?#', '2024-06-01T00:00:00Z?x=1#y', '2024-06-01%00', '2024-06-01\u0000', '２０２４-06-01',
	'x'.repeat(3000), ...UNICODE, -1, 0, 1e21, 1717200000000, -8.64e15, 0.5, true, false, null, {}, [], { date: '2024-06-01' },
	['2024-06-01T00:00:00Z'], [1, 2],
];

/** `base` (a valid ISO date-time) made invalid: a field out of range, a wrong-length year, or a stray piece inside. */
function brokenDate(rng: SeededRandom, base: string): string {
	const two = (n: number) => String(n).padStart(2, '0');
	switch (rng.int(0, 3)) {
		case 0: {
			// [start, end) of a field and the values it must not take.
			const field = rng.pick([
				[5, 7, rng.int(13, 99)],
				[8, 10, rng.int(32, 99)],
				[11, 13, rng.int(24, 99)],
				[14, 16, rng.int(60, 99)],
				[17, 19, rng.int(60, 99)],
			]);
			return `${base.slice(0, field[0])}${two(field[2])}${base.slice(field[1])}`;
		}
		case 1:
			return `${rng.pick(['', '0', '1', '20', '202', '10000', '123456', '+2024', '-2024'])}${base.slice(4)}`;
		default: {
			// Whitespace is left out: inside, before the zone, it is allowed; at the ends it is trimmed.
			const piece = rng.pick([...PIECES.filter((p) => p.trim() !== ''), 'x', 'T', ':', '-', '.', '1'.repeat(rng.int(1, 3))]);
			const at = rng.int(1, base.length - 1);
			return `${base.slice(0, at)}${piece}${base.slice(at)}`;
		}
	}
}

function badDates(rng: SeededRandom, count: number, base: string): unknown[] {
	const out: unknown[] = [...BAD_DATES];
	while (out.length < count) out.push(brokenDate(rng, base));
	return out.slice(0, count);
}

/** Numbers outside [min, max], numbers as broken text, and values that are no number at all. */
function badNumbers(rng: SeededRandom, count: number, min: number, max: number): unknown[] {
	const out: unknown[] = [
		min - 1, min - 0.001, -1e21, max + 1, max * 10 + 1, 1e21, Number.MAX_VALUE, -Number.MAX_VALUE, String(max + 1), String(min - 1),
		'abc', ' ', '\t', 'NaN', 'Infinity', '-Infinity', '1e400', '10 minutes', '1,5', '1_0', '٣', '１０', '5abc', '../5', '5?#', '😀',
		'x'.repeat(3000), true, false, null, {}, [], [5], { value: 5 }, ...UNICODE,
	];
	while (out.length < count) {
		out.push(
			rng.pick([
				() => max + rng.float(0.01, 1e6, 2),
				() => min - rng.float(0.01, 1e6, 2),
				() => `${rng.int(0, 9)}${rng.pick(PIECES.filter((p) => p.trim() !== ''))}${rng.int(0, 9)}`,
				() => rng.string(rng.int(1, 4), 'abcXYZ'),
			])(),
		);
	}
	return out.slice(0, count);
}

/**
 * Limits an expression may give (issue 12, point 14): zero, negatives, fractions, huge and broken
 * numbers, text and non-numbers. Only a whole number of 1 or more (or its digits as text) may run.
 */
function badLimits(rng: SeededRandom, count: number): unknown[] {
	const out: unknown[] = [0, -1, 0.5, 2.5, -0.5, 1e21, -0, '0', '-3', '2.5', 'ten', '1e400', ...badNumbers(rng, count, 1, 0)];
	return out.slice(0, count);
}
const wholeLimit = (value: unknown) =>
	(typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) && Number.isSafeInteger(Number(value)) && Number(value) >= 1;
const LIMIT_MESSAGE = () => /^Limit must be a whole number of 1 or more, got .+$/;

/** Empty, whitespace or null: "not set" for an optional field, so the operation may run. */
const blank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

/** Values that are not text or a number, where an ID or a level belongs, and what the message must say. */
const NOT_TEXT = /must be text or a number, got (an object|a list of \d+|an empty list|a date|true \(a boolean\)|false \(a boolean\))$/;
const notText = (value: unknown) => typeof value === 'boolean' || (typeof value === 'object' && value !== null);

/** A path segment as a client must send it: percent-encoded, never "." or "..". */
const ENCODED_SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%]*$/;
function unencodedPaths(log: LogEntry[]): string[] {
	return log
		.filter((e) => e.rawPath.split('/').some((seg) => !ENCODED_SEGMENT.test(seg) || seg === '.' || seg === '..' || /%(?![0-9A-Fa-f]{2})/.test(seg)))
		.map((e) => `${e.method} ${e.rawPath}`);
}

/** Messages that mean the node crashed instead of explaining. */
const CRASH = /Cannot read propert|Cannot set propert|is not a function|is not iterable|undefined is not|Maximum call stack|TypeError|ReferenceError|\[object Object\]/;

/** A clear error: long enough to say something, no crash text, and what the operation expects. */
function checkMessage(where: string, value: unknown, message: string, description: unknown, expected?: (value: unknown) => RegExp | undefined) {
	expect([where, message.length > 5 && !CRASH.test(message) && !CRASH.test(String(description ?? ''))]).toEqual([where, true]);
	if (notText(value) && expected === undefined) expect([where, message]).toEqual([where, expect.stringMatching(NOT_TEXT)]);
	const pattern = expected?.(value);
	if (pattern) expect([where, message]).toEqual([where, expect.stringMatching(pattern)]);
}

interface FuzzOperation {
	name: string;
	/** Parameters; the fuzzed one is an expression over `$json.v`. */
	parameters: IDataObject;
	values: (rng: SeededRandom) => unknown[];
	/** A value the node may legitimately accept (an existing record), besides errors. */
	mayPass?: (value: unknown) => boolean;
	/**
	 * What the error message must match for a value. Without it, a value that is not text (an
	 * object, a list, a boolean) must get the "must be text or a number" message.
	 */
	message?: (value: unknown) => RegExp | undefined;
}

interface FuzzTarget {
	nodeType: NodeTypeInput;
	options: () => Omit<RunNodeOptions, 'nodeType' | 'parameters'>;
	operations: FuzzOperation[];
	log: () => LogEntry[];
	violations?: () => unknown[];
}

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
				checkMessage(where, value, out[0].json.error, out[0].json.description, op.message);
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
			const r = await runNode({ nodeType: target.nodeType, parameters: op.parameters as never, inputItems: [{ json: { v } as IDataObject }], ...target.options() }).catch((e: Error & { description?: string }) => ({ error: { className: e.constructor.name, message: e.message, description: e.description } }));
			expect([op.name, v, r.error?.className]).toEqual([op.name, v, expect.stringMatching(/^(NodeOperationError|NodeApiError)$/)]);
			checkMessage(`${label} ${op.name} (no Continue On Fail) ${JSON.stringify(v)?.slice(0, 60)}`, v, r.error?.message ?? '', r.error?.description, op.message);
		}
	}
	s.requests = target.log().length;
	expect(unencodedPaths(target.log())).toEqual([]);
	if (target.violations) expect(target.violations().filter((v) => (v as { kind: string }).kind === 'handler-error')).toEqual([]);
	expect(s.sets).toBeGreaterThanOrEqual(200);
}

/** A value as an expression that gives back exactly that value (no `$json` in a trigger); URI-encoding keeps braces and quotes out. */
const literal = (value: unknown) => `={{ JSON.parse(decodeURIComponent("${encodeURIComponent(JSON.stringify(value) ?? 'null')}")) }}`;

interface PollFuzzOperation {
	name: string;
	/** Trigger parameters with the bad value (already an expression) in place. */
	parameters: (expression: string) => IDataObject;
	values: (rng: SeededRandom) => unknown[];
	message?: (value: unknown) => RegExp | undefined;
}

interface PollFuzzTarget {
	base: () => Omit<RunPollOptions, 'mode' | 'staticData' | 'parameters'>;
	operations: PollFuzzOperation[];
	log: () => LogEntry[];
	violations?: () => unknown[];
}

/** One fresh poll per bad value: each must fail with n8n's error classes and a clear message. */
async function fuzzPoll(label: string, target: PollFuzzTarget, seed: number) {
	const rng = seededRandom(seed);
	const s = (stats[label] = { sets: 0, errors: 0, passed: 0, requests: 0 });
	for (const op of target.operations) {
		for (const [index, value] of op.values(rng).entries()) {
			const where = `${label} ${op.name} #${index} ${JSON.stringify(value)?.slice(0, 60)}`;
			const r = await runPoll({ ...target.base(), parameters: op.parameters(literal(value)) as never, mode: 'trigger', staticData: {} });
			expect([where, r.error?.className]).toEqual([where, expect.stringMatching(/^(NodeOperationError|NodeApiError)$/)]);
			checkMessage(where, value, r.error?.message ?? '', r.error?.description, op.message);
			// Nothing is emitted, and a failed poll leaves no cursor behind.
			expect([where, r.items]).toEqual([where, null]);
			s.errors++;
			s.sets++;
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
						{ name: 'client.get', parameters: { resource: 'client', operation: 'get', clientId: locator(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'client.getActivityStats', parameters: { resource: 'client', operation: 'getActivityStats', clientId: locator(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'client.get (random)', parameters: { resource: 'client', operation: 'get', clientId: locator(V) }, values: (r) => badIds(r, PER_OPERATION + FIXED.length).slice(FIXED.length) },
						{ name: 'client.getAll (Limit)', parameters: { resource: 'client', operation: 'getAll', returnAll: false, limit: V }, values: (r) => badLimits(r, 60), mayPass: wholeLimit, message: LIMIT_MESSAGE },
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

	it('Cliniko: bad record IDs, dates and JSON end in clear errors, paths always encoded', async () => {
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
						{
							name: 'patient.create (Date of Birth)',
							parameters: { resource: 'patient', operation: 'create', firstName: 'Fuzz', lastName: 'Date', additionalFields: { date_of_birth: V } },
							values: (r) => badDates(r, 60, '1980-12-10T00:00:00'),
							mayPass: blank,
							message: () => /^Date of Birth is not a date: .+$/,
						},
						{
							name: 'patient.create (Patient Phone Numbers JSON)',
							parameters: { resource: 'patient', operation: 'create', firstName: 'Fuzz', lastName: 'Json', additionalFields: { patient_phone_numbers: V } },
							values: (r) => [...WRONG_JSON.filter((j) => !j.startsWith('[')), ...badJson(r, 40)],
							message: () => /^Patient Phone Numbers (is not valid JSON: .{5,}|must be a JSON object or list, got .+)$/,
						},
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

	it('XtraKit: bad IDs, codes, dates and JSON end in clear errors, paths always encoded', async () => {
		const sim = await startXtraKitSimulator();
		try {
			await fuzz(
				'xtrakit',
				{
					nodeType: XtraKit,
					options: () => ({ credentials: { xtraKitApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } }, credentialTypes: [XtraKitApi] }),
					operations: [
						{ name: 'expense.get', parameters: { resource: 'expense', operation: 'get', expenseId: V }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'item.get', parameters: { resource: 'item', operation: 'get', itemCode: locator(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'sale.get', parameters: { resource: 'sale', operation: 'get', invoiceCode: locator(V) }, values: (r) => badIds(r, PER_OPERATION + FIXED.length).slice(FIXED.length) },
						{
							name: 'sale.getAll (Payment Date filter)',
							parameters: { resource: 'sale', operation: 'getAll', returnAll: false, limit: 1, filters: { payment_date: V } },
							// A blank filter is no filter: a list that may well be empty, so blanks are left out here.
							values: (r) => badDates(r, 64, '2024-06-01').filter((v) => !blank(v)),
							message: () => /^Payment date must be a date \(YYYY-MM-DD\)$/,
						},
						{
							name: 'customApiCall (Body JSON)',
							parameters: { resource: 'customApiCall', operation: 'call', method: 'POST', path: '/customers', body: V },
							values: (r) => [...WRONG_JSON.filter((j) => !j.startsWith('[')), ...badJson(r, 40)],
							message: () => /^Body (is not valid JSON: .{5,}|must be a JSON object or list, got .+)$/,
						},
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

	it('CLIENTXCMS: bad IDs, dates and malformed JSON end in clear errors, paths always encoded', async () => {
		const sim = await startClientXcmsSimulator();
		sim.rateLimit.set({ limit: 100_000, windowMs: 600 });
		try {
			await fuzz(
				'clientxcms',
				{
					nodeType: ClientXcms,
					options: () => ({ credentials: { clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: sim.apiKey } }, credentialTypes: [ClientXcmsApi] }),
					operations: [
						{ name: 'customer.get', parameters: { resource: 'customer', operation: 'get', customerId: locator(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'product.getConfig', parameters: { resource: 'product', operation: 'getConfig', productId: locator(V) }, values: (r) => badIds(r, PER_OPERATION) },
						{ name: 'customer.getAll (Limit)', parameters: { resource: 'customer', operation: 'getAll', returnAll: false, limit: V }, values: (r) => badLimits(r, 60), mayPass: wholeLimit, message: LIMIT_MESSAGE },
						{
							name: 'cancellationReason.analytics (Start Date)',
							parameters: { resource: 'cancellationReason', operation: 'analytics', start_date: V },
							values: (r) => badDates(r, 60, '2024-06-01T00:00:00'),
							mayPass: blank,
							message: () => /^Start Date is not a valid date: .+$/,
						},
						{
							name: 'product.updateConfig (JSON)',
							parameters: { resource: 'product', operation: 'updateConfig', productId: locator('3'), config: V },
							values: (r) => [...WRONG_JSON, ...badJson(r, PER_OPERATION - WRONG_JSON.length)],
							// The field by its display name, then what is wrong with the JSON.
							message: () => /^Config \(JSON\) (is not valid JSON: .{5,}|must be a JSON object, got .+)$/,
						},
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
	it('Saveris: bad dates, impossible ranges, bad UUIDs and wait options end in clear errors before any export is submitted', async () => {
		const sim = await startSaverisSimulator();
		resetTokenCache();
		const started = performance.now();
		const UNTIL = '2024-06-01T00:00:00Z';
		const from = (v: string) => ({ resource: 'measurement', operation: 'exportAndWait', dateFrom: v, dateUntil: UNTIL, waitOptions: { intervalSeconds: 0.01, timeoutMinutes: 1 } });
		// Valid dates From that make no valid range with Until: after or at it, or more than 366 days before it.
		const impossibleRanges = (r: SeededRandom) =>
			Array.from({ length: 60 }, (_, i) => {
				const until = Date.parse(UNTIL);
				const at = i % 2 === 0 ? until + r.int(0, 5000) * r.pick([0, 1, 60_000, DAY]) : until - (367 + r.int(0, 3_000_000)) * DAY;
				const iso = isoAt(at);
				// The same instant written the ways people and n8n write it.
				return r.pick([iso, iso.replace('.000Z', 'Z'), iso.slice(0, 19), iso.replace('T', ' ').replace('.000Z', '+00:00'), at % DAY === 0 ? iso.slice(0, 10) : iso]);
			}).filter((v) => /^\d{4}-/.test(v));
		try {
			await fuzz(
				'saveris',
				{
					nodeType: Saveris,
					options: () => ({ credentials: { saverisApi: { ...sim.credentials } }, credentialTypes: [SaverisApi] }),
					operations: [
						{
							name: 'measurement.exportAndWait (From)',
							// A valid mutation of the base would still be after Until, so it too must be refused.
							parameters: from(V),
							values: (r) => badDates(r, PER_OPERATION, '2024-06-01T08:30:00Z'),
							message: () => /^From (is empty|is not a valid date and time: .+|must be before Until)$/,
						},
						{
							name: 'alarm.startExport (Until)',
							parameters: { resource: 'alarm', operation: 'startExport', dateFrom: '2024-06-01T08:30:00Z', dateUntil: V },
							values: (r) => badDates(r, PER_OPERATION, UNTIL),
							message: () => /^(Until (is empty|is not a valid date and time: .+)|From must be before Until)$/,
						},
						{
							name: 'executedTask.exportAndWait (impossible range)',
							parameters: { ...from(V), resource: 'executedTask' },
							values: impossibleRanges,
							message: () => /^(From must be before Until|From and Until are \d+ days apart; one run exports at most 366 days)$/,
						},
						{
							name: 'measurement.exportAndWait (Timeout)',
							parameters: { ...from('2024-05-31T22:00:00Z'), waitOptions: { intervalSeconds: 0.01, timeoutMinutes: V } },
							// null leaves an option unset (its default applies), so it is no bad value here.
							values: (r) => badNumbers(r, 45, 0, 1440).filter((v) => v !== null),
							message: () => /^Timeout \(Minutes\) must be a number from 0 to 1440$/,
						},
						{
							name: 'alarm.exportAndWait (First Check After)',
							parameters: { ...from('2024-05-31T22:00:00Z'), resource: 'alarm', waitOptions: { intervalSeconds: V, timeoutMinutes: 1 } },
							values: (r) => badNumbers(r, 45, 0, 3600).filter((v) => v !== null),
							message: () => /^First Check After \(Seconds\) must be a number from 0 to 3600$/,
						},
						{
							name: 'measurement.getExportStatus (Request UUID)',
							parameters: { resource: 'measurement', operation: 'getExportStatus', requestUuid: V },
							values: (r) => badIds(r, PER_OPERATION),
						},
						{
							name: 'tenant.getExportResults (Request UUID)',
							parameters: { resource: 'tenant', operation: 'getExportResults', requestUuid: V },
							values: (r) => badIds(r, 40 + FIXED.length).slice(FIXED.length),
						},
					],
					log: () => sim.log,
					violations: () => sim.violations,
				},
				55,
			);
			// Every bad date, range and wait option was refused before a job was submitted.
			expect(sim.log.filter((e) => e.method === 'POST' && e.path !== '/v1/token').map((e) => e.path)).toEqual([]);
			// A run stays bounded: the old reading of dates such as "a 1" submitted a job per week since 2001.
			expect(performance.now() - started).toBeLessThan(30_000);
		} finally {
			await sim.close();
		}
	}, 60_000);
});

describe('trigger parameter fuzz', () => {
	it('testo Saveris Trigger: bad start dates, delays, tries and UUIDs fail the poll clearly', async () => {
		const sim = await startSaverisSimulator();
		resetTokenCache();
		const newRecords = (extra: IDataObject) => ({ mode: 'newRecords', recordResource: 'measurement', ...extra });
		try {
			await fuzzPoll(
				'saverisTrigger',
				{
					base: () => ({ nodeType: SaverisTrigger, credentials: { saverisApi: { ...sim.credentials } }, credentialTypes: [SaverisApi] }),
					operations: [
						{
							name: 'newRecords (Start Date)',
							parameters: (x) => newRecords({ startDate: x }),
							// null, "" and whitespace mean "no start date" there, which is valid.
							values: (r) => badDates(r, 70, '2024-06-01T00:00:00Z').filter((v) => v !== null && !(typeof v === 'string' && v.trim() === '')),
							message: () => /^Start Date is not a valid date and time: .+$/,
						},
						{
							name: 'newRecords (Delay)',
							parameters: (x) => newRecords({ options: { lagMinutes: x } }),
							values: (r) => badNumbers(r, 50, 0, 10080).filter((v) => v !== null),
							message: () => /^Delay \(Minutes\) must be a number from 0 to 10080$/,
						},
						{
							name: 'newRecords (Max Tries per Window)',
							parameters: (x) => newRecords({ options: { maxTries: x } }),
							values: (r) => badNumbers(r, 50, 1, 1000).filter((v) => v !== null),
							message: () => /^Max Tries per Window must be a number from 1 to 1000$/,
						},
						{
							name: 'exportFinished (Request UUID)',
							parameters: (x) => ({ mode: 'exportFinished', exportResource: 'alarm', requestUuid: x }),
							values: (r) => badIds(r, 60).filter((v) => v !== undefined),
						},
					],
					log: () => sim.log,
					violations: () => sim.violations,
				},
				66,
			);
			expect(sim.log.filter((e) => e.method === 'POST' && e.path !== '/v1/token')).toEqual([]);
		} finally {
			await sim.close();
		}
	}, 60_000);

	it('Cliniko Trigger: bad start dates fail the poll clearly, before any request', async () => {
		const sim = await startClinikoSimulator({ rateLimit: null });
		try {
			await fuzzPoll(
				'clinikoTrigger',
				{
					base: () => ({ nodeType: ClinikoTrigger, credentials: { clinikoApi: sim.credentials }, credentialTypes: [ClinikoApi] }),
					operations: [
						{
							name: 'created patient (Start Date)',
							parameters: (x) => ({ event: 'created', resource: 'patient', options: { startDate: x } }),
							values: (r) => badDates(r, 210, '2024-06-01T09:30:00').filter((v) => v !== null && v !== ''),
							message: () => /^Start Date (is empty|is not a valid date and time: .+)$/,
						},
					],
					log: () => sim.log,
					violations: () => sim.violations,
				},
				77,
			);
			expect(sim.log).toEqual([]);
		} finally {
			await sim.close();
		}
	}, 60_000);

	it('Xavier Analytics Trigger: bad thresholds and alert levels fail the poll clearly, before any request', async () => {
		const sim = await startXavierSimulator({ rateLimit: null });
		const notLevels: unknown[] = [{}, { level: 'red' }, true, false, [{}], ['danger', { a: 1 }], ['warning', true], [['danger']], [[]], { __rl: true, value: 'danger' }];
		try {
			await fuzzPoll(
				'xavierTrigger',
				{
					base: () => ({ nodeType: XavierTrigger, credentials: { xavierApi: { apiToken: sim.token, baseUrl: sim.url } }, credentialTypes: [XavierApi] }),
					operations: [
						{
							name: 'healthScoreDropped (Threshold)',
							parameters: (x) => ({ event: 'healthScoreDropped', threshold: x }),
							values: (r) => badNumbers(r, 150, 0, 100),
							message: () => /^Threshold must be a number from 0 to 100$/,
						},
						{
							name: 'alertLevelChanged (To Alert Levels)',
							parameters: (x) => ({ event: 'alertLevelChanged', toLevels: x }),
							values: (r) => Array.from({ length: 60 }, (_, i) => (i < notLevels.length ? notLevels[i] : [r.string(r.int(1, 6), 'abcXYZ'), r.pick(notLevels)])),
							message: () => /^To Alert Level Names or IDs must be text or a number, got .+$/,
						},
					],
					log: () => sim.log,
					violations: () => sim.violations,
				},
				88,
			);
			expect(sim.log).toEqual([]);
		} finally {
			await sim.close();
		}
	}, 60_000);
});
