/**
 * Tier 3, hostile servers (issue 12 points 1 and 3): what depends on n8n itself, proved in real
 * n8n 1.x and 2.x.
 *
 * - n8n's request helper re-sends `Authorization` (and HTTP Basic) to wherever a redirect points
 *   (n8n 2.x unless the request sets `sendCredentialsOnCrossOriginRedirect: false`). One workflow
 *   sends a node of each auth style — Bearer token (Xavier), HTTP Basic (Cliniko), API key
 *   (CLIENTXCMS), Saveris login (307 on POST /v1/token) and the Saveris IdToken (302 on an API
 *   call) — at a server that redirects every call to another port; that port must see no secret.
 * - How n8n wraps a timeout and a refused connection differs between 1.x and 2.x; the second
 *   workflow checks both are reported as such, the same way in both, and that a dead server costs
 *   one attempt per run, not five per item.
 */
import * as http from 'node:http';

import {
	FLAVOURS,
	afterAllN8n,
	createN8nEnv,
	importCredentials,
	importWorkflow,
	linearWorkflow,
	nodeItems,
	startN8nServer,
	stopAllN8n,
	type CredentialJson,
	type N8nEnv,
	type N8nServer,
	type WorkflowNode,
} from '../harness/n8n';
import { findSecretsInText, registerSecret } from '../helpers/secrets';
import { sendJson, startTestServer, type TestServer } from '../helpers/testServer';
import { locator } from '../helpers/locator';
import { T } from './fixtures';

jest.setTimeout(180_000);

const XAVIER_TOKEN = registerSecret('xav+e2e/hostile=tok_51c8');
const CLINIKO_KEY = registerSecret('cliniko_e2e_hostile_key_0b7d-au1');
const CXCMS_KEY = registerSecret('cxcms_e2e_hostile_key_6e3a');
const SAVERIS_PASSWORD = registerSecret('saveris e2e hostile/pw_9d2f');
const SAVERIS_TOKEN = registerSecret('saveris_e2e_hostile_idtoken_4a7c');
const SECRETS = [XAVIER_TOKEN, CLINIKO_KEY, CXCMS_KEY, SAVERIS_PASSWORD, SAVERIS_TOKEN];

const startServer = (handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) => startTestServer((req, res) => handler(req, res));
const json = sendJson;

let evil: TestServer;
let api: TestServer;
let dead: TestServer;
let refusedUrl: string;

beforeAll(async () => {
	// Answers everything, as a server that collects what it is sent would.
	evil = await startServer((_req, res) => json(res, 200, { id: 1, IdToken: 'from-the-other-host' }));
	// The hostile API: each credential's Base URL is a prefix of it. Saveris logins under /saveris
	// succeed; everything else is redirected to the other server (307 keeps method and body).
	api = await startServer((req, res) => {
		const url = req.url ?? '/';
		if (url.startsWith('/list/')) return json(res, 200, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
		if (req.method === 'POST' && url === '/saveris/v1/token') return json(res, 200, { IdToken: SAVERIS_TOKEN });
		res.writeHead(url.startsWith('/cliniko') || url.startsWith('/saveris-login') ? 307 : 302, { Location: `${evil.url}${url}` });
		res.end();
	});
	// Accepts connections and never answers.
	dead = await startServer(() => undefined);
	const gone = await startServer(() => undefined);
	refusedUrl = gone.url;
	await gone.close();
});

afterAll(async () => {
	await stopAllN8n();
	for (const server of [evil, api, dead]) await server?.close();
});

const CRED = {
	xavier: { id: 'hostileXavier01', name: 'Xavier (hostile)', type: 'xavierApi' },
	cliniko: { id: 'hostileCliniko1', name: 'Cliniko (hostile)', type: 'clinikoApi' },
	cxcms: { id: 'hostileCxcms001', name: 'CLIENTXCMS (hostile)', type: 'clientXcmsApi' },
	saverisLogin: { id: 'hostileSavLogin', name: 'Saveris login (hostile)', type: 'saverisApi' },
	saveris: { id: 'hostileSaveris1', name: 'Saveris (hostile)', type: 'saverisApi' },
	list: { id: 'hostileXavList1', name: 'Xavier (three clients)', type: 'xavierApi' },
	dead: { id: 'hostileXavDead1', name: 'Xavier (never answers)', type: 'xavierApi' },
	refused: { id: 'hostileXavRefus', name: 'Xavier (down)', type: 'xavierApi' },
};
const ref = (c: { id: string; name: string }) => ({ id: c.id, name: c.name });

const saverisData = (base: string) => ({ username: 'hostile@example.com', password: SAVERIS_PASSWORD, region: 'eu', environment: 'i', baseUrl: base });
const credentialData = (): CredentialJson[] => [
	{ ...CRED.xavier, data: { apiToken: XAVIER_TOKEN, baseUrl: `${api.url}/xavier` } },
	{ ...CRED.cliniko, data: { apiKey: CLINIKO_KEY, appName: 'hostile tests', contactEmail: 'tests@example.com', baseUrl: `${api.url}/cliniko/v1` } },
	{ ...CRED.cxcms, data: { apiKey: CXCMS_KEY, baseUrl: `${api.url}/cxcms` } },
	{ ...CRED.saverisLogin, data: saverisData(`${api.url}/saveris-login`) },
	{ ...CRED.saveris, data: saverisData(`${api.url}/saveris`) },
	{ ...CRED.list, data: { apiToken: XAVIER_TOKEN, baseUrl: `${api.url}/list` } },
	{ ...CRED.dead, data: { apiToken: XAVIER_TOKEN, baseUrl: dead.url, timeoutSeconds: 3 } },
	{ ...CRED.refused, data: { apiToken: XAVIER_TOKEN, baseUrl: refusedUrl } },
];
const continueOnFail = { onError: 'continueRegularOutput' };

const redirectNodes: WorkflowNode[] = [
	{
		name: 'Xavier',
		type: T('xavier'),
		typeVersion: 1,
		parameters: { resource: 'client', operation: 'getAll', returnAll: true },
		credentials: { xavierApi: ref(CRED.xavier) },
		...continueOnFail,
	},
	{
		name: 'Cliniko',
		type: T('cliniko'),
		typeVersion: 1,
		parameters: { resource: 'patient', operation: 'get', patientId: locator('1') },
		credentials: { clinikoApi: ref(CRED.cliniko) },
		...continueOnFail,
	},
	{
		name: 'CLIENTXCMS',
		type: T('clientXcms'),
		typeVersion: 1,
		parameters: { resource: 'product', operation: 'get', productId: locator('1') },
		credentials: { clientXcmsApi: ref(CRED.cxcms) },
		...continueOnFail,
	},
	{
		name: 'Saveris login',
		type: T('saveris'),
		typeVersion: 1,
		parameters: { resource: 'tenant', operation: 'getExportStatus', requestUuid: '00000000-0000-4000-8000-000000000000' },
		credentials: { saverisApi: ref(CRED.saverisLogin) },
		...continueOnFail,
	},
	{
		name: 'Saveris',
		type: T('saveris'),
		typeVersion: 1,
		parameters: { resource: 'tenant', operation: 'getExportStatus', requestUuid: '00000000-0000-4000-8000-000000000000' },
		credentials: { saverisApi: ref(CRED.saveris) },
		...continueOnFail,
	},
];
const redirectWorkflow = linearWorkflow('hostileRedirect1', 'Hostile: redirects to another host', redirectNodes);

const getAll = (name: string, cred: { id: string; name: string }): WorkflowNode => ({
	name,
	type: T('xavier'),
	typeVersion: 1,
	parameters: { resource: 'client', operation: 'getAll', returnAll: true },
	credentials: { xavierApi: ref(cred) },
	...continueOnFail,
});
// Three items (the clients of the first node) meet a server that never answers, then one that is down.
const downWorkflow = linearWorkflow('hostileDownHost1', 'Hostile: dead and refusing servers', [
	getAll('Three clients', CRED.list),
	getAll('Never answers', CRED.dead),
	getAll('Down', CRED.refused),
]);

describe.each(FLAVOURS)('hostile servers in real n8n (%s)', (flavour) => {
	let env: N8nEnv;
	let server: N8nServer;

	// One server per version runs both workflows and the credential Test (every n8n boot costs seconds of CPU).
	beforeAll(async () => {
		env = await createN8nEnv(flavour, { packageMode: 'custom' });
		await importCredentials(env, credentialData());
		await importWorkflow(env, [redirectWorkflow, downWorkflow]);
		server = await startN8nServer(env);
	}, 15 * 60_000);

	afterAllN8n(() => ({ server, env }));

	test('a cross-origin redirect gets no credential, whatever the auth style', async () => {
		evil.seen.length = 0;
		const run = await server.runWorkflow(redirectWorkflow.id);
		// Whatever reached the other server: no token, key, password or IdToken in any form.
		expect(findSecretsInText(JSON.stringify(evil.seen), '<other host>', SECRETS)).toEqual([]);
		expect(evil.seen.filter((r) => r.headers.authorization !== undefined)).toEqual([]);
		for (const node of ['Xavier', 'Cliniko', 'CLIENTXCMS', 'Saveris']) {
			const [item] = nodeItems(run, node);
			expect([node, item?.error]).toEqual([node, expect.stringContaining('redirected the request to another host')]);
		}
		expect(nodeItems(run, 'Saveris login')[0]?.error).toMatch(/Saveris login answered with a redirect/);
		// The Saveris login of the second credential did happen (so the 302 hit a request carrying the IdToken).
		expect(api.seen.some((r) => r.url === '/saveris/v1/token')).toBe(true);
	});

	test('a server that never answers costs one timeout per run; a refused connection is reported as refused', async () => {
		const connectionsBefore = dead.connections;
		const run = await server.runWorkflow(downWorkflow.id);
		expect(run.status).toBe('success');
		const silent = nodeItems(run, 'Never answers');
		expect(silent).toHaveLength(3);
		for (const item of silent) expect(item.error).toBe('Xavier Analytics did not answer in time');
		expect(String(silent[0].description)).toContain('within 3 s');
		expect(dead.connections - connectionsBefore).toBe(1);

		const down = nodeItems(run, 'Down');
		expect(down).toHaveLength(3);
		for (const item of down) expect(item.error).toBe('Xavier Analytics refused the connection');
		expect(String(down[0].description)).toContain('tried 1 time');
	});

	test("the credential Test (n8n's REST endpoint behind the Test button) does not follow a redirect", async () => {
		evil.seen.length = 0;
		const byId = new Map(credentialData().map((c) => [c.id, c]));
		const statuses: string[][] = [];
		for (const c of [CRED.xavier, CRED.cliniko, CRED.cxcms, CRED.saverisLogin]) {
			const result = await server.rest<{ status: string; message: string }>('POST', '/credentials/test', { credentials: byId.get(c.id) });
			statuses.push([c.name, result.status]);
		}
		// Before: n8n followed the redirect with the credential, and the other host's 200 passed the test.
		expect(findSecretsInText(JSON.stringify(evil.seen), '<other host>', SECRETS)).toEqual([]);
		expect(evil.seen).toEqual([]);
		expect(statuses.every(([, status]) => status === 'Error')).toBe(true);
	});
});
