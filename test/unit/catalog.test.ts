import * as fs from 'fs';
import * as path from 'path';

import { catalog as clientxcms } from '../../nodes/ClientXcms/catalog';
import { clientXcmsOperations } from '../../nodes/ClientXcms/resources';
import { catalog as cliniko } from '../../nodes/Cliniko/catalog';
import { specOperations } from '../../nodes/Cliniko/generated/spec';
import { catalog as saveris } from '../../nodes/Saveris/catalog';
import { catalog as xavier } from '../../nodes/Xavier/catalog';
import { catalog as xtrakit } from '../../nodes/XtraKit/catalog';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { normalise, markdown, docWithTable, docOf } = require('../../scripts/catalog.js');

const root = path.join(__dirname, '..', '..');
// In the order `npm run catalog` lists them: the nodes/ folders alphabetically.
const catalogs = [clientxcms, cliniko, saveris, xavier, xtrakit];

describe('catalogue', () => {
	it('lists every current Cliniko operation with its method and path exactly as in the spec', () => {
		const c = normalise(catalogs).find((p: { provider: string }) => p.provider === 'Cliniko');
		expect(c.provider).toBe('Cliniko');
		const node = c.nodes.find((n: { node: string }) => n.node === 'cliniko');
		expect(node.displayName).toBe('Cliniko');
		expect(node.operations).toHaveLength(184);
		const listed = node.operations.map((o: { method: string; path: string }) => `${o.method} ${o.path}`).sort();
		expect(listed).toEqual(specOperations.map((o) => `${o.method} ${o.path}`).sort());
		expect(node.operations).toContainEqual({ resource: 'patient', operation: 'archive', name: 'Archive', method: 'POST', path: '/patients/{id}/archive' });
		expect(node.operations).toContainEqual({
			resource: 'individualAppointment',
			operation: 'cancel',
			name: 'Cancel',
			method: 'PATCH',
			path: '/individual_appointments/{id}/cancel',
		});
	});

	it('lists every operation with its method and a documented path', () => {
		const x = normalise(catalogs).find((p: { provider: string }) => p.provider === 'Xavier Analytics (Dext Precision)');
		expect(x.nodes[0].operations).toEqual([
			{ resource: 'client', operation: 'getAll', name: 'Get Many', method: 'GET', path: '/clients' },
			{ resource: 'client', operation: 'get', name: 'Get', method: 'GET', path: '/clients/{clientId}' },
			{ resource: 'client', operation: 'getActivityStats', name: 'Get Activity Stats', method: 'GET', path: '/clients/{clientId}/activity-stats' },
		]);
		expect(x.nodes[1].events.map((e: { event: string }) => e.event)).toEqual(['newClient', 'healthScoreDropped', 'alertLevelChanged']);
	});

	it('lists every XtraKit operation with its documented method and path, and the Custom API Call per method', () => {
		const k = normalise(catalogs).find((p: { provider: string }) => p.provider === 'XtraKit');
		const rows = k.nodes[0].operations.map((o: { resource: string; operation: string; method: string; path: string }) => `${o.resource}.${o.operation} ${o.method} ${o.path}`);
		expect(rows).toEqual([
			'customer.getAll GET /customers',
			'customer.get GET /customers/{customerId}',
			'customer.create POST /customers/add',
			'customer.update PUT /customers/{customerId}',
			'customerGroup.getAll GET /customer-groups',
			'customerGroup.get GET /customer-groups/{groupId}',
			'customerGroup.create POST /customer-groups/add',
			'customerGroup.update PUT /customer-groups/{groupId}',
			'sale.getAll GET /sales',
			'sale.get GET /sales/{invoiceCode}',
			'sale.create POST /sales/add',
			'sale.update PUT /sales/edit/{invoiceCode}',
			'item.getAll GET /inventory/items',
			'item.get GET /inventory/items/{itemCode}',
			'item.create POST /inventory/items/add',
			'item.update PUT /inventory/items/{itemCode}',
			'itemCategory.getAll GET /inventory/categories',
			'expense.get GET /expenses/{expenseId}',
			'expense.create POST /expenses/add',
			'expense.update PUT /expenses/{expenseId}',
			'customApiCall.call DELETE {path}',
			'customApiCall.call GET {path}',
			'customApiCall.call POST {path}',
			'customApiCall.call PUT {path}',
		]);
		expect(k.nodes[1].events.map((e: { event: string; path: string }) => `${e.event} ${e.path}`)).toEqual([
			'newCustomer /customers',
			'updatedCustomer /customers',
			'newSale /sales',
			'updatedSale /sales',
			'newItem /inventory/items',
			'updatedItem /inventory/items',
		]);
	});

	it('lists the four export operations of each current Saveris resource and the legacy sync calls', () => {
		const s = normalise(catalogs).find((p: { provider: string }) => p.provider === 'testo Saveris');
		const ops = s.nodes[0].operations as Array<{ resource: string; operation: string; method: string; path: string }>;
		const paths = [...new Set(ops.filter((o) => o.operation === 'startExport').map((o) => o.path))];
		expect(paths).toEqual([
			'/v2/measurements',
			'/v3/alarms',
			'/v3/tasks',
			'/v4/equipments',
			'/v3/tenants',
			'/v4/devices/status',
			'/v4/sensors/status',
			'/v3/devices/properties',
			'/v1/locations',
			'/v1/measuring-objects',
		]);
		expect(ops.filter((o) => o.resource !== 'legacy')).toHaveLength(40);
		expect(ops).toContainEqual({ resource: 'alarm', operation: 'getExportResults', name: 'Get Export Results', method: 'GET', path: '/v3/alarms/{request_uuid}' });
		expect(ops.filter((o) => o.resource === 'legacy').map((o) => `${o.method} ${o.path}`)).toEqual([
			'GET /v1/devices/properties',
			'GET /v2/devices/status-sync',
			'GET /v2/equipments-sync',
			'GET /v2/sensors/status-sync',
			'GET /v3/tenants-sync',
		]);
		expect(s.nodes[1].events.map((e: { event: string }) => e.event)).toEqual(['newRecords', 'exportFinished']);
	});

	it('lists all 82 CLIENTXCMS application routes with method and path', () => {
		const x = normalise(catalogs).find((p: { provider: string }) => p.provider === 'CLIENTXCMS');
		const ops = x.nodes[0].operations as Array<{ resource: string; operation: string; method: string; path: string }>;
		expect(ops).toHaveLength(82);
		expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(clientXcmsOperations.map((r) => `${r.method} ${r.path}`));
		expect(ops).toContainEqual({ resource: 'customer', operation: 'update', name: 'Update', method: 'POST', path: '/customers/{id}' });
		expect(ops).toContainEqual({ resource: 'service', operation: 'suspend', name: 'Suspend', method: 'POST', path: '/services/{id}/suspend' });
		expect(ops).toContainEqual({ resource: 'product', operation: 'updateConfig', name: 'Update Config', method: 'PUT', path: '/products/{id}/config' });
	});

	// The tables live in each provider's page (docs/<provider>.md, also that provider package's README),
	// not in the README, which has to fit npm's 64 KB README limit.
	const providers: Array<[string, { provider: string }]> = normalise(catalogs).map((p: { provider: string }) => [p.provider, p]);
	it.each(providers)(
		"matches %s's operations table in its docs page (run `npm run catalog -- --update-docs`)",
		(_name: string, provider: { provider: string }) => {
			const doc = fs.readFileSync(path.join(root, docOf(provider)), 'utf8');
			expect(docWithTable(doc, markdown([provider]))).toBe(doc);
			expect(doc).toContain('| Method | Path |\n|---|');
		},
	);

	it('keeps no operations table in the README', () => {
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		expect(readme).not.toContain('<!-- catalog:start');
	});

	it('refuses a document without catalog markers', () => {
		expect(() => docWithTable('# no markers', '| table |', 'docs/x.md')).toThrow('docs/x.md has no catalog markers');
	});

	it('registers every node and credential of the catalogue in package.json', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
		for (const provider of normalise(catalogs)) {
			for (const node of provider.nodes) {
				const file = node.node.charAt(0).toUpperCase() + node.node.slice(1);
				expect(pkg.n8n.nodes.some((p: string) => p.endsWith(`/${file}.node.js`))).toBe(true);
			}
		}
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies)).toEqual(['n8n-workflow']);
	});
});
