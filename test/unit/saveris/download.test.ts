import { Readable } from 'node:stream';

import { readJob } from '../../../nodes/Saveris/transport/jobs';
import { exportResource } from '../../../nodes/Saveris/resources/definitions';
import { testNode } from '../../helpers/node';

const node = testNode('n', 't');

function fakeContext(statusCodes: number[]) {
	const requests: Array<Record<string, unknown>> = [];
	const stored: unknown[] = [];
	const ctx = {
		getNode: () => node,
		getCredentials: async () => ({}),
		helpers: {
			httpRequest: async (options: Record<string, unknown>) => {
				requests.push(options);
				const statusCode = statusCodes.shift() ?? 200;
				return { statusCode, body: Readable.from([Buffer.from('"uuid","measurement"\n'), Buffer.from('"a","1.5"\n')]) };
			},
			prepareBinaryData: async (data: unknown, fileName: string, mimeType: string) => {
				stored.push(data);
				return { data: '', fileName, mimeType };
			},
		},
	};
	return { ctx: ctx as never, requests, stored };
}

describe('result file downloads', () => {
	const resource = exportResource('measurement')!;
	const status = { status: 'Completed', data_urls: ['https://bucket.example/measurements/x.csv?X-Amz-Signature=s'] };

	it('hands the download stream itself to the binary data store (nothing buffered) and sends no auth', async () => {
		const { ctx, requests, stored } = fakeContext([200]);
		const result = await readJob(ctx, resource, 'job-1', status, { mode: 'binary', format: 'CSV' });
		expect(stored).toHaveLength(1);
		expect(stored[0]).toBeInstanceOf(Readable);
		expect(result.files[0].json).toMatchObject({ file_name: 'x.csv', request_uuid: 'job-1' });
		expect(requests[0]).toMatchObject({ encoding: 'stream', method: 'GET' });
		expect(requests[0].headers).toBeUndefined();
	});

	it('parses rows from the stream in items mode', async () => {
		const { ctx } = fakeContext([200]);
		const result = await readJob(ctx, resource, 'job-1', status, { mode: 'items', format: 'CSV' });
		expect(result.rows).toEqual([{ uuid: 'a', measurement: 1.5 }]);
	});

	it('refuses a plain-http link to another host', async () => {
		const { ctx, requests } = fakeContext([]);
		await expect(
			readJob(ctx, resource, 'job-1', { status: 'Completed', data_urls: ['http://bucket.example/x.csv'] }, { mode: 'items', format: 'CSV' }),
		).rejects.toThrow('Saveris returned a download link this node does not fetch');
		expect(requests).toHaveLength(0);
	});
});

describe('binary file type (issue 14, point 6)', () => {
	it("takes the file's own name before the File Format picked", () => {
		const { mimeTypeOf } = jest.requireActual('../../../nodes/Saveris/transport/jobs');
		expect(mimeTypeOf('abc_0.json', 'CSV')).toBe('application/x-ndjson');
		expect(mimeTypeOf('abc.csv', 'JSON')).toBe('text/csv');
		expect(mimeTypeOf('abc_0', 'JSON')).toBe('application/x-ndjson');
		expect(mimeTypeOf('abc_0.gz', 'CSV')).toBe('application/gzip');
	});
});
