/**
 * The README's first command, `npm run demo`, as a newcomer runs it: the script starts the
 * simulators and a real n8n 1.x with the package installed from its tarball, prints the editor URL
 * and a login, and the example workflows it imported run in that n8n. Run with `--no-build`
 * (`npm test` has just built) in a temp user folder, simulators on ports the OS picks, and without
 * npm's inherited configuration (as from a user's shell).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT, ensureN8n, fetchFresh, freePort, waitFor } from '../harness/n8n';

jest.setTimeout(10 * 60_000);

interface Printed {
	url: string;
	email: string;
	password: string;
}

function startDemo(folder: string, port: number): { child: ChildProcess; printed: Promise<Printed>; output: () => string } {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'NODE_ENV') env[key] = value;
	for (const name of ['XAVIER', 'XTRAKIT', 'CLINIKO', 'CLIENTXCMS', 'SAVERIS', 'OPENAI']) env[`${name}_SIM_PORT`] = '0';
	const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'demo.js'), '--no-build', `--port=${port}`, `--folder=${folder}`], {
		cwd: REPO_ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	const printed = new Promise<Printed>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			out += chunk.toString('utf8');
			const url = /Editor:\s+(http:\/\/\S+)/.exec(out)?.[1];
			const email = /E-mail:\s+(\S+)/.exec(out)?.[1];
			const password = /Password:\s+(\S+)/.exec(out)?.[1];
			if (url && email && password && out.includes('Ctrl-C stops')) resolve({ url, email, password });
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('exit', (code) => reject(new Error(`demo exited (${code}) before printing the editor URL:\n${out.slice(-4000)}`)));
	});
	return { child, printed, output: () => out };
}

describe('npm run demo', () => {
	let demo: ReturnType<typeof startDemo> | undefined;
	let folder: string;

	beforeAll(async () => {
		await ensureN8n('n8n1');
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-test-'));
	}, 30 * 60_000);

	afterAll(async () => {
		if (demo && demo.child.exitCode === null) {
			const exited = new Promise((r) => demo?.child.once('exit', r));
			demo.child.kill('SIGINT');
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 20_000)))]);
			clearTimeout(timer);
			if (demo.child.exitCode === null) demo.child.kill('SIGKILL');
		}
		fs.rmSync(folder, { recursive: true, force: true });
	}, 60_000);

	test('prints the editor URL and a login, and the example workflows run in that n8n', async () => {
		demo = startDemo(folder, await freePort());
		const { url, email, password } = await demo.printed;

		const login = await fetchFresh(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		expect(login.status).toBe(200);
		const cookie = /n8n-auth=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
		const rest = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
			const res = await fetchFresh(`${url}/rest${route}`, {
				method,
				headers: { cookie, 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const json = (await res.json()) as { data?: T };
			if (res.status >= 400) throw new Error(`${method} ${route} → ${res.status}: ${JSON.stringify(json).slice(0, 500)}`);
			return json.data as T;
		};

		const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.json'));
		const listed = await rest<Array<{ id: string; name: string }>>('GET', '/workflows');
		for (const file of examples) {
			const { name } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as { name: string };
			expect(listed.map((w) => w.name)).toContain(name);
		}

		// Every example that starts from a manual trigger runs to success against the simulators (the
		// trigger examples are imported inactive; the real-n8n provider tests activate them). The AI Agent
		// example is run below, with the demo's stand-in chat model.
		let ran = 0;
		for (const { id } of listed) {
			const workflow = await rest<{ name: string; nodes: Array<{ name: string; type: string }> }>('GET', `/workflows/${id}`);
			const manual = workflow.nodes.find((n) => /manualTrigger$/i.test(n.type));
			if (!manual) continue;
			const started = await rest<{ executionId: string }>('POST', `/workflows/${id}/run`, {
				workflowData: workflow,
				triggerToStartFrom: { name: manual.name },
			});
			let status = '';
			await waitFor(
				async () => {
					status = (await rest<{ status: string }>('GET', `/executions/${started.executionId}`)).status;
					return ['success', 'error', 'crashed', 'canceled'].includes(status);
				},
				120_000,
				200,
				() => `example "${workflow.name}" still ${status}`,
			);
			expect(`${workflow.name}: ${status}`).toBe(`${workflow.name}: success`);
			ran++;
		}
		expect(ran).toBeGreaterThanOrEqual(3);

		// The AI Agent example, as a chat message in the editor runs it (the message pinned on the Chat
		// Trigger), against the demo's stand-in model: it calls the tool whose name shares words with the
		// question, and answers with what the tool returned (a simulator patient named Ahmed).
		const agentId = listed.find((w) => w.name.startsWith('AI Agent'))?.id;
		expect(agentId).toBeDefined();
		const agent = await rest<{ name: string; nodes: Array<{ name: string; type: string }> }>('GET', `/workflows/${agentId}`);
		const chat = agent.nodes.find((n) => /chatTrigger$/i.test(n.type));
		expect(chat).toBeDefined();
		const message = { sessionId: 'demo-test', action: 'sendMessage', chatInput: 'Find Cliniko patients named Ahmed' };
		const asked = await rest<{ executionId: string }>('POST', `/workflows/${agentId}/run`, {
			workflowData: { ...agent, pinData: { [chat!.name]: [{ json: message }] } },
			triggerToStartFrom: { name: chat!.name },
		});
		let chatRun: { status: string; data?: unknown } = { status: '' };
		await waitFor(
			async () => {
				chatRun = await rest<{ status: string; data?: unknown }>('GET', `/executions/${asked.executionId}`);
				return ['success', 'error', 'crashed', 'canceled'].includes(chatRun.status);
			},
			120_000,
			200,
			() => `the AI Agent example still ${chatRun.status}`,
		);
		expect(chatRun.status).toBe('success');
		const data = JSON.stringify(chatRun.data);
		expect(data).toContain('Find Cliniko patients returned');
		expect(data).toContain('Ahmed');

		// A webhook example, activated as a user would, answers on its production URL from the
		// simulator; a schedule example activates (its hourly tick is test/n8n/usage.test.ts's business).
		const byName = (name: string) => listed.find((w) => w.name === name)?.id;
		const activate = async (id: string) => {
			const { versionId } = await rest<{ versionId: string }>('GET', `/workflows/${id}`);
			await rest('POST', `/workflows/${id}/activate`, { versionId });
		};
		const hook = byName(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'cliniko-webhook-new-patient.json'), 'utf8')).name);
		const schedule = byName(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'xavier-schedule-health-check.json'), 'utf8')).name);
		expect([hook, schedule]).toEqual([expect.any(String), expect.any(String)]);
		await activate(hook!);
		await activate(schedule!);
		const answer = await fetchFresh(`${url}/webhook/cliniko-new-patient`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ first_name: 'Demo', last_name: 'Webform', email: 'demo.webform@example.com' }),
		});
		expect(answer.status).toBe(201);
		expect((await answer.json()) as { patientId?: string }).toEqual({ patientId: expect.stringMatching(/^\d+$/) });
		for (const id of [hook!, schedule!]) await rest('POST', `/workflows/${id}/deactivate`);
	});
});
