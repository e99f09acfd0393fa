/**
 * A node's list searches and option loaders are stubs whose code loads on the first call
 * (nodes/shared/deferred.ts, issue 17: cold load). n8n looks a method up by its name on `node.methods`,
 * so each node's names must be exactly its methods module's; a call must reach the real method with
 * n8n's `this` and arguments, and a method's error must reach n8n as the method threw it.
 */
import type { ILoadOptionsFunctions, INodeType } from 'n8n-workflow';

import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import * as clientXcmsMethods from '../../nodes/ClientXcms/methods';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import * as clinikoMethods from '../../nodes/Cliniko/methods';
import { Xavier } from '../../nodes/Xavier/Xavier.node';
import { XavierTrigger } from '../../nodes/Xavier/XavierTrigger.node';
import * as xavierMethods from '../../nodes/Xavier/methods';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import * as xtraKitMethods from '../../nodes/XtraKit/methods';
import { deferred } from '../../nodes/shared/deferred';

type Methods = { listSearch?: object; loadOptions?: object };
const nodes: Array<[string, INodeType, Methods]> = [
	['Cliniko', new Cliniko(), clinikoMethods],
	['CLIENTXCMS', new ClientXcms(), clientXcmsMethods],
	['Xavier', new Xavier(), xavierMethods],
	['Xavier Trigger', new XavierTrigger(), { loadOptions: xavierMethods.loadOptions }],
	['XtraKit', new XtraKit(), xtraKitMethods],
];

describe.each(nodes)('%s', (_name, node, methods) => {
	test.each(['listSearch', 'loadOptions'] as const)('its %s names are the methods module’s', (kind) => {
		expect(Object.keys(node.methods?.[kind] ?? {}).sort()).toEqual(Object.keys(methods[kind] ?? {}).sort());
	});
});

test("a stub runs the real method with n8n's this and arguments", async () => {
	const ctx = { getCurrentNodeParameter: (name: string) => (name === 'resource' ? 'patient' : 'getAll') } as unknown as ILoadOptionsFunctions;
	const viaStub = await new Cliniko().methods.loadOptions.getFilterFields.call(ctx);
	expect(viaStub.length).toBeGreaterThan(0);
	expect(viaStub).toEqual(await clinikoMethods.loadOptions.getFilterFields.call(ctx));
});

test('a stub passes the arguments and the error of the method on, and loads its module only when called', async () => {
	let loads = 0;
	const module = {
		async echo(this: { prefix: string }, a: string, b: number) {
			return `${this.prefix}${a}${b}`;
		},
		async fail() {
			throw new RangeError('from the method');
		},
	};
	const stubs = deferred(async () => {
		loads++;
		return module;
	}, ['echo', 'fail']);
	expect(loads).toBe(0);
	await expect(stubs.echo.call({ prefix: '>' }, 'a', 1)).resolves.toBe('>a1');
	await expect(stubs.fail()).rejects.toThrow(new RangeError('from the method'));
	expect(loads).toBe(2);
});
