// Issue 12, point 11: every loop over server answers is bounded by what the server said, and a
// server that contradicts itself gets a clear error naming the provider, not an endless Return All
// or records returned twice. The simulators' paging switches (each citing the real-world behaviour
// it models) play the hostile servers; request counts, not timings, show the walk stopped.
import type { IDataObject } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import { startClientXcmsSimulator } from '../simulators/clientxcms';
import type { ClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator } from '../simulators/cliniko';
import type { ClinikoSimulator } from '../simulators/cliniko';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import type { XtraKitSimulator } from '../simulators/xtrakit';
import { locator } from '../helpers/locator';
import { runNode } from './harness';

// Before the fix these walks never ended; a failing run ends at this timeout instead of hanging.
const WALK_TIMEOUT = 30_000;

describe('Cliniko: hostile paging', () => {
	let sim: ClinikoSimulator;
	const PATIENTS = 250;
	let pages = 0;
	const run = (parameters: IDataObject) =>
		runNode({ nodeType: Cliniko, parameters: parameters as never, credentials: { clinikoApi: sim.credentials }, credentialTypes: [ClinikoApi] });

	beforeAll(async () => {
		sim = await startClinikoSimulator({ rateLimit: null });
		const live = () => sim.state.rows('patients').filter((r) => r.deleted_at == null).length;
		for (let n = live(); n < PATIENTS; n++) sim.state.create('patients', {});
		pages = Math.ceil(live() / 100);
	});
	afterAll(async () => sim.close());
	beforeEach(() => {
		sim.resetLog();
		delete sim.settings.pagingFault;
	});

	it(
		'Return All over empty pages that each link to a new page stops with a clear error after the stated last page',
		async () => {
			sim.settings.pagingFault = 'emptyPagesForever';
			const { items, error } = await run({ resource: 'patient', operation: 'getAll', returnAll: true });
			expect(items).toEqual([]);
			expect(error?.className).toBe('NodeApiError');
			expect(error?.message).toBe(`Cliniko paged inconsistently: page ${pages + 1} is empty but says more pages follow`);
			// The pages of records, then one empty page: the walk ends there.
			expect(sim.log).toHaveLength(pages + 1);
		},
		WALK_TIMEOUT,
	);

	it(
		'a server that ignores ?page= is an error, not page 1 returned again and again',
		async () => {
			sim.settings.pagingFault = 'ignorePage';
			const all = await run({ resource: 'patient', operation: 'getAll', returnAll: true });
			expect(all.error?.message).toMatch(/^Cliniko paged inconsistently: page 2 holds only records already read on earlier pages$/);
			// Page 1, then the pages read ahead (four in flight at most): none after the error.
			expect(sim.log.length).toBeLessThanOrEqual(Math.min(pages, 5));

			sim.resetLog();
			const limited = await run({ resource: 'patient', operation: 'getAll', returnAll: false, limit: 250 });
			expect(limited.items).toEqual([]);
			expect(limited.error?.message).toMatch(/page 2 holds only records already read/);
		},
		WALK_TIMEOUT,
	);

	it('a well-behaved server is walked to its end as before', async () => {
		const { items, error } = await run({ resource: 'patient', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(new Set(items.map((i) => i.json.id)).size).toBe(items.length);
		expect(items.length).toBeGreaterThanOrEqual(PATIENTS);
	});
});

describe('CLIENTXCMS: a server or proxy that ignores ?page=', () => {
	let sim: ClientXcmsSimulator;
	const run = (parameters: IDataObject) =>
		runNode({ nodeType: ClientXcms, parameters: parameters as never, credentials: { clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: sim.apiKey } }, credentialTypes: [ClientXcmsApi] });

	beforeAll(async () => {
		sim = await startClientXcmsSimulator();
		sim.rateLimit.set(null);
	});
	afterAll(async () => sim.close());
	beforeEach(() => {
		sim.resetLog();
		sim.settings.ignorePageParam = true;
	});

	it(
		'Return All stops at page 2 with an error saying it answered page 1',
		async () => {
			const { items, error } = await run({ resource: 'customer', operation: 'getAll', returnAll: true, options: { perPage: 5 } });
			expect(items).toEqual([]);
			expect(error?.className).toBe('NodeApiError');
			expect(error?.message).toBe('CLIENTXCMS paged inconsistently: asked for page 2, it answered page 1');
			expect(sim.log).toHaveLength(2);
		},
		WALK_TIMEOUT,
	);

	it('a Limit above one page does not return the first page several times', async () => {
		const { items, error } = await run({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 12, options: { perPage: 5 } });
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/asked for page 2, it answered page 1/);
	});

	it('a page that repeats earlier records is an error even without page numbers', async () => {
		sim.settings.ignorePageParam = false;
		// A proxy that strips current_page as well: only the repeated records give it away.
		sim.faults.add({ kind: 'status', method: 'GET', path: '^/api/application/customers$', status: 200, times: 'always', body: { data: [{ id: 1 }, { id: 2 }], meta: { last_page: 3, total: 6 } } });
		const { error } = await run({ resource: 'customer', operation: 'getAll', returnAll: true, options: { perPage: 2 } });
		sim.faults.clear();
		expect(error?.message).toBe('CLIENTXCMS paged inconsistently: page 2 holds only records already read on earlier pages');
		expect(sim.log).toHaveLength(2);
	});

	it('more records than the stated total is an error', async () => {
		sim.settings.ignorePageParam = false;
		// A total that is lower than what the pages then hold (e.g. a count cached separately from the rows).
		sim.faults.add({ kind: 'status', method: 'GET', path: '^/api/application/customers$', status: 200, times: 1, body: { data: [{ id: 1 }, { id: 2 }], meta: { current_page: 1, last_page: 2, total: 3 } } });
		sim.faults.add({ kind: 'status', method: 'GET', path: '^/api/application/customers$', status: 200, times: 1, body: { data: [{ id: 3 }, { id: 4 }], meta: { current_page: 2, last_page: 2, total: 3 } } });
		const { error } = await run({ resource: 'customer', operation: 'getAll', returnAll: true, options: { perPage: 2 } });
		expect(error?.message).toBe('CLIENTXCMS paged inconsistently: 4 different records arrived, more than the 3 it said the list holds');
	});

	it('without the fault, every page is read once', async () => {
		sim.settings.ignorePageParam = false;
		const { items, error } = await run({ resource: 'customer', operation: 'getAll', returnAll: true, options: { perPage: 5 } });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(5);
		expect(sim.log.map((e) => e.query.page)).toEqual(['1', '2', '3']);
	});
});

describe('XtraKit: a paginator that links empty pages forever', () => {
	let sim: XtraKitSimulator;
	beforeAll(async () => {
		sim = await startXtraKitSimulator();
	});
	afterAll(async () => sim.close());

	it(
		'Return All stops after the stated last page with a clear error',
		async () => {
			sim.settings.pagination = { perPage: 10, style: 'laravel', endless: true };
			sim.resetLog();
			const { items, error } = await runNode({
				nodeType: XtraKit,
				parameters: { resource: 'customer', operation: 'getAll', returnAll: true } as never,
				credentials: { xtraKitApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } },
				credentialTypes: [XtraKitApi],
			});
			expect(items).toEqual([]);
			expect(error?.message).toMatch(/^XtraKit paged inconsistently: page 4 is empty but says more pages follow$/);
			expect(sim.log).toHaveLength(4);
		},
		WALK_TIMEOUT,
	);
});

describe('CLIENTXCMS: a file answer with a hostile Content-Disposition', () => {
	let sim: ClientXcmsSimulator;
	beforeAll(async () => {
		sim = await startClientXcmsSimulator();
		sim.rateLimit.set(null);
	});
	afterAll(async () => sim.close());

	it.each([
		['a malformed %-escape', 'attachment; filename="CTX-%E0%A4%A.pdf"', 'CTX-%E0%A4%A.pdf'],
		['a header value near the 16 KB Node lets through', `attachment; filename="${'filename='.repeat(1_500)}"`, undefined],
	])('%s gives a file, not a crash', async (_what, disposition, expected) => {
		sim.faults.add({ kind: 'status', method: 'GET', path: '^/api/application/invoices/2/pdf$', status: 200, body: Buffer.from('%PDF-1.4'), headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': disposition } });
		const { items, error } = await runNode({
			nodeType: ClientXcms,
			parameters: { resource: 'invoice', operation: 'pdf', invoiceId: locator('2') } as never,
			credentials: { clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: sim.apiKey } },
			credentialTypes: [ClientXcmsApi],
		});
		sim.faults.clear();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		if (expected) expect(items[0].json.fileName).toBe(expected);
	});
});
