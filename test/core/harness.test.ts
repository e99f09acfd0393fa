/**
 * Self-test of the tier-2 harness with throwaway fixtures (test/core/fixtures): proves that nodes
 * run through n8n-core for real, that credentials are applied by the credential class's own
 * `authenticate`, and that the harness reports what n8n would record.
 */
import * as fs from 'node:fs';

import type { IDataObject } from 'n8n-workflow';

import { artifactFile } from '../helpers/artifacts';
import { findSecretsInText, TEST_SECRETS } from '../helpers/secrets';
import { Echo } from './fixtures/Echo.node';
import { EchoApi, EchoBasicApi, EchoFnApi, EchoSessionApi } from './fixtures/EchoApi.credentials';
import { EchoServer } from './fixtures/echo-server';
import { EchoTrigger } from './fixtures/EchoTrigger.node';
import { runListSearch, runLoadOptions, runNode, runPoll, testCredential } from './harness';

const credentialTypes = [EchoApi, EchoBasicApi, EchoFnApi, EchoSessionApi];
let server: EchoServer;

beforeAll(async () => {
	server = await new EchoServer().start();
});
afterAll(async () => {
	await server.stop();
});
beforeEach(() => {
	server.requests.length = 0;
});

const echoCreds = () => ({ echoApi: { baseUrl: server.url, apiToken: TEST_SECRETS.echoToken } });

describe('runNode', () => {
	it('applies the credential class generic authenticate block (header and qs, expressions resolved)', async () => {
		const { items, error } = await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoApi', operation: 'echo', value: 'hello' },
			credentials: echoCreds(),
			credentialTypes,
		});
		expect(error).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect(request.headers.authorization).toBe(`Bearer ${TEST_SECRETS.echoToken}`);
		// `client` comes from `={{$credentials.clientName}}`, whose value is the property default.
		expect(request.query).toEqual({ i: '0', value: 'hello', client: 'harness' });
		expect(items).toHaveLength(1);
		expect(items[0].json.query).toEqual({ i: '0', value: 'hello', client: 'harness' });
	});

	it('applies generic `auth` (HTTP Basic) and function-form authenticate', async () => {
		await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoBasicApi' },
			credentials: {
				echoBasicApi: { baseUrl: server.url, user: 'echo-user', password: TEST_SECRETS.echoPassword },
			},
			credentialTypes,
		});
		const basic = Buffer.from(`echo-user:${TEST_SECRETS.echoPassword}`).toString('base64');
		expect(server.requests[0].headers.authorization).toBe(`Basic ${basic}`);

		const fn = await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoFnApi' },
			credentials: { echoFnApi: { baseUrl: server.url, key: TEST_SECRETS.echoFnKey } },
			credentialTypes,
		});
		expect(fn.error).toBeUndefined();
		expect(server.requests[1].headers['x-api-key']).toBe(TEST_SECRETS.echoFnKey);
	});

	it('passes input items through and keeps pairedItem', async () => {
		const { items, rawOutput } = await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoApi', value: '={{ $json.name }}' },
			credentials: echoCreds(),
			credentialTypes,
			inputItems: [{ json: { name: 'a' } }, { json: { name: 'b' } }, { json: { name: 'c' } }],
		});
		expect(items.map((i) => (i.json.query as IDataObject).value)).toEqual(['a', 'b', 'c']);
		expect(items.map((i) => i.json.input)).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// What the node itself returned (before n8n-core's automatic pairedItem fill-in).
		expect(rawOutput?.[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('returns a NodeApiError as the execution recorded it', async () => {
		const { items, error, run } = await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoApi', operation: 'status', statusCode: 404 },
			credentials: echoCreds(),
			credentialTypes,
		});
		expect(run.status).toBe('error');
		expect(items).toEqual([]);
		expect(error).toBeDefined();
		expect(error?.className).toBe('NodeApiError');
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toMatch(/could not be found/i);
		expect(JSON.stringify(error?.description ?? '') + JSON.stringify(error?.messages)).toContain('Echo says 404');
	});

	it('turns errors into items with continueOnFail, keeping pairedItem', async () => {
		const { items, error } = await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoApi', operation: 'status', statusCode: 500 },
			credentials: echoCreds(),
			credentialTypes,
			continueOnFail: true,
			inputItems: [{ json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBe('The service was not able to process your request');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('runs preAuthentication, stores the token via updateCredentials, and refreshes it on 401', async () => {
		const credentials = {
			echoSessionApi: { baseUrl: server.url, user: 'echo-user', password: TEST_SECRETS.echoPassword },
		};
		const first = await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoSessionApi' },
			credentials,
			credentialTypes,
		});
		expect(first.error).toBeUndefined();
		expect(server.requests.map((r) => r.path)).toEqual(['/login', '/echo']);
		expect(server.requests[1].headers['x-session']).toBe(TEST_SECRETS.echoSessionToken);
		expect(first.credentials.echoSessionApi.sessionToken).toBe(TEST_SECRETS.echoSessionToken);

		// Next execution reuses the stored token: no login.
		server.requests.length = 0;
		const second = await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoSessionApi' },
			credentials: first.credentials,
			credentialTypes,
		});
		expect(second.error).toBeUndefined();
		expect(server.requests.map((r) => r.path)).toEqual(['/echo']);

		// The server forgets the session: 401 → n8n-core calls preAuthentication again and retries once.
		server.validSessions.clear();
		server.requests.length = 0;
		const third = await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoSessionApi' },
			credentials: second.credentials,
			credentialTypes,
		});
		expect(third.error).toBeUndefined();
		expect(server.requests.map((r) => [r.path, r.headers['x-session'] !== undefined])).toEqual([
			['/echo', true],
			['/login', false],
			['/echo', true],
		]);
	});
});

describe('runPoll', () => {
	const pollOptions = () => ({
		nodeType: EchoTrigger,
		credentials: echoCreds(),
		credentialTypes,
	});

	it('persists static data across ticks and restarts; seeds first, emits only new events', async () => {
		server.events = [
			{ id: 1, title: 'one' },
			{ id: 2, title: 'two' },
		];
		// Activation: the first poll seeds the cursor, emits nothing; n8n saves static data after it.
		const activation = await runPoll({ ...pollOptions(), mode: 'activation', staticData: {} });
		expect(activation.error).toBeUndefined();
		expect(activation.items).toBeNull();
		expect(activation.nodeStaticData).toEqual({ cursor: 2 });
		expect(activation.saved).toBe(true);
		expect(activation.savedStaticData).toEqual({ 'node:Echo Trigger': { cursor: 2 } });
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${TEST_SECRETS.echoToken}`);

		// A tick with nothing new.
		const idle = await runPoll({ ...pollOptions(), mode: 'trigger', staticData: activation.staticData });
		expect(idle.items).toBeNull();
		expect(idle.saved).toBe(false);
		expect(idle.nodeStaticData).toEqual({ cursor: 2 });

		// New events, after a restart (continue from what the database holds).
		server.events.push({ id: 3, title: 'three' }, { id: 4, title: 'four' });
		const stored = structuredClone(idle.savedStaticData);
		const tick = await runPoll({ ...pollOptions(), mode: 'trigger', staticData: stored });
		expect(tick.error).toBeUndefined();
		expect(tick.items?.map((i) => i.json.id)).toEqual([3, 4]);
		expect(tick.nodeStaticData).toEqual({ cursor: 4 });
		expect(tick.saved).toBe(true); // saved before the emitted run starts
		expect(tick.savedStaticData).toEqual({ 'node:Echo Trigger': { cursor: 4 } });
		expect(stored).toEqual(idle.savedStaticData); // the caller's object is never mutated

		// A failing tick reaches __emitError and leaves the cursor where it was.
		server.eventsFail = true;
		const failed = await runPoll({ ...pollOptions(), mode: 'trigger', staticData: tick.staticData });
		server.eventsFail = false;
		expect(failed.items).toBeNull();
		expect(failed.error?.className).toBe('NodeApiError');
		expect(failed.error?.httpCode).toBe('503');
		expect(failed.nodeStaticData).toEqual({ cursor: 4 });
		expect(failed.saved).toBe(false);

		// A failing activation throws (n8n reports the activation error) and saves nothing.
		server.eventsFail = true;
		const failedActivation = await runPoll({ ...pollOptions(), mode: 'activation', staticData: {} });
		server.eventsFail = false;
		expect(failedActivation.error?.className).toBe('NodeApiError');
		expect(failedActivation.staticData).toEqual({});
	});

	it('manual mode ("Fetch test event") returns a sample without moving the cursor', async () => {
		server.events = [
			{ id: 7, title: 'seven' },
			{ id: 8, title: 'eight' },
		];
		const staticData = { 'node:Echo Trigger': { cursor: 7 } };
		const manual = await runPoll({ ...pollOptions(), mode: 'manual', staticData });
		expect(manual.error).toBeUndefined();
		expect(manual.items?.map((i) => i.json.id)).toEqual([8]);
		expect(manual.saved).toBe(false);
		expect(manual.nodeStaticData).toEqual({ cursor: 7 });
		expect(manual.mutatedStaticData).toEqual({ 'node:Echo Trigger': { cursor: 7 } });
	});
});

describe('loadOptions and listSearch', () => {
	it('runs methods.loadOptions through LoadOptionsContext', async () => {
		const { options } = await runLoadOptions(
			{ nodeType: Echo, parameters: { authentication: 'echoApi' }, credentials: echoCreds(), credentialTypes },
			'getColors',
		);
		expect(options).toEqual([
			{ name: 'RED', value: 'red' },
			{ name: 'GREEN', value: 'green' },
			{ name: 'BLUE', value: 'blue' },
		]);
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${TEST_SECRETS.echoToken}`);
	});

	it('runs methods.listSearch with filter and pagination token', async () => {
		const call = { nodeType: Echo, parameters: { authentication: 'echoApi' }, credentials: echoCreds(), credentialTypes };
		const page1 = await runListSearch(call, 'searchThings', { filter: 'thing' });
		expect(page1.results.map((r) => r.value)).toEqual(['t1', 't2']);
		expect(page1.paginationToken).toBe('2');
		const page3 = await runListSearch(call, 'searchThings', { filter: 'thing', paginationToken: '3' });
		expect(page3.results.map((r) => r.value)).toEqual(['t5']);
		expect(page3.paginationToken).toBeUndefined();
		const filtered = await runListSearch(call, 'searchThings', { filter: '4' });
		expect(filtered.results).toEqual([{ name: 'Thing 4', value: 't4' }]);
	});
});

describe('testCredential', () => {
	it('is OK for good credentials (baseURL from an expression, auth from the class)', async () => {
		const result = await testCredential(EchoApi, { baseUrl: server.url, apiToken: TEST_SECRETS.echoToken });
		expect(result).toMatchObject({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests[0].path).toBe('/whoami');
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${TEST_SECRETS.echoToken}`);
	});

	it('fails for a wrong token, an unreachable host, and a responseSuccessBody rule', async () => {
		const wrong = await testCredential(EchoApi, { baseUrl: server.url, apiToken: 'wrong-token-123' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/Unauthorized|401/);

		const unreachable = await testCredential(EchoApi, { baseUrl: 'http://127.0.0.1:1', apiToken: 'x' });
		expect(unreachable).toMatchObject({ status: 'Error', message: 'ECONNREFUSED' });

		server.suspended = true;
		const ruled = await testCredential(EchoBasicApi, {
			baseUrl: server.url,
			user: 'echo-user',
			password: TEST_SECRETS.echoPassword,
		});
		server.suspended = false;
		expect(ruled).toMatchObject({ status: 'Error', message: 'The account is suspended' });
	});

	it('runs preAuthentication during a credential test', async () => {
		const result = await testCredential(EchoSessionApi, {
			baseUrl: server.url,
			user: 'echo-user',
			password: TEST_SECRETS.echoPassword,
		});
		expect(result.status).toBe('OK');
		expect(server.requests.map((r) => r.path)).toEqual(['/login', '/session-whoami']);
	});
});

describe('artifacts', () => {
	it('writes every run to test-artifacts/core/<test file>.jsonl, including n8n log lines', async () => {
		await runNode({
			nodeType: Echo,
			parameters: { authentication: 'echoApi', value: 'artifact-check' },
			credentials: echoCreds(),
			credentialTypes,
		});
		const file = artifactFile('core');
		expect(file).toMatch(/test-artifacts\/core\/harness\.test\.jsonl$/);
		const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as IDataObject);
		const last = lines[lines.length - 1];
		expect(last.kind).toBe('runNode');
		expect(JSON.stringify(last.items)).toContain('artifact-check');
		expect((last.logs as IDataObject[]).some((l) => l.message === 'Echo request')).toBe(true);
		// The harness's own artifact holds no credential value.
		expect(findSecretsInText(fs.readFileSync(file, 'utf8'))).toEqual([]);
	});
});
