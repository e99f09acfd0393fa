// Reads at Once (a credential field, XtraKit's): how many reads one node run keeps in flight, over
// the provider's `readConcurrency`; 0 or anything unreadable leaves the provider's number.
import type { INodeExecutionData } from 'n8n-workflow';

import { XtraKitApi } from '../../../credentials/XtraKitApi.credentials';
import { MAX_READS_AT_ONCE } from '../../../nodes/shared/credentialFields';
import { executeOperations } from '../../../nodes/shared/executor';
import { readsAtOnce } from '../../../nodes/shared/http';
import type { OperationDef, ProviderConfig } from '../../../nodes/shared/types';
import { xtraKit } from '../../../nodes/XtraKit/provider';
import { testNode } from '../../helpers/node';

const node = testNode('n', 't');
const provider: ProviderConfig = { displayName: 'Test', credentialType: 'testApi', baseUrl: () => 'http://127.0.0.1', readConcurrency: 4 };

function ctx(items: number, credentials: () => Promise<Record<string, unknown>>) {
	return {
		getInputData: () => Array.from({ length: items }, (_, i) => ({ json: { i } })),
		continueOnFail: () => false,
		getNode: () => node,
		getCredentials: credentials,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) => ({ resource: 'r', operation: 'get' })[name] ?? fallback,
	} as never;
}

async function maxInFlight(credentials: () => Promise<Record<string, unknown>>): Promise<number> {
	let inFlight = 0;
	let max = 0;
	const run = async (): Promise<INodeExecutionData[]> => {
		max = Math.max(max, ++inFlight);
		await new Promise((resolve) => setTimeout(resolve, 3));
		inFlight--;
		return [{ json: {} }];
	};
	const row: OperationDef = { resource: 'r', operation: 'get', name: 'Get', action: 'Get a thing', description: 'Get', method: 'GET', path: '/things', run };
	const [out] = await executeOperations.call(ctx(30, credentials), provider, [row]);
	expect(out).toHaveLength(30);
	return max;
}

describe('Reads at Once', () => {
	it("sets the reads in flight over the provider's number", async () => {
		expect(await maxInFlight(async () => ({ readsAtOnce: 2 }))).toBe(2);
		expect(await maxInFlight(async () => ({ readsAtOnce: 12 }))).toBe(12);
	});

	it("leaves the provider's number when 0, empty, not a number, or the credential cannot be read", async () => {
		expect(await maxInFlight(async () => ({ readsAtOnce: 0 }))).toBe(4);
		expect(await maxInFlight(async () => ({}))).toBe(4);
		expect(await maxInFlight(async () => ({ readsAtOnce: 'ten' }))).toBe(4);
		expect(await maxInFlight(async () => Promise.reject(new Error('no credential')))).toBe(4);
	});

	it('takes whole reads, at most the maximum', () => {
		expect(readsAtOnce({ readsAtOnce: 2.9 }, provider)).toBe(2);
		expect(readsAtOnce({ readsAtOnce: '16' }, provider)).toBe(16);
		expect(readsAtOnce({ readsAtOnce: 5000 }, provider)).toBe(MAX_READS_AT_ONCE);
		expect(readsAtOnce({ readsAtOnce: -3 }, provider)).toBe(4);
	});

	it("is offered by XtraKit's credential, whose default says the provider's number", () => {
		const field = new XtraKitApi().properties.find((p) => p.name === 'readsAtOnce');
		expect(field).toMatchObject({ type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: MAX_READS_AT_ONCE } });
		expect(field?.description).toContain(`0 means ${xtraKit.readConcurrency}.`);
	});
});
