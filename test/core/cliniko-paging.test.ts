// Cliniko lists read several numbered pages at a time (nodes/shared/pagination.ts, `numberedPages`):
// through n8n-core against the simulator, the records must be exactly those of a plain links.next
// walk, in its order, with each page asked for once and Limit not asking for more pages.
import type { IDataObject } from 'n8n-workflow';

import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { startClinikoSimulator } from '../simulators/cliniko';
import type { ClinikoSimulator } from '../simulators/cliniko';
import { locator } from '../helpers/locator';
import { runNode } from './harness';

const PATIENTS = 1_050;
let sim: ClinikoSimulator;
let walked: string[];

const run = (parameters: IDataObject) =>
	runNode({ nodeType: Cliniko, parameters: parameters as never, credentials: { clinikoApi: sim.credentials }, credentialTypes: [ClinikoApi] });

/** The order a client following links.next one page at a time sees. */
async function walk(): Promise<string[]> {
	const ids: string[] = [];
	let url: string | undefined = `${sim.baseUrl}/patients?per_page=100`;
	while (url) {
		const response = await fetch(url, { headers: sim.headers() });
		const body = (await response.json()) as { patients: Array<{ id: string }>; links: { next?: string } };
		ids.push(...body.patients.map((p) => p.id));
		url = body.links.next;
	}
	return ids;
}

beforeAll(async () => {
	sim = await startClinikoSimulator({ rateLimit: null });
	const live = () => sim.state.rows('patients').filter((r) => r.deleted_at == null).length;
	for (let n = live(); n < PATIENTS; n++) sim.state.create('patients', {});
	walked = await walk();
	expect(walked).toHaveLength(live());
});
afterAll(async () => sim.close());
beforeEach(() => sim.resetLog());

describe('Cliniko Return All with pages read ahead', () => {
	it('gives the records of a links.next walk, in its order, asking for each page once', async () => {
		const { items, error } = await run({ resource: 'patient', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(walked);
		const pages = sim.log.map((e) => Number(e.query.page ?? 1)).sort((a, b) => a - b);
		expect(pages).toEqual(Array.from({ length: Math.ceil(walked.length / 100) }, (_, i) => i + 1));
		// Every page after the first is the first page's links.next with another page number.
		for (const entry of sim.log.slice(1)) expect(entry.rawQuery).toMatch(/^per_page=100&page=\d+$/);
		expect(sim.violations).toEqual([]);
	});

	it('keeps filters and sort on every page it reads ahead', async () => {
		const filters = { conditions: [{ field: 'created_at', operator: 'greaterThan', value: '2000-01-01T00:00:00Z' }] };
		const { items, error } = await run({ resource: 'patient', operation: 'getAll', returnAll: true, filters, sort: { fields: [{ field: 'created_at', direction: 'desc' }] } });
		expect(error).toBeUndefined();
		expect(new Set(items.map((i) => i.json.id)).size).toBe(items.length);
		expect(items).toHaveLength(walked.length);
		for (const entry of sim.log) {
			expect(entry.query.q).toEqual(['created_at:>2000-01-01T00:00:00Z']);
			expect(entry.query.sort).toBe('created_at:desc');
		}
	});

	it.each([
		[250, 3],
		[1000, 10],
	])('with Limit %i asks for %i pages and returns the first records of the walk', async (limit, requests) => {
		const { items, error } = await run({ resource: 'patient', operation: 'getAll', returnAll: false, limit });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(walked.slice(0, limit));
		expect(sim.log).toHaveLength(requests);
	});
});

describe('Cliniko Gets over many items, a few at a time', () => {
	const get = (ids: string[], extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
		runNode({
			nodeType: Cliniko,
			parameters: { resource: 'patient', operation: 'get', patientId: locator('={{ $json.id }}') } as never,
			credentials: { clinikoApi: sim.credentials },
			credentialTypes: [ClinikoApi],
			inputItems: ids.map((id) => ({ json: { id } })),
			...extra,
		});

	it('returns each item its own record, in item order, paired', async () => {
		const ids = walked.slice(0, 40).reverse();
		const { items, error } = await get(ids);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.id, (i.pairedItem as { item: number }).item])).toEqual(ids.map((id, i) => [id, i]));
		expect(sim.log).toHaveLength(40);
	});

	it('stops at the first failing item in item order, naming it', async () => {
		const ids = walked.slice(0, 20);
		ids[7] = '999';
		ids[12] = '998';
		const { error } = await get(ids);
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toContain('no patient with ID "999"');
		expect(error?.context?.itemIndex).toBe(7);
		// Items after it may have been read already (at most the three read alongside it), never more.
		expect(sim.log.length).toBeLessThanOrEqual(8 + 3);
	});

	it('with Continue On Fail, puts each error item where the failing item was', async () => {
		const ids = walked.slice(0, 12);
		ids[3] = '999';
		const { items } = await get(ids, { continueOnFail: true });
		expect(items.map((i) => i.json.id ?? i.json.httpCode)).toEqual(ids.map((id) => (id === '999' ? '404' : id)));
	});
});
