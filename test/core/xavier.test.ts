import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { XavierApi } from '../../credentials/XavierApi.credentials';
import { Xavier } from '../../nodes/Xavier/Xavier.node';
import { XavierTrigger } from '../../nodes/Xavier/XavierTrigger.node';
import { startXavierSimulator } from '../simulators/xavier';
import type { XavierSimulator } from '../simulators/xavier';
import { locator } from '../helpers/locator';
import { runListSearch, runLoadOptions, runNode, runPoll, testCredential } from './harness';

let sim: XavierSimulator;
const credentials = () => ({ xavierApi: { apiToken: sim.token, baseUrl: sim.url } });
const common = () => ({ credentials: credentials(), credentialTypes: [XavierApi] });

const run = (parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({ nodeType: Xavier, parameters: { resource: 'client', ...parameters } as never, ...common(), ...extra });

beforeAll(async () => {
	// The real limit (60/min) would slow the suite without testing anything the unit tests do not.
	sim = await startXavierSimulator({ rateLimit: null });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

describe('Xavier node: Client › Get Many', () => {
	it('returns every client with Return All, each paired with the input item', async () => {
		const { items, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(sim.state.listItems().map((c) => c.id));
		expect(items[0].json).toMatchObject({ id: '8eb3l', name: expect.any(String), healthScore: expect.any(Number) });
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(sim.violations).toEqual([]);
	});

	it('applies Limit client-side (the API has no paging)', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: false, limit: 3 });
		expect(items).toHaveLength(3);
		expect(sim.log.filter((e) => e.path === '/clients')).toHaveLength(1);
	});

	it('filters by health score range, alert level and name', async () => {
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { minHealthScore: 50, maxHealthScore: 75, alertLevels: ['warning'] },
		});
		const expected = sim.state
			.listItems()
			.filter((c) => c.healthScore !== null && c.healthScore >= 50 && c.healthScore <= 75 && c.alertLevel === 'warning');
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.id)).toEqual(expected.map((c) => c.id));

		const byName = await run({ operation: 'getAll', returnAll: true, filters: { nameContains: 'demo company' } });
		expect(byName.items.length).toBeGreaterThan(0);
		expect(byName.items.every((i) => String(i.json.name).toLowerCase().includes('demo company'))).toBe(true);
	});

	it('refuses an impossible score range before sending anything', async () => {
		const { error } = await run({ operation: 'getAll', returnAll: true, filters: { minHealthScore: 80, maxHealthScore: 20 } });
		expect(error?.className).toBe('NodeOperationError');
		expect(error?.message).toContain('Minimum Health Score (80) is greater than Maximum Health Score (20)');
		expect(sim.log).toHaveLength(0);
	});
});

describe('Xavier node: Client › Get and Get Activity Stats', () => {
	it('gets one client by ID with details and metrics', async () => {
		const { items, error } = await run({ operation: 'get', clientId: locator('8eb3l') });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: '8eb3l', metrics: expect.any(Object), vatDetails: expect.any(Object) });
	});

	it('unwraps the one-element array the first docs showed', async () => {
		sim.settings.legacyArrayDetail = true;
		const { items } = await run({ operation: 'get', clientId: locator('q6K0j', 'list') });
		expect(Array.isArray(items[0].json)).toBe(false);
		expect(items[0].json.id).toBe('q6K0j');
	});

	it('says which client was not found', async () => {
		const { error } = await run({ operation: 'get', clientId: locator('nope42') });
		expect(error?.className).toBe('NodeApiError');
		expect(error?.message).toBe('Client not found: no client with ID "nope42" (HTTP 404)');
		expect(error?.httpCode).toBe('404');
	});

	it('refuses an empty ID and encodes unsafe ones', async () => {
		const empty = await run({ operation: 'get', clientId: locator('   ') });
		expect(empty.error?.className).toBe('NodeOperationError');
		expect(empty.error?.message).toContain('Client is empty');
		expect(sim.log).toHaveLength(0);

		// "." and ".." would change the route, not name a record: refused naming the field as the user sees it.
		const dots = await run({ operation: 'get', clientId: locator('..') });
		expect(dots.error?.message).toBe('".." is not a valid Client');
		expect(sim.log).toHaveLength(0);

		const odd = await run({ operation: 'getActivityStats', clientId: locator('a/../b?x#y') });
		expect(odd.error?.message).toContain('no client with ID "a/../b?x#y"');
		expect(sim.log[0].rawPath).toBe('/clients/a%2F..%2Fb%3Fx%23y/activity-stats');
	});

	it('gets activity stats', async () => {
		const { items } = await run({ operation: 'getActivityStats', clientId: locator('8eb3l') });
		expect(Object.keys(items[0].json).sort()).toEqual(['annual', 'monthlyAverage', 'quarterlyAverage']);
		expect(items[0].json.annual).toMatchObject({ turnover: expect.any(Number), totalCount: expect.any(Number) });
	});

	it('continues on fail with one output per input item, correctly paired', async () => {
		const inputItems: INodeExecutionData[] = [{ json: { id: '8eb3l' } }, { json: { id: 'missing' } }, { json: { id: 'lP1Wq' } }];
		const { items, error } = await run(
			{ operation: 'get', clientId: locator('={{ $json.id }}') },
			{ inputItems, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.id ?? i.json.error, (i.pairedItem as { item: number }).item])).toEqual([
			['8eb3l', 0],
			['Client not found: no client with ID "missing" (HTTP 404)', 1],
			['lP1Wq', 2],
		]);
	});
});

describe('Xavier node: transport', () => {
	it('sends the bearer token from the credential and reports a refused one without leaking it', async () => {
		await run({ operation: 'getAll', returnAll: true });
		expect(sim.log[0].headers.authorization).toBe(`Bearer ${sim.token}`);
		const { error } = await runNode({
			nodeType: Xavier,
			parameters: { resource: 'client', operation: 'getAll', returnAll: true },
			credentials: { xavierApi: { apiToken: 'wrong-token-123456', baseUrl: sim.url } },
			credentialTypes: [XavierApi],
		});
		expect(error?.message).toContain('HTTP 401');
		expect(JSON.stringify(error)).not.toContain('wrong-token-123456');
	});

	it('retries 503, 429, connection resets and truncated bodies, then succeeds', async () => {
		sim.faults.add({ kind: 'status', status: 503, path: '^/clients$' });
		sim.faults.add({ kind: 'status', status: 429, path: '^/clients$', headers: { 'Retry-After': '1' } });
		sim.faults.add({ kind: 'reset', path: '^/clients$' });
		sim.faults.add({ kind: 'truncate', path: '^/clients$' });
		const { items, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.length).toBe(sim.state.listItems().length);
	}, 30_000);

	it('does not retry a 500 and shows the provider message', async () => {
		sim.faults.add({ kind: 'status', status: 500, path: '^/clients$', body: { message: 'Upstream ledger unavailable' } });
		const { error } = await run({ operation: 'getAll', returnAll: true });
		expect(error?.message).toBe('Upstream ledger unavailable (HTTP 500)');
		expect(sim.log.filter((e) => e.path === '/clients')).toHaveLength(1);
	});

	it('gives up on a server that keeps failing, with a clear message', async () => {
		sim.faults.add({ kind: 'status', status: 503, path: '^/clients$', times: 'always' });
		const { error } = await run({ operation: 'getAll', returnAll: true });
		expect(error?.message).toContain('HTTP 503');
		expect(error?.description).toContain('Gave up after');
		sim.faults.clear();
	}, 60_000);
});

describe('Xavier node: editor helpers and credential', () => {
	it('searches clients by name for the Client list', async () => {
		const { results } = await runListSearch({ nodeType: Xavier, ...common() }, 'searchClients', { filter: 'demo' });
		expect(results.length).toBeGreaterThan(0);
		expect(results.every((r) => r.name.toLowerCase().includes('demo'))).toBe(true);
		expect(results[0]).toEqual({ name: expect.any(String), value: expect.any(String) });
	});

	it('offers the alert levels found in the account', async () => {
		const { options } = await runLoadOptions({ nodeType: Xavier, ...common() }, 'getAlertLevels');
		expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['success', 'warning', 'danger']));
	});

	it('tests the credential with GET /clients', async () => {
		expect((await testCredential(XavierApi, { apiToken: sim.token, baseUrl: `${sim.url}/` })).status).toBe('OK');
		const bad = await testCredential(XavierApi, { apiToken: 'not-the-token-999', baseUrl: sim.url });
		expect(bad.status).toBe('Error');
	});
});

describe('Xavier trigger', () => {
	const poll = (event: string, mode: 'trigger' | 'activation' | 'manual', staticData: IDataObject = {}, extra: IDataObject = {}) =>
		runPoll({ nodeType: XavierTrigger, parameters: { event, ...extra } as never, mode, staticData, ...common() });

	it('seeds on activation and emits nothing, then emits a new client exactly once, across a restart', async () => {
		const first = await poll('newClient', 'activation');
		expect(first.items).toBeNull();
		expect(first.saved).toBe(true);

		const quiet = await poll('newClient', 'trigger', first.savedStaticData);
		expect(quiet.items).toBeNull();

		const added = sim.state.addClient({ name: 'Kea Plumbing Ltd', healthScore: 88 });
		const fired = await poll('newClient', 'trigger', quiet.staticData);
		expect(fired.items?.map((i) => [i.json.event, i.json.id])).toEqual([['newClient', added.id]]);

		// A restart from what n8n saved, and another tick: nothing again.
		const again = await poll('newClient', 'trigger', fired.savedStaticData);
		expect(again.items).toBeNull();
	});

	it('never moves on after a failed poll, so the event is delivered on the next one', async () => {
		const seeded = await poll('healthScoreDropped', 'activation', {}, { threshold: 60 });
		sim.state.updateClient('8eb3l', { healthScore: 41 });
		sim.faults.add({ kind: 'status', status: 500, path: '^/clients$' });
		const failed = await poll('healthScoreDropped', 'trigger', seeded.savedStaticData, { threshold: 60 });
		expect(failed.error?.message).toContain('HTTP 500');
		expect(failed.items).toBeNull();
		const next = await poll('healthScoreDropped', 'trigger', failed.staticData, { threshold: 60 });
		expect(next.items?.map((i) => [i.json.id, i.json.healthScore, i.json.previousHealthScore])).toEqual([['8eb3l', 41, 76]]);
		const after = await poll('healthScoreDropped', 'trigger', next.savedStaticData, { threshold: 60 });
		expect(after.items).toBeNull();
	});

	it('reports alert level changes, optionally only to chosen levels', async () => {
		const seeded = await poll('alertLevelChanged', 'activation', {}, { toLevels: ['danger'] });
		sim.state.updateClient('lP1Wq', { alertLevel: 'warning' });
		sim.state.updateClient('8r2W8', { alertLevel: 'danger' });
		const fired = await poll('alertLevelChanged', 'trigger', seeded.savedStaticData, { toLevels: ['danger'] });
		expect(fired.items?.map((i) => [i.json.id, i.json.alertLevel, i.json.previousAlertLevel])).toEqual([
			['8r2W8', 'danger', 'warning'],
		]);
	});

	it('returns a sample in manual mode without touching the state', async () => {
		const manual = await poll('healthScoreDropped', 'manual', {}, { threshold: 70 });
		expect(manual.items).toHaveLength(1);
		expect(manual.items?.[0].json).toMatchObject({ event: 'healthScoreDropped', threshold: 70 });
		expect(manual.saved).toBe(false);
		expect(manual.nodeStaticData).toEqual({});
	});

	it('refuses an out-of-range threshold', async () => {
		const result = await poll('healthScoreDropped', 'activation', {}, { threshold: 140 });
		expect(result.error?.message).toBe('Threshold must be a number from 0 to 100');
	});
});
