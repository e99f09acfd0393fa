// Issue 12, point 13: Saveris result files are server data. A gzip bomb (a few KB that unpack to
// millions of rows) or one endless field must end in a clear error naming the limit, never in an
// n8n process out of memory. The simulator's `hostileResult` switch serves those files.
import type { IDataObject } from 'n8n-workflow';

import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { resetTokenCache } from '../../nodes/Saveris/transport/session';
import { Saveris } from '../../nodes/Saveris/Saveris.node';
import { startSaverisSimulator } from '../simulators/saveris';
import type { SaverisSimulator } from '../simulators/saveris';
import { runNode } from './harness';
import { useSimulator } from '../helpers/simulator';

let sim: SaverisSimulator;
const run = (parameters: IDataObject) =>
	runNode({
		nodeType: Saveris,
		parameters: { waitOptions: { intervalSeconds: 0.01, timeoutMinutes: 1 }, resource: 'equipment', operation: 'exportAndWait', ...parameters } as never,
		credentials: { saverisApi: { ...sim.credentials } },
		credentialTypes: [SaverisApi],
	});

useSimulator(() => startSaverisSimulator(), (s) => (sim = s), () => resetTokenCache());

describe('Saveris result limits', () => {
	it('a gzip bomb of millions of rows stops at Max Rows with a clear error', async () => {
		sim.settings.hostileResult = 'gzipBomb';
		const { items, error } = await run({ resultOptions: { maxRows: 1000 } });
		expect(items).toEqual([]);
		expect(error?.className).toBe('NodeOperationError');
		expect(error?.message).toBe('The Saveris result files hold more than 1,000 rows (Max Rows)');
		expect(error?.description).toContain('Binary Files');
	}, 60_000);

	it('one endless field stops at Max Result Size, counted after decompression', async () => {
		sim.settings.hostileResult = 'giantField';
		const { items, error } = await run({ resultOptions: { maxMegabytes: 8 } });
		expect(items).toEqual([]);
		expect(error?.message).toBe('The Saveris result files hold more than 8 MB of data (Max Result Size)');
		expect(error?.description).toContain('after decompression');
	}, 60_000);

	it('the limits are options checked before any export is submitted', async () => {
		for (const [options, message] of [
			[{ maxRows: '={{ "many" }}' }, /^Max Rows must be a whole number from 1 to 100000000, got "many"/],
			[{ maxRows: 0 }, /^Max Rows must be a whole number from 1 to/],
			[{ maxMegabytes: '={{ $json.size }}' }, /^Max Result Size \(MB\) must be a whole number from 1 to 100000, got nothing/],
		] as const) {
			const { error } = await run({ resultOptions: options });
			expect(error?.message).toMatch(message);
		}
		expect(sim.log.filter((e) => e.method === 'POST' && e.path !== '/v1/token')).toEqual([]);
	});

	it('an ordinary export is untouched by the default limits', async () => {
		const { items, error } = await run({});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
	});
});

describe('Saveris result links', () => {
	it('a status listing thousands of result files is an error before any download', async () => {
		const uuid = '1f0c5a0e-8d3b-4a53-9a52-3c1e2f6b7d90';
		// A damaged or hostile status answer: every link is a download the node would make.
		const data_urls = Array.from({ length: 5000 }, (_, i) => `${sim.url}/storage/${uuid}/part-${i}.csv`);
		sim.faults.add({ kind: 'status', method: 'GET', path: `^/v4/equipments/${uuid}$`, status: 200, times: 'always', body: { status: 'Completed', data_urls } });
		const { error } = await run({ operation: 'getExportResults', requestUuid: uuid });
		sim.faults.clear();
		expect(error?.message).toBe(`Saveris listed 5000 result files for the export ${uuid}; at most 1000 are read`);
		expect(sim.log.filter((e) => e.path.startsWith('/storage/'))).toEqual([]);
	});
});
