// Issue 12, point 14: a Limit that is not a positive whole number (an expression giving "ten", a
// missing field, NaN, a fraction, a negative) returned every record and sent Cliniko per_page=NaN.
// It must be a clear error naming the field, before anything is sent, for every provider's lists.
import type { IDataObject } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { XavierApi } from '../../credentials/XavierApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { Xavier } from '../../nodes/Xavier/Xavier.node';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import { startClientXcmsSimulator } from '../simulators/clientxcms';
import type { ClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator } from '../simulators/cliniko';
import type { ClinikoSimulator } from '../simulators/cliniko';
import type { LogEntry } from '../simulators/core';
import { startXavierSimulator } from '../simulators/xavier';
import type { XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import type { XtraKitSimulator } from '../simulators/xtrakit';
import { runNode } from './harness';
import type { RunNodeOptions } from './harness';

let cliniko: ClinikoSimulator;
let clientXcms: ClientXcmsSimulator;
let xavier: XavierSimulator;
let xtraKit: XtraKitSimulator;

beforeAll(async () => {
	[cliniko, clientXcms, xavier, xtraKit] = await Promise.all([
		startClinikoSimulator({ rateLimit: null }),
		startClientXcmsSimulator(),
		startXavierSimulator({ rateLimit: null }),
		startXtraKitSimulator(),
	]);
	clientXcms.rateLimit.set(null);
});
afterAll(async () => Promise.all([cliniko.close(), clientXcms.close(), xavier.close(), xtraKit.close()]));

interface Target {
	name: string;
	options: () => Omit<RunNodeOptions, 'parameters'>;
	parameters: IDataObject;
	log: () => LogEntry[];
	resetLog: () => void;
}

const targets: Target[] = [
	{
		name: 'Cliniko',
		options: () => ({ nodeType: Cliniko, credentials: { clinikoApi: cliniko.credentials }, credentialTypes: [ClinikoApi] }),
		parameters: { resource: 'patient', operation: 'getAll' },
		log: () => cliniko.log,
		resetLog: () => cliniko.resetLog(),
	},
	{
		name: 'CLIENTXCMS',
		options: () => ({ nodeType: ClientXcms, credentials: { clientXcmsApi: { baseUrl: clientXcms.baseUrl, apiKey: clientXcms.apiKey } }, credentialTypes: [ClientXcmsApi] }),
		parameters: { resource: 'customer', operation: 'getAll' },
		log: () => clientXcms.log,
		resetLog: () => clientXcms.resetLog(),
	},
	{
		name: 'Xavier',
		options: () => ({ nodeType: Xavier, credentials: { xavierApi: { apiToken: xavier.token, baseUrl: xavier.url } }, credentialTypes: [XavierApi] }),
		parameters: { resource: 'client', operation: 'getAll' },
		log: () => xavier.log,
		resetLog: () => xavier.resetLog(),
	},
	{
		name: 'XtraKit',
		options: () => ({ nodeType: XtraKit, credentials: { xtraKitApi: { apiKey: xtraKit.apiKey, baseUrl: xtraKit.baseUrl } }, credentialTypes: [XtraKitApi] }),
		parameters: { resource: 'customer', operation: 'getAll' },
		log: () => xtraKit.log,
		resetLog: () => xtraKit.resetLog(),
	},
];

// What an expression can hand the node for Limit: `{{ "ten" }}`, `{{ $json.pageSize }}` of an item
// without that field (undefined), arithmetic on it (NaN), a fraction, zero, a negative, blank text.
const BAD_LIMITS: Array<[string, string]> = [
	['text', '={{ "ten" }}'],
	['a missing field', '={{ $json.pageSize }}'],
	['NaN', '={{ $json.pageSize * 2 }}'],
	['a fraction', '={{ 2.5 }}'],
	['zero', '={{ 0 }}'],
	['a negative', '={{ -5 }}'],
	['blank text', '={{ "  " }}'],
	['an object', '={{ {} }}'],
	['Infinity', '={{ 1/0 }}'],
];

describe.each(targets)('$name: Limit', (target) => {
	beforeEach(() => target.resetLog());

	it.each(BAD_LIMITS)('%s is a clear error naming Limit, and nothing is sent', async (_what, limit) => {
		const { items, error } = await runNode({ ...target.options(), parameters: { ...target.parameters, returnAll: false, limit } as never });
		expect(items).toEqual([]);
		expect(error?.className).toBe('NodeOperationError');
		expect(error?.message).toMatch(/^Limit must be a whole number of 1 or more, got .+/);
		expect(target.log()).toEqual([]);
	});

	it('with Continue On Fail, each bad Limit is an error item and a good one runs', async () => {
		const { items, error } = await runNode({
			...target.options(),
			parameters: { ...target.parameters, returnAll: false, limit: '={{ $json.n }}' } as never,
			inputItems: [{ json: { n: 'ten' } }, { json: { n: 2 } }, { json: {} }, { json: { n: '3' } }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		const byItem = (i: number) => items.filter((it) => (it.pairedItem as { item: number }).item === i);
		expect(byItem(0)).toEqual([expect.objectContaining({ json: expect.objectContaining({ error: expect.stringMatching(/^Limit must be/) }) })]);
		expect(byItem(1)).toHaveLength(2);
		expect(byItem(2)).toEqual([expect.objectContaining({ json: expect.objectContaining({ error: expect.stringMatching(/^Limit must be/) }) })]);
		// Numeric text is a number (an expression over a CSV or a query string gives text).
		expect(byItem(3)).toHaveLength(3);
	});

	it('Return All that is not true or false is a clear error, not "everything"', async () => {
		const { error } = await runNode({ ...target.options(), parameters: { ...target.parameters, returnAll: '={{ "no" }}', limit: 1 } as never });
		expect(error?.message).toMatch(/^Return All must be true or false, got "no"/);
		expect(target.log()).toEqual([]);
	});
});

// The other number parameters: an expression's result reaches them unchecked by the editor.
describe('number parameters other than Limit', () => {
	beforeEach(() => targets.forEach((t) => t.resetLog()));

	it('CLIENTXCMS Page Size that is not a whole number from 1 to 500 is refused before paging', async () => {
		for (const perPage of ['={{ "ten" }}', '={{ $json.size }}', '={{ 0 }}', '={{ 501 }}', '={{ 2.5 }}']) {
			const { error } = await runNode({ ...targets[1].options(), parameters: { ...targets[1].parameters, returnAll: true, options: { perPage } } as never });
			expect([perPage, error?.message]).toEqual([perPage, expect.stringMatching(/^Page Size must be a whole number from 1 to 500, got .+/)]);
		}
		expect(clientXcms.log).toEqual([]);
	});

	it('Cliniko Max Rate-Limit Wait that is not a number is refused, not replaced by the default', async () => {
		const { error } = await runNode({ ...targets[0].options(), parameters: { ...targets[0].parameters, returnAll: false, limit: 1, options: { maxWaitSeconds: '={{ "ten" }}' } } as never });
		expect(error?.message).toMatch(/^Max Rate-Limit Wait \(Seconds\) must be a number of 0 or more, got "ten"/);
		expect(cliniko.log).toEqual([]);
	});

	it('XtraKit: a number field given text, NaN or a value below its minimum is refused naming the field', async () => {
		const base = { resource: 'item', operation: 'create', item_name: 'Lamp', category_id: 1, unit: 'pcs', unit_cost: 1, item_price: 2, quantity: 3, online: false, status: 'available' };
		for (const [field, value, label] of [
			['quantity', '={{ "lots" }}', 'Quantity'],
			['unit_cost', '={{ $json.cost * 1 }}', 'Unit Cost'],
			['item_price', '={{ -1 }}', 'Item Price'],
		] as const) {
			const { error } = await runNode({ ...targets[3].options(), parameters: { ...base, [field]: value } as never });
			expect([field, error?.message]).toEqual([field, expect.stringMatching(new RegExp(`^${label} must be a number of 0 or more, got .+`))]);
		}
		const extra = await runNode({ ...targets[3].options(), parameters: { ...base, additionalFields: { warehouse_id: '={{ "main" }}' } } as never });
		expect(extra.error?.message).toMatch(/^Warehouse ID must be a number of 0 or more, got "main"/);
		expect(xtraKit.log.filter((e) => e.method !== 'GET')).toEqual([]);
	});
});

describe('number fields of generated operations (Cliniko)', () => {
	beforeEach(() => cliniko.resetLog());

	it('a number field given text or a value out of its range is refused naming it, before anything is sent', async () => {
		for (const [value, got] of [
			['={{ "long" }}', '"long"'],
			['={{ 0 }}', '0'],
			['={{ 2000 }}', '2000'],
		]) {
			const { error } = await runNode({
				...targets[0].options(),
				parameters: { resource: 'appointmentType', operation: 'create', name: 'Fuzz', durationInMinutes: value } as never,
			});
			expect(error?.message).toBe(`Duration in Minutes must be a number from 1 to 1439, got ${got}`);
		}
		expect(cliniko.log).toEqual([]);
	});
});
