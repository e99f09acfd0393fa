// The XtraKit simulator against the research notes (§2): envelope on every answer, documented shapes
// and seed values, auth, 402, the docs' contradictions resolved (create answers 200, each page's own
// invoice_type vocabulary), the switches (errors as HTTP 200, pagination, delete status), contract violations.
import { TEST_SECRETS } from '../../helpers/secrets';
import {
	buildXtraKitSeed,
	categorySchema,
	customerSchema,
	envelopeSchema,
	expenseSchema,
	groupSchema,
	itemDetailSchema,
	itemSchema,
	saleSchema,
	salesItemSchema,
	startXtraKitSimulator,
	XTRAKIT_TEST_KEY,
	type XtraKitSimulator,
} from '../../simulators/xtrakit';

const auth = { Authorization: `Bearer ${XTRAKIT_TEST_KEY}` };
type Body = { status: number; message: string; data: Record<string, unknown> | null; meta?: Record<string, unknown> };

describe('XtraKit simulator', () => {
	let sim: XtraKitSimulator;
	const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
		const res = await fetch(path.startsWith('http') ? path : `${sim.baseUrl}${path}`, {
			method,
			headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as Body };
	};
	const get = (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers);

	beforeAll(async () => {
		sim = await startXtraKitSimulator();
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const validCustomer = {
		customer_name: 'Kwaku Ananse',
		customer_phone: '+233541234567',
		customer_country: 'Ghana',
		customer_city: 'Kumasi',
		customer_state: 'Ashanti',
		address1: '12 Adum Road',
	};

	it('offers the values of the xtraKitApi credential, with the /api/v1 base path', () => {
		expect(XTRAKIT_TEST_KEY).toBe(TEST_SECRETS.xtraKitApiKey);
		expect(sim.credentials).toEqual({ apiKey: XTRAKIT_TEST_KEY, baseUrl: `${sim.url}/api/v1` });
		expect(sim.baseUrl).toBe(`${sim.url}/api/v1`);
	});

	it.each([
		['no Authorization header', {}],
		['a wrong key', { Authorization: 'Bearer nope' }],
		['the key without the Bearer scheme', { Authorization: XTRAKIT_TEST_KEY }],
	])('answers 401 in the envelope for %s', async (_label, headers) => {
		const res = await get('/customers', headers);
		expect(res.status).toBe(401);
		expect(envelopeSchema.parse(res.body)).toEqual({ status: 401, message: 'Unauthenticated.', data: null });
	});

	it('answers the documented auth check', async () => {
		const res = await get('/user/authenticate');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ status: 200, message: 'User authenticated' });
	});

	it('lists customers in the envelope, as an array, Ghanaian style', async () => {
		const res = await get('/customers');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		const body = envelopeSchema.parse(res.body) as Body;
		const customers = (body.data as { customers: unknown[] }).customers.map((c) => customerSchema.parse(c));
		expect(body.message).toBe(`Customers found: ${customers.length}`);
		expect(customers.length).toBe(24);
		expect(customers[0]).toMatchObject({ id: 1, customer_name: 'Jane Doe', customer_phone: '+233244567890', customer_city: 'Accra', customer_zip: '00233', business_code: '15848484' });
		expect(customers.every((c) => /^\+233(24|54|55|59|20|50|26|27|56|57)\d{7}$/.test(c.customer_phone))).toBe(true);
		expect(customers.every((c) => c.customer_country === 'Ghana')).toBe(true);
		expect(sim.violations).toEqual([]);
	});

	it('keeps its seed on the documented shapes, the same on every build', () => {
		const seed = buildXtraKitSeed();
		expect(seed).toEqual(buildXtraKitSeed());
		seed.customers.forEach((c) => customerSchema.parse(c));
		seed.groups.forEach((g) => groupSchema.parse(g));
		seed.categories.forEach((c) => categorySchema.parse(c));
		seed.items.forEach((i) => itemDetailSchema.parse(i));
		seed.sales.forEach((s) => saleSchema.parse(s));
		seed.salesItems.forEach((l) => salesItemSchema.parse(l));
		seed.expenses.forEach((e) => expenseSchema.parse(e));
		expect(seed.expenses[0]).toMatchObject({ expense_description: 'Flight ticket to Kumasi', payment_method: 'MOMO' });
		expect(seed.sales.some((s) => s.payment_type === 'Mobile Money')).toBe(true);
	});

	it('fetches one record with what the docs add: customer-group, item_images, sales-item', async () => {
		const customer = await get('/customers/1');
		expect(customer.body.message).toBe('Customer found');
		expect(customer.body.data).toMatchObject({ customer: { id: 1 }, 'customer-group': [{ id: 1, group_name: 'Premium Customers' }] });

		// The docs print the code as " Jce84a50"; the simulator finds it with or without the space.
		for (const code of ['Jce84a50', '%20Jce84a50']) {
			const item = await get(`/inventory/items/${code}`);
			expect(item.body.message).toBe('Item found');
			const parsed = itemDetailSchema.parse((item.body.data as { item: unknown }).item);
			expect(parsed).toMatchObject({ item_name: 'HP Laptop', unit_cost: 1000, item_price: 1500, status: 'in-stock' });
			expect(parsed.item_images).toHaveLength(3);
		}

		const sale = await get('/sales/324232');
		expect(sale.body.message).toBe('Sale found');
		const data = sale.body.data as { sales: Record<string, unknown>; 'sales-item': Array<Record<string, unknown>> };
		expect(saleSchema.parse(data.sales)).toMatchObject({ id: 32, invoice_code: 324232, invoice_number: 'INV-000001', customer_id: '1', total_amount: '200.00' });
		expect(data['sales-item'].map((l) => salesItemSchema.parse(l))).toEqual([
			expect.objectContaining({ id: 45, invoice_code: '324232', item_name: 'Web Design', unit_price: '100.00', quantity: '2' }),
		]);

		const expense = await get('/expenses/1');
		expect(expenseSchema.parse((expense.body.data as { expense: unknown }).expense)).toMatchObject({ expense_amount: '850.00' });

		const group = await get('/customer-groups/1');
		expect(group.body).toMatchObject({ message: 'Group found', data: { group: { group_name: 'Premium Customers' } } });
	});

	it('answers 404 in the envelope for unknown records and routes (the latter a violation)', async () => {
		for (const path of ['/customers/999', '/customers/abc', '/sales/000000', '/inventory/items/nope', '/expenses/77', '/customer-groups/9']) {
			const res = await get(path);
			expect(res.status).toBe(404);
			expect(res.body).toMatchObject({ status: 404, data: null });
			expect(res.body.message).toMatch(/not found$/);
		}
		expect(sim.violations).toEqual([]);
		const route = await get('/expenses');
		expect(route.body).toEqual({ status: 404, message: 'Route not found', data: null });
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'no-route', path: '/api/v1/expenses' })]);
	});

	it('answers a create with 200 as every sample shows, or 201 when switched', async () => {
		const res = await call('POST', '/customers/add', validCustomer);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ status: 200, message: 'Customer added successfully', data: { customer: { id: 25, customer_name: 'Kwaku Ananse' } } });
		sim.settings.createStatus = 201;
		const again = await call('POST', '/customer-groups/add', { group_name: 'Market Queens' });
		expect(again.status).toBe(201);
		expect(again.body).toMatchObject({ status: 201, message: 'Group added successfully', data: { group: { id: 5 } } });
	});

	it('refuses missing required fields with Laravel-style messages, and records the violation', async () => {
		const res = await call('POST', '/customers/add', { customer_name: 'Kwaku Ananse' });
		expect(res.status).toBe(400);
		expect(res.body.message).toBe('The customer phone field is required. (and 4 more errors)');
		expect((res.body.data as { errors: Record<string, string[]> }).errors).toMatchObject({
			customer_phone: ['The customer phone field is required.'],
			address1: ['The address1 field is required.'],
		});
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-body', path: '/api/v1/customers/add' })]);
	});

	it('refuses undocumented keys and wrong formats (quantity must be a string, money like 10.00)', async () => {
		const item = {
			item_name: 'Kelewele spice mix',
			category_id: 3,
			unit: 'pcs',
			unit_cost: '5.00',
			item_price: '8.50',
			quantity: 12,
			online: 1,
			status: 'available',
			colour: 'red',
		};
		const res = await call('POST', '/inventory/items/add', item);
		expect(res.status).toBe(400);
		const errors = (res.body.data as { errors: Record<string, string[]> }).errors;
		expect(Object.keys(errors).sort()).toEqual(['colour', 'quantity']);
		const fixed = await call('POST', '/inventory/items/add', { ...item, quantity: '12', colour: undefined });
		expect(fixed.status).toBe(200);
		expect(itemDetailSchema.parse((fixed.body.data as { item: unknown }).item)).toMatchObject({ quantity: '12', item_price: 8.5 });
		// The list answers items without their images.
		const list = await get('/inventory/items');
		(list.body.data as { items: unknown[] }).items.forEach((i) => itemSchema.parse(i));
	});

	it("takes each page's own invoice_type vocabulary: add-sale main/pos/order, the list filter pos/invoice/storefront", async () => {
		const sale = {
			invoice_code: '555001',
			invoice_number: 'INV-000555',
			customer_id: 3,
			sub_total_amount: '48.00',
			total_amount: '48.00',
			amount_paid: '48.00',
			invoice_type: 'order',
			payment_type: 'Mobile Money',
			items: [{ item_name: 'Milo 400g Tin', unit_price: '48.00', quantity: '1', tax: '0.00' }],
		};
		const res = await call('POST', '/sales/add', sale);
		expect(res.status).toBe(200);
		const data = res.body.data as { sales: Record<string, unknown>; 'sales-item': unknown[] };
		expect(data.sales).toMatchObject({ invoice_code: 555001, invoice_type: 'order', customer_id: '3' });
		expect(data['sales-item']).toHaveLength(1);
		const dup = await call('POST', '/sales/add', sale);
		expect(dup.body).toMatchObject({ status: 400, message: 'The invoice code has already been taken.' });
		expect(sim.violations).toEqual([]);
		// The list filter's documented values work; the add-sale spellings are not list values.
		const byStorefront = await get('/sales?invoice_type=storefront');
		expect((byStorefront.body.data as { sales: Array<{ invoice_code: number }> }).sales.map((s) => s.invoice_code)).toContain(555001);
		expect(sim.violations).toEqual([]);
		const byOrder = await get('/sales?invoice_type=order');
		expect(byOrder.status).toBe(400);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query', path: '/api/v1/sales' })]);
		// And a list value is not an add-sale value.
		const created = await call('POST', '/sales/add', { ...sale, invoice_code: '555002', invoice_type: 'storefront' });
		expect(created.status).toBe(400);
	});

	it('edits through the documented routes: PUT /sales/edit/{code}, not PUT /sales/{code}', async () => {
		const current = sim.state.sale('324232')!;
		const body = {
			invoice_code: '324232',
			invoice_number: current.invoice_number,
			customer_id: current.customer_id,
			sub_total_amount: current.sub_total_amount,
			total_amount: current.total_amount,
			amount_paid: '150.00',
			invoice_type: current.invoice_type,
			payment_type: 'Cash',
		};
		const res = await call('PUT', '/sales/edit/324232', body);
		expect(res.body).toMatchObject({ status: 200, message: 'Sale updated successfully', data: { sales: { amount_paid: '150.00', payment_type: 'Cash' } } });
		expect(sim.state.sale('324232')!.updated_at > current.updated_at).toBe(true);
		const wrong = await call('PUT', '/sales/324232', body);
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET, DELETE');
	});

	it('filters lists as documented (group, start and end dates, payment status, category name)', async () => {
		const all = sim.state.listCustomers();
		const group2 = await get('/customers?customer_group_id=2');
		expect((group2.body.data as { customers: Array<{ id: number }> }).customers.map((c) => c.id)).toEqual(
			all.filter((c) => c.customer_group_id === 2).map((c) => c.id),
		);
		const from = all[10].created_at;
		const since = await get(`/customers?created_at=${encodeURIComponent(from)}`);
		expect((since.body.data as { customers: unknown[] }).customers).toHaveLength(all.filter((c) => c.created_at >= from).length);
		const until = await get(`/customers?updated_at=${all[5].updated_at.slice(0, 10)}`);
		expect((until.body.data as { customers: unknown[] }).customers.length).toBeLessThan(all.length);
		const drafts = await get('/sales?payment_status=draft');
		expect((drafts.body.data as { sales: Array<{ payment_status: string }> }).sales.every((s) => s.payment_status === 'draft')).toBe(true);
		const cats = await get('/inventory/categories?category_name=bev');
		expect(cats.body).toMatchObject({ message: 'Item categories found', data: { 'item-categories': [{ category_name: 'Beverages' }] } });
		expect(sim.violations).toEqual([]);
		await get('/customers?per_page=5');
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query' })]);
	});

	it('answers 402 on every route while the plan has lapsed (a wrong key is still a 401)', async () => {
		sim.settings.planLapsed = true;
		for (const path of ['/customers', '/user/authenticate', '/sales/324232']) {
			const res = await get(path);
			expect(res.status).toBe(402);
			expect(res.body).toMatchObject({ status: 402, data: null, message: expect.stringContaining('Payment required') });
		}
		expect((await get('/customers', { Authorization: 'Bearer wrong' })).status).toBe(401);
	});

	it('can answer errors with HTTP 200 and the failure only in the envelope', async () => {
		sim.settings.errorsAsHttp200 = true;
		const res = await get('/customers/999');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ status: 404, message: 'Customer not found', data: null });
		sim.settings.planLapsed = true;
		expect(await get('/customers')).toMatchObject({ status: 200, body: { status: 402 } });
	});

	it('pages lists like a Laravel paginator when switched on; its links drop the filters', async () => {
		sim.settings.pagination = { perPage: 10, style: 'laravel' };
		const first = await get('/customers');
		const page = (first.body.data as { customers: Record<string, unknown> }).customers;
		expect(page).toMatchObject({ current_page: 1, last_page: 3, per_page: 10, total: 24, from: 1, to: 10, prev_page_url: null });
		expect((page.data as unknown[]).length).toBe(10);
		expect(page.next_page_url).toBe(`${sim.url}/api/v1/customers?page=2`);
		const last = await get('/customers?page=3');
		expect((last.body.data as { customers: Record<string, unknown> }).customers).toMatchObject({ current_page: 3, next_page_url: null, from: 21, to: 24 });
		const filtered = await get('/customers?customer_group_id=1');
		const fp = (filtered.body.data as { customers: Record<string, unknown> }).customers;
		expect(String(fp.next_page_url ?? '')).not.toContain('customer_group_id');
		expect(sim.violations).toEqual([]);
	});

	it('can page with only meta counts and no links', async () => {
		sim.settings.pagination = { perPage: 5, style: 'meta-only' };
		const res = await get('/inventory/items');
		expect((res.body.data as { items: unknown[] }).items).toHaveLength(5);
		expect(res.body.meta).toEqual({ current_page: 1, last_page: 4, per_page: 5, total: 19 });
		expect(res.body.message).toBe('Items found: 5');
	});

	it('records a page parameter as a violation while lists are not paged', async () => {
		const res = await get('/sales?page=2');
		expect(res.status).toBe(200);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-query', message: expect.stringContaining('page') })]);
	});

	it('deletes (inferred paths) with 200 and the envelope, or 204 when switched', async () => {
		const res = await call('DELETE', '/customers/3');
		expect(res.body).toEqual({ status: 200, message: 'Customer deleted successfully', data: null });
		expect((await get('/customers/3')).status).toBe(404);
		sim.settings.deleteStatus = 204;
		const empty = await call('DELETE', '/sales/324232');
		expect(empty.status).toBe(204);
		expect(empty.body).toBeUndefined();
		expect(sim.state.lineItems('324232')).toEqual([]);
		expect((await call('DELETE', '/expenses/999')).status).toBe(404);
	});

	it('records a body sent without a JSON content type', async () => {
		const res = await fetch(`${sim.baseUrl}/customer-groups/add`, {
			method: 'POST',
			headers: { ...auth, 'Content-Type': 'text/plain' },
			body: JSON.stringify({ group_name: 'Plain' }),
		});
		expect(res.status).toBe(200);
		expect(sim.violations).toEqual([expect.objectContaining({ kind: 'invalid-headers' })]);
	});

	it('moves its clock one second per write, so every change has its own updated_at', () => {
		const a = sim.state.addCustomer({ customer_name: 'Yaa Asantewaa' });
		const b = sim.state.updateCustomer(a.id, { customer_city: 'Ejisu' });
		expect(b.updated_at > a.updated_at).toBe(true);
		expect(b.created_at).toBe(a.created_at);
		sim.reset();
		expect(sim.state.customer(a.id)).toBeUndefined();
		expect(sim.settings).toEqual({ planLapsed: false, createStatus: 200, errorsAsHttp200: false, pagination: null, deleteStatus: 200 });
	});
});
