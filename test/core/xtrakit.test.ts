import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { catalog } from '../../nodes/XtraKit/catalog';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import { XtraKitTrigger } from '../../nodes/XtraKit/XtraKitTrigger.node';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import type { XtraKitSimulator } from '../simulators/xtrakit';
import { pairedIndexes } from '../helpers/items';
import { locator } from '../helpers/locator';
import { runListSearch, runLoadOptions, runNode, runPoll, testCredential } from './harness';

let sim: XtraKitSimulator;
const credentials = () => ({ xtraKitApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } });
const common = () => ({ credentials: credentials(), credentialTypes: [XtraKitApi] });

const run = (parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({ nodeType: XtraKit, parameters: parameters as never, ...common(), ...extra });

/** Requests the simulator received for a path (below /api/v1), in order. */
const calls = (path?: string) => sim.log.filter((e) => path === undefined || e.path === `/api/v1${path}`);

beforeAll(async () => {
	sim = await startXtraKitSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

// ---------------------------------------------------------------------------------------------
// Every catalogued operation once, against the simulator, with no contract violation.
// ---------------------------------------------------------------------------------------------

interface Case {
	parameters: IDataObject;
	check: (items: INodeExecutionData[]) => void;
}

const newCustomer = {
	customer_name: 'Kwaku Ananse',
	customer_phone: '+233541234567',
	customer_country: 'Ghana',
	customer_city: 'Kumasi',
	customer_state: 'Ashanti',
	address1: '12 Adum Road',
};

const cases: Record<string, Case> = {
	'customer.getAll.GET': {
		parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
		check: (items) => {
			expect(items).toHaveLength(24);
			expect(items[0].json).toMatchObject({ id: 1, customer_name: 'Jane Doe' });
		},
	},
	'customer.get.GET': {
		parameters: { resource: 'customer', operation: 'get', customerId: locator('1', 'list') },
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ id: 1, customer_name: 'Jane Doe', 'customer-group': [{ group_name: 'Premium Customers' }] });
		},
	},
	'customer.create.POST': {
		parameters: { resource: 'customer', operation: 'create', ...newCustomer, additionalFields: { customer_group_id: '2', customer_email: 'kwaku@example.com' } },
		check: (items) => {
			expect(items[0].json).toMatchObject({ id: 25, customer_name: 'Kwaku Ananse', customer_group_id: 2 });
			expect(calls('/customers/add')[0].body).toEqual({ ...newCustomer, customer_group_id: 2, customer_email: 'kwaku@example.com' });
		},
	},
	'customer.update.PUT': {
		parameters: { resource: 'customer', operation: 'update', customerId: locator('2'), updateFields: { customer_city: 'Ejisu' } },
		check: (items) => {
			const before = calls('/customers/2')[0];
			const put = calls('/customers/2')[1];
			expect([before.method, put.method]).toEqual(['GET', 'PUT']);
			expect(put.body).toMatchObject({ customer_city: 'Ejisu', customer_name: items[0].json.customer_name });
			expect(items[0].json).toMatchObject({ id: 2, customer_city: 'Ejisu' });
		},
	},
	'customerGroup.getAll.GET': {
		parameters: { resource: 'customerGroup', operation: 'getAll', returnAll: false, limit: 2 },
		check: (items) => expect(items.map((i) => i.json.group_name)).toEqual(['Premium Customers', 'Wholesale Buyers']),
	},
	'customerGroup.get.GET': {
		parameters: { resource: 'customerGroup', operation: 'get', groupId: locator('3') },
		check: (items) => expect(items[0].json).toMatchObject({ id: 3, group_name: 'Walk-in Customers' }),
	},
	'customerGroup.create.POST': {
		parameters: { resource: 'customerGroup', operation: 'create', group_name: 'Market Queens', additionalFields: { group_description: 'Makola traders' } },
		check: (items) => expect(items[0].json).toMatchObject({ id: 5, group_name: 'Market Queens', group_description: 'Makola traders' }),
	},
	'customerGroup.update.PUT': {
		parameters: { resource: 'customerGroup', operation: 'update', groupId: locator('4'), updateFields: { group_description: '15% off' } },
		check: (items) => {
			expect(items[0].json).toMatchObject({ id: 4, group_name: 'Staff & Family', group_description: '15% off' });
			expect(calls('/customer-groups/4')[1].body).toEqual({ group_name: 'Staff & Family', group_description: '15% off' });
		},
	},
	'sale.getAll.GET': {
		parameters: { resource: 'sale', operation: 'getAll', returnAll: false, limit: 5, filters: { payment_status: 'paid', invoice_type: 'pos' } },
		check: (items) => {
			expect(items.length).toBeGreaterThan(0);
			expect(items.length).toBeLessThanOrEqual(5);
			expect(items.every((i) => i.json.payment_status === 'paid' && i.json.invoice_type === 'pos')).toBe(true);
			expect(calls('/sales')[0].query).toEqual({ payment_status: 'paid', invoice_type: 'pos' });
		},
	},
	'sale.get.GET': {
		parameters: { resource: 'sale', operation: 'get', invoiceCode: locator('324232') },
		check: (items) => {
			expect(items[0].json).toMatchObject({ id: 32, invoice_code: 324232, invoice_number: 'INV-000001' });
			expect(items[0].json['sales-item']).toEqual([expect.objectContaining({ item_name: 'Web Design', quantity: '2' })]);
		},
	},
	'sale.create.POST': {
		parameters: {
			resource: 'sale',
			operation: 'create',
			invoice_code: '771204',
			invoice_number: 'INV-000900',
			customerId: locator('3', 'list'),
			sub_total_amount: 96,
			total_amount: 96,
			amount_paid: 96,
			invoice_type: 'order',
			payment_type: 'Mobile Money',
			lineItems: { item: [{ item_name: 'Milo 400g Tin', unit_price: 48, quantity: 2, tax: 0 }] },
			additionalFields: { due_date: '2025-01-31T00:00:00', invoice_colour: '#E35205' },
		},
		check: (items) => {
			expect(items[0].json).toMatchObject({ invoice_code: 771204, customer_id: '3', total_amount: '96.00', invoice_type: 'order' });
			expect(items[0].json['sales-item']).toEqual([expect.objectContaining({ item_name: 'Milo 400g Tin', unit_price: '48.00', quantity: '2' })]);
			expect(calls('/sales/add')[0].body).toEqual({
				invoice_code: '771204',
				invoice_number: 'INV-000900',
				customer_id: 3,
				sub_total_amount: '96.00',
				total_amount: '96.00',
				amount_paid: '96.00',
				invoice_type: 'order',
				payment_type: 'Mobile Money',
				due_date: '2025-01-31',
				invoice_colour: '#E35205',
				items: [{ item_name: 'Milo 400g Tin', unit_price: '48.00', quantity: '2', tax: '0.00' }],
			});
		},
	},
	'sale.update.PUT': {
		parameters: { resource: 'sale', operation: 'update', invoiceCode: locator('324232'), updateFields: { amount_paid: 150, payment_status: 'partial' } },
		check: (items) => {
			expect(items[0].json).toMatchObject({ invoice_code: 324232, amount_paid: '150.00', payment_status: 'partial', total_amount: '200.00' });
			const put = calls('/sales/edit/324232')[0];
			expect(put.method).toBe('PUT');
			expect(put.body).toMatchObject({ invoice_code: '324232', customer_id: 1, amount_paid: '150.00', payment_type: 'Mobile Money' });
		},
	},
	'item.getAll.GET': {
		parameters: { resource: 'item', operation: 'getAll', returnAll: true, filters: { category_id: '2' } },
		check: (items) => {
			expect(items.length).toBe(4);
			expect(items.every((i) => i.json.category_id === 2)).toBe(true);
		},
	},
	'item.get.GET': {
		parameters: { resource: 'item', operation: 'get', itemCode: locator(' Jce84a50') },
		check: (items) => {
			expect(items[0].json).toMatchObject({ item_code: 'Jce84a50', item_name: 'HP Laptop' });
			expect(items[0].json.item_images).toHaveLength(3);
		},
	},
	'item.create.POST': {
		parameters: {
			resource: 'item',
			operation: 'create',
			item_name: 'Kelewele Spice Mix',
			category_id: '3',
			unit: 'pcs',
			unit_cost: 5,
			item_price: 8.5,
			quantity: 40,
			online: true,
			status: 'available',
			additionalFields: { sku: 'KELE001', minimum_qty_alert: 10 },
		},
		check: (items) => {
			expect(items[0].json).toMatchObject({ item_name: 'Kelewele Spice Mix', category_id: 3, online: 1, quantity: '40', item_price: 8.5 });
			expect(calls('/inventory/items/add')[0].body).toEqual({
				item_name: 'Kelewele Spice Mix',
				category_id: 3,
				unit: 'pcs',
				unit_cost: '5.00',
				item_price: '8.50',
				quantity: '40',
				online: 1,
				status: 'available',
				sku: 'KELE001',
				minimum_qty_alert: '10',
			});
		},
	},
	'item.update.PUT': {
		parameters: { resource: 'item', operation: 'update', itemCode: locator('Jce84a50', 'list'), updateFields: { quantity: 5, status: 'available' } },
		check: (items) => {
			expect(items[0].json).toMatchObject({ item_code: 'Jce84a50', quantity: '5', status: 'available', item_price: 1500 });
			expect(calls('/inventory/items/Jce84a50')[1].body).toMatchObject({ item_name: 'HP Laptop', unit_cost: '1000.00', quantity: '5', online: 1 });
		},
	},
	'itemCategory.getAll.GET': {
		parameters: { resource: 'itemCategory', operation: 'getAll', returnAll: true, filters: { category_name: 'phones' } },
		check: (items) => expect(items.map((i) => i.json.category_name)).toEqual(['Phones & Accessories']),
	},
	'expense.get.GET': {
		parameters: { resource: 'expense', operation: 'get', expenseId: '1' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 1, expense_description: 'Flight ticket to Kumasi', payment_method: 'MOMO' }),
	},
	'expense.create.POST': {
		parameters: {
			resource: 'expense',
			operation: 'create',
			expense_type: 'Transport',
			expense_amount: 45.5,
			payment_method: 'MOMO',
			created_by: 'Abena',
			additionalFields: { expense_description: 'Trotro fares to Kaneshie market' },
		},
		check: (items) => expect(items[0].json).toMatchObject({ id: 9, expense_amount: '45.50', expense_description: 'Trotro fares to Kaneshie market' }),
	},
	'expense.update.PUT': {
		parameters: { resource: 'expense', operation: 'update', expenseId: '2', updateFields: { expense_amount: 420 } },
		check: (items) => expect(items[0].json).toMatchObject({ id: 2, expense_amount: '420.00', expense_type: 'Utilities' }),
	},
	'customApiCall.call.GET': {
		parameters: {
			resource: 'customApiCall',
			operation: 'call',
			method: 'GET',
			path: '/inventory/categories',
			queryParameters: { parameter: [{ name: 'category_name', value: 'bev' }] },
		},
		check: (items) => expect(items[0].json).toEqual({ 'item-categories': [expect.objectContaining({ category_name: 'Beverages' })] }),
	},
	'customApiCall.call.POST': {
		parameters: { resource: 'customApiCall', operation: 'call', method: 'POST', path: 'customer-groups/add', body: '{"group_name":"Chop Bar Owners"}' },
		check: (items) => expect(items[0].json).toMatchObject({ group: { id: 5, group_name: 'Chop Bar Owners' } }),
	},
	'customApiCall.call.PUT': {
		parameters: {
			resource: 'customApiCall',
			operation: 'call',
			method: 'PUT',
			path: '/customer-groups/3',
			body: { group_name: 'Walk-ins', group_description: null },
		},
		check: (items) => expect(items[0].json).toMatchObject({ group: { id: 3, group_name: 'Walk-ins' } }),
	},
	'customApiCall.call.DELETE': {
		parameters: { resource: 'customApiCall', operation: 'call', method: 'DELETE', path: '/customers/5' },
		check: (items) => {
			expect(items.map((i) => i.json)).toEqual([{ success: true, message: 'Customer deleted successfully' }]);
			expect(sim.state.customer(5)).toBeUndefined();
		},
	},
};

describe('XtraKit node: every catalogued operation', () => {
	const rows = catalog.nodes[0].operations ?? [];
	const keyOf = (row: { resource: string; operation: string; method: string }) => `${row.resource}.${row.operation}.${row.method}`;

	it('has a case for every catalogue row, and no case without a row', () => {
		expect(rows.map(keyOf).sort()).toEqual(Object.keys(cases).sort());
	});

	it.each(rows.map((row) => [keyOf(row), row] as const))('%s', async (key, row) => {
		const { items, error } = await run(cases[key].parameters);
		expect(error).toBeUndefined();
		cases[key].check(items);
		expect(pairedIndexes(items).every((p) => p === 0)).toBe(true);
		// The last request is the documented method, on the documented path (placeholders filled).
		const last = sim.log[sim.log.length - 1];
		expect(last.method).toBe(row.method);
		if (row.path !== '{path}') {
			const pattern = new RegExp(`^/api/v1${row.path.replace(/\{\w+\}/g, '[^/]+')}$`);
			expect(last.rawPath).toMatch(pattern);
		}
		expect(sim.violations).toEqual([]);
		for (const entry of sim.log) expect(entry.headers.authorization).toBe(`Bearer ${sim.apiKey}`);
	});
});

// ---------------------------------------------------------------------------------------------
// Errors: the envelope on HTTP 200, 402, 401, 404, 400; validation before sending; Continue On Fail.
// ---------------------------------------------------------------------------------------------

describe('XtraKit node: errors', () => {
	it('fails when HTTP says 200 but the envelope says failure, with the envelope message', async () => {
		sim.faults.add({ kind: 'status', status: 200, path: '^/api/v1/customers$', body: { status: 500, message: 'Database connection lost', data: null } });
		const list = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(list.error?.className).toBe('NodeApiError');
		expect(list.error?.message).toBe('Database connection lost (status 500)');
		expect(list.error?.description).toContain('XtraKit answered HTTP 200, but the response says the request failed (status 500)');
		expect(list.error?.httpCode).toBe('500');

		sim.settings.errorsAsHttp200 = true;
		const one = await run({ resource: 'customer', operation: 'get', customerId: locator('999') });
		expect(one.error?.message).toBe('Customer not found: no customer with ID "999" (status 404)');
		const create = await run({ resource: 'customer', operation: 'create', ...newCustomer, customer_phone: ' ' });
		expect(create.error?.className).toBe('NodeOperationError'); // refused before sending
		const bad = await run({ resource: 'customer', operation: 'create', ...newCustomer, additionalFields: { customer_email: 'not-an-email' } });
		expect(bad.error?.message).toMatch(/^The customer email field .*\(status 400\)$/);
	});

	it('also reads words in the envelope status ("error", false)', async () => {
		sim.faults.add({ kind: 'status', status: 200, path: '^/api/v1/sales/324232$', body: { status: 'error', message: 'Invoice locked for audit', data: null } });
		const { error } = await run({ resource: 'sale', operation: 'get', invoiceCode: locator('324232') });
		expect(error?.message).toBe('Invoice locked for audit');
	});

	it('says the plan lacks API access or lapsed on 402, on HTTP 402 and in an HTTP 200 envelope', async () => {
		sim.settings.planLapsed = true;
		const http = await run({ resource: 'sale', operation: 'getAll', returnAll: true });
		expect(http.error?.message).toMatch(/^Payment required: the XtraKit plan of this account does not include API access, or it has lapsed \(XtraKit says: .*subscription has expired.*\) \(HTTP 402\)$/);
		expect(http.error?.httpCode).toBe('402');
		sim.settings.errorsAsHttp200 = true;
		const enveloped = await run({ resource: 'expense', operation: 'get', expenseId: '1' });
		expect(enveloped.error?.message).toMatch(/^Payment required: the XtraKit plan .* \(status 402\)$/);
		expect(enveloped.error?.description).toContain('Renew or upgrade the XtraKit plan');
	});

	it('reports 401 with the envelope message and never the key', async () => {
		const { error } = await runNode({
			nodeType: XtraKit,
			parameters: { resource: 'customer', operation: 'getAll', returnAll: true } as never,
			credentials: { xtraKitApi: { apiKey: 'xtk_wrong_key_123456', baseUrl: sim.baseUrl } },
			credentialTypes: [XtraKitApi],
		});
		expect(error?.message).toBe('Unauthenticated. (HTTP 401)');
		expect(error?.description).toContain('Check that the credential holds a current key');
		expect(JSON.stringify(error)).not.toContain('xtk_wrong_key_123456');
	});

	it('a Base URL without /api/v1 is named as the likely cause, not "Customer not found" (issue 14, point 18)', async () => {
		// The simulator answers an unknown route with the envelope's "Route not found" (HTTP 404), as for a
		// route below the host instead of below /api/v1.
		for (const errorsAsHttp200 of [false, true]) {
			sim.settings.errorsAsHttp200 = errorsAsHttp200;
			for (const parameters of [
				{ resource: 'customer', operation: 'getAll', returnAll: true },
				{ resource: 'customer', operation: 'get', customerId: locator('1') },
			]) {
				const { error } = await runNode({
					nodeType: XtraKit,
					parameters: parameters as never,
					credentials: { xtraKitApi: { apiKey: sim.apiKey, baseUrl: sim.url } },
					credentialTypes: [XtraKitApi],
				});
				expect(error?.message).toMatch(/^XtraKit has no such route/);
				expect(error?.description).toContain('/api/v1');
				expect(error?.description).toContain('Base URL');
			}
		}
	});

	it('names what was not found on 404, for every keyed resource', async () => {
		const expectations: Array<[IDataObject, string]> = [
			[{ resource: 'customer', operation: 'get', customerId: locator('999') }, 'Customer not found: no customer with ID "999" (HTTP 404)'],
			[{ resource: 'customerGroup', operation: 'get', groupId: locator('77') }, 'Customer group not found: no group with ID "77" (HTTP 404)'],
			[{ resource: 'sale', operation: 'get', invoiceCode: locator('000001') }, 'Sale not found: no sale with invoice code "000001" (HTTP 404)'],
			[{ resource: 'item', operation: 'get', itemCode: locator('Zzz') }, 'Inventory item not found: no item with code "Zzz" (HTTP 404)'],
			[{ resource: 'expense', operation: 'get', expenseId: '404' }, 'Expense not found: no expense with ID "404" (HTTP 404)'],
			[{ resource: 'item', operation: 'update', itemCode: locator('Zzz'), updateFields: { quantity: 1 } }, 'Inventory item not found: no item with code "Zzz" (HTTP 404)'],
		];
		for (const [parameters, message] of expectations) {
			const { error } = await run(parameters);
			expect(error?.message).toBe(message);
		}
	});

	it('shows XtraKit’s validation message on 400', async () => {
		const { error } = await run({
			...cases['sale.create.POST'].parameters,
			customerId: locator('9999'),
		});
		expect(error?.message).toBe('The selected customer id is invalid. (HTTP 400)');
		expect(sim.violations).toEqual([]);
	});

	it('refuses what cannot be right before sending anything', async () => {
		const refusals: Array<[IDataObject, string]> = [
			[{ ...cases['sale.create.POST'].parameters, invoice_code: 'ABC123' }, 'Invoice Code must be 6 digits'],
			[{ ...cases['sale.create.POST'].parameters, customerId: locator('Jane') }, 'Customer ID must be a whole number (an ID)'],
			[{ ...cases['sale.create.POST'].parameters, lineItems: { item: [{ item_name: ' ', unit_price: 1, quantity: 1 }] } }, 'Line item 1 has no Item Name'],
			[{ resource: 'customer', operation: 'update', customerId: locator('2'), updateFields: {} }, 'No fields to update'],
			[{ resource: 'customer', operation: 'get', customerId: locator('  ') }, 'Customer is empty'],
			[{ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'https://evil.example/customers' }, 'Path must be relative to the base URL'],
			[{ resource: 'customApiCall', operation: 'call', method: 'GET', path: '/customers/../../admin' }, '".." is not allowed in Path'],
			[{ resource: 'customApiCall', operation: 'call', method: 'POST', path: '/customers/add', body: '{nope' }, 'Body is not valid JSON'],
		];
		for (const [parameters, message] of refusals) {
			const { error } = await run(parameters);
			expect(error?.className).toBe('NodeOperationError');
			expect(error?.message).toContain(message);
		}
		expect(sim.log).toHaveLength(0);
	});

	it('continues on fail with one output per input item, correctly paired', async () => {
		const inputItems: INodeExecutionData[] = [{ json: { id: '1' } }, { json: { id: '999' } }, { json: { id: '2' } }];
		const { items, error } = await run(
			{ resource: 'customer', operation: 'get', customerId: locator('={{ $json.id }}') },
			{ inputItems, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.id ?? i.json.error, (i.pairedItem as { item: number }).item])).toEqual([
			[1, 0],
			['Customer not found: no customer with ID "999" (HTTP 404)', 1],
			[2, 2],
		]);
		expect(items[1].json.httpCode).toBe('404');

		const custom = await run(
			{ resource: 'customApiCall', operation: 'call', method: 'DELETE', path: '={{ "/expenses/" + $json.id }}' },
			{ inputItems, continueOnFail: true },
		);
		expect(custom.items.map((i) => [i.json.success ?? i.json.error, (i.pairedItem as { item: number }).item])).toEqual([
			[true, 0],
			['Expense not found (HTTP 404)', 1],
			[true, 2],
		]);
	});
});

// ---------------------------------------------------------------------------------------------
// Lists: filters in the documented forms; pagination noticed (followed, or a loud failure).
// ---------------------------------------------------------------------------------------------

describe('XtraKit node: lists', () => {
	it('sends the documented date formats (start with time, end as a day), without time zone shifts', async () => {
		await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { created_at: '2024-07-01T10:30:00', updated_at: '2024-09-30T23:00:00.000+01:00', customer_group_id: '2' },
		});
		expect(calls('/customers')[0].query).toEqual({ created_at: '2024-07-01 10:30:00', updated_at: '2024-09-30', customer_group_id: '2' });
		expect(sim.violations).toEqual([]);
	});

	it('follows a Laravel paginator to the end, re-applying the filters its links drop', async () => {
		sim.settings.pagination = { perPage: 10, style: 'laravel' };
		const all = await run({ resource: 'customer', operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items.map((i) => i.json.id)).toEqual(sim.state.listCustomers().map((c) => c.id));
		expect(calls('/customers').map((e) => e.rawQuery)).toEqual(['', 'page=2', 'page=3']);

		sim.resetLog();
		const group = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { customer_group_id: '1' } });
		const expected = sim.state.listCustomers().filter((c) => c.customer_group_id === 1);
		expect(group.items.map((i) => i.json.id)).toEqual(expected.map((c) => c.id));
		expect(calls('/customers').every((e) => e.query.customer_group_id === '1')).toBe(true);

		sim.resetLog();
		const limited = await run({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 7 });
		expect(limited.items).toHaveLength(7);
		expect(calls('/customers')).toHaveLength(1);
		expect(sim.violations).toEqual([]);
	});

	it('fails loudly when pages exist that it cannot follow, rather than return page 1', async () => {
		sim.settings.pagination = { perPage: 5, style: 'meta-only' };
		const { error, items } = await run({ resource: 'item', operation: 'getAll', returnAll: true });
		expect(items).toEqual([]);
		expect(error?.message).toBe('XtraKit answered page 1 of 4, and gave no usable link to the next page');
		expect(error?.description).toContain('XtraKit documents no pagination');
		// A Limit the first page covers is fine.
		const limited = await run({ resource: 'item', operation: 'getAll', returnAll: false, limit: 5 });
		expect(limited.error).toBeUndefined();
		expect(limited.items).toHaveLength(5);
	});

	it('notices a total larger than what came back (the message count), and never follows a link off the host', async () => {
		sim.faults.add({
			kind: 'status',
			status: 200,
			path: '^/api/v1/sales$',
			body: { status: 200, message: 'Sales found: 40', data: { sales: [{ id: 1, invoice_code: 111111 }] } },
		});
		const counted = await run({ resource: 'sale', operation: 'getAll', returnAll: true });
		expect(counted.error?.message).toBe('XtraKit answered 1 of 40 sales, and gave no usable link to the next page');

		sim.faults.add({
			kind: 'status',
			status: 200,
			path: '^/api/v1/sales$',
			body: { status: 200, message: 'Sales found', data: { sales: { current_page: 1, data: [{ id: 1 }], next_page_url: 'https://elsewhere.example/api/v1/sales?page=2', last_page: 2 } } },
		});
		const offHost = await run({ resource: 'sale', operation: 'getAll', returnAll: true });
		expect(offHost.error?.message).toBe('XtraKit answered page 1 of 2, and gave no usable link to the next page');
		expect(sim.log).toHaveLength(2);
	});

	it('reads a one-record list printed as an object (the docs’ style) and an empty data', async () => {
		sim.faults.add({ kind: 'status', status: 200, path: '^/api/v1/customer-groups$', body: { status: 200, message: 'Groups found: 1', data: { groups: { id: 9, group_name: 'Solo' } } } });
		const one = await run({ resource: 'customerGroup', operation: 'getAll', returnAll: true });
		expect(one.items.map((i) => i.json)).toEqual([{ id: 9, group_name: 'Solo' }]);
		sim.faults.add({ kind: 'status', status: 200, path: '^/api/v1/customer-groups$', body: { status: 200, message: 'Groups found: 0', data: null } });
		const none = await run({ resource: 'customerGroup', operation: 'getAll', returnAll: true });
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
	});

	it('retries a 503 and a dropped connection on reads', async () => {
		sim.faults.add({ kind: 'status', status: 503, path: '^/api/v1/inventory/items$' });
		sim.faults.add({ kind: 'reset', path: '^/api/v1/inventory/items$' });
		const { items, error } = await run({ resource: 'item', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(19);
	}, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Create / update / custom call details.
// ---------------------------------------------------------------------------------------------

describe('XtraKit node: writes', () => {
	it('takes a create answered 201 just as well', async () => {
		sim.settings.createStatus = 201;
		const { items, error } = await run(cases['customerGroup.create.POST'].parameters);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ group_name: 'Market Queens' });
	});

	it('sends line items under another key when told to', async () => {
		const { error } = await run({ ...cases['sale.create.POST'].parameters, options: { lineItemsField: 'sales_items' } });
		// The simulator only knows `items` (an inference): an unknown key is refused and recorded.
		expect(error?.message).toContain('The sales items field is not accepted.');
		expect(calls('/sales/add')[0].body).toHaveProperty('sales_items');
		sim.resetLog();
	});

	it('keeps the record when updating: unchanged fields are sent back as read', async () => {
		const before = sim.state.item('Jce84a50')!;
		await run({ resource: 'item', operation: 'update', itemCode: locator('Jce84a50'), updateFields: { item_price: 1450 } });
		const after = sim.state.item('Jce84a50')!;
		expect(after).toEqual({ ...before, item_price: 1450, updated_at: after.updated_at });
		expect(sim.violations).toEqual([]);
	});

	it('Custom API Call: DELETE answered 204, the full envelope on request, a path with /api/v1', async () => {
		sim.settings.deleteStatus = 204;
		const del = await run({ resource: 'customApiCall', operation: 'call', method: 'DELETE', path: '/inventory/items/Jce84a50' });
		expect(del.items.map((i) => i.json)).toEqual([{ success: true, statusCode: 204 }]);

		const full = await run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: '/api/v1/customers/1', options: { fullResponse: true } });
		expect(full.items[0].json).toMatchObject({ status: 200, message: 'Customer found', data: { customer: { id: 1 } } });
		expect(calls('/customers/1')).toHaveLength(1);

		const listed = await run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: '/customers?customer_group_id=1' });
		expect((listed.items[0].json.customers as unknown[]).length).toBeGreaterThan(0);

		const missing = await run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: '/expenses' });
		expect(missing.error?.message).toBe('XtraKit has no such route: Route not found (HTTP 404)');
		sim.resetLog();
	});

	it('Any Endpoint does what n8n\'s Custom API Call (the HTTP Request node) cannot: a failure XtraKit reports inside HTTP 200 is an error', async () => {
		// The HTTP Request node fails only on the HTTP status; XtraKit may answer a refusal as HTTP 200 with
		// {status: 402, message} (research/xavier-xtrakit.md; the simulator's errorsAsHttp200).
		sim.settings.errorsAsHttp200 = true;
		sim.settings.planLapsed = true;
		const { error } = await run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: '/customers' });
		expect(error?.message).toMatch(/does not include API access/);
		expect(calls('/customers')[0].status).toBe(200);
	});

	// Issue 15: every item runs its own row; the node once chose the Custom API Call path from item 0
	// for all of them. n8n keeps Resource and Operation literal in a plain workflow (noDataExpression:
	// NodeHelpers.getNodeParameters strips the "="), but keeps a $fromAI() placeholder there, and as an
	// AI tool each item carries its own arguments. To give two items different rows in a plain run,
	// the node type here is XtraKit with noDataExpression lifted from those two fields (and, since an
	// expression Resource shows every field, `required` from all, which n8n would otherwise check for
	// every operation at once); execute() is the node's own.
	it('runs each item\'s own operation when items mix a documented operation and the Custom API Call', async () => {
		const perItem = new XtraKit();
		perItem.description = {
			...perItem.description,
			properties: perItem.description.properties.map((p) => ({ ...p, required: false, noDataExpression: false })),
		};
		const run = (parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
			runNode({ nodeType: perItem, parameters: parameters as never, ...common(), ...extra });
		const parameters = {
			resource: '={{ $json.resource }}',
			operation: '={{ $json.operation }}',
			customerId: locator('1'),
			method: 'GET',
			path: '/customers/2',
		};
		const documentedFirst = await run(parameters, {
			inputItems: [{ json: { resource: 'customer', operation: 'get' } }, { json: { resource: 'customApiCall', operation: 'call' } }],
		});
		expect(documentedFirst.error).toBeUndefined();
		expect(documentedFirst.items[0].json).toMatchObject({ id: 1, customer_name: 'Jane Doe' });
		expect(documentedFirst.items[1].json).toMatchObject({ customer: { id: 2 } });
		expect(pairedIndexes(documentedFirst.items)).toEqual([0, 1]);
		expect(calls().map((e) => `${e.method} ${e.path}`)).toEqual(['GET /api/v1/customers/1', 'GET /api/v1/customers/2']);

		sim.resetLog();
		const customFirst = await run(parameters, {
			inputItems: [{ json: { resource: 'customApiCall', operation: 'call' } }, { json: { resource: 'customer', operation: 'get' } }],
		});
		expect(customFirst.error).toBeUndefined();
		expect(customFirst.items[0].json).toMatchObject({ customer: { id: 2 } });
		expect(customFirst.items[1].json).toMatchObject({ id: 1, customer_name: 'Jane Doe' });
		expect(pairedIndexes(customFirst.items)).toEqual([0, 1]);
		expect(calls().map((e) => `${e.method} ${e.path}`).sort()).toEqual(['GET /api/v1/customers/1', 'GET /api/v1/customers/2']);
		expect(sim.violations).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------
// Editor helpers and the credential.
// ---------------------------------------------------------------------------------------------

describe('XtraKit node: list search, dropdowns and credential', () => {
	it('searches customers, groups, items and sales for the locators', async () => {
		const customers = await runListSearch({ nodeType: XtraKit, ...common() }, 'searchCustomers', { filter: 'jane' });
		expect(customers.results).toEqual([{ name: 'Jane Doe (+233244567890)', value: '1' }]);
		const byPhone = await runListSearch({ nodeType: XtraKit, ...common() }, 'searchCustomers', { filter: '+233244567890' });
		expect(byPhone.results.map((r) => r.value)).toContain('1');

		const items = await runListSearch({ nodeType: XtraKit, ...common() }, 'searchItems', { filter: 'laptop' });
		expect(items.results).toEqual([{ name: 'HP Laptop (Jce84a50)', value: 'Jce84a50' }]);

		const sales = await runListSearch({ nodeType: XtraKit, ...common() }, 'searchSales', { filter: '324232' });
		expect(sales.results).toEqual([{ name: 'INV-000001 · 324232 · 200.00', value: '324232' }]);
		const all = await runListSearch({ nodeType: XtraKit, ...common() }, 'searchSales', {});
		expect(all.results).toHaveLength(32);

		const groups = await runListSearch({ nodeType: XtraKit, ...common() }, 'searchCustomerGroups', { filter: 'prem' });
		expect(groups.results).toEqual([{ name: 'Premium Customers', value: '1' }]);
	});

	it('offers item categories and customer groups as dropdowns', async () => {
		const { options } = await runLoadOptions({ nodeType: XtraKit, ...common() }, 'getCategories');
		expect(options.map((o) => o.name)).toEqual(['Beauty & Personal Care', 'Beverages', 'Electronics', 'Fabrics & Clothing', 'Groceries', 'Phones & Accessories']);
		expect(options.find((o) => o.name === 'Electronics')?.value).toBe('1');
		const groups = await runLoadOptions({ nodeType: XtraKit, ...common() }, 'getCustomerGroups');
		expect(groups.options).toHaveLength(4);
	});

	it('list search fails with a clear message when the plan lapsed', async () => {
		sim.settings.planLapsed = true;
		await expect(runListSearch({ nodeType: XtraKit, ...common() }, 'searchCustomers', {})).rejects.toThrow(/XtraKit plan/);
	});

	it('tests the credential with GET /user/authenticate', async () => {
		expect((await testCredential(XtraKitApi, { apiKey: sim.apiKey, baseUrl: `${sim.baseUrl}/` })).status).toBe('OK');
		expect(calls('/user/authenticate')).toHaveLength(1);
		const bad = await testCredential(XtraKitApi, { apiKey: 'not-the-key-999', baseUrl: sim.baseUrl });
		expect(bad.status).toBe('Error');
		// A failure said only in the envelope of an HTTP 200 is still a failure.
		sim.settings.errorsAsHttp200 = true;
		sim.settings.planLapsed = true;
		const lapsed = await testCredential(XtraKitApi, { apiKey: sim.apiKey, baseUrl: sim.baseUrl });
		expect(lapsed).toMatchObject({ status: 'Error', message: expect.stringContaining('does not include API access') });
		const refused = await testCredential(XtraKitApi, { apiKey: 'not-the-key-999', baseUrl: sim.baseUrl });
		expect(refused).toMatchObject({ status: 'Error', message: expect.stringContaining('refused the API Key') });
	});
});

// ---------------------------------------------------------------------------------------------
// The trigger: seeded on activation, each event exactly once across faults and restarts.
// ---------------------------------------------------------------------------------------------

describe('XtraKit trigger', () => {
	const poll = (event: string, mode: 'trigger' | 'activation' | 'manual', staticData: IDataObject = {}, extra: IDataObject = {}) =>
		runPoll({ nodeType: XtraKitTrigger, parameters: { event, ...extra } as never, mode, staticData, ...common() });

	const mutations: Record<string, { change: () => string | number; id: (item: IDataObject) => unknown }> = {
		newCustomer: { change: () => sim.state.addCustomer({ customer_name: 'Yaa Asantewaa' }).id, id: (i) => i.id },
		updatedCustomer: { change: () => sim.state.updateCustomer(7, { customer_city: 'Ejisu' }).id, id: (i) => i.id },
		newSale: { change: () => sim.state.addSale({ total_amount: '35.00' }).sale.invoice_code, id: (i) => i.invoice_code },
		updatedSale: { change: () => sim.state.updateSale('324232', { payment_status: 'partial' }).invoice_code, id: (i) => i.invoice_code },
		newItem: { change: () => sim.state.addItem({ item_name: 'Sobolo 500ml', quantity: '24' }).item_code, id: (i) => i.item_code },
		updatedItem: { change: () => sim.state.updateItem('Jce84a50', { quantity: '18' }).item_code, id: (i) => i.item_code },
	};

	it.each(Object.keys(mutations))('%s: seeds on activation, then emits the change exactly once, across a restart', async (event) => {
		const first = await poll(event, 'activation');
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(first.saved).toBe(true);

		const quiet = await poll(event, 'trigger', first.savedStaticData);
		expect(quiet.items).toBeNull();

		const changed = mutations[event].change();
		const fired = await poll(event, 'trigger', quiet.staticData);
		expect(fired.items?.map((i) => mutations[event].id(i.json))).toEqual([changed]);
		expect(fired.saved).toBe(true);

		const again = await poll(event, 'trigger', fired.staticData);
		expect(again.items).toBeNull();
		// A restart from what n8n saved: still nothing.
		const restarted = await poll(event, 'trigger', fired.savedStaticData);
		expect(restarted.items).toBeNull();
		expect(sim.violations).toEqual([]);
	});

	it('keeps the state tiny: seen IDs as ranges', async () => {
		const seeded = await poll('newCustomer', 'activation');
		expect(seeded.nodeStaticData).toMatchObject({ event: 'newCustomer', seen: '1-24', seenOther: [] });
	});

	it('never moves on after a failed poll (500, resets, an envelope failure), so each new sale comes once', async () => {
		const seeded = await poll('newSale', 'activation');
		const a = sim.state.addSale({ total_amount: '12.00' }).sale.invoice_code;

		sim.faults.add({ kind: 'status', status: 500, path: '^/api/v1/sales$', body: { status: 500, message: 'Internal server error', data: null } });
		const failed = await poll('newSale', 'trigger', seeded.savedStaticData);
		expect(failed.error?.message).toBe('Internal server error (HTTP 500)');
		expect(failed.items).toBeNull();
		expect(failed.nodeStaticData).toEqual(seeded.nodeStaticData);

		sim.faults.add({ kind: 'status', status: 200, path: '^/api/v1/sales$', body: { status: 503, message: 'Maintenance', data: null } });
		const enveloped = await poll('newSale', 'trigger', failed.staticData);
		expect(enveloped.error?.message).toBe('Maintenance (status 503)');
		expect(enveloped.nodeStaticData).toEqual(seeded.nodeStaticData);

		// A dropped connection is retried within the poll: the poll succeeds.
		const b = sim.state.addSale({ total_amount: '13.00' }).sale.invoice_code;
		sim.faults.add({ kind: 'reset', path: '^/api/v1/sales$' });
		const fired = await poll('newSale', 'trigger', enveloped.staticData);
		expect(fired.error).toBeUndefined();
		expect(fired.items?.map((i) => i.json.invoice_code)).toEqual([a, b]);

		const after = await poll('newSale', 'trigger', fired.savedStaticData);
		expect(after.items).toBeNull();
	});

	it('a poll whose list turns out paged fails and keeps its state; the sale comes once paging is readable', async () => {
		const seeded = await poll('newSale', 'activation');
		const code = sim.state.addSale({ total_amount: '50.00' }).sale.invoice_code;
		sim.settings.pagination = { perPage: 10, style: 'meta-only' };
		const failed = await poll('newSale', 'trigger', seeded.savedStaticData);
		expect(failed.error?.message).toBe('XtraKit answered page 1 of 4, and gave no usable link to the next page');
		expect(failed.nodeStaticData).toEqual(seeded.nodeStaticData);
		sim.settings.pagination = { perPage: 10, style: 'laravel' };
		const fired = await poll('newSale', 'trigger', failed.staticData);
		expect(fired.items?.map((i) => i.json.invoice_code)).toEqual([code]);
	});

	it('updated events ignore new records, then report their later changes', async () => {
		const seeded = await poll('updatedCustomer', 'activation');
		const added = sim.state.addCustomer({ customer_name: 'Kofi Annan' });
		const quiet = await poll('updatedCustomer', 'trigger', seeded.savedStaticData);
		expect(quiet.items).toBeNull();
		sim.state.updateCustomer(added.id, { customer_city: 'Kumasi' });
		sim.state.updateCustomer(3, { customer_email: 'new@example.com' });
		const fired = await poll('updatedCustomer', 'trigger', quiet.staticData);
		expect(fired.items?.map((i) => i.json.id)).toEqual([added.id, 3]);
	});

	it('adds line items to sales when asked, and reseeds when the event changes', async () => {
		const seeded = await poll('newSale', 'activation', {}, { options: { includeLineItems: true } });
		const { sale } = sim.state.addSale({ total_amount: '20.00', items: [{ item_name: 'Voltic Mineral Water 1.5L', unit_price: '7.00', quantity: '2' }] });
		const fired = await poll('newSale', 'trigger', seeded.savedStaticData, { options: { includeLineItems: true } });
		expect(fired.items?.[0].json).toMatchObject({ invoice_code: sale.invoice_code, 'sales-item': [{ item_name: 'Voltic Mineral Water 1.5L' }] });

		const switched = await poll('newItem', 'trigger', fired.savedStaticData);
		expect(switched.items).toBeNull();
		expect(switched.nodeStaticData.event).toBe('newItem');
	});

	it('returns a sample in manual mode without touching the state', async () => {
		const manual = await poll('newSale', 'manual');
		expect(manual.error).toBeUndefined();
		expect(manual.items).toHaveLength(1);
		const newest = sim.state.listSales().sort((a, b) => a.created_at.localeCompare(b.created_at)).pop();
		expect(manual.items?.[0].json.invoice_code).toBe(newest?.invoice_code);
		expect(manual.saved).toBe(false);
		expect(manual.nodeStaticData).toEqual({});

		// With a pending event, the sample is that event.
		const seeded = await poll('updatedItem', 'activation');
		sim.state.updateItem('Jce84a50', { status: 'out of stock' });
		const pending = await poll('updatedItem', 'manual', seeded.savedStaticData);
		expect(pending.items?.[0].json).toMatchObject({ item_code: 'Jce84a50', status: 'out of stock' });
		expect(pending.nodeStaticData).toEqual(seeded.nodeStaticData);
	});

	it('says the plan lapsed when polling on a lapsed plan', async () => {
		const seeded = await poll('newCustomer', 'activation');
		sim.settings.planLapsed = true;
		const failed = await poll('newCustomer', 'trigger', seeded.savedStaticData);
		expect(failed.error?.message).toMatch(/XtraKit plan .* \(HTTP 402\)$/);
	});
});
