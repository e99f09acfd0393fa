/**
 * Tier 3, issue 18 item 3: n8n's AI Agent with our nodes as its tools, in real n8n 1.x and 2.x.
 *
 * The workflow is the shipped example examples/agent-tools-assistant.json: Chat Trigger → AI Agent
 * (v3) with the OpenAI Chat Model and our nodes as tools, one per provider and two for Cliniko
 * (`<package>.<node>Tool`, the types n8n makes of every node with `usableAsTool`), their fields filled
 * by `$fromAI()`, their On Error set to Continue. The test imports it as
 * shipped, once per question, with the chat message pinned on the Chat Trigger (what the editor does
 * with a pinned trigger; a Chat Trigger otherwise waits for the editor's chat window), and the example's
 * `OpenAI account` credential pointing at a scripted OpenAI-compatible server on 127.0.0.1
 * (test/helpers/chatModel.ts): it calls the tool a model would call, then answers quoting the result.
 *
 * n8n 1.123.81 and 2.41.1 offer community nodes as tools without N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE
 * (neither reads that variable: its name is nowhere in their n8n, n8n-core, n8n-workflow or @n8n
 * packages), so the env sets nothing: this proves a user does not need it either.
 *
 * The cases run in usage.test.ts's env and server (one per flavour, with the webhook and schedule
 * workflows beside these: every n8n boot costs seconds of CPU), before the schedules are activated.
 */
import { SCRIPTED_MODEL_KEY, startScriptedChatModel, type ChatRequest, type Script, type ScriptedChatModel } from '../helpers/chatModel';
import type { ClientXcmsSimulator } from '../simulators/clientxcms';
import type { ClinikoSimulator } from '../simulators/cliniko';
import { measurementsIn, type SaverisSimulator } from '../simulators/saveris';
import type { XavierSimulator } from '../simulators/xavier';
import type { XtraKitSimulator } from '../simulators/xtrakit';
import { nodeItems, type CredentialJson, type N8nEnv, type N8nRun, type N8nServer, type WorkflowJson } from '../harness/n8n';
import { example } from './fixtures';

const EXAMPLE = example('agent-tools-assistant.json');
const CHAT_TRIGGER = 'When chat message received';
const AGENT = 'AI Agent';
/** The example's chat model credential (the user swaps it for theirs). */
const OPENAI_CRED = EXAMPLE.nodes.find((n) => n.name === 'OpenAI Chat Model')!.credentials!.openAiApi;

/** The example's tool nodes: node name, the tool name n8n derives from it, the description a model must see. */
const TOOLS = {
	cliniko: { node: 'Find Cliniko patients', tool: 'Find_Cliniko_patients', description: 'Get many patients in Cliniko' },
	clinikoAppointments: {
		node: 'Next Cliniko appointments of a patient',
		tool: 'Next_Cliniko_appointments_of_a_patient',
		description: 'Get many individual appointments in Cliniko',
	},
	clientxcms: { node: 'Find CLIENTXCMS customers', tool: 'Find_CLIENTXCMS_customers', description: 'Get many customers in CLIENTXCMS' },
	saveris: {
		node: 'Saveris temperature measurements',
		tool: 'Saveris_temperature_measurements',
		description: 'Export measurements and wait for the rows in testo Saveris',
	},
	xavier: { node: 'Xavier clients by health score', tool: 'Xavier_clients_by_health_score', description: 'Get many clients in Xavier Analytics' },
	xtrakit: { node: 'Get an XtraKit sale', tool: 'Get_an_XtraKit_sale', description: 'Get a sale in XtraKit' },
};
type ToolKey = keyof typeof TOOLS;

/** The `$fromAI(key, description, type)` calls in a tool node's parameters, as the workflow author wrote them. */
function fromAiArguments(nodeName: string): Array<{ key: string; description: string; type: string }> {
	const node = EXAMPLE.nodes.find((n) => n.name === nodeName)!;
	const found = [...JSON.stringify(node.parameters).matchAll(/\$fromAI\('(\w+)', '([^']+)', '(\w+)'\)/g)];
	return found.map(([, key, description, type]) => ({ key, description, type }));
}

// The questions, and what the scripted model does with each: call the provider's tool with the arguments
// a model would take from the question, then answer quoting what the tool returned.
const SAVERIS_FROM = '2024-06-01T10:00:00Z';
const SAVERIS_UNTIL = '2024-06-01T11:00:00Z';
const MISSING_SALE = '999999';

/** A tool call the model makes, given the results of its earlier calls for the question (oldest first). */
type Step = (results: string[]) => { tool: ToolKey; args: Record<string, unknown> };

interface Question {
	text: string;
	steps: Step[];
}

let questions: Record<string, Question>;

const script: Script = (text, results) => {
	const q = Object.values(questions).find((x) => x.text === text);
	if (!q) return undefined;
	if (results.length < q.steps.length) {
		const { tool, args } = q.steps[results.length](results.map((r) => r.content));
		return { tool: TOOLS[tool].tool, args };
	}
	return { answer: `From ${results.map((r) => r.tool).join(', ')}: ${results.map((r) => r.content).join('\n')}` };
};

/** The simulators the agent's tools call (the host test file starts and resets them). */
export interface AgentSims {
	cliniko: ClinikoSimulator;
	clientxcms: ClientXcmsSimulator;
	saveris: SaverisSimulator;
	xavier: XavierSimulator;
	xtrakit: XtraKitSimulator;
}

/** The scripted OpenAI-compatible model the example's chat model credential points at. */
export const startAgentModel = (): Promise<ScriptedChatModel> => startScriptedChatModel((text, results, tools) => script(text, results, tools));

/** The example's OpenAI credential, pointing at the scripted model. */
export const agentCredential = (model: ScriptedChatModel): CredentialJson => ({ ...OPENAI_CRED, type: 'openAiApi', data: { apiKey: SCRIPTED_MODEL_KEY, url: model.baseUrl } });

/** The questions (from the simulators' seeds: a customer's e-mail, a sale's invoice code), and one workflow per question. */
export function agentWorkflows({ clientxcms, xtrakit }: AgentSims): WorkflowJson[] {
	const customer = clientxcms.state.live('customers')[0];
	const sale = xtrakit.state.listSales()[0];
	const call = (tool: ToolKey, args: Record<string, unknown>): Step => () => ({ tool, args });
	questions = {
		cliniko: {
			text: 'Find patient Jane Citizen and list her next appointments',
			steps: [
				call('cliniko', { last_name: 'Citizen' }),
				// The patient's ID, read from what the first tool returned.
				([patients]) => ({ tool: 'clinikoAppointments', args: { patient_id: String((JSON.parse(patients) as Array<{ id: string }>)[0].id) } }),
			],
		},
		clientxcms: { text: `Who is the billing customer ${customer.email}?`, steps: [call('clientxcms', { email: customer.email })] },
		saveris: {
			text: `What did the sensors measure between ${SAVERIS_FROM} and ${SAVERIS_UNTIL}?`,
			steps: [call('saveris', { from: SAVERIS_FROM, until: SAVERIS_UNTIL })],
		},
		xavier: { text: 'Which clients have a health score of 60 or less?', steps: [call('xavier', { max_health_score: 60 })] },
		xtrakit: { text: `What did sale ${sale.invoice_code} come to?`, steps: [call('xtrakit', { invoice_code: String(sale.invoice_code) })] },
		xtrakitMissing: { text: `What did sale ${MISSING_SALE} come to?`, steps: [call('xtrakit', { invoice_code: MISSING_SALE })] },
	};
	return Object.entries(questions).map(([key, q]) => workflowFor(key, q));
}

/** The patient the Cliniko question is about (call after the simulators' reset). */
export const addAgentPatient = ({ cliniko }: AgentSims) =>
	cliniko.state.create('patients', { first_name: 'Jane', last_name: 'Citizen', email: 'jane.citizen@example.com' });

/** The shipped example with one chat message pinned on its Chat Trigger (IDs: 16 characters, as n8n's). */
const workflowFor = (key: string, question: Question): WorkflowJson => ({
	...EXAMPLE,
	id: `agentAsk${key}`.slice(0, 16).padEnd(16, '0'),
	name: `${EXAMPLE.name} (${key})`,
	pinData: { [CHAT_TRIGGER]: [{ json: { sessionId: `session-${key}`, action: 'sendMessage', chatInput: question.text } }] },
});

/**
 * The agent's cases, registered inside the host's describe (its env and server, one per flavour).
 * Run before the host's schedules: the Saveris case counts every export the simulator received.
 */
export function agentTests(host: { sims: AgentSims; model: () => ScriptedChatModel; server: () => N8nServer; env: () => N8nEnv }): void {
	// Read when a case runs: the host starts the simulators and n8n in its beforeAll, after registration.
	const { sims } = host;

	/** Runs a question's workflow; returns the run, the agent's answer and the chat requests it caused. */
	const ask = async (key: string): Promise<{ run: N8nRun; answer: string; requests: ChatRequest[] }> => {
		const question = questions[key];
		const before = host.model().requests.length;
		const run = await host.server().runWorkflow(workflowFor(key, question).id, { triggerNode: CHAT_TRIGGER });
		const requests = host.model().requests.slice(before);
		expect({ key, status: run.status, error: run.error?.message }).toEqual({ key, status: 'success', error: undefined });
		const answer = String(nodeItems(run, AGENT)[0]?.output ?? '');
		return { run, answer, requests };
	};

	/**
	 * What the model was shown, and that it got each tool's result back: one request per tool call plus
	 * the last one, each call answered by a tool message. Returns the tool results, in order.
	 */
	const checkConversation = (requests: ChatRequest[], tools: ToolKey[]): string[] => {
		expect(requests).toHaveLength(tools.length + 1);
		// Every tool, named after its node, with the description n8n made of the operation and the
		// parameters the workflow's $fromAI() calls describe.
		const offered = (requests[0].tools ?? []).map((t) => t.function);
		expect(offered.map((t) => t.name).sort()).toEqual(Object.values(TOOLS).map((t) => t.tool).sort());
		for (const t of Object.values(TOOLS)) {
			const tool = offered.find((o) => o.name === t.tool)!;
			expect({ tool: t.tool, description: tool.description }).toEqual({ tool: t.tool, description: t.description });
			const args = fromAiArguments(t.node);
			expect(args.length).toBeGreaterThan(0);
			const properties = tool.parameters?.properties ?? {};
			expect(Object.keys(properties).sort()).toEqual(args.map((a) => a.key).sort());
			for (const a of args) {
				expect({ tool: t.tool, key: a.key, ...properties[a.key] }).toEqual(
					expect.objectContaining({ tool: t.tool, key: a.key, type: a.type, description: a.description }),
				);
			}
		}
		// The last request carries every call and every tool's answer, in order.
		const last = requests[requests.length - 1].messages;
		const calls = last.filter((m) => m.role === 'assistant').flatMap((m) => m.tool_calls ?? []);
		expect(calls.map((c) => c.function.name)).toEqual(tools.map((t) => TOOLS[t].tool));
		return calls.map((c) => {
			const result = last.find((m) => m.role === 'tool' && m.tool_call_id === c.id);
			expect(typeof result?.content).toBe('string');
			return String(result?.content);
		});
	};

	test('n8n makes a tool of every action node of the package', async () => {
		const names = (await host.server().nodeTypes()).map((t) => t.name);
		for (const node of ['cliniko', 'clientXcms', 'saveris', 'xavier', 'xtraKit']) {
			expect(names).toContain(host.env().nodeType(`${node}Tool`));
		}
		// The triggers are not usable as tools.
		expect(names).not.toContain(host.env().nodeType('clinikoTriggerTool'));
	});

	test('Cliniko: "find patient Jane Citizen and list her next appointments": two tools, the second with the ID the first returned', async () => {
		const jane = sims.cliniko.state.list('patients').find((p) => p.last_name === 'Citizen')!;
		const base = sims.cliniko.state.raw('individual_appointments', String(sims.cliniko.state.list('individual_appointments')[0].id))!;
		const appointment = (patientId: unknown, startsAt: string) =>
			sims.cliniko.state.create('individual_appointments', {
				patient_id: patientId,
				practitioner_id: base.practitioner_id,
				appointment_type_id: base.appointment_type_id,
				business_id: base.business_id,
				starts_at: startsAt,
				ends_at: startsAt.replace(':00:00Z', ':30:00Z'),
			});
		// Whole hours, days from now (the workflow asks for appointments from `$now` on).
		const inDays = (days: number) => `${new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000).toISOString().slice(0, 13)}:00:00Z`;
		const past = appointment(jane.id, inDays(-30));
		const next = [appointment(jane.id, inDays(30)), appointment(jane.id, inDays(65))];
		const someoneElses = appointment(base.patient_id, inDays(31));

		const { answer, requests, run } = await ask('cliniko');
		const [patients, appointments] = checkConversation(requests, ['cliniko', 'clinikoAppointments']);
		expect(patients).toContain(String(jane.id));
		expect((JSON.parse(appointments) as Array<{ id: string }>).map((a) => a.id)).toEqual(next.map((a) => String(a.id)));
		expect(answer).toContain('Jane');
		for (const a of next) expect(answer).toContain(`"id":"${a.id}"`);
		for (const a of [past, someoneElses]) expect(answer).not.toContain(`"id":"${a.id}"`);
		expect(run.runData[TOOLS.cliniko.node]).toBeDefined();
		expect(run.runData[TOOLS.clinikoAppointments.node]).toBeDefined();

		// The filters went to Cliniko as the model (and the workflow) gave them.
		const listed = (p: string) => sims.cliniko.log.filter((e) => e.method === 'GET' && e.path === p);
		expect(listed('/v1/patients').map((e) => e.query.q)).toEqual([['last_name:=Citizen']]);
		const [byPatient] = listed('/v1/individual_appointments');
		expect(byPatient.query.q).toEqual([`patient_id:=${jane.id}`, expect.stringMatching(/^starts_at:>=\d{4}-\d\d-\d\dT/)]);
		expect(String(byPatient.query.sort)).toMatch(/^starts_at(:asc)?$/);
		expect(sims.cliniko.violations).toEqual([]);
	});

	test('CLIENTXCMS: a customer found by the e-mail the model gave', async () => {
		const customer = sims.clientxcms.state.live('customers')[0];
		const { answer, requests } = await ask('clientxcms');
		checkConversation(requests, ['clientxcms']);
		expect(answer).toContain(String(customer.email));
		expect(answer).toContain(`"id":${customer.id}`);
		const listed = sims.clientxcms.log.filter((e) => e.method === 'GET' && e.path === '/api/application/customers');
		expect(listed.length).toBeGreaterThan(0);
		expect(JSON.stringify(listed.map((e) => e.query))).toContain(String(customer.email));
		expect(sims.clientxcms.violations).toEqual([]);
	});

	test('Saveris: measurements of the period the model gave, exported and waited for', async () => {
		sims.saveris.settings.inProgressPolls = 0;
		const { answer, requests } = await ask('saveris');
		checkConversation(requests, ['saveris']);
		const submitted = sims.saveris.log.filter((e) => e.method === 'POST' && e.path === '/v2/measurements').map((e) => e.body);
		expect(submitted).toEqual([expect.objectContaining({ date_time_from: '2024-06-01T10:00:00.000Z', date_time_until: '2024-06-01T11:00:00.000Z' })]);
		const expected = measurementsIn(Date.parse(SAVERIS_FROM), Date.parse(SAVERIS_UNTIL));
		expect(expected.length).toBeGreaterThan(0);
		for (const row of expected) expect(answer).toContain(String(row.uuid));
		expect(sims.saveris.violations).toEqual([]);
	});

	test('Xavier: the clients at or under the health score the model gave, and no others', async () => {
		const { answer, requests } = await ask('xavier');
		checkConversation(requests, ['xavier']);
		const clients = sims.xavier.state.clients();
		const low = clients.filter((c) => (c.healthScore ?? 101) <= 60);
		const high = clients.filter((c) => (c.healthScore ?? 0) > 60);
		expect(low.length).toBeGreaterThan(0);
		expect(high.length).toBeGreaterThan(0);
		for (const c of low) expect(answer).toContain(`"id":"${c.id}"`);
		for (const c of high) expect(answer).not.toContain(`"id":"${c.id}"`);
		expect(sims.xavier.violations).toEqual([]);
	});

	test('XtraKit: the sale with the invoice code the model gave', async () => {
		const sale = sims.xtrakit.state.listSales()[0];
		const { answer, requests } = await ask('xtrakit');
		checkConversation(requests, ['xtrakit']);
		expect(answer).toContain(`"invoice_code":${sale.invoice_code}`);
		expect(answer).toContain(String(sale.total_amount));
		expect(sims.xtrakit.log.some((e) => e.method === 'GET' && JSON.stringify(e).includes(String(sale.invoice_code)))).toBe(true);
		expect(sims.xtrakit.violations).toEqual([]);
	});

	test('XtraKit: an invoice code that does not exist comes back to the model as the node’s clear message', async () => {
		// The example's tools continue on error (On Error: Continue): the item n8n hands the model is the
		// node's Continue On Fail item, its message naming the code; without it the whole run stops there.
		const { requests, answer, run } = await ask('xtrakitMissing');
		const [toolResult] = checkConversation(requests, ['xtrakit']);
		expect(JSON.parse(toolResult)).toEqual([
			{
				error: `Sale not found: no sale with invoice code "${MISSING_SALE}" (HTTP 404)`,
				description: 'XtraKit answered HTTP 404. Message: Sale not found',
				httpCode: '404',
			},
		]);
		expect(answer).toContain(toolResult);
		expect(run.runData[TOOLS.xtrakit.node]).toBeDefined();
	});
}
