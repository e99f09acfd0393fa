// Issue 13: the CLIENTXCMS node against what the server's source (v2.16-fix, 475fdf6) does with
// request bodies and query options. Each behaviour the simulator reproduces cites its source line
// beside its code in test/simulators/clientxcms/routes.ts.
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { registerSecret } from '../helpers/secrets';
import { startClientXcmsSimulator } from '../simulators/clientxcms';
import type { ClientXcmsSimulator } from '../simulators/clientxcms';
import type { Row, Table } from '../simulators/clientxcms/state';
import { locator } from '../helpers/locator';
import { runNode } from './harness';
import { useSimulator } from '../helpers/simulator';

let sim: ClientXcmsSimulator;
const credentials = () => ({ clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: sim.apiKey } });
const run = (parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({ nodeType: ClientXcms, parameters: parameters as never, credentials: credentials(), credentialTypes: [ClientXcmsApi], ...extra });
const P = '/api/application';
const calls = (path?: string, method?: string) => sim.log.filter((e) => (path === undefined || e.path === `${P}${path}`) && (method === undefined || e.method === method));
const c = (resource: string, operation: string, extra: IDataObject = {}) => ({ resource, operation, ...extra });
const GROUP_SHOW_KEY = registerSecret('cxcms_groupshow_key_5d81c0');

/** The options of a node property shown for this resource/operation (e.g. Sort By of coupon Get Many). */
function optionValues(resource: string, operation: string, collection: string, name: string): string[] {
	const props = new ClientXcms().description.properties;
	const prop = props.find((p) => p.name === collection && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));
	const inner = (prop?.options as INodeProperties[] | undefined)?.find((o) => o.name === name);
	const values = (inner?.options ?? []) as Array<{ value: string }>;
	return values.map((v) => v.value);
}

function fieldFilterValues(resource: string, operation: string): string[] {
	const props = new ClientXcms().description.properties;
	const prop = props.find((p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));
	const filter = (prop?.options as Array<{ values: INodeProperties[] }> | undefined)?.[0];
	return ((filter?.values.find((v) => v.name === 'field')?.options ?? []) as Array<{ value: string }>).map((o) => o.value);
}

function collectionKeys(resource: string, operation: string, collection: string): string[] {
	const props = new ClientXcms().description.properties;
	const prop = props.find((p) => p.name === collection && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));
	return ((prop?.options ?? []) as INodeProperties[]).map((o) => o.name);
}

useSimulator(() => startClientXcmsSimulator(), (s) => (sim = s), (s) => {
	s.rateLimit.set({ limit: 60, windowMs: 600 });
	s.settings.bugs = false;
});

describe('CLIENTXCMS fidelity: data loss on a real server', () => {
	it('1. coupon Update sends the flags as JSON booleans and keeps products and required products', async () => {
		// Coupon 2 as MySQL answers it: free_setup 1 (a tinyint, no cast), products 3 and 4, required product "1".
		const { error } = await run(c('coupon', 'update', { couponId: '2', updateFields: { max_uses: 10 } }));
		expect(error).toBeUndefined();
		const body = calls('/coupons/2', 'POST')[0].body as IDataObject;
		expect(body).toMatchObject({ free_setup: true, first_order_only: false, is_global: false, products: [3, 4], required_products: ['1'] });
		const coupon = sim.state.find('coupons', 2)!;
		expect(coupon).toMatchObject({ max_uses: 10, free_setup: 1, first_order_only: 0, is_global: 0, products_required: ['1'] });
		expect(sim.state.tables.coupon_products.filter((p) => p.coupon_id === 2).map((p) => p.product_id)).toEqual([3, 4]);
		// The user's own values win.
		await run(c('coupon', 'update', { couponId: '2', updateFields: { free_setup: false, products: ['5'] } }));
		expect(sim.state.find('coupons', 2)).toMatchObject({ free_setup: 0, products_required: ['1'] });
		expect(sim.state.tables.coupon_products.filter((p) => p.coupon_id === 2).map((p) => p.product_id)).toEqual([5]);
		expect(sim.violations).toEqual([]);
	});

	it('customer Create with "Email Verified" off leaves the e-mail unverified (a JSON false counts as filled)', async () => {
		const customer = { email: 'aline.roux@example.fr', firstname: 'Aline', lastname: 'Roux', address: '1 quai', city: 'Lyon', zipcode: '69002', region: 'ARA', country: 'FR', locale: 'fr_FR' };
		const { items, error } = await run(c('customer', 'create', { ...customer, additionalFields: { verified: false } }));
		expect(error).toBeUndefined();
		expect(calls('/customers', 'POST')[0].body).not.toHaveProperty('verified');
		expect(sim.state.find('customers', items[0].json.id)).toMatchObject({ email_verified_at: null, is_confirmed: 0 });
	});

	it('2. subdomain Update keeps products and groups', async () => {
		const { error } = await run(c('subdomain', 'update', { subdomainId: '1', updateFields: { domain: 'espace.example.fr' } }));
		expect(error).toBeUndefined();
		expect(sim.state.find('subdomains', 1)).toMatchObject({ domain: 'espace.example.fr', products: [1, 2], groups: [1] });
	});

	it('3. group offers "use image as background" and keeps it on Update', async () => {
		const meta = () => sim.state.tables.metadata.filter((m) => m.model_type === 'groups' && m.key === 'use_image_as_background').map((m) => m.model_id);
		const created = await run(c('group', 'create', { name: 'Mail', description: 'Mail', status: 'active', slug: 'mail', sort_order: 4, additionalFields: { use_image_as_background: true } }));
		expect(created.error).toBeUndefined();
		expect(meta()).toEqual([4]);
		const plain = await run(c('group', 'create', { name: 'Games', description: 'Games', status: 'active', slug: 'games', sort_order: 5, additionalFields: { use_image_as_background: false } }));
		expect(plain.error).toBeUndefined();
		expect(meta()).toEqual([4]);
		await run(c('group', 'update', { groupId: locator(4), updateFields: { description: 'Mail hosting' } }));
		expect(meta()).toEqual([4]);
		expect(calls('/groups/4', 'POST')[0].body).toMatchObject({ use_image_as_background: 'true' });
		await run(c('group', 'update', { groupId: locator(4), updateFields: { use_image_as_background: false } }));
		expect(meta()).toEqual([]);
		expect(sim.violations).toEqual([]);
	});
});

describe('CLIENTXCMS fidelity: requests the server refuses or ignores', () => {
	it('4. invoice Get Many offers no "amount" filter or sort (no such column: HTTP 500)', async () => {
		expect(fieldFilterValues('invoice', 'getAll')).not.toContain('amount');
		expect(optionValues('invoice', 'getAll', 'options', 'sortBy')).not.toContain('amount');
		const res = await fetch(`${sim.baseUrl}${P}/invoices?filter[amount]=1`, { headers: { Authorization: `Bearer ${sim.apiKey}` } });
		expect(res.status).toBe(500);
	});

	it("5. Sort By lists each route's own sorts", async () => {
		// The dropdown lists them by name (n8n's sorted-options rule); the set is the route's whitelist.
		expect(optionValues('coupon', 'getAll', 'options', 'sortBy').sort()).toEqual(['id', 'code', 'type', 'start_at', 'end_at', 'max_uses', 'usages', 'is_global', 'created_at', 'updated_at'].sort());
		expect(optionValues('server', 'getAll', 'options', 'sortBy')).toEqual(expect.arrayContaining(['port', 'maxaccounts']));
		expect(optionValues('subdomain', 'getAll', 'options', 'sortBy')).toEqual(expect.arrayContaining(['products', 'groups']));
		const sorted = await run(c('coupon', 'getAll', { returnAll: true, options: { sortBy: 'usages', sortDirection: 'desc' } }));
		expect(sorted.error).toBeUndefined();
		expect(sorted.items.map((i) => i.json.code)).toEqual(['WELCOME10', 'VPS5']);
		const refused = await run(c('coupon', 'getAll', { returnAll: true, options: { sortBy: 'customer_id' } }));
		expect(refused.error?.httpCode).toBe('400');
	});

	it('6. product Sort Order is not offered: the server ignores it on create and update', async () => {
		expect(collectionKeys('product', 'create', 'additionalFields')).not.toContain('sort_order');
		expect(collectionKeys('product', 'update', 'updateFields')).not.toContain('sort_order');
		// What the server does with one (the simulator, from the source): nothing.
		const post = (path: string, body: IDataObject) =>
			fetch(`${sim.baseUrl}${P}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		expect((await post('/products', { name: 'X', description: 'X', status: 'active', group_id: 1, stock: 1, type: 'none', sort_order: 9 })).status).toBe(201);
		expect(sim.state.find('products', 7)!.sort_order).toBe(0);
		expect((await post('/products/2', { sort_order: 9 })).status).toBe(200);
		expect(sim.state.find('products', 2)!.sort_order).toBe(1);
	});

	it('7. server Test Connection says it cannot work on v2.15 – v2.16-fix', async () => {
		const props = new ClientXcms().description.properties;
		const operation = props.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('server'));
		const test = (operation?.options as Array<{ value: string; description?: string }>).find((o) => o.value === 'test');
		expect(test?.description).toMatch(/cannot work on CLIENTXCMS v2\.15 – v2\.16-fix/);
		const { error } = await run(c('server', 'test', { hostname: 'pve-01.example.net', address: '10.0.0.11' }));
		expect(error?.message).toMatch(/^Test Connection cannot work on CLIENTXCMS v2\.15 – v2\.16-fix/);
		expect(error?.description).toContain('POST /servers/{server}');
	});

	it('8. ticket Create offers neither Related Record nor attachments, and says why', async () => {
		const props = new ClientXcms().description.properties;
		const forCreate = props.filter((p) => p.displayOptions?.show?.resource?.includes('ticket') && p.displayOptions?.show?.operation?.includes('create'));
		expect(forCreate.map((p) => p.name)).not.toContain('attachments');
		expect(collectionKeys('ticket', 'create', 'additionalFields')).not.toContain('related_id');
		const notice = forCreate.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/Reply/);
		expect(notice?.displayName).toMatch(/HTTP 500/);
		// What the server does with them (the simulator, from the source): 500, and files dropped.
		const res = await fetch(`${sim.baseUrl}${P}/tickets`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ department_id: 1, priority: 'low', subject: 'x', content: 'hello there', related_id: 'service-2' }),
		});
		expect(res.status).toBe(500);
		const form = new FormData();
		for (const [k, v] of Object.entries({ department_id: '1', priority: 'low', subject: 'x', content: 'hello there' })) form.append(k, v);
		form.append('attachments[]', new Blob(['hello']), 'a.txt');
		const multipart = await fetch(`${sim.baseUrl}${P}/tickets`, { method: 'POST', headers: { Authorization: `Bearer ${sim.apiKey}` }, body: form });
		expect(multipart.status).toBe(201);
		expect(sim.state.tables.ticket_attachments).toEqual([]);
		const created = await run(c('ticket', 'create', { department_id: '1', priority: 'high', subject: 'Mail', content: 'Mails bounce.' }));
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({ id: 6, subject: 'Mail' });
	});
});

describe('CLIENTXCMS fidelity: messages', () => {
	it('9. Group Get names groups:index when the list read is refused; Get Config names a missing module configuration', async () => {
		sim.settings.bugs = true;
		sim.addKey(GROUP_SHOW_KEY, ['groups:show']);
		const { error } = await run(c('group', 'get', { groupId: locator(2) }), { credentials: { clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: GROUP_SHOW_KEY } } });
		expect(error?.message).toContain('"groups:index"');
		const config = await run(c('product', 'getConfig', { productId: locator(1) }));
		expect(config.error?.message).toBe('Product 1 has no module configuration (HTTP 404)');
		const missing = await run(c('product', 'getConfig', { productId: locator(99) }));
		expect(missing.error?.message).toBe('Product 99 was not found (HTTP 404)');
	});

	it('11. an empty Base URL becomes an error item per item under Continue On Fail', async () => {
		const { items, error } = await run(c('instance', 'license'), {
			credentials: { clientXcmsApi: { baseUrl: '', apiKey: sim.apiKey } },
			continueOnFail: true,
			inputItems: [{ json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.error)).toEqual([expect.stringContaining('not a valid URL'), expect.stringContaining('not a valid URL')]);
		expect(sim.log).toHaveLength(0);
	});

	it('12. an Update with no fields is refused before anything is sent', async () => {
		const { error } = await run(c('customer', 'update', { customerId: locator(1), updateFields: {} }));
		expect(error?.message).toMatch(/No fields to update/);
		expect(error?.description).toMatch(/set at least one field to update/i);
		const reason = await run(c('cancellationReason', 'update', { cancellationReasonId: '1', updateFields: {} }));
		expect(reason.error?.message).toMatch(/No fields to update/);
		expect(sim.log).toHaveLength(0);
	});
});

/**
 * "An update of every resource changes only the fields the user set": a record with every field
 * non-default (stored as the server stores it), one field updated through the node, every other
 * field compared in the simulator's store.
 */
describe('CLIENTXCMS fidelity: every Update changes only the field set', () => {
	const STAMP = '2026-03-01T10:00:00.000000Z';
	interface UpdateCase {
		table: Table;
		id: number;
		seed: Record<string, unknown>;
		parameters: IDataObject;
		changed: Record<string, unknown>;
		/** Related state the update must not touch either. */
		related?: () => unknown;
	}
	const cases: Record<string, UpdateCase> = {
		customer: {
			table: 'customers',
			id: 5,
			seed: {
				company_name: 'Robert SAS',
				billing_details: 'VAT FR12345678901',
				address2: 'Bât. B',
				locale: 'en_GB',
				balance: '12.50',
				notes: 'VIP',
				dark_mode: 1,
				gdpr_compliment: 1,
				last_login: STAMP,
				totp_secret: 'JBSWY3DPEHPK3PXP',
				security_question_id: 2,
				avatar_path: 'avatars/5.png',
				confirmation_token: 'tok',
			},
			parameters: { customerId: locator(5), updateFields: { city: 'Arcachon' } },
			changed: { city: 'Arcachon' },
		},
		product: {
			table: 'products',
			id: 4,
			seed: { status: 'hidden', description: '<p>Big</p>', sort_order: 7, stock: 3, type: 'proxmox', pinned: true, image: 'products/4.png', group_id: 1 },
			parameters: { productId: locator(4), updateFields: { name: 'VPS M+' } },
			changed: { name: 'VPS M+' },
			related: () => sim.state.find('pricings', 4),
		},
		group: {
			table: 'groups',
			id: 1,
			seed: { status: 'hidden', badge_title: 'New', badge_color: '#ff0000', badge_icon: 'bi bi-star', sort_order: 5, pinned: true, image: 'groups/web.png', parent_id: 2 },
			parameters: { groupId: locator(1), updateFields: { description: 'Shared hosting' } },
			changed: { description: 'Shared hosting' },
			related: () => sim.state.tables.metadata.filter((m) => m.model_type === 'groups'),
		},
		pricing: {
			table: 'pricings',
			id: 2,
			seed: { weekly: 0.5, setup_weekly: 0.1, onetime: 1, quarterly: 2, semiannually: 3, annually: 4, biennially: 5, triennially: 6, setup_onetime: 1, setup_monthly: 2, setup_quarterly: 3, setup_semiannually: 4, setup_annually: 5, setup_biennially: 6, setup_triennially: 7, currency: 'USD' },
			parameters: { pricingId: '2', updateFields: { monthly: 7.49 } },
			changed: { monthly: 7.49 },
		},
		invoice: {
			table: 'invoices',
			id: 1,
			seed: {
				fees: 1.5,
				tax: 2.6,
				setupfees: 3,
				paymethod: 'stripe',
				external_id: 'pi_123',
				balance: 1,
				billing_address: { firstname: 'Camille', country: 'BE' },
				currency: 'USD',
				notes: 'Order 1000',
				paid_at: STAMP,
				payment_method_id: 'pm_1',
				pdf_sha256: 'ab'.repeat(32),
			},
			parameters: { invoiceId: locator(1), updateFields: { notes: 'Paid by transfer' } },
			changed: { notes: 'Paid by transfer' },
		},
		department: {
			table: 'departments',
			id: 2,
			seed: { sla_first_response_minutes: 30, sla_resolution_minutes: 600, icon: 'bi bi-cash', staff_subscribers: [1, 2] },
			parameters: { departmentId: '2', updateFields: { name: 'Accounting' } },
			changed: { name: 'Accounting' },
		},
		ticket: {
			table: 'tickets',
			id: 1,
			seed: {
				close_reason: 'Duplicate',
				assigned_to: 1,
				related_type: 'service',
				related_id: 1,
				priority: 'high',
				department_id: 2,
				staff_subscribers: [1],
				closed_at: STAMP,
				closed_by: 'admin',
				closed_by_id: 1,
				first_response_due_at: STAMP,
				resolution_due_at: STAMP,
				first_response_at: STAMP,
				sla_breached_notified_at: STAMP,
			},
			parameters: { ticketId: '1', updateFields: { subject: 'Site down since 9:00' } },
			changed: { subject: 'Site down since 9:00' },
		},
		coupon: {
			table: 'coupons',
			id: 2,
			seed: { free_setup: 1, first_order_only: 1, is_global: 1, unique_use: 1, applied_month: 6, max_uses: 9, max_uses_per_customer: 2, usages: 4, minimum_order_amount: 15, customer_id: 3, start_at: STAMP, end_at: '2026-04-01T10:00:00.000000Z', products_required: ['1', '2'] },
			parameters: { couponId: '2', updateFields: { code: 'VPS6' } },
			changed: { code: 'VPS6' },
			related: () => sim.state.tables.coupon_products,
		},
		server: {
			table: 'servers',
			id: 2,
			seed: { port: 2087, username: 'reseller', password: 'other-pass', type: 'pterodactyl', status: 'unreferenced', maxaccounts: 30 },
			parameters: { serverId: '2', updateFields: { name: 'web-02' } },
			changed: { name: 'web-02' },
		},
		subdomain: {
			table: 'subdomains',
			id: 1,
			seed: { products: [1, 2, 3], groups: [1, 2] },
			parameters: { subdomainId: '1', updateFields: { domain: 'espace.example.fr' } },
			changed: { domain: 'espace.example.fr' },
		},
		cancellationReason: {
			table: 'cancellation_reasons',
			id: 3,
			seed: { status: 'hidden' },
			parameters: { cancellationReasonId: '3', updateFields: { reason: 'Not needed any more' } },
			changed: { reason: 'Not needed any more' },
		},
	};

	it.each(Object.keys(cases))('%s', async (resource) => {
		const k = cases[resource];
		const row = sim.state.find(k.table, k.id) as Row;
		Object.assign(row, k.seed);
		if (resource === 'group') sim.state.tables.metadata.push({ id: 90, model_type: 'groups', model_id: 1, key: 'use_image_as_background', value: 'true' });
		const before = structuredClone(row);
		const relatedBefore = structuredClone(k.related?.());
		const { error } = await run(c(resource, 'update', k.parameters));
		expect(error).toBeUndefined();
		const after = sim.state.find(k.table, k.id) as Row;
		const expected: Record<string, unknown> = { ...before, ...k.changed };
		for (const key of Object.keys(expected)) {
			if (key === 'updated_at') continue;
			expect({ field: key, value: after[key] }).toEqual({ field: key, value: expected[key] });
		}
		expect(k.related?.()).toEqual(relatedBefore);
		expect(sim.violations).toEqual([]);
	});
});
