import { Workflow } from 'n8n-workflow';
import type { INodeType, INodeTypes } from 'n8n-workflow';

import { ClinikoApi } from '../../../credentials/ClinikoApi.credentials';
import { clinikoBaseUrl } from '../../../nodes/Cliniko/provider';
import { testNode } from '../../helpers/node';

// The credential's test request computes the base URL with an n8n expression; it must agree with
// the node's clinikoBaseUrl(). Evaluated here with n8n-workflow's own expression engine.
const noOp: INodeType = {
	description: {
		displayName: 'No Op',
		name: 'noOp',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'No Op' },
		inputs: [],
		outputs: [],
		properties: [],
	},
};
const nodeTypes: INodeTypes = {
	getByName: () => noOp,
	getByNameAndVersion: () => noOp,
	getKnownTypes: () => ({}),
};
const node = testNode('No Op', 'noOp');
const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

function testBaseUrl(credentials: Record<string, string>): string {
	const expression = new ClinikoApi().test.request.baseURL as string;
	return String(workflow.expression.getSimpleParameterValue(node, expression, 'internal', { $credentials: credentials } as never, undefined, ''));
}

describe('Cliniko credential', () => {
	it('tests against the shard the key names, like the node', () => {
		const cases: Array<Record<string, string>> = [
			{ apiKey: 'MxJrZXkiOiI1Njd1amJmZTQ1NyJ9-au2' },
			{ apiKey: 'abc-UK1' },
			{ apiKey: ' key-eu1 ' },
			{ apiKey: 'MTIzNDU2Nzg5MGFiY2RlZg==' },
			{ apiKey: 'k', baseUrl: '' },
			{ apiKey: 'k-uk2', baseUrl: 'http://127.0.0.1:4102/v1/' },
		];
		for (const credentials of cases) {
			const expected = clinikoBaseUrl(credentials);
			expect({ credentials, url: testBaseUrl(credentials) }).toEqual({ credentials, url: expected });
		}
		expect(testBaseUrl({ apiKey: 'k-ca1' })).toBe('https://api.ca1.cliniko.com/v1');
	});

	it('authenticates with Basic (key, empty password) and sends the User-Agent and Accept headers', async () => {
		const credential = new ClinikoApi();
		const signed = await credential.authenticate(
			{ apiKey: ' key-au1\n', appName: 'Clinic Sync ', contactEmail: ' ops@example.com' },
			{ url: '/patients', headers: { 'X-Other': '1' } },
		);
		expect(signed).toEqual({
			url: '/patients',
			auth: { username: 'key-au1', password: '' },
			headers: { 'X-Other': '1', 'User-Agent': 'Clinic Sync (ops@example.com)', Accept: 'application/json' },
		});
		expect(credential.test.request.url).toBe('/user');
		const apiKey = credential.properties.find((p) => p.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		expect(credential.properties.find((p) => p.name === 'baseUrl')?.default).toBe('');
	});
});
