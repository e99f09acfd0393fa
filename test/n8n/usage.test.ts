/**
 * Tier 3, the nodes used the way n8n users use them (issue 18): the webhook, schedule and AI Agent
 * workflows shipped in examples/, imported as they are into real n8n 1.x and 2.x with the package
 * from its tarball, activated, and driven from outside.
 *
 * - AI Agent: the nodes as the agent's tools, driven by a scripted chat model (the cases are in
 *   agent.ts; they run first, before the schedules add exports to the Saveris simulator's log).
 *
 * - Webhooks: a POST to the production URL (`/webhook/<path>`) of an active workflow runs
 *   Webhook → our node → Respond to Webhook. A form the node refuses takes the node's error output
 *   (On Error: Continue (using error output)) to a Respond to Webhook that answers 422 with the
 *   node's message, and nothing reaches the provider.
 * - Schedules: Schedule Trigger → our node → … fires on its own, at least twice, and each run's
 *   output is read back through REST (executions list and execution data).
 *
 * One env and one `n8n start` per flavour: credentials and all the examples go in through one CLI
 * call each before the server starts. The only change made to an example is the schedule's rule:
 * hourly and daily are what a user wants, a seconds interval is what a test can wait for.
 */
import { startClientXcmsSimulator, type ClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator, type ClinikoSimulator } from '../simulators/cliniko';
import { measurementsIn, startSaverisSimulator, type SaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator, type XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator, type XtraKitSimulator } from '../simulators/xtrakit';
import {
	FLAVOURS,
	afterAllN8n,
	createN8nEnv,
	fetchFresh,
	importCredentials,
	importWorkflow,
	nodeItems,
	startN8nServer,
	stopAllN8n,
	type N8nEnv,
	type N8nRun,
	type N8nServer,
	type WorkflowJson,
} from '../harness/n8n';
import { addAgentPatient, agentCredential, agentTests, agentWorkflows, startAgentModel, type AgentSims } from './agent';
import { CRED, example } from './fixtures';
import type { ScriptedChatModel } from '../helpers/chatModel';

jest.setTimeout(180_000);

const hooks = {
	cliniko: example('cliniko-webhook-new-patient.json'),
	clientxcms: example('clientxcms-webhook-signup.json'),
	xtrakit: example('xtrakit-webhook-shop-sale.json'),
};

/** Seconds between scheduled runs in the test (the examples run hourly and daily). */
const EVERY_SECONDS = 5;

/** An example with its Schedule Trigger's rule set to every EVERY_SECONDS seconds; nothing else changes. */
function everyFewSeconds(workflow: WorkflowJson): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const schedule = copy.nodes.filter((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
	expect(schedule).toHaveLength(1);
	schedule[0].parameters = { ...schedule[0].parameters, rule: { interval: [{ field: 'seconds', secondsInterval: EVERY_SECONDS }] } };
	return copy;
}

const schedules = {
	saveris: everyFewSeconds(example('saveris-schedule-hourly-csv.json')),
	xavier: everyFewSeconds(example('xavier-schedule-health-check.json')),
};

/** What the examples' sticky notes tell a user to change is the credential; the examples name these. */
const credentialsOf = (workflow: WorkflowJson) =>
	workflow.nodes.flatMap((n) => Object.values((n.credentials ?? {}) as Record<string, { id: string; name: string }>));

let cliniko: ClinikoSimulator;
let clientxcms: ClientXcmsSimulator;
let xtrakit: XtraKitSimulator;
let saveris: SaverisSimulator;
let xavier: XavierSimulator;
let model: ScriptedChatModel;
/** The same simulators, for the agent's cases (filled in below, read when a case runs). */
const sims = {} as AgentSims;

beforeAll(async () => {
	[cliniko, clientxcms, xtrakit, saveris, xavier, model] = await Promise.all([
		startClinikoSimulator({ rateLimit: null }),
		startClientXcmsSimulator(),
		startXtraKitSimulator(),
		startSaverisSimulator(),
		// Two n8n versions, two schedules every few seconds: the 60/min limit is tier 2's business.
		startXavierSimulator({ rateLimit: null }),
		startAgentModel(),
	]);
	Object.assign(sims, { cliniko, clientxcms, saveris, xavier, xtrakit });
});
afterAll(async () => {
	await stopAllN8n();
	await Promise.all([cliniko, clientxcms, xtrakit, saveris, xavier, model].map((s) => s?.close()));
});

test('the webhook and schedule examples use the demo credentials and carry a note saying what to change', () => {
	const all = [...Object.values(hooks), example('saveris-schedule-hourly-csv.json'), example('xavier-schedule-health-check.json')];
	const demoCredentials = Object.values(CRED);
	for (const workflow of all) {
		for (const credential of credentialsOf(workflow)) expect(demoCredentials).toContainEqual(credential);
		const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		expect({ workflow: workflow.name, notes: notes.length }).toEqual({ workflow: workflow.name, notes: 1 });
		expect(String(notes[0].parameters.content)).toMatch(/Change before use/);
		expect(String(notes[0].parameters.content)).toMatch(/credential/);
	}
});

describe.each(FLAVOURS)('webhooks, schedules and the AI Agent in real n8n (%s, package from the tarball)', (flavour) => {
	let env: N8nEnv | undefined;
	let server: N8nServer | undefined;
	afterAllN8n(() => ({ server, env }));

	beforeAll(async () => {
		for (const sim of [cliniko, clientxcms, xtrakit, saveris, xavier]) sim.reset();
		model.requests.length = 0;
		addAgentPatient(sims);
		env = await createN8nEnv(flavour, { packageMode: 'tarball' });
		await importCredentials(env, [
			{ ...CRED.cliniko, type: 'clinikoApi', data: cliniko.credentials },
			{ ...CRED.clientxcms, type: 'clientXcmsApi', data: clientxcms.credentials },
			{ ...CRED.xtrakit, type: 'xtraKitApi', data: xtrakit.credentials },
			{ ...CRED.saveris, type: 'saverisApi', data: saveris.credentials },
			{ ...CRED.xavier, type: 'xavierApi', data: xavier.credentials },
			agentCredential(model),
		]);
		await importWorkflow(env, [...Object.values(hooks), ...Object.values(schedules), ...agentWorkflows(sims)]);
		server = await startN8nServer(env);
		for (const workflow of Object.values(hooks)) await server.activateWorkflow(workflow.id);
	}, 15 * 60_000);

	// The AI Agent first: the schedules below add exports to the Saveris simulator's log.
	agentTests({ sims, model: () => model, server: () => server!, env: () => env! });

	/** POSTs a form's JSON to an active workflow's production webhook URL. */
	async function post(path: string, form: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
		const res = await fetchFresh(`${server!.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(form),
		});
		const text = await res.text();
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(text) as Record<string, unknown>;
		} catch {
			body = { raw: text };
		}
		return { status: res.status, body };
	}

	/** The webhook runs of a workflow so far (oldest first), each finished. */
	async function webhookRuns(workflowId: string, count: number): Promise<N8nRun[]> {
		const runs = await server!.waitForExecutions(workflowId, count, { timeoutMs: 30_000 });
		for (const run of runs) expect({ mode: run.mode, status: run.status }).toEqual({ mode: 'webhook', status: 'success' });
		return runs;
	}

	test('Cliniko: a web form creates a patient and the caller gets its ID; a form without a last name gets 422 and creates nothing', async () => {
		const creates = () => cliniko.log.filter((e) => e.method === 'POST' && e.path === '/v1/patients').length;
		const patients = () => cliniko.state.list('patients').length;

		const ok = await post('cliniko-new-patient', { first_name: 'Mele', last_name: 'Webform-Tupou', email: 'mele@example.com' });
		expect(ok.status).toBe(201);
		const patientId = String(ok.body.patientId);
		expect(patientId).toMatch(/^\d+$/);
		expect(cliniko.state.raw('patients', patientId)).toMatchObject({ first_name: 'Mele', last_name: 'Webform-Tupou', email: 'mele@example.com' });

		const [createsBefore, patientsBefore] = [creates(), patients()];
		const bad = await post('cliniko-new-patient', { first_name: 'Nolast', email: 'nolast@example.com' });
		expect(bad.status).toBe(422);
		expect(bad.body).toEqual({ error: 'Last Name is empty' });
		expect([creates(), patients()]).toEqual([createsBefore, patientsBefore]);

		const [good, refused] = await webhookRuns(hooks.cliniko.id, 2);
		expect(nodeItems(good, 'Answer with the patient ID')).toEqual([expect.objectContaining({ id: patientId })]);
		expect(good.runData['Answer the error']).toBeUndefined();
		expect(nodeItems(refused, 'Answer the error')).toEqual([expect.objectContaining({ error: bad.body.error })]);
		expect(refused.runData['Answer with the patient ID']).toBeUndefined();
		expect(cliniko.violations).toEqual([]);
	});

	test('CLIENTXCMS: a signup form creates a customer and the caller gets its ID; a form without a last name gets 422 and creates nothing', async () => {
		const creates = () => clientxcms.log.filter((e) => e.method === 'POST' && e.path.endsWith('/customers')).length;
		const customers = () => clientxcms.state.live('customers').length;
		const form = {
			email: 'ines.webform@example.fr',
			first_name: 'Inès',
			last_name: 'Webform',
			address: '3 rue Mercière',
			city: 'Lyon',
			zipcode: '69002',
			region: 'Auvergne-Rhône-Alpes',
			country: 'FR',
		};

		const ok = await post('clientxcms-signup', form);
		expect(ok.status).toBe(201);
		const customer = clientxcms.state.find('customers', Number(ok.body.customerId));
		expect(customer).toMatchObject({ email: form.email, firstname: 'Inès', lastname: 'Webform', city: 'Lyon', country: 'FR' });

		const [createsBefore, customersBefore] = [creates(), customers()];
		const { last_name: _dropped, ...noLastName } = { ...form, email: 'nolast@example.fr' };
		const bad = await post('clientxcms-signup', noLastName);
		expect(bad.status).toBe(422);
		expect(bad.body).toEqual({ error: 'Last Name is empty' });
		expect([creates(), customers()]).toEqual([createsBefore, customersBefore]);

		const [good, refused] = await webhookRuns(hooks.clientxcms.id, 2);
		expect(nodeItems(good, 'Answer with the customer ID')).toEqual([expect.objectContaining({ email: form.email })]);
		expect(nodeItems(refused, 'Answer the error')).toEqual([expect.objectContaining({ error: bad.body.error })]);
		expect(clientxcms.violations).toEqual([]);
	});

	test('XtraKit: a shop order records a sale and the caller gets its invoice code; an order without a number gets 422 and records nothing', async () => {
		const creates = () => xtrakit.log.filter((e) => e.method === 'POST' && e.path.endsWith('/sales')).length;
		const sales = () => xtrakit.state.listSales().length;
		const customer = xtrakit.state.listCustomers()[0];
		const order = { order_number: 'SHOP-1042', customer_id: customer.id, total: 37.5, product: 'Shea butter 250 ml', quantity: 3, unit_price: 12.5 };

		const ok = await post('xtrakit-shop-sale', order);
		expect(ok.status).toBe(201);
		const code = String(ok.body.invoiceCode);
		expect(code).toMatch(/^\d{6}$/);
		expect(xtrakit.state.sale(code)).toMatchObject({ customer_id: String(customer.id), total_amount: '37.50' });
		expect(xtrakit.state.lineItems(code)).toEqual([expect.objectContaining({ item_name: 'Shea butter 250 ml' })]);

		const [createsBefore, salesBefore] = [creates(), sales()];
		const { order_number: _dropped, ...noNumber } = order;
		const bad = await post('xtrakit-shop-sale', noNumber);
		expect(bad.status).toBe(422);
		expect(bad.body).toEqual({ error: 'Invoice Number is empty' });
		expect([creates(), sales()]).toEqual([createsBefore, salesBefore]);

		const [, refused] = await webhookRuns(hooks.xtrakit.id, 2);
		expect(nodeItems(refused, 'Answer the error')).toEqual([expect.objectContaining({ error: bad.body.error })]);
		expect(xtrakit.violations).toEqual([]);
	});

	test('schedules fire on their own: Saveris exports the previous hour as CSV, Xavier gives one item per client below the threshold', async () => {
		saveris.settings.inProgressPolls = 0;
		const exportsBefore = saveris.log.filter((e) => e.method === 'POST' && e.path === '/v2/measurements').length;
		const xavierListsBefore = xavier.log.filter((e) => e.method === 'GET').length;

		await server!.activateWorkflow(schedules.saveris.id);
		await server!.activateWorkflow(schedules.xavier.id);
		let saverisRuns: N8nRun[];
		let xavierRuns: N8nRun[];
		try {
			// Two ticks are 2 × EVERY_SECONDS away; generous bounds for a loaded machine.
			[saverisRuns, xavierRuns] = await Promise.all([
				server!.waitForExecutions(schedules.saveris.id, 2, { timeoutMs: 90_000 }),
				server!.waitForExecutions(schedules.xavier.id, 2, { timeoutMs: 90_000 }),
			]);
		} finally {
			await server!.deactivateWorkflow(schedules.saveris.id);
			await server!.deactivateWorkflow(schedules.xavier.id);
		}

		// Saveris: each run asked for one whole previous hour and turned exactly its rows into a CSV file.
		const exports = saveris.log.filter((e) => e.method === 'POST' && e.path === '/v2/measurements').slice(exportsBefore);
		expect(exports.length).toBeGreaterThanOrEqual(2);
		for (const run of saverisRuns) {
			expect({ mode: run.mode, status: run.status }).toEqual({ mode: 'trigger', status: 'success' });
			const rows = nodeItems(run, 'Measurements of the previous hour');
			const window = exports.find((e) => {
				const body = e.body as { date_time_from: string; date_time_until: string };
				const expected = measurementsIn(Date.parse(body.date_time_from), Date.parse(body.date_time_until));
				return expected.length === rows.length && expected.every((r, i) => r.uuid === rows[i].uuid);
			})?.body as { date_time_from: string; date_time_until: string } | undefined;
			expect(window).toBeDefined();
			const from = Date.parse(window!.date_time_from);
			expect(from % 3_600_000).toBe(0);
			expect(Date.parse(window!.date_time_until) - from).toBe(3_600_000);
			// The previous hour of the moment the schedule fired.
			const firedAt = Number(run.runData['Every hour'][0].startTime);
			expect(firedAt - (from + 3_600_000)).toBeGreaterThanOrEqual(0);
			expect(firedAt - (from + 3_600_000)).toBeLessThan(3_600_000);
			expect(rows.length).toBeGreaterThan(0);

			const binary = (run.runData['To CSV'][0].data?.main?.[0]?.[0] as { binary?: Record<string, Record<string, unknown>> }).binary?.data;
			expect(binary).toMatchObject({ mimeType: 'text/csv', fileName: `saveris-${new Date(from).toISOString().slice(0, 13).replace('T', '-')}.csv` });
			const csv = await binaryText(server!, binary!);
			const lines = csv.trim().split('\n');
			expect(lines[0]).toContain('uuid');
			expect(lines).toHaveLength(rows.length + 1);
			expect(csv).toContain(String(rows[0].uuid));
		}

		// Xavier: each run listed the clients and gave one item per client with a score of 60 or less.
		expect(xavier.log.filter((e) => e.method === 'GET').length - xavierListsBefore).toBeGreaterThanOrEqual(2);
		const expected = xavier.state
			.listItems()
			.filter((c) => c.healthScore <= 60)
			.map((c) => c.id)
			.sort();
		expect(expected.length).toBeGreaterThan(1);
		for (const run of xavierRuns) {
			expect({ mode: run.mode, status: run.status }).toEqual({ mode: 'trigger', status: 'success' });
			const clients = nodeItems(run, 'Client to follow up');
			expect(clients.map((c) => c.clientId).sort()).toEqual(expected);
			for (const c of clients) expect(c).toEqual({ clientId: expect.any(String), client: expect.any(String), healthScore: expect.any(Number), alertLevel: expect.any(String) });
		}
		expect(saveris.violations).toEqual([]);
		expect(xavier.violations).toEqual([]);
	});
});

/** A binary property's content: inline base64 (n8n 1.x default), else downloaded through REST. */
async function binaryText(server: N8nServer, binary: Record<string, unknown>): Promise<string> {
	if (typeof binary.id !== 'string' && typeof binary.data === 'string') return Buffer.from(binary.data, 'base64').toString('utf8');
	const res = await fetchFresh(`${server.url}/rest/binary-data?id=${encodeURIComponent(String(binary.id))}&action=download`, {
		method: 'GET',
		headers: { cookie: server.cookie },
	});
	expect(res.status).toBe(200);
	return res.text();
}
