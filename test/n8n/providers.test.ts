/**
 * Tier 3, the five providers: the built package, installed from its `npm pack` tarball into the user
 * folder's `nodes/` directory as users get it, inside real n8n 1.x and 2.x. (The custom-extension mode
 * is proven by the trigger and hostile-server files, which run that way.)
 *
 * One env and one `n8n start` per flavour (every n8n boot costs seconds of CPU); the five simulators
 * are started once; the five credentials and every workflow (including the examples in examples/) go
 * in through one CLI call each. Workflows run through REST, two through `n8n execute` (the CLI path,
 * success and failure); polling triggers are driven by (re)activation: a scheduled tick is at least a
 * minute away. These runs also prove the harness itself (CLI import and execute, owner setup, REST).
 */
import { startClientXcmsSimulator, type ClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator, type ClinikoSimulator } from '../simulators/cliniko';
import { measurementsIn, SNAPSHOTS, TIMED, startSaverisSimulator, type SaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator, type XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator, type XtraKitSimulator } from '../simulators/xtrakit';
import {
	FLAVOURS,
	PACKAGE_NAME,
	createN8nEnv,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	linearWorkflow,
	nodeError,
	nodeItems,
	startN8nServer,
	stopAllN8n,
	waitFor,
	type N8nEnv,
	type N8nRun,
	type N8nServer,
	type WorkflowJson,
	type WorkflowNode,
} from '../harness/n8n';
import { locator } from '../helpers/locator';
import { CRED, NEVER_DURING_TESTS, T, clinikoTrigger, example, triggerWorkflow, xavierGetAll } from './fixtures';

jest.setTimeout(180_000);

// CRED: the credentials the examples (and the demo) refer to (fixtures.ts).
const clinikoCred = { clinikoApi: CRED.cliniko };
const xtraKitCred = { xtraKitApi: CRED.xtrakit };
const clientXcmsCred = { clientXcmsApi: CRED.clientxcms };
const saverisCred = { saverisApi: CRED.saveris };
const xavierCred = { xavierApi: CRED.xavier };

// ---------------------------------------------------------------------------------------------
// Cliniko

const LAST_NAME = 'Tier3-Zwicky';
const clinikoRoundTrip = linearWorkflow('clinikoRound0001', 'Cliniko: patient round trip', [
	{
		name: 'Create',
		type: T('cliniko'),
		typeVersion: 1,
		parameters: { resource: 'patient', operation: 'create', firstName: 'Ada', lastName: LAST_NAME, additionalFields: { email: 'ada@example.com' } },
		credentials: clinikoCred,
	},
	{
		name: 'Get',
		type: T('cliniko'),
		typeVersion: 1,
		parameters: { resource: 'patient', operation: 'get', patientId: locator('={{ $json.id }}') },
		credentials: clinikoCred,
	},
	{
		name: 'Update',
		type: T('cliniko'),
		typeVersion: 1,
		parameters: { resource: 'patient', operation: 'update', patientId: locator('={{ $json.id }}'), updateFields: { occupation: 'Engineer' } },
		credentials: clinikoCred,
	},
	{
		name: 'Find',
		type: T('cliniko'),
		typeVersion: 1,
		parameters: {
			resource: 'patient',
			operation: 'getAll',
			returnAll: true,
			filters: { conditions: [{ field: 'last_name', operator: 'equals', value: LAST_NAME }] },
		},
		credentials: clinikoCred,
	},
	{
		name: 'Archive',
		type: T('cliniko'),
		typeVersion: 1,
		parameters: { resource: 'patient', operation: 'archive', patientId: locator('={{ $json.id }}') },
		credentials: clinikoCred,
	},
]);

// Appointment create with IDs that do not exist: Cliniko answers 422 naming every failing field.
const clinikoBad = linearWorkflow('clinikoBad000001', 'Cliniko: a 422', [
	{
		name: 'Cliniko',
		type: T('cliniko'),
		typeVersion: 1,
		parameters: {
			resource: 'individualAppointment',
			operation: 'create',
			patientId: locator('1'),
			practitionerId: locator('2'),
			appointmentTypeId: locator('3'),
			businessId: locator('4'),
			startsAt: '2030-01-15T10:00:00Z',
		},
		credentials: clinikoCred,
	},
]);

// clinikoTrigger (new patients) is in fixtures.ts: the queue-mode test runs it too.

// ---------------------------------------------------------------------------------------------
// XtraKit

const INVOICE_CODE = '771204';
const xtraKitSale = linearWorkflow('xtrakitSale00001', 'XtraKit: customer and a sale', [
	{
		name: 'Create Customer',
		type: T('xtraKit'),
		typeVersion: 1,
		parameters: {
			resource: 'customer',
			operation: 'create',
			customer_name: 'Kwaku Tier3',
			customer_phone: '+233541234567',
			customer_country: 'Ghana',
			customer_city: 'Kumasi',
			customer_state: 'Ashanti',
			address1: '12 Adum Road',
		},
		credentials: xtraKitCred,
	},
	{
		name: 'Record Sale',
		type: T('xtraKit'),
		typeVersion: 1,
		parameters: {
			resource: 'sale',
			operation: 'create',
			invoice_code: INVOICE_CODE,
			invoice_number: 'INV-000900',
			customerId: locator('={{ $json.id }}'),
			sub_total_amount: 96,
			total_amount: 96,
			amount_paid: 96,
			invoice_type: 'order',
			payment_type: 'Mobile Money',
			lineItems: { item: [{ item_name: 'Milo 400g Tin', unit_price: 48, quantity: 2, tax: 0 }] },
		},
		credentials: xtraKitCred,
	},
]);

const xtraKitTrigger = triggerWorkflow('xtrakitTrigger01', 'XtraKit: new customers', {
	name: 'XtraKit Trigger',
	type: T('xtraKitTrigger'),
	typeVersion: 1,
	parameters: { pollTimes: NEVER_DURING_TESTS, event: 'newCustomer' },
	credentials: xtraKitCred,
});

// ---------------------------------------------------------------------------------------------
// CLIENTXCMS

const CX_EMAIL = 'aline.tier3@example.fr';
const clientXcmsRoundTrip = linearWorkflow('clientxcmsRound1', 'CLIENTXCMS: customer round trip', [
	{
		name: 'Create',
		type: T('clientXcms'),
		typeVersion: 1,
		parameters: {
			resource: 'customer',
			operation: 'create',
			email: CX_EMAIL,
			firstname: 'Aline',
			lastname: 'Roux',
			address: '1 quai Saint-Antoine',
			city: 'Lyon',
			zipcode: '69002',
			region: 'Auvergne-Rhône-Alpes',
			country: 'FR',
			locale: 'fr_FR',
		},
		credentials: clientXcmsCred,
	},
	{
		name: 'Get',
		type: T('clientXcms'),
		typeVersion: 1,
		parameters: { resource: 'customer', operation: 'get', customerId: locator('={{ $json.id }}') },
		credentials: clientXcmsCred,
	},
	{
		name: 'Update',
		type: T('clientXcms'),
		typeVersion: 1,
		parameters: { resource: 'customer', operation: 'update', customerId: locator('={{ $json.id }}'), updateFields: { city: 'Marseille' } },
		credentials: clientXcmsCred,
	},
	{
		name: 'Find',
		type: T('clientXcms'),
		typeVersion: 1,
		parameters: { resource: 'customer', operation: 'getAll', returnAll: true, filters: { filter: [{ field: 'email', value: CX_EMAIL }] } },
		credentials: clientXcmsCred,
	},
]);

const clientXcmsSuspend = linearWorkflow('clientxcmsSusp01', 'CLIENTXCMS: suspend a service', [
	{
		name: 'Suspend',
		type: T('clientXcms'),
		typeVersion: 1,
		parameters: { resource: 'service', operation: 'suspend', serviceId: locator('1'), reason: 'Abuse' },
		credentials: clientXcmsCred,
	},
]);

const clientXcmsPdf = linearWorkflow('clientxcmsPdf001', 'CLIENTXCMS: invoice PDF', [
	{
		name: 'PDF',
		type: T('clientXcms'),
		typeVersion: 1,
		parameters: { resource: 'invoice', operation: 'pdf', invoiceId: locator('2') },
		credentials: clientXcmsCred,
	},
]);

// ---------------------------------------------------------------------------------------------
// Saveris

const SAVERIS_RESOURCES = [...Object.keys(TIMED), ...Object.keys(SNAPSHOTS)];
const FROM = '2024-06-01T00:00:00.000Z';
const UNTIL = '2024-06-01T12:00:00.000Z';
const saverisNode = (resource: string) => `Saveris ${resource}`;
const saverisExports: WorkflowJson = (() => {
	const start: WorkflowNode = { id: 'sx-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes: WorkflowNode[] = SAVERIS_RESOURCES.map((resource, i) => ({
		id: `sx-${resource}`,
		name: saverisNode(resource),
		type: T('saveris'),
		typeVersion: 1,
		position: [260, i * 120],
		parameters: {
			resource,
			operation: 'exportAndWait',
			...(resource in TIMED ? { dateFrom: FROM, dateUntil: UNTIL } : {}),
			waitOptions: { intervalSeconds: 0.2 },
		},
		credentials: saverisCred,
	}));
	return {
		id: 'saverisExports01',
		name: 'Saveris: every export',
		nodes: [start, ...nodes],
		connections: { Start: { main: [nodes.map((n) => ({ node: n.name, type: 'main', index: 0 }))] } },
		active: false,
		settings: { executionOrder: 'v1' },
	};
})();

// New Records from a start date two hours back (before the default 10-minute lag): the first
// activation submits that window, the next checks the job once ("In Progress"), the third delivers.
const SAVERIS_START = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 60_000) * 60_000).toISOString();
const saverisTrigger = triggerWorkflow('saverisTrigger01', 'Saveris: new measurements', {
	name: 'Saveris Trigger',
	type: T('saverisTrigger'),
	typeVersion: 1,
	parameters: { pollTimes: NEVER_DURING_TESTS, mode: 'newRecords', recordResource: 'measurement', startDate: SAVERIS_START },
	credentials: saverisCred,
});

// The same with the Start Date as an expression, docs/saveris.md's style for the node's own dates (issue 14,
// point 11): n8n evaluates it anew on every poll, and it must not restart the trigger each time.
const saverisTriggerExpression = triggerWorkflow('saverisTrigger02', 'Saveris: new measurements, start date expression', {
	name: 'Saveris Trigger',
	type: T('saverisTrigger'),
	typeVersion: 1,
	parameters: { pollTimes: NEVER_DURING_TESTS, mode: 'newRecords', recordResource: 'measurement', startDate: '={{ $now.minus({ hours: 2 }).toISO() }}' },
	credentials: saverisCred,
});

// ---------------------------------------------------------------------------------------------
// Xavier (xavierGetAll, every client with Return All, is in fixtures.ts: the queue-mode test runs it too)

const MISSING_CLIENT = 'noSuchClient9';
const xavierBadId = linearWorkflow('xavierBadId00001', 'Xavier: unknown client', [
	{
		name: 'Xavier',
		type: T('xavier'),
		typeVersion: 1,
		parameters: { resource: 'client', operation: 'get', clientId: locator(MISSING_CLIENT) },
		credentials: xavierCred,
	},
]);
const xavierTrigger = triggerWorkflow('xavierTrigger001', 'Xavier: new clients', {
	name: 'Xavier Trigger',
	type: T('xavierTrigger'),
	typeVersion: 1,
	parameters: { pollTimes: NEVER_DURING_TESTS, event: 'newClient' },
	credentials: xavierCred,
});

// ---------------------------------------------------------------------------------------------
// Examples

const examples = {
	cliniko: example('cliniko-new-appointment-summary.json'),
	xtrakit: example('xtrakit-new-sale.json'),
	clientxcms: example('clientxcms-unpaid-invoices.json'),
	saveris: example('saveris-daily-measurements.json'),
	xavierHealth: example('xavier-clients-health.json'),
	xavierHealthDrop: example('xavier-trigger-health-drop.json'),
};

const WORKFLOWS = [
	clinikoRoundTrip,
	clinikoBad,
	clinikoTrigger,
	xtraKitSale,
	xtraKitTrigger,
	clientXcmsRoundTrip,
	clientXcmsSuspend,
	clientXcmsPdf,
	saverisExports,
	saverisTrigger,
	saverisTriggerExpression,
	xavierGetAll,
	xavierBadId,
	xavierTrigger,
	...Object.values(examples),
];

const NODE_TYPES = ['cliniko', 'clinikoTrigger', 'xtraKit', 'xtraKitTrigger', 'clientXcms', 'saveris', 'saverisTrigger', 'xavier', 'xavierTrigger'];

let cliniko: ClinikoSimulator;
let xtrakit: XtraKitSimulator;
let clientxcms: ClientXcmsSimulator;
let saveris: SaverisSimulator;
let xavier: XavierSimulator;

beforeAll(async () => {
	// Rate limits are tier 2's business.
	[cliniko, xtrakit, clientxcms, saveris, xavier] = await Promise.all([
		startClinikoSimulator({ rateLimit: null }),
		startXtraKitSimulator(),
		startClientXcmsSimulator(),
		startSaverisSimulator(),
		startXavierSimulator({ rateLimit: null }),
	]);
});
afterAll(async () => {
	await stopAllN8n();
	await Promise.all([cliniko, xtrakit, clientxcms, saveris, xavier].map((s) => s?.close()));
});

describe.each(FLAVOURS)('the five providers in real n8n (%s, package from the tarball)', (flavour) => {
	let env: N8nEnv;
	let server: N8nServer;
	let started = 0;

	beforeAll(async () => {
		started = Date.now();
		for (const sim of [cliniko, xtrakit, clientxcms, saveris, xavier]) sim.reset();
		env = await createN8nEnv(flavour, { packageMode: 'tarball' });
		await importCredentials(env, [
			{ ...CRED.cliniko, type: 'clinikoApi', data: cliniko.credentials },
			{ ...CRED.xtrakit, type: 'xtraKitApi', data: xtrakit.credentials },
			{ ...CRED.clientxcms, type: 'clientXcmsApi', data: clientxcms.credentials },
			{ ...CRED.saveris, type: 'saverisApi', data: saveris.credentials },
			{ ...CRED.xavier, type: 'xavierApi', data: { apiToken: xavier.token, baseUrl: xavier.url } },
		]);
		await importWorkflow(env, WORKFLOWS);
		server = await startN8nServer(env);
		process.stderr.write(`[providers ${flavour}] env + imports + server: ${Date.now() - started} ms\n`);
	}, 15 * 60_000);

	afterAll(async () => {
		await server?.stop();
		await env?.dispose();
		process.stderr.write(`[providers ${flavour}] total: ${Date.now() - started} ms\n`);
	}, 60_000);

	/** (Re)activates a polling workflow and waits until its activation poll reached the simulator. */
	const activate = async (id: string, requests: () => number) => {
		const before = requests();
		await server.activateWorkflow(id);
		await waitFor(async () => requests() > before, 15_000, 100, () => `the activation poll of ${id} never reached the simulator`);
	};
	const reactivate = async (id: string, requests: () => number) => {
		await server.deactivateWorkflow(id);
		await activate(id, requests);
	};
	const clinikoPolls = (p: string) => () => cliniko.log.filter((e) => e.method === 'GET' && e.path === p).length;
	const xtraKitPolls = () => xtrakit.log.filter((e) => e.method === 'GET').length;
	const saverisCalls = () => saveris.log.filter((e) => e.path !== '/v1/token').length;
	const binaryOf = (run: N8nRun, node: string) =>
		(run.runData[node]?.[0]?.data?.main?.[0]?.[0] as { binary?: Record<string, Record<string, unknown>> } | undefined)?.binary;

	test('n8n lists every node of the package, as an installed community package with its credentials', async () => {
		const types = await server.nodeTypes();
		expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(NODE_TYPES.map((n) => env.nodeType(n))));
		expect(types.find((t) => t.name === env.nodeType('xavier'))?.credentials?.map((c) => c.name)).toContain('xavierApi');
		const packages = await server.rest<Array<{ packageName: string; installedNodes: Array<{ type: string }> }>>('GET', '/community-packages');
		const ours = packages.find((p) => p.packageName === PACKAGE_NAME);
		expect(ours?.installedNodes.map((n) => n.type)).toEqual(expect.arrayContaining(NODE_TYPES.map((n) => `${PACKAGE_NAME}.${n}`)));
	});

	test('Cliniko: patient create, get, update, find by last name, archive', async () => {
		const run = await server.runWorkflow(clinikoRoundTrip.id);
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		const [created] = nodeItems(run, 'Create');
		expect(created).toMatchObject({ first_name: 'Ada', last_name: LAST_NAME, email: 'ada@example.com' });
		const id = String(created.id);
		expect(id).toMatch(/^\d{19}$/);
		expect(nodeItems(run, 'Get')).toEqual([expect.objectContaining({ id, first_name: 'Ada' })]);
		expect(nodeItems(run, 'Update')).toEqual([expect.objectContaining({ id, occupation: 'Engineer' })]);
		expect(nodeItems(run, 'Find').map((p) => p.id)).toEqual([id]);
		expect(nodeItems(run, 'Archive')).toEqual([{ success: true, id, archived: true }]);

		const row = cliniko.state.raw('patients', id);
		expect(row).toMatchObject({ first_name: 'Ada', last_name: LAST_NAME, occupation: 'Engineer' });
		expect(row?.archived_at).toEqual(expect.any(String));
		expect(cliniko.log.find((e) => e.method === 'GET' && e.path === '/v1/patients')?.query.q).toEqual([`last_name:=${LAST_NAME}`]);
		expect(cliniko.violations).toEqual([]);
	});

	test('Cliniko: a 422 names every failing field', async () => {
		const run = await server.runWorkflow(clinikoBad.id);
		expect(run.status).toBe('error');
		expect(run.errorNode).toBe('Cliniko');
		const error = nodeError(run, 'Cliniko') ?? run.error;
		expect(error?.message).toMatch(/ \(HTTP 422\)$/);
		const fields = String(error?.message).replace(/ \(HTTP 422\)$/, '').split('; ').sort();
		expect(fields).toEqual(['appointment_type: must exist', 'business: must exist', 'patient: must exist', 'practitioner: must exist']);
	});

	test('Cliniko Trigger: seeds on activation, emits a new patient once, then nothing', async () => {
		const id = clinikoTrigger.id;
		const polls = clinikoPolls('/v1/patients');
		await activate(id, polls);
		expect(await server.listExecutions(id)).toEqual([]);

		const patient = cliniko.state.create('patients', { first_name: 'Grace', last_name: 'Tier3-Trigger' });
		await reactivate(id, polls);
		const [first] = await server.waitForExecutions(id, 1, { timeoutMs: 30_000 });
		expect(first.status).toBe('success');
		expect(nodeItems(first, 'Cliniko Trigger')).toEqual([expect.objectContaining({ id: String(patient.id), first_name: 'Grace' })]);

		await reactivate(id, polls);
		expect(await server.listExecutions(id)).toHaveLength(1);
		await server.deactivateWorkflow(id);
		expect(cliniko.violations).toEqual([]);
	});

	test('XtraKit: create a customer, record a sale for it', async () => {
		const run = await server.runWorkflow(xtraKitSale.id);
		expect(run.error).toBeUndefined();
		const [customer] = nodeItems(run, 'Create Customer');
		expect(customer).toMatchObject({ customer_name: 'Kwaku Tier3' });
		const [sale] = nodeItems(run, 'Record Sale');
		expect(sale).toMatchObject({ invoice_code: Number(INVOICE_CODE), customer_id: String(customer.id), total_amount: '96.00' });
		expect(xtrakit.state.sale(INVOICE_CODE)).toMatchObject({ customer_id: String(customer.id) });
		expect(xtrakit.violations).toEqual([]);
	});

	test('XtraKit Trigger: fires once for a new customer', async () => {
		const id = xtraKitTrigger.id;
		await activate(id, xtraKitPolls);
		expect(await server.listExecutions(id)).toEqual([]);
		const added = xtrakit.state.addCustomer({ customer_name: 'Yaa Asantewaa' });
		await reactivate(id, xtraKitPolls);
		const [first] = await server.waitForExecutions(id, 1, { timeoutMs: 30_000 });
		expect(nodeItems(first, 'XtraKit Trigger')).toEqual([expect.objectContaining({ id: added.id, customer_name: 'Yaa Asantewaa' })]);
		await reactivate(id, xtraKitPolls);
		expect(await server.listExecutions(id)).toHaveLength(1);
		await server.deactivateWorkflow(id);
	});

	test('CLIENTXCMS: customer create, get, update, find', async () => {
		const run = await server.runWorkflow(clientXcmsRoundTrip.id);
		expect(run.error).toBeUndefined();
		const [created] = nodeItems(run, 'Create');
		expect(created).toMatchObject({ email: CX_EMAIL, firstname: 'Aline', city: 'Lyon' });
		expect(nodeItems(run, 'Get')).toEqual([expect.objectContaining({ id: created.id, email: CX_EMAIL })]);
		expect(nodeItems(run, 'Update')).toEqual([expect.objectContaining({ id: created.id, city: 'Marseille', firstname: 'Aline' })]);
		expect(nodeItems(run, 'Find').map((c) => c.id)).toEqual([created.id]);
		expect(clientxcms.state.find('customers', Number(created.id))).toMatchObject({ city: 'Marseille', email: CX_EMAIL });
		expect(clientxcms.violations).toEqual([]);
	});

	test('CLIENTXCMS: a suspend the server refuses with HTTP 200 fails with its message (bug switch on)', async () => {
		clientxcms.settings.bugs = true;
		const run = await server.runWorkflow(clientXcmsSuspend.id);
		expect(run.status).toBe('error');
		expect(run.errorNode).toBe('Suspend');
		expect((nodeError(run, 'Suspend') ?? run.error)?.message).toBe('CLIENTXCMS did not suspend service 1: Invalid status');
		expect(clientxcms.state.find('services', 1)?.status).toBe('active');
	});

	test('CLIENTXCMS: invoice PDF comes out as binary data', async () => {
		const run = await server.runWorkflow(clientXcmsPdf.id);
		expect(run.error).toBeUndefined();
		expect(nodeItems(run, 'PDF')).toEqual([expect.objectContaining({ invoiceId: '2', fileName: 'CTX-2026-0002.pdf', mimeType: 'application/pdf' })]);
		const binary = binaryOf(run, 'PDF')?.data;
		expect(binary).toMatchObject({ mimeType: 'application/pdf', fileName: 'CTX-2026-0002.pdf' });
		// n8n writes a human-readable size ("1.2 kB"); inline data (1.x default mode) or a stored file's id.
		expect(String(binary?.fileSize)).toMatch(/^\d+(\.\d+)? ?(B|kB|MB)$/);
		if (typeof binary?.data === 'string' && binary.data !== 'filesystem-v2' && !binary.id) {
			expect(Buffer.from(binary.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
		} else {
			expect(binary?.id).toEqual(expect.any(String));
		}
	});

	test('Saveris: Export and Wait for all ten resources', async () => {
		saveris.settings.inProgressPolls = 1;
		const run = await server.runWorkflow(saverisExports.id, { timeoutMs: 120_000 });
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(SAVERIS_RESOURCES).toHaveLength(10);
		for (const resource of SAVERIS_RESOURCES) {
			const items = nodeItems(run, saverisNode(resource));
			const expected = resource in TIMED ? TIMED[resource](Date.parse(FROM), Date.parse(UNTIL)) : SNAPSHOTS[resource];
			expect(expected.length).toBeGreaterThan(0);
			expect({ resource, rows: items.length }).toEqual({ resource, rows: expected.length });
			if (resource in TIMED) expect(items.map((i) => i.uuid)).toEqual(expected.map((r) => r.uuid));
		}
		expect(saveris.violations).toEqual([]);
	});

	test('Saveris Trigger: submit on activation, check on the next, deliver the window on the third', async () => {
		saveris.settings.inProgressPolls = 1;
		const id = saverisTrigger.id;
		const logStart = saveris.log.length;
		await activate(id, saverisCalls); // seeds the cursor at the start date and submits the first window
		const submit = saveris.log.slice(logStart).find((e) => e.method === 'POST' && e.path === '/v2/measurements');
		const window = submit?.body as { date_time_from: string; date_time_until: string } | undefined;
		expect(window?.date_time_from).toBe(SAVERIS_START);
		expect(await server.listExecutions(id)).toEqual([]);
		await reactivate(id, saverisCalls); // the job is still "In Progress"
		expect(await server.listExecutions(id)).toEqual([]);
		await reactivate(id, saverisCalls); // completed: the window's rows
		const [first] = await server.waitForExecutions(id, 1, { timeoutMs: 30_000 });
		const expected = measurementsIn(Date.parse(String(window?.date_time_from)), Date.parse(String(window?.date_time_until)));
		expect(expected.length).toBeGreaterThan(0);
		expect(nodeItems(first, 'Saveris Trigger').map((r) => r.uuid)).toEqual(expected.map((r) => r.uuid));
		await server.deactivateWorkflow(id);
		expect(saveris.violations).toEqual([]);
	});

	test('Saveris Trigger with a Start Date expression: the same three polls deliver (no reset, one job)', async () => {
		saveris.settings.inProgressPolls = 1;
		const id = saverisTriggerExpression.id;
		const logStart = saveris.log.length;
		const posts = () => saveris.log.slice(logStart).filter((e) => e.method === 'POST' && e.path === '/v2/measurements');
		await activate(id, saverisCalls);
		await reactivate(id, saverisCalls);
		await reactivate(id, saverisCalls);
		const [first] = await server.waitForExecutions(id, 1, { timeoutMs: 30_000 });
		expect(posts()).toHaveLength(1);
		const window = posts()[0].body as { date_time_from: string; date_time_until: string };
		const expected = measurementsIn(Date.parse(window.date_time_from), Date.parse(window.date_time_until));
		expect(nodeItems(first, 'Saveris Trigger').map((r) => r.uuid)).toEqual(expected.map((r) => r.uuid));
		await server.deactivateWorkflow(id);
		expect(saveris.violations).toEqual([]);
	});

	// Xavier ---------------------------------------------------------------------------------------
	const xavierPolls = () => xavier.log.filter((e) => e.method === 'GET' && e.path === '/clients' && e.status === 200).length;
	/** The trigger's cursor as n8n stored it in the database (`getWorkflowStaticData('node')`). */
	const storedCursor = async (id: string, node: string) => {
		const workflow = await server.getWorkflow(id);
		const staticData = (workflow.staticData ?? {}) as Record<string, { clients?: Record<string, unknown> }>;
		return staticData[`node:${node}`];
	};

	test('Xavier, n8n execute (the CLI path): Get Many with Return All gives every client; an unknown client ID fails naming it', async () => {
		const run = await executeWorkflow(env, xavierGetAll.id);
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(nodeItems(run, 'Xavier').map((c) => c.id)).toEqual(xavier.state.listItems().map((c) => c.id));

		const failed = await executeWorkflow(env, xavierBadId.id);
		expect(failed.status).toBe('error');
		expect(failed.errorNode).toBe('Xavier');
		expect(failed.error?.message).toContain(MISSING_CLIENT);
	});

	test('Xavier, through the server: Get Many, and an unknown client ID fails naming it', async () => {
		const run = await server.runWorkflow(xavierGetAll.id);
		expect(run.status).toBe('success');
		expect(run.mode).toBe('manual');
		const items = nodeItems(run, 'Xavier');
		expect(items.length).toBe(xavier.state.listItems().length);
		expect(items[0]).toMatchObject({ id: expect.any(String), name: expect.any(String) });

		const failed = await server.runWorkflow(xavierBadId.id);
		expect(failed.status).toBe('error');
		expect(failed.errorNode).toBe('Xavier');
		expect(failed.error?.message).toContain(MISSING_CLIENT);
		expect(xavier.violations).toEqual([]);
	});

	test('Xavier Trigger: seeds on activation, emits a new client once, keeps its cursor across reactivation', async () => {
		const id = xavierTrigger.id;
		await activate(id, xavierPolls); // first activation: poll() remembers the clients and emits nothing
		expect(await server.listExecutions(id)).toEqual([]);
		const seeded = await storedCursor(id, 'Xavier Trigger');
		expect(Object.keys(seeded?.clients ?? {}).sort()).toEqual(xavier.state.listItems().map((c) => c.id).sort());

		// A client appears; the next poll (the reactivation's) starts from the cursor n8n saved in
		// the database and emits exactly that client.
		const added = xavier.state.addClient({ name: 'Tier3 Fresh Books Ltd', healthScore: 91 });
		await reactivate(id, xavierPolls);
		const [first] = await server.waitForExecutions(id, 1, { timeoutMs: 30_000 });
		expect(first.status).toBe('success');
		expect(first.mode).toBe('trigger');
		const emitted = nodeItems(first, 'Xavier Trigger');
		expect(emitted).toHaveLength(1);
		expect(JSON.stringify(emitted[0])).toContain(added.id);
		expect(nodeItems(first, 'Done')).toHaveLength(1);
		expect(Object.keys((await storedCursor(id, 'Xavier Trigger'))?.clients ?? {})).toContain(added.id);

		// Nothing new: another poll emits nothing (no duplicate of the client).
		await reactivate(id, xavierPolls);
		expect(await server.listExecutions(id)).toHaveLength(1);
		await server.deactivateWorkflow(id);
		expect(xavier.violations).toEqual([]);
	});

	test('the examples in examples/ import and run', async () => {
		// CLIENTXCMS: unpaid (pending) invoices, summarised.
		const invoices = await server.runWorkflow(examples.clientxcms.id);
		expect(invoices.status).toBe('success');
		const pending = clientxcms.state.live('invoices').filter((i) => i.status === 'pending');
		expect(pending.length).toBeGreaterThan(0);
		expect(nodeItems(invoices, 'Invoice summary').map((i) => i.invoice)).toEqual(pending.map((i) => i.invoice_number));

		// Saveris: measurements of the last 24 hours.
		saveris.settings.inProgressPolls = 0;
		const daily = await server.runWorkflow(examples.saveris.id, { timeoutMs: 120_000 });
		expect(daily.status).toBe('success');
		const post = saveris.log.filter((e) => e.method === 'POST' && e.path === '/v2/measurements').pop()?.body as { date_time_from: string; date_time_until: string };
		// `$now` is read once per expression: the two ends may be a few milliseconds further apart.
		const span = Date.parse(post.date_time_until) - Date.parse(post.date_time_from);
		expect(span).toBeGreaterThanOrEqual(24 * 3_600_000);
		expect(span).toBeLessThan(24 * 3_600_000 + 5_000);
		expect(nodeItems(daily, 'Measurements, last 24 h')).toHaveLength(measurementsIn(Date.parse(post.date_time_from), Date.parse(post.date_time_until)).length);

		// Cliniko Trigger: a new individual appointment, summarised.
		const apptPolls = clinikoPolls('/v1/individual_appointments');
		await activate(examples.cliniko.id, apptPolls);
		const base = cliniko.state.raw('individual_appointments', String(cliniko.state.list('individual_appointments')[0].id))!;
		const appointment = cliniko.state.create('individual_appointments', {
			patient_id: base.patient_id,
			practitioner_id: base.practitioner_id,
			appointment_type_id: base.appointment_type_id,
			business_id: base.business_id,
			starts_at: '2030-01-15T10:00:00Z',
			ends_at: '2030-01-15T10:30:00Z',
		});
		await reactivate(examples.cliniko.id, apptPolls);
		const [booked] = await server.waitForExecutions(examples.cliniko.id, 1, { timeoutMs: 30_000 });
		const patientName = String(cliniko.state.raw('individual_appointments', String(appointment.id))?.patient_name);
		expect(nodeItems(booked, 'Appointment summary')).toEqual([
			{ appointmentId: String(appointment.id), summary: `${patientName} booked for 2030-01-15T10:00:00Z` },
		]);
		await server.deactivateWorkflow(examples.cliniko.id);

		// XtraKit Trigger: a new sale, summarised.
		await activate(examples.xtrakit.id, xtraKitPolls);
		const { sale } = xtrakit.state.addSale({ total_amount: '35.00' });
		await reactivate(examples.xtrakit.id, xtraKitPolls);
		const [sold] = await server.waitForExecutions(examples.xtrakit.id, 1, { timeoutMs: 30_000 });
		expect(nodeItems(sold, 'Sale summary')).toEqual([expect.objectContaining({ invoiceCode: String(sale.invoice_code) })]);
		expect(String(nodeItems(sold, 'Sale summary')[0].summary)).toContain('35');
		await server.deactivateWorkflow(examples.xtrakit.id);

		// Xavier: clients with a health score of 75 or less.
		const health = await server.runWorkflow(examples.xavierHealth.id);
		expect(health.status).toBe('success');
		const weak = xavier.state.listItems().filter((c) => c.healthScore !== null && c.healthScore <= 75);
		expect(weak.length).toBeGreaterThan(0);
		expect(nodeItems(health, 'Clients with health score 75 or less').map((c) => c.id)).toEqual(weak.map((c) => c.id));

		// Xavier Trigger: a health score dropping below 60.
		const dropId = examples.xavierHealthDrop.id;
		await activate(dropId, xavierPolls); // seeds
		const healthy = xavier.state.listItems().find((c) => c.healthScore !== null && c.healthScore >= 60);
		expect(healthy).toBeDefined();
		xavier.state.updateClient(String(healthy?.id), { healthScore: 41 });
		await reactivate(dropId, xavierPolls);
		const [dropped] = await server.waitForExecutions(dropId, 1, { timeoutMs: 30_000 });
		expect(nodeItems(dropped, 'Health score dropped below 60')).toEqual([
			expect.objectContaining({ id: healthy?.id, healthScore: 41, previousHealthScore: healthy?.healthScore }),
		]);
		await server.deactivateWorkflow(dropId);
	});
});
