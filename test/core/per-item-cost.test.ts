/**
 * What a request costs on top of the HTTP exchange (issue 17: 1,000 input items, one Get each, against
 * n8n's HTTP Request node). Two costs n8n charges per request when a node lets it: reading the
 * credential (the CLI decrypts it every time, and n8n 2.x reads its database row first), and resolving
 * the expressions of a declarative `authenticate` (n8n 2.x evaluates each in its expression sandbox).
 * The nodes read the credential once per run and authenticate without expressions; these counts are
 * what the benchmark's per-item figure is made of, measured without timing anything.
 */
import { ExecuteContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { XavierApi } from '../../credentials/XavierApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { Xavier } from '../../nodes/Xavier/Xavier.node';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import { startClientXcmsSimulator, type ClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator, type ClinikoSimulator } from '../simulators/cliniko';
import { startXavierSimulator, type XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator, type XtraKitSimulator } from '../simulators/xtrakit';
import { locator } from '../helpers/locator';
import { runNode } from './harness';

const ITEMS = 20;
const items = (): INodeExecutionData[] => Array.from({ length: ITEMS }, (_, i) => ({ json: { n: i } }));

let cliniko: ClinikoSimulator;
let clientxcms: ClientXcmsSimulator;
let xavier: XavierSimulator;
let xtrakit: XtraKitSimulator;

beforeAll(async () => {
	[cliniko, clientxcms, xavier, xtrakit] = await Promise.all([
		startClinikoSimulator({ rateLimit: null }),
		startClientXcmsSimulator(),
		startXavierSimulator({ rateLimit: null }),
		startXtraKitSimulator(),
	]);
});
afterAll(async () => Promise.all([cliniko, clientxcms, xavier, xtrakit].map((s) => s.close())));

interface Case {
	type: string;
	run: () => ReturnType<typeof runNode>;
	requests: () => number;
}

/** A Get over ITEMS input items, the ID by expression (evaluated per item, as a workflow's would be). */
const getOver = (nodeType: Parameters<typeof runNode>[0]['nodeType'], parameters: IDataObject, credentials: Record<string, IDataObject>, credentialTypes: Parameters<typeof runNode>[0]['credentialTypes']) =>
	runNode({ nodeType, parameters: { operation: 'get', ...parameters } as never, credentials: credentials as never, credentialTypes, inputItems: items() });

const cases: Record<string, Case> = {
	Cliniko: {
		type: 'clinikoApi',
		run: () =>
			getOver(Cliniko, { resource: 'patient', patientId: locator(`={{ ${JSON.stringify(String(cliniko.state.list('patients')[0].id))} }}`) }, { clinikoApi: cliniko.credentials }, [ClinikoApi]),
		requests: () => cliniko.log.length,
	},
	CLIENTXCMS: {
		type: 'clientXcmsApi',
		run: () =>
			getOver(ClientXcms, { resource: 'customer', customerId: locator('={{ 2 }}') }, { clientXcmsApi: { baseUrl: clientxcms.baseUrl, apiKey: clientxcms.apiKey } }, [ClientXcmsApi]),
		requests: () => clientxcms.log.length,
	},
	Xavier: {
		type: 'xavierApi',
		run: () =>
			getOver(Xavier, { resource: 'client', clientId: locator(`={{ ${JSON.stringify(String(xavier.state.listItems()[0].id))} }}`) }, { xavierApi: { apiToken: xavier.token, baseUrl: xavier.url } }, [XavierApi]),
		requests: () => xavier.log.length,
	},
	XtraKit: {
		type: 'xtraKitApi',
		run: () => getOver(XtraKit, { resource: 'customer', customerId: locator('={{ 1 }}') }, { xtraKitApi: { apiKey: xtrakit.apiKey, baseUrl: xtrakit.baseUrl } }, [XtraKitApi]),
		requests: () => xtrakit.log.length,
	},
};

test.each(Object.keys(cases))(`%s: a Get over ${ITEMS} items reads the credential once and resolves no expression to authenticate`, async (name) => {
	const { type, run, requests } = cases[name];
	const before = requests();
	const { items: out, error, credentialCosts } = await run();
	expect(error).toBeUndefined();
	expect(out).toHaveLength(ITEMS);
	expect(requests() - before).toBe(ITEMS);
	expect(credentialCosts).toEqual({ decryptions: { [type]: 1 }, authExpressions: 0 });
});

/**
 * n8n-core's own per-call costs inside a node (n8n-core 2.41, node-execution-context.js): every
 * `getNodeParameter` looks the node type up, builds the expressions' additional keys and validates the
 * value against the schema (an expression is then evaluated, in n8n 2.x's sandbox), and every
 * `getNode` is a deep copy of the node. Counted on the prototype both live on, across one run.
 */
function countContextCalls() {
	let proto = ExecuteContext.prototype as object | null;
	while (proto && !Object.prototype.hasOwnProperty.call(proto, '_getNodeParameter')) proto = Object.getPrototypeOf(proto) as object | null;
	const target = proto as { _getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean; rawExpressions?: boolean }) => unknown; getNode: () => unknown };
	const reads = jest.spyOn(target, '_getNodeParameter');
	const copies = jest.spyOn(target, 'getNode');
	return {
		reads: () => reads.mock.calls.map(([name]) => name),
		/** Reads that resolve the value (a read with rawExpressions only looks at what is stored). */
		resolving: () => reads.mock.calls.filter(([, , , options]) => !options?.rawExpressions).map(([name]) => name),
		/** Reads with extractValue, which searches the node's properties for the parameter each time. */
		extracting: () => reads.mock.calls.filter(([, , , options]) => options?.extractValue).map(([name]) => name),
		copies: () => copies.mock.calls.length,
		restore: () => {
			reads.mockRestore();
			copies.mockRestore();
		},
	};
}

test.each(Object.keys(cases))(`%s: a Get over ${ITEMS} items reads Resource and Operation once per run, and copies the node once`, async (name) => {
	const calls = countContextCalls();
	try {
		const { items: out, error } = await cases[name].run();
		expect(error).toBeUndefined();
		expect(out).toHaveLength(ITEMS);
		const reads = (parameter: string) => calls.reads().filter((r) => r === parameter).length;
		// Once as stored (to see that it holds no expression), once resolved; before: twice per item
		// (the check that the item only reads, then its row).
		expect(reads('resource')).toBeLessThanOrEqual(2);
		expect(reads('operation')).toBeLessThanOrEqual(2);
		// The ID is an expression: evaluated once per item, as the HTTP Request node evaluates its URL.
		expect(calls.resolving().filter((r) => /Id$/.test(r))).toHaveLength(ITEMS);
		// A locator "By ID" has no extraction: its value is taken as read (before: extractValue per item).
		expect(calls.extracting()).toEqual([]);
		// Before: three copies per item (the request, the credential's ID, the answer's unwrap).
		expect(calls.copies()).toBeLessThanOrEqual(1);
	} finally {
		calls.restore();
	}
});
