/**
 * The demo's stand-in for a chat model (`npm run demo`): the scripted OpenAI-compatible server of
 * chatModel.ts with a script that is no AI at all — it picks the offered tool whose name and description
 * share the most words with the question, fills each of the tool's parameters from the question (an
 * e-mail, a number, ISO dates, a capitalised name) and, once the tool answered, replies with what it
 * returned. Enough to see the AI Agent example call our nodes against the simulators without an
 * OpenAI account; a real model replaces it by editing the "OpenAI account" credential.
 */
import { startScriptedChatModel, type ChatTool, type Script, type ScriptedChatModel } from './chatModel';

/** The key the demo's model accepts and the demo's "OpenAI account" credential holds (not a secret: loopback only). */
export const DEMO_MODEL_KEY = 'sk-demo-model-loopback-only';

/** Lower-case words of a text (underscores and punctuation split words). */
const words = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);

/** Whether two words are the same word, give or take an ending ("patient" and "patients"). */
const sameWord = (a: string, b: string): boolean => a === b || (a.length > 3 && b.length > 3 && (a.startsWith(b) || b.startsWith(a)));

/** How many of the question's words a tool's name and description hold. */
function score(question: string[], tool: ChatTool): number {
	const own = words(`${tool.function.name} ${tool.function.description ?? ''}`);
	return question.filter((q) => own.some((w) => sameWord(q, w))).length;
}

/** A value for one tool parameter, taken from the question by the parameter's name and type. */
function valueFor(key: string, type: string | undefined, question: string, dateIndex: { next: number }): unknown {
	const name = key.toLowerCase();
	const email = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i.exec(question)?.[0];
	if (name.includes('mail') && email) return email;
	const dates = question.match(/\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?/g) ?? [];
	if (/(date|from|until|start|end|since|before|after)/.test(name) && dates.length > 0) return dates[Math.min(dateIndex.next++, dates.length - 1)];
	const numbers = (question.replace(/\d{4}-\d{2}-\d{2}\S*/g, ' ').match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
	if ((type === 'number' || type === 'integer') && numbers.length > 0) return numbers[0];
	if (/(code|id|number)$/.test(name) && numbers.length > 0) return String(numbers[0]);
	if (name.includes('name')) {
		const capitalised = question.match(/\b[A-Z][a-z'-]+\b/g)?.filter((w, i) => i > 0 || !/^(Find|Who|What|Which|Show|List|Get)$/.test(w));
		if (capitalised && capitalised.length > 0) return capitalised[capitalised.length - 1];
	}
	return question;
}

/** The demo model's script: the best-matching tool with arguments from the question, then its result. */
export const keywordScript: Script = (question, results, tools) => {
	if (results.length > 0) return { answer: results.map((r) => `${r.tool.replace(/_/g, ' ')} returned:\n${r.content}`).join('\n\n') };
	const asked = words(question);
	const ranked = tools.map((tool) => ({ tool, score: score(asked, tool) })).sort((a, b) => b.score - a.score);
	if (ranked.length === 0 || ranked[0].score === 0) {
		const offered = tools.map((t) => `- ${t.function.description ?? t.function.name}`).join('\n');
		return { answer: `I am the demo's stand-in model: I call a tool whose name shares words with your question.${offered ? ` I can:\n${offered}` : ''}` };
	}
	const tool = ranked[0].tool;
	const dateIndex = { next: 0 };
	const args = Object.fromEntries(
		Object.entries(tool.function.parameters?.properties ?? {}).map(([key, p]) => [key, valueFor(key, p.type, question, dateIndex)]),
	);
	return { tool: tool.function.name, args };
};

/** The demo's model on `port` (0: any), answering with keywordScript. */
export const startDemoChatModel = (port = 0): Promise<ScriptedChatModel> => startScriptedChatModel(keywordScript, { port, apiKey: DEMO_MODEL_KEY });
