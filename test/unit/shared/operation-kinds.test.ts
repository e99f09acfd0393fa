// The executor's response kinds beyond JSON records, for any provider: a row whose answer is a file
// (OperationDef.response) and a row that sends the input item's files as multipart (OperationDef.attachments).
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { executeOperations } from '../../../nodes/shared/executor';
import type { OperationDef, ProviderConfig } from '../../../nodes/shared/types';

const provider: ProviderConfig = { displayName: 'Acme', credentialType: 'acmeApi', baseUrl: () => 'https://acme.example' };

const table: OperationDef[] = [
	{
		resource: 'report',
		operation: 'download',
		name: 'Download',
		action: 'Download a report',
		description: '',
		method: 'GET',
		path: '/reports/{id}/file',
		pathParams: [{ param: 'reportId', as: 'id' }],
		response: {
			kind: 'file',
			fallbackName: ({ pathValues }) => `report-${pathValues.id}.csv`,
			noFileMessage: ({ pathValues }) => `Acme sent no file for report ${pathValues.id}`,
			json: ({ pathValues }) => ({ reportId: pathValues.id }),
		},
	},
	{
		resource: 'note',
		operation: 'create',
		name: 'Create',
		action: 'Create a note',
		description: '',
		method: 'POST',
		path: '/notes',
		body: { fields: [{ param: 'text' }] },
		attachments: { param: 'files', field: 'file[]', max: 2 },
	},
];

interface Answer {
	headers?: Record<string, string>;
	body: unknown;
}

function run(params: IDataObject, answer: Answer, input: INodeExecutionData = { json: {} }, continueOnFail = true) {
	const sent: IDataObject[] = [];
	const ctx = {
		getNode: () => ({ name: 'Acme', type: 'acme', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({}),
		getInputData: () => [input],
		continueOnFail: () => continueOnFail,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => (name in params ? params[name] : fallback),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IDataObject) => {
				sent.push(options);
				return { statusCode: 200, headers: answer.headers ?? {}, body: answer.body };
			},
			prepareBinaryData: async (data: Buffer, fileName: string, mimeType: string): Promise<IBinaryData> => ({ data: data.toString('base64'), fileName, mimeType }),
			getBinaryDataBuffer: async (_itemIndex: number, name: string) => Buffer.from(`bytes of ${name}`),
		},
	};
	return { sent, output: executeOperations.call(ctx as never, provider, table) };
}

describe('file responses', () => {
	it('outputs the answer as binary data, named by Content-Disposition or the row', async () => {
		const named = run(
			{ resource: 'report', operation: 'download', reportId: '7', binaryPropertyName: 'report' },
			{ headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="march%20report.csv"' }, body: Buffer.from('a,b\n1,2\n') },
		);
		const [[item]] = await named.output;
		expect(item.json).toEqual({ reportId: '7', fileName: 'march report.csv', mimeType: 'text/csv', fileSize: 8 });
		expect(item.binary?.report).toMatchObject({ fileName: 'march report.csv', mimeType: 'text/csv' });
		expect(named.sent[0]).toMatchObject({ url: 'https://acme.example/reports/7/file', encoding: 'arraybuffer' });

		const unnamed = run({ resource: 'report', operation: 'download', reportId: '8' }, { headers: { 'content-type': 'text/csv' }, body: Buffer.from('x') });
		const [[fallback]] = await unnamed.output;
		expect(fallback.json.fileName).toBe('report-8.csv');
		expect(Object.keys(fallback.binary ?? {})).toEqual(['data']);
	});

	it.each([
		['an HTML page', { headers: { 'content-type': 'text/html' }, body: Buffer.from('<html>') }],
		['a JSON body', { headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') }],
		['nothing', { headers: { 'content-type': 'application/pdf' }, body: Buffer.alloc(0) }],
	])('fails the item with the row’s message when the answer is %s', async (_what, answer) => {
		const [[item]] = await run({ resource: 'report', operation: 'download', reportId: '9' }, answer).output;
		expect(item.json.error).toBe('Acme sent no file for report 9');
		expect(item.binary).toBeUndefined();
	});
});

describe('multipart attachments', () => {
	const withFiles: INodeExecutionData = {
		json: {},
		binary: {
			a: { data: '', mimeType: 'text/plain', fileName: 'a.txt' },
			b: { data: '', mimeType: 'image/png', fileName: 'b.png' },
			c: { data: '', mimeType: 'text/plain', fileName: 'c.txt' },
		},
	};

	it('sends the body as JSON when the item lists no files', async () => {
		const { sent, output } = run({ resource: 'note', operation: 'create', text: 'hello' }, { body: { id: 1 } }, withFiles);
		expect((await output)[0].map((i) => i.json)).toEqual([{ id: 1 }]);
		expect(sent[0].body).toEqual({ text: 'hello' });
	});

	it('sends the fields and the listed files as multipart form data', async () => {
		const { sent, output } = run({ resource: 'note', operation: 'create', text: 'hello', files: 'a, b' }, { body: { id: 2 } }, withFiles);
		expect((await output)[0].map((i) => i.json)).toEqual([{ id: 2 }]);
		const contentType = String((sent[0].headers as IDataObject)['Content-Type']);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
		const body = (sent[0].body as Buffer).toString();
		expect(body).toContain('name="text"\r\n\r\nhello\r\n');
		expect(body).toContain('name="file[]"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nbytes of a\r\n');
		expect(body).toContain('name="file[]"; filename="b.png"\r\nContent-Type: image/png\r\n\r\nbytes of b\r\n');
	});

	it('refuses more files than the row allows, and a name the item lacks, before sending', async () => {
		const tooMany = run({ resource: 'note', operation: 'create', text: 'x', files: 'a,b,c' }, { body: {} }, withFiles);
		expect((await tooMany.output)[0][0].json.error).toBe('Acme accepts at most 2 attachments per message');
		const missing = run({ resource: 'note', operation: 'create', text: 'x', files: 'a,zzz' }, { body: {} }, withFiles);
		expect((await missing.output)[0][0].json.error).toBe('The input item has no binary property "zzz" to attach');
		expect([...tooMany.sent, ...missing.sent]).toEqual([]);
	});
});
