/**
 * Tier 3, the five provider packages (issue 16, item 2): each tarball from release/ (`npm run pack`)
 * installed into a real n8n 1.x and 2.x user folder the way the Community nodes panel installs a
 * package (its own `nodes/node_modules/<name>`), then, per package: n8n lists exactly that provider's
 * nodes under the package's name, its credential passes n8n's credential test against the simulator
 * (and a wrong secret fails it), and one operation runs.
 *
 * One user folder and one `n8n start` per flavour hold all five packages (a start costs 20–45 s here):
 * n8n loads each package from its own folder, and a package's code can reach only its own files and
 * n8n-workflow (test/packages/tarballs.test.ts loads each alone), so the five do not lean on each
 * other. The combined pack is not installed: its credential types would clash with the packages'.
 */
import { startClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator } from '../simulators/cliniko';
import { SNAPSHOTS, startSaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import {
	afterAllN8n,
	FLAVOURS,
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
	type WorkflowJson,
} from '../harness/n8n';
import { PROVIDERS, tarballOf, type Provider } from '../packages/release';
import { locator } from '../helpers/locator';

jest.setTimeout(180_000);

interface Simulator {
	credentials: Record<string, string>;
	close(): Promise<void>;
}

/** Per provider: its simulator, the credential field a wrong value of which must fail the test, one operation and what it returns. */
interface Case {
	provider: Provider;
	start: () => Promise<Simulator>;
	secret: string;
	node: string;
	parameters: Record<string, unknown>;
	expectItem: (items: Array<Record<string, unknown>>) => void;
}

const SAVERIS_SNAPSHOT = Object.keys(SNAPSHOTS)[0];
const provider = (name: string) => PROVIDERS.find((p) => p.name === name)!;

const CASES: Case[] = [
	{
		provider: provider('n8n-nodes-cliniko'),
		start: () => startClinikoSimulator({ rateLimit: null }),
		secret: 'apiKey',
		node: 'cliniko',
		parameters: { resource: 'patient', operation: 'create', firstName: 'Ada', lastName: 'Package-Cliniko' },
		expectItem: (items) => expect(items).toEqual([expect.objectContaining({ first_name: 'Ada', last_name: 'Package-Cliniko' })]),
	},
	{
		provider: provider('n8n-nodes-testo-saveris'),
		start: () => startSaverisSimulator(),
		secret: 'password',
		node: 'saveris',
		parameters: { resource: SAVERIS_SNAPSHOT, operation: 'exportAndWait', waitOptions: { intervalSeconds: 0.2 } },
		expectItem: (items) => expect(items).toHaveLength(SNAPSHOTS[SAVERIS_SNAPSHOT].length),
	},
	{
		provider: provider('n8n-nodes-clientxcms'),
		start: () => startClientXcmsSimulator(),
		secret: 'apiKey',
		node: 'clientXcms',
		parameters: { resource: 'customer', operation: 'get', customerId: locator('1') },
		expectItem: (items) => expect(items.map((i) => String(i.id))).toEqual(['1']),
	},
	{
		provider: provider('n8n-nodes-dext-precision'),
		start: () => startXavierSimulator({ rateLimit: null }),
		secret: 'apiToken',
		node: 'xavier',
		parameters: { resource: 'client', operation: 'getAll', returnAll: true },
		expectItem: (items) => expect(items.length).toBeGreaterThan(0),
	},
	{
		provider: provider('n8n-nodes-xtrakit'),
		start: () => startXtraKitSimulator(),
		secret: 'apiKey',
		node: 'xtraKit',
		parameters: {
			resource: 'customer',
			operation: 'create',
			customer_name: 'Package XtraKit',
			customer_phone: '+233541234567',
			customer_country: 'Ghana',
			customer_city: 'Kumasi',
			customer_state: 'Ashanti',
			address1: '12 Adum Road',
		},
		expectItem: (items) => expect(items).toEqual([expect.objectContaining({ customer_name: 'Package XtraKit' })]),
	},
];

const credentialOf = (c: Case, sim: Simulator): CredentialJson => ({
	id: `${c.provider.name}-cred`,
	name: `${c.provider.name} (simulator)`,
	type: c.provider.credentialType,
	data: sim.credentials,
});

const workflowOf = (c: Case): WorkflowJson =>
	linearWorkflow(`pkg${c.node}`.padEnd(16, '0').slice(0, 16), `${c.provider.name}: one operation`, [
		{
			name: 'Operation',
			type: `${c.provider.name}.${c.node}`,
			typeVersion: 1,
			parameters: c.parameters,
			credentials: { [c.provider.credentialType]: { id: `${c.provider.name}-cred`, name: `${c.provider.name} (simulator)` } },
		},
	]);

const sims = new Map<string, Simulator>();

beforeAll(async () => {
	for (const c of CASES) sims.set(c.provider.name, await c.start());
});
afterAll(async () => {
	await stopAllN8n();
	await Promise.all([...sims.values()].map((s) => s.close()));
});

describe.each(FLAVOURS)('the five provider packages, each from its own tarball, in real n8n (%s)', (flavour) => {
	let env: N8nEnv;
	let server: N8nServer;

	beforeAll(async () => {
		env = await createN8nEnv(flavour, { packageMode: 'tarball', tarballs: CASES.map((c) => tarballOf(c.provider.name)) });
		await importCredentials(env, CASES.map((c) => credentialOf(c, sims.get(c.provider.name)!)));
		await importWorkflow(env, CASES.map(workflowOf));
		server = await startN8nServer(env);
	}, 15 * 60_000);

	afterAllN8n(() => ({ server, env }));

	test('n8n lists exactly each package\'s nodes under its name, and nothing else of ours', async () => {
		const names = (await server.nodeTypes()).map((t) => t.name);
		for (const c of CASES) {
			const ours = names.filter((n) => n.startsWith(`${c.provider.name}.`)).sort();
			// n8n adds an AI-agent tool variant, `<node>Tool`, of every action node (usableAsTool: true).
			const expected = c.provider.nodes.flatMap((n) => (n.endsWith('Trigger') ? [n] : [n, `${n}Tool`])).map((n) => `${c.provider.name}.${n}`);
			expect({ package: c.provider.name, nodes: ours }).toEqual({ package: c.provider.name, nodes: expected.sort() });
		}
		expect(names.filter((n) => n.startsWith('n8n-nodes-saas-connectors.') || n.startsWith('CUSTOM.'))).toEqual([]);
	});

	test.each(CASES.map((c) => [c.provider.name, c] as const))('%s: the credential test passes against the simulator, fails with a wrong secret', async (_name, c) => {
		const credential = credentialOf(c, sims.get(c.provider.name)!);
		const good = await server.rest<{ status: string; message: string }>('POST', '/credentials/test', { credentials: credential });
		expect(good).toEqual(expect.objectContaining({ status: 'OK' }));
		// Another value of the same shape (a Cliniko key keeps its shard suffix), never containing the real one.
		const real = String(credential.data[c.secret]);
		const wrong = { ...credential, data: { ...credential.data, [c.secret]: real.replace(/^[^-]+/, 'wrongsecret0000') } };
		expect(wrong.data[c.secret]).not.toContain(real);
		const bad = await server.rest<{ status: string; message: string }>('POST', '/credentials/test', { credentials: wrong });
		expect(bad.status).toBe('Error');
	});

	test.each(CASES.map((c) => [c.provider.name, c] as const))('%s: one operation runs', async (_name, c) => {
		const run = await server.runWorkflow(workflowOf(c).id, { timeoutMs: 120_000 });
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		c.expectItem(nodeItems(run, 'Operation'));
	});
});
