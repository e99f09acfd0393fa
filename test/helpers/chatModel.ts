/**
 * A scripted OpenAI-compatible chat model on 127.0.0.1 (a port the OS picks), for n8n's AI Agent with
 * the OpenAI Chat Model node pointed at it (the `openAiApi` credential's Base URL, `<url>/v1`).
 *
 * The shape is the one n8n's OpenAI Chat Model node sends and reads, through LangChain's ChatOpenAI and
 * the `openai` SDK (n8n 1.123.81 and 2.41.1, node versions up to 1.2; 1.3 uses the Responses API unless
 * its "Use Responses API" is off): `POST /v1/chat/completions` with `{ model, messages, tools, stream }`,
 * the tools as `{ type: 'function', function: { name, description, parameters } }` (JSON Schema); the
 * answer a `chat.completion` whose message carries either `tool_calls` (finish_reason `tool_calls`) or
 * the final `content` (finish_reason `stop`) (OpenAI API reference, "Create chat completion"). n8n
 * sends `stream: true` only when the trigger streams its answer; that is refused here (see below).
 * `GET /v1/models` lists the scripted model, for the node's model picker in the editor.
 *
 * The script is what a model would do: for a question it knows, first call a tool with arguments, then,
 * once the tool's result is in the conversation, answer quoting that result. Every request is kept, so
 * a test can check what the model was shown (tool names, descriptions, parameter descriptions).
 */
import { TEST_SECRETS } from './secrets';
import { startTestServer, sendJson, type TestServer } from './testServer';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: { type: string; properties?: Record<string, { type?: string; description?: string }>; required?: string[] } };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	[key: string]: unknown;
}

/** One step of a scripted conversation: a tool call, or the final answer. */
export type ScriptStep = { tool: string; args: Record<string, unknown> } | { answer: string };

/**
 * What the model does next for a question, given the tool results so far (oldest first, as the text the
 * agent put in the conversation). Return undefined for "I do not know this question".
 */
export type Script = (question: string, toolResults: Array<{ tool: string; content: string }>, tools: ChatTool[]) => ScriptStep | undefined;

export interface ScriptedChatModel {
	/** `http://127.0.0.1:<port>/v1`: the credential's Base URL. */
	baseUrl: string;
	/** Every chat completion request received, parsed. */
	requests: ChatRequest[];
	/** Every HTTP request (method, url, headers, body). */
	server: TestServer;
	close(): Promise<void>;
}

export const SCRIPTED_MODEL = 'scripted-tool-caller';
/** The key the server accepts (`Authorization: Bearer <key>`, as OpenAI's API takes it); the credential's API Key. */
export const SCRIPTED_MODEL_KEY: string = TEST_SECRETS.openAiApiKey;

const text = (content: ChatMessage['content']): string =>
	typeof content === 'string' ? content : Array.isArray(content) ? content.map((c) => c.text ?? '').join('') : '';

export async function startScriptedChatModel(script: Script, options: { port?: number; apiKey?: string } = {}): Promise<ScriptedChatModel> {
	const apiKey = options.apiKey ?? SCRIPTED_MODEL_KEY;
	const requests: ChatRequest[] = [];
	let calls = 0;
	const server = await startTestServer((req, res, body) => {
		const url = (req.url ?? '').split('?')[0];
		// OpenAI's answer to a missing or wrong key (API reference, "Error codes": 401 Invalid Authentication).
		if (req.headers.authorization !== `Bearer ${apiKey}`) {
			sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
			return;
		}
		if (req.method === 'GET' && url === '/v1/models') {
			sendJson(res, 200, { object: 'list', data: [{ id: SCRIPTED_MODEL, object: 'model', created: 0, owned_by: 'tests' }] });
			return;
		}
		if (req.method !== 'POST' || url !== '/v1/chat/completions') {
			sendJson(res, 404, { error: { message: `Unknown request to ${req.method} ${url}`, type: 'invalid_request_error' } });
			return;
		}
		let request: ChatRequest;
		try {
			request = JSON.parse(body) as ChatRequest;
		} catch {
			sendJson(res, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
			return;
		}
		requests.push(request);
		// n8n streams only when the trigger answers by streaming (a Chat Trigger in "Streaming" response
		// mode); the agents here are run without, so a streamed request is a change to look at, not to fake.
		if (request.stream) {
			sendJson(res, 400, { error: { message: 'This scripted model does not stream (stream: true).', type: 'invalid_request_error' } });
			return;
		}

		// The question is the last user message; the tool results are the tool messages after it.
		const messages = request.messages ?? [];
		const lastUser = messages.map((m) => m.role).lastIndexOf('user');
		const question = lastUser >= 0 ? text(messages[lastUser].content) : '';
		const toolNames = new Map<string, string>();
		for (const m of messages) for (const call of m.tool_calls ?? []) toolNames.set(call.id, call.function.name);
		const toolResults = messages
			.slice(lastUser + 1)
			.filter((m) => m.role === 'tool')
			.map((m) => ({ tool: toolNames.get(m.tool_call_id ?? '') ?? '', content: text(m.content) }));

		const step = script(question, toolResults, request.tools ?? []) ?? { answer: `I have no script for: ${question}` };
		const offered = (request.tools ?? []).map((t) => t.function.name);
		const reply: ChatMessage =
			'tool' in step && offered.includes(step.tool)
				? {
						role: 'assistant',
						content: null,
						tool_calls: [{ id: `call_${++calls}`, type: 'function', function: { name: step.tool, arguments: JSON.stringify(step.args) } }],
					}
				: {
						role: 'assistant',
						content: 'answer' in step ? step.answer : `The tool ${step.tool} was not offered; offered: ${offered.join(', ')}`,
					};
		const finish = reply.tool_calls ? 'tool_calls' : 'stop';
		const id = `chatcmpl-${requests.length}`;
		const created = Math.floor(Date.now() / 1000);
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

		sendJson(res, 200, {
			id,
			object: 'chat.completion',
			created,
			model: request.model,
			choices: [{ index: 0, message: reply, logprobs: null, finish_reason: finish }],
			usage,
		});
	}, options.port);
	return { baseUrl: `${server.url}/v1`, requests, server, close: () => server.close() };
}
