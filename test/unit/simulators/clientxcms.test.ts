// The CLIENTXCMS simulator against the research notes (research/clientxcms.md): auth and abilities,
// the error bodies of §3.3, the three list envelopes, query whitelists, FormRequest validation,
// soft deletes, the bug switch and the v2.14 route set.
import { CLIENTXCMS_TEST_KEY, startClientXcmsSimulator, type ClientXcmsSimulator } from '../../simulators/clientxcms';

const auth = { Authorization: `Bearer ${CLIENTXCMS_TEST_KEY}` };
type Body = Record<string, unknown> & { message?: string; data?: Array<Record<string, unknown>> };

describe('CLIENTXCMS simulator', () => {
	let sim: ClientXcmsSimulator;
	const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
		const res = await fetch(`${sim.url}/api/application${path}`, {
			method,
			headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// a file
		}
		return { status: res.status, headers: res.headers, body: parsed as Body };
	};

	beforeAll(async () => {
		sim = await startClientXcmsSimulator();
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('answers 401 Unauthenticated without a known bearer token, JSON whatever Accept says', async () => {
		const res = await call('GET', '/customers', undefined, { Accept: 'application/xml' });
		expect(res.status).toBe(401);
		expect(res.body).toEqual({ message: 'Unauthenticated.' });
		expect(res.headers.get('content-type')).toContain('application/json');
	});

	it('checks the exact ability or *: 403 Invalid ability provided.', async () => {
		sim.addKey('cx_sim_key_customers', ['customers:index', 'hearth', 'license']);
		const h = { Authorization: 'Bearer cx_sim_key_customers' };
		expect((await call('GET', '/customers', undefined, h)).status).toBe(200);
		expect(await call('GET', '/products', undefined, h)).toMatchObject({ status: 403, body: { message: 'Invalid ability provided.' } });
		expect((await call('GET', '/health', undefined, h)).status).toBe(403);
		expect((await call('GET', '/license', undefined, h)).status).toBe(200);
	});

	it('serves the three envelopes', async () => {
		const e1 = await call('GET', '/customers?per_page=5&page=2');
		expect(e1.body).toMatchObject({ links: { next: expect.stringContaining('page=3') }, meta: { current_page: 2, last_page: 3, per_page: 5, total: 12 } });
		expect(e1.body.data).toHaveLength(5);
		const e2 = await call('GET', '/products?per_page=4');
		expect(e2.body).toMatchObject({ current_page: 1, last_page: 2, total: 6, next_page_url: expect.stringContaining('per_page=4&page=2') });
		const e3 = await call('GET', '/products/2');
		expect(e3.body).toMatchObject({ current_page: 1, total: 1, data: [{ id: 2, name: 'Hosting Pro' }] });
		expect(await call('GET', '/products/999')).toMatchObject({ status: 200, body: { data: [], total: 0 } });
		expect((await call('GET', '/logs')).body).toMatchObject({ per_page: 50 });
	});

	it('refuses filters, sorts and includes outside the whitelist with Spatie messages', async () => {
		expect(await call('GET', '/groups?filter[id]=1')).toMatchObject({ status: 400, body: { message: expect.stringContaining('Requested filter(s) `id` are not allowed') } });
		expect((await call('GET', '/customers?sort=-balance')).body.message).toContain('Requested sort(s) `balance` is not allowed');
		expect((await call('GET', '/invoices?include=lines')).body.message).toContain('Requested include(s) `lines` are not allowed');
		const filtered = await call('GET', '/customers?filter[lastname]=durand,MART&sort=-id');
		expect(filtered.body.data!.map((c) => c.id)).toEqual([2, 1]);
	});

	it('validates bodies like the FormRequests and answers Laravel 422 bodies', async () => {
		const res = await call('POST', '/customers', { email: 'x@example.fr' });
		expect(res.status).toBe(422);
		expect(res.body.message).toBe('The firstname field is required. (and 7 more errors)');
		expect(res.body.errors).toMatchObject({ firstname: ['The firstname field is required.'], country: ['The country field is required.'] });
		// Updates are not partial: a customer update needs the full identity.
		expect((await call('POST', '/customers/1', { city: 'Caen' })).status).toBe(422);
		expect((await call('POST', '/cancellation_reasons/1', { status: 'hidden' })).status).toBe(200);
		sim.resetLog();
	});

	it('resets pinned and slug when an update omits them, as the server does', async () => {
		await call('POST', '/products/1', { name: 'Renamed' });
		expect(sim.state.find('products', 1)).toMatchObject({ name: 'Renamed', pinned: false });
		await call('POST', '/groups/1', { description: 'x' });
		expect(sim.state.find('groups', 1)).toMatchObject({ slug: '', pinned: false });
	});

	it('reads flags as the FormRequests do and resets on omit as the controllers do (v2.16-fix source)', async () => {
		// CouponRequest.php:73-75: only JSON true / "true" is true; a MySQL 1 sent back is stored as false.
		const coupon = { code: 'VPS5', type: 'fixed', applied_month: -1, free_setup: 1, first_order_only: 'true', is_global: true, max_uses: 0, max_uses_per_customer: 0, usages: 0, minimum_order_amount: 10 };
		expect((await call('POST', '/coupons/2', coupon)).body).toMatchObject({ free_setup: '0', first_order_only: '1', is_global: '1', products: [] });
		expect(sim.state.find('coupons', 2)).toMatchObject({ free_setup: 0, first_order_only: 1, is_global: 1, products_required: [] });
		expect((await call('GET', '/coupons/2')).body.data![0]).toMatchObject({ free_setup: 0, first_order_only: 1 });
		// SubdomainHostController.php:198-199.
		await call('POST', '/subdomains/1', { domain: 'clients.example.fr' });
		expect(sim.state.find('subdomains', 1)).toMatchObject({ products: [], groups: [] });
		// UpdateGroupRequest.php:93-97: the flag is set by the key's presence, cleared by its absence.
		await call('POST', '/groups/2', { slug: 'vps', use_image_as_background: 'false' });
		expect((await call('GET', '/groups?include=metadata&filter[slug]=vps')).body.data![0].metadata).toEqual([expect.objectContaining({ key: 'use_image_as_background', value: 'true' })]);
		await call('POST', '/groups/2', { slug: 'vps' });
		expect(sim.state.tables.metadata).toEqual([]);
		// Spatie whitelists per controller; invoices `amount` is whitelisted but no column (500).
		expect((await call('GET', '/coupons?sort=customer_id')).status).toBe(400);
		expect((await call('GET', '/servers?sort=-maxaccounts')).body.data!.map((r) => r.id)).toEqual([1, 2]);
		expect((await call('GET', '/invoices?sort=amount')).status).toBe(500);
		sim.resetLog();
	});

	it('answers as the source does for services, department and ticket deletes, and POST /servers/test', async () => {
		expect(await call('GET', '/services/99')).toMatchObject({ status: 404, body: { message: '' } });
		expect((await call('DELETE', '/departments/3')).status).toBe(204);
		expect(await call('DELETE', '/tickets/1')).toMatchObject({ status: 200 });
		expect(sim.state.find('tickets', 1)).toMatchObject({ status: 'closed', deleted_at: null });
		sim.settings.bugs = false;
		expect(await call('POST', '/servers/test', { hostname: 'h', address: '10.0.0.1' })).toMatchObject({ status: 404, body: { message: 'No query results for model [App\\Models\\Provisioning\\Server] test' } });
		sim.resetLog();
	});

	it('soft-deletes: deleted rows vanish from lists and 404 on binding', async () => {
		expect((await call('DELETE', '/customers/12')).body).toEqual({ message: 'Customer deleted successfully' });
		expect((await call('GET', '/customers/12')).body).toEqual({ message: 'No query results for model [App\\Models\\Account\\Customer] 12' });
		expect(sim.state.tables.customers.find((c) => c.id === 12)!.deleted_at).not.toBeNull();
		expect((await call('GET', '/customers')).body).toMatchObject({ meta: { total: 11 } });
		expect((await call('DELETE', '/invoices/3')).status).toBe(204);
		expect(await call('DELETE', '/invoices/2')).toMatchObject({ status: 403, body: { message: 'Invoice cannot be deleted' } });
		expect(await call('DELETE', '/customers/1')).toMatchObject({ status: 400, body: { blocking_reasons: { active_services: { count: 1 } } } });
	});

	it('reproduces the known bugs behind a switch', async () => {
		const suspend = await call('POST', '/services/1/suspend', { reason: 'x' });
		expect(suspend).toMatchObject({ status: 200, body: { result: [{ success: false, message: 'Invalid status' }, 'suspended'] } });
		expect(await call('GET', '/groups/2')).toMatchObject({ status: 200, body: { parent_id: null, status: 'active', sort_order: 0, pinned: false } });
		expect((await call('POST', '/servers/test', { hostname: 'h', address: '10.0.0.1' })).status).toBe(404);
		sim.settings.bugs = false;
		expect((await call('POST', '/services/1/suspend', {})).body).toMatchObject({ data: { status: 'suspended' }, result: [{ success: true }, 'suspended'] });
		expect((await call('GET', '/groups/2')).body).toMatchObject({ id: 2, name: 'VPS' });
	});

	it('answers 404 route-not-found and 405 like Laravel, and only 42 routes as v2.14', async () => {
		expect((await call('GET', '/statistics')).body).toEqual({ message: 'The route api/application/statistics could not be found.' });
		expect(await call('PUT', '/customers/1', {})).toMatchObject({ status: 405, body: { message: expect.stringContaining('Supported methods: GET, POST, DELETE') } });
		sim.settings.version = '2.14';
		sim.rateLimit.set(null);
		let missing = 0;
		for (const r of sim.routes) {
			const path = r.path.replace('{id}', '1').replace('{action}', 'ban');
			const res = await call(r.method, path, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
			if (res.status === 404 && String(res.body.message).startsWith('The route ')) missing++;
		}
		expect(missing).toBe(40);
		sim.resetLog();
	});

	it('serves invoice PDFs and parses multipart ticket replies', async () => {
		const pdf = await fetch(`${sim.url}/api/application/invoices/2/pdf`, { headers: auth });
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
		const form = new FormData();
		form.append('content', 'See attached file');
		form.append('attachments[]', new Blob(['hello']), 'a.txt');
		const res = await fetch(`${sim.url}/api/application/tickets/1/reply`, { method: 'POST', headers: auth, body: form });
		expect(res.status).toBe(200);
		expect(sim.state.tables.ticket_attachments).toEqual([expect.objectContaining({ filename: 'a.txt', size: 5 })]);
	});

	it('limits to 60 requests a minute per admin with 429 Too Many Attempts.', async () => {
		sim.rateLimit.set({ limit: 2, windowMs: 60_000 });
		await call('GET', '/health');
		const second = await call('GET', '/health');
		expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
		const third = await call('GET', '/health');
		expect(third).toMatchObject({ status: 429, body: { message: 'Too Many Attempts.' } });
		expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});
