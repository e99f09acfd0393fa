/**
 * The demo's stand-in chat model (test/helpers/demoChatModel.ts): which tool it calls for a question and
 * the arguments it takes from it, as the AI Agent example in `npm run demo` offers its tools.
 */
import type { ChatTool } from '../helpers/chatModel';
import { keywordScript } from '../helpers/demoChatModel';

const tool = (name: string, description: string, properties: Record<string, { type: string; description: string }>): ChatTool => ({
	type: 'function',
	function: { name, description, parameters: { type: 'object', properties } },
});

const TOOLS = [
	tool('Find_Cliniko_patients', 'Get many patients in Cliniko', { last_name: { type: 'string', description: 'The last name of the patient' } }),
	tool('Find_CLIENTXCMS_customers', 'Get many customers in CLIENTXCMS', { email: { type: 'string', description: 'The e-mail address' } }),
	tool('Saveris_temperature_measurements', 'Export measurements and wait for the rows in testo Saveris', {
		from: { type: 'string', description: 'Start' },
		until: { type: 'string', description: 'End' },
	}),
	tool('Xavier_clients_by_health_score', 'Get many clients in Xavier Analytics', { max_health_score: { type: 'number', description: 'Highest score' } }),
	tool('Get_an_XtraKit_sale', 'Get a sale in XtraKit', { invoice_code: { type: 'string', description: 'The invoice code' } }),
];

test.each([
	['Find Cliniko patients named Ahmed', 'Find_Cliniko_patients', { last_name: 'Ahmed' }],
	['Who is the CLIENTXCMS customer ines.michel@example.fr?', 'Find_CLIENTXCMS_customers', { email: 'ines.michel@example.fr' }],
	[
		'Saveris measurements between 2024-06-01T10:00:00Z and 2024-06-01T11:00:00Z',
		'Saveris_temperature_measurements',
		{ from: '2024-06-01T10:00:00Z', until: '2024-06-01T11:00:00Z' },
	],
	['Which Xavier clients have a health score of 60 or less?', 'Xavier_clients_by_health_score', { max_health_score: 60 }],
	['What did XtraKit sale 100234 come to?', 'Get_an_XtraKit_sale', { invoice_code: '100234' }],
])('"%s" calls %s with the arguments in the question', (question, name, args) => {
	expect(keywordScript(question, [], TOOLS)).toEqual({ tool: name, args });
});

test('once the tool answered, the answer quotes what it returned', () => {
	const step = keywordScript('Find Cliniko patients named Ahmed', [{ tool: 'Find_Cliniko_patients', content: '[{"last_name":"Ahmed"}]' }], TOOLS);
	expect(step).toEqual({ answer: 'Find Cliniko patients returned:\n[{"last_name":"Ahmed"}]' });
});

test('a question that matches no tool gets what the model can do', () => {
	const step = keywordScript('Hello there', [], TOOLS) as { answer: string };
	expect(step.answer).toMatch(/stand-in model/);
	expect(step.answer).toContain('Get a sale in XtraKit');
});
