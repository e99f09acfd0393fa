// A row whose HTTP method is a node parameter (`methodParam`, XtraKit's Any Endpoint › Call): the
// executor tells reads from writes by the method each item picked, so a DELETE runs alone and in
// item order while GETs overlap (ProviderConfig.readConcurrency).
import type { INodeExecutionData } from 'n8n-workflow';

import { executeOperations } from '../../../nodes/shared/executor';
import type { OperationDef, ProviderConfig } from '../../../nodes/shared/types';

const node = { name: 'n', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {}, id: '1' };

const provider: ProviderConfig = { displayName: 'Test', credentialType: 'testApi', baseUrl: () => 'http://127.0.0.1', readConcurrency: 4 };

function ctx(methods: string[]) {
	const parameters = (i: number): Record<string, unknown> => ({ resource: 'any', operation: 'call', method: methods[i] });
	return {
		getInputData: () => methods.map((_, i) => ({ json: { i } })),
		continueOnFail: () => false,
		getNode: () => node,
		getNodeParameter: (name: string, i: number, fallback?: unknown) => parameters(i)[name] ?? fallback,
	} as never;
}

describe('executor: a row whose method is a parameter', () => {
	it('runs the items that picked DELETE alone, and lets the GETs overlap', async () => {
		const methods = ['GET', 'GET', 'DELETE', 'GET', 'GET', 'delete', 'GET'];
		const inFlight = new Set<number>();
		const startedWith: number[][] = [];
		let maxInFlight = 0;
		const row: OperationDef = {
			resource: 'any',
			operation: 'call',
			name: 'Call',
			action: 'Call any endpoint',
			description: 'Any method',
			method: 'GET',
			methodParam: 'method',
			path: '{path}',
			run: async (opCtx): Promise<INodeExecutionData[]> => {
				const i = opCtx.itemIndex;
				startedWith[i] = [...inFlight];
				inFlight.add(i);
				maxInFlight = Math.max(maxInFlight, inFlight.size);
				await new Promise((resolve) => setTimeout(resolve, 5));
				inFlight.delete(i);
				return [{ json: { i } }];
			},
		};
		const [out] = await executeOperations.call(ctx(methods), provider, [row]);
		expect(out.map((o) => o.json.i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		for (const w of [2, 5]) {
			expect(startedWith[w]).toEqual([]);
			for (let i = 0; i < methods.length; i++) if (i !== w) expect(startedWith[i]).not.toContain(w);
		}
		expect(maxInFlight).toBeGreaterThan(1);
	});
});
