import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { catalog } from '../../nodes/ClientXcms/catalog';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { registerSecret } from '../helpers/secrets';
import { startClientXcmsSimulator } from '../simulators/clientxcms';
import type { ClientXcmsSimulator } from '../simulators/clientxcms';
import { pairedIndexes } from '../helpers/items';
import { locator } from '../helpers/locator';
import { runListSearch, runLoadOptions, runNode, testCredential } from './harness';
import { useSimulator } from '../helpers/simulator';

let sim: ClientXcmsSimulator;
const credentials = () => ({ clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: sim.apiKey } });
const common = () => ({ credentials: credentials(), credentialTypes: [ClientXcmsApi] });

const run = (parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({ nodeType: ClientXcms, parameters: parameters as never, ...common(), ...extra });

const P = '/api/application';
const calls = (path?: string, method?: string) => sim.log.filter((e) => (path === undefined || e.path === `${P}${path}`) && (method === undefined || e.method === method));
const NARROW_KEY = registerSecret('cxcms_narrow_key_3e7d1c');
const HEARTH_KEY = registerSecret('cxcms_hearth_key_9a2b6f');

// Tier 2 runs the pacers 100× faster (test/core/setup.ts): the simulator's minute shrinks too.
useSimulator(() => startClientXcmsSimulator(), (s) => (sim = s), (s) => s.rateLimit.set({ limit: 60, windowMs: 600 }));

interface Case {
	parameters: IDataObject;
	setup?: () => void;
	check: (items: INodeExecutionData[]) => void;
	/** The operation cannot succeed on any current release: the node's error. */
	error?: RegExp;
}

const newCustomer = {
	email: 'aline.roux@example.fr',
	firstname: 'Aline',
	lastname: 'Roux',
	address: '1 quai Saint-Antoine',
	city: 'Lyon',
	zipcode: '69002',
	region: 'Auvergne-Rhône-Alpes',
	country: 'FR',
	locale: 'fr_FR',
};

const c = (resource: string, operation: string, extra: IDataObject = {}) => ({ resource, operation, ...extra });

const cases: Record<string, Case> = {
	'instance.health': { parameters: c('instance', 'health'), check: (i) => expect(i[0].json).toEqual({ status: 'ok' }) },
	'instance.license': { parameters: c('instance', 'license'), check: (i) => expect(i[0].json).toMatchObject({ status: 'ok', license: { type: 'pro' } }) },

	'customer.getAll': {
		parameters: c('customer', 'getAll', { returnAll: true, options: { perPage: 5, sortBy: 'lastname', sortDirection: 'desc' } }),
		check: (i) => {
			expect(i).toHaveLength(12);
			expect(i[0].json.lastname).toBe('Simon');
			expect(calls('/customers').map((e) => e.query.page)).toEqual(['1', '2', '3']);
		},
	},
	'customer.create': {
		parameters: c('customer', 'create', { ...newCustomer, additionalFields: { phone: '+33612340000', verified: true } }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ id: 13, email: 'aline.roux@example.fr', is_confirmed: true });
			expect(calls('/customers', 'POST')[0].headers['content-type']).toContain('application/json');
		},
	},
	'customer.get': { parameters: c('customer', 'get', { customerId: locator(2) }), check: (i) => expect(i[0].json).toMatchObject({ id: 2, firstname: 'Lucas' }) },
	'customer.update': {
		parameters: c('customer', 'update', { customerId: locator(2), updateFields: { city: 'Marseille' } }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ id: 2, city: 'Marseille', firstname: 'Lucas', lastname: 'Martin' });
			expect(calls('/customers/2').map((e) => e.method)).toEqual(['GET', 'POST']);
			expect(calls('/customers/2', 'POST')[0].body).toMatchObject({ city: 'Marseille', firstname: 'Lucas', country: 'FR', zipcode: '69001' });
		},
	},
	'customer.delete': { parameters: c('customer', 'delete', { customerId: locator(12) }), check: (i) => expect(i[0].json).toEqual({ message: 'Customer deleted successfully' }) },
	'customer.confirm': { parameters: c('customer', 'confirm', { customerId: locator(3) }), check: (i) => expect(i[0].json).toMatchObject({ id: 3, is_confirmed: true }) },
	'customer.resendConfirmation': { parameters: c('customer', 'resendConfirmation', { customerId: locator(6) }), check: (i) => expect(i[0].json).toEqual({ message: 'Verification link sent' }) },
	'customer.sendPassword': { parameters: c('customer', 'sendPassword', { customerId: locator(9) }), check: (i) => expect(i[0].json).toEqual({ message: 'Reset link sent' }) },
	'customer.action': {
		parameters: c('customer', 'action', { customerId: locator(1), accountAction: 'suspend', actionOptions: { reason: 'Fraud check', notify: true } }),
		check: (i) => {
			expect(i[0].json.metadata).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'suspended_reason', value: 'Fraud check' })]));
			expect(calls('/customers/1/action/suspend')).toHaveLength(1);
		},
	},

	'product.getAll': {
		parameters: c('product', 'getAll', { returnAll: true, filters: { filter: [{ field: 'group_id', value: '1' }] }, options: { include: ['pricing'], perPage: 2 } }),
		check: (i) => {
			expect(i.map((x) => x.json.name)).toEqual(['Hosting Starter', 'Hosting Pro', 'Managed Backup']);
			expect(i[0].json.pricing).toEqual([expect.objectContaining({ monthly: 2.99 })]);
			expect(calls('/products')[0].query).toMatchObject({ 'filter[group_id]': '1', include: 'pricing', per_page: '2' });
		},
	},
	'product.create': {
		parameters: c('product', 'create', { name: 'VPS L', description: 'Big VPS', status: 'active', group_id: '2', stock: 10, type: 'proxmox' }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 7, name: 'VPS L', group_id: 2, pinned: false }),
	},
	'product.get': { parameters: c('product', 'get', { productId: locator(4) }), check: (i) => expect(i[0].json).toMatchObject({ id: 4, name: 'VPS M', metadata: [] }) },
	'product.update': {
		parameters: c('product', 'update', { productId: locator(1), updateFields: { name: 'Hosting Starter+' } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 1, name: 'Hosting Starter+', pinned: true }),
	},
	'product.delete': { parameters: c('product', 'delete', { productId: locator(6) }), check: (i) => expect(i[0].json).toMatchObject({ id: 6 }) },
	'product.getConfig': { parameters: c('product', 'getConfig', { productId: locator(3) }), check: (i) => expect(i[0].json).toEqual({ node: 'pve', memory: 2048, cores: 2 }) },
	'product.updateConfig': {
		parameters: c('product', 'updateConfig', { productId: locator(3), config: '{"memory": 4096}' }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ config: { memory: 4096, cores: 2 } });
			expect(calls('/products/3/config', 'PUT')[0].body).toEqual({ memory: 4096 });
		},
	},

	'group.getAll': { parameters: c('group', 'getAll', { returnAll: false, limit: 2, options: { sortBy: 'sort_order' } }), check: (i) => expect(i.map((x) => x.json.slug)).toEqual(['web-hosting', 'vps']) },
	'group.create': {
		parameters: c('group', 'create', { name: 'Mail', description: 'Mail hosting', status: 'active', slug: 'Mail Hosting', sort_order: 4 }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 4, slug: 'mail-hosting', pinned: false, parent_id: null }),
	},
	'group.get': { parameters: c('group', 'get', { groupId: locator(2) }), check: (i) => expect(i[0].json).toMatchObject({ id: 2, name: 'VPS' }) },
	'group.update': {
		parameters: c('group', 'update', { groupId: locator(1), updateFields: { description: 'Shared hosting' } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 1, description: 'Shared hosting', slug: 'web-hosting', pinned: true }),
	},
	'group.delete': {
		setup: () => sim.state.softDelete(sim.state.find('products', 5)!),
		parameters: c('group', 'delete', { groupId: locator(3) }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 3, name: 'Domains' }),
	},

	'pricing.getAll': { parameters: c('pricing', 'getAll', { returnAll: true, filters: { filter: [{ field: 'currency', value: 'EUR' }] } }), check: (i) => expect(i).toHaveLength(6) },
	'pricing.create': {
		parameters: c('pricing', 'create', { related_id: 5, related_type: 'product', currency: 'EUR', additionalFields: { annually: 7 } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 7, related_id: 5, annually: 7 }),
	},
	'pricing.get': { parameters: c('pricing', 'get', { pricingId: '2' }), check: (i) => expect(i[0].json).toMatchObject({ id: 2, monthly: 6.99 }) },
	'pricing.update': {
		parameters: c('pricing', 'update', { pricingId: '2', updateFields: { monthly: 7.49 } }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ id: 2, monthly: 7.49, related_id: 2, currency: 'EUR' });
			expect(calls('/pricings/2', 'POST')[0].body).toEqual({ related_id: 2, related_type: 'product', currency: 'EUR', monthly: 7.49 });
		},
	},
	'pricing.delete': { parameters: c('pricing', 'delete', { pricingId: '6' }), check: (i) => expect(i[0].json).toMatchObject({ id: 6 }) },

	'service.getAll': {
		parameters: c('service', 'getAll', { returnAll: true, filters: { filter: [{ field: 'status', value: 'active' }] }, options: { include: ['customer'] } }),
		check: (i) => {
			expect(i.map((x) => x.json.id)).toEqual([1, 2, 8]);
			expect(i[0].json.customer).toMatchObject({ id: 1 });
		},
	},
	'service.get': { parameters: c('service', 'get', { serviceId: locator(4) }), check: (i) => expect(i[0].json).toMatchObject({ id: 4, status: 'suspended' }) },
	'service.delete': { parameters: c('service', 'delete', { serviceId: locator(5) }), check: (i) => expect(i[0].json).toMatchObject({ id: 5 }) },
	'service.suspend': {
		parameters: c('service', 'suspend', { serviceId: locator(1), reason: 'Abuse', notify: true }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ id: 1, status: 'suspended' });
			expect(calls('/services/1/suspend')[0].body).toEqual({ reason: 'Abuse', notify: true });
		},
	},
	'service.expire': { parameters: c('service', 'expire', { serviceId: locator(2) }), check: (i) => expect(i[0].json).toMatchObject({ id: 2, status: 'expired' }) },
	'service.unsuspend': { parameters: c('service', 'unsuspend', { serviceId: locator(4) }), check: (i) => expect(i[0].json).toMatchObject({ id: 4, status: 'active', actionResult: { success: true } }) },

	'invoice.getAll': { parameters: c('invoice', 'getAll', { returnAll: true, options: { include: ['items'] } }), check: (i) => expect(i).toHaveLength(6) },
	'invoice.create': { parameters: c('invoice', 'create', { customer_id: locator(2), currency: 'EUR' }), check: (i) => expect(i[0].json).toMatchObject({ id: 7, status: 'draft', customer_id: 2 }) },
	'invoice.get': { parameters: c('invoice', 'get', { invoiceId: locator(2), options: { include: ['items', 'customer'] } }), check: (i) => expect(i[0].json).toMatchObject({ id: 2, status: 'paid', items: [expect.any(Object)] }) },
	'invoice.update': {
		parameters: c('invoice', 'update', { invoiceId: locator(1), updateFields: { notes: 'Paid by transfer' } }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ id: 1, notes: 'Paid by transfer', status: 'pending' });
			expect(calls('/invoices/1', 'POST')[0].body).toMatchObject({ status: 'pending', paymethod: 'balance', notes: 'Paid by transfer' });
		},
	},
	'invoice.delete': { parameters: c('invoice', 'delete', { invoiceId: locator(3) }), check: (i) => expect(i[0].json).toEqual({ success: true, id: '3' }) },
	'invoice.notify': { parameters: c('invoice', 'notify', { invoiceId: locator(1) }), check: (i) => expect(i[0].json).toMatchObject({ message: 'Invoice notification sent' }) },
	'invoice.validate': { parameters: c('invoice', 'validate', { invoiceId: locator(6) }), check: (i) => expect(i[0].json).toMatchObject({ invoice: { id: 6, status: 'pending' } }) },
	'invoice.edit': { parameters: c('invoice', 'edit', { invoiceId: locator(5) }), check: (i) => expect(i[0].json).toMatchObject({ invoice: { id: 5, status: 'draft' } }) },
	'invoice.pdf': {
		parameters: c('invoice', 'pdf', { invoiceId: locator(2) }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ invoiceId: '2', fileName: 'CTX-2026-0002.pdf', mimeType: 'application/pdf' });
			expect(i[0].binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'CTX-2026-0002.pdf' });
			expect(Buffer.from(i[0].binary!.data.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
		},
	},
	'invoice.download': {
		parameters: c('invoice', 'download', { invoiceId: locator(2), binaryPropertyName: 'invoice' }),
		check: (i) => expect(i[0].binary?.invoice).toMatchObject({ mimeType: 'application/pdf', fileName: 'CTX-2026-0002.pdf' }),
	},
	'invoice.export': {
		parameters: c('invoice', 'export', { invoiceId: locator(1), format: 'csv', exportFilters: { status: ['pending'] } }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ fileName: 'invoices.csv', mimeType: 'text/csv' });
			const csv = Buffer.from(i[0].binary!.data.data, 'base64').toString();
			expect(csv.trim().split('\n')).toHaveLength(3);
		},
	},

	'department.getAll': { parameters: c('department', 'getAll', { returnAll: true }), check: (i) => expect(i.map((x) => x.json.name)).toEqual(['Support', 'Billing', 'Sales']) },
	'department.create': { parameters: c('department', 'create', { name: 'Abuse', description: 'Abuse reports', icon: 'bi bi-flag' }), check: (i) => expect(i[0].json).toMatchObject({ id: 4, name: 'Abuse' }) },
	'department.get': { parameters: c('department', 'get', { departmentId: '2' }), check: (i) => expect(i[0].json).toMatchObject({ id: 2, name: 'Billing' }) },
	'department.update': {
		parameters: c('department', 'update', { departmentId: '2', updateFields: { sla_first_response_minutes: 60 } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 2, name: 'Billing', icon: 'bi bi-receipt', sla_first_response_minutes: 60 }),
	},
	'department.delete': { parameters: c('department', 'delete', { departmentId: '3' }), check: (i) => expect(i[0].json).toEqual({ success: true, id: '3' }) },

	'ticket.getAll': { parameters: c('ticket', 'getAll', { returnAll: true, filters: { filter: [{ field: 'status', value: 'open' }] } }), check: (i) => expect(i.map((x) => x.json.id)).toEqual([1, 4]) },
	'ticket.create': {
		parameters: c('ticket', 'create', { department_id: '1', priority: 'high', subject: 'Mail bounce', content: 'Our mails bounce since today.', additionalFields: { customer_id: locator(2, 'list') } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 5, subject: 'Mail bounce', customer_id: 2, messages: [expect.objectContaining({ message: 'Our mails bounce since today.' })] }),
	},
	'ticket.get': { parameters: c('ticket', 'get', { ticketId: '2', options: { include: ['messages'] } }), check: (i) => expect(i[0].json).toMatchObject({ id: 2, messages: [expect.any(Object)] }) },
	'ticket.update': {
		parameters: c('ticket', 'update', { ticketId: '1', updateFields: { priority: 'low' } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 1, priority: 'low', subject: 'Site down', department_id: 1 }),
	},
	'ticket.delete': { parameters: c('ticket', 'delete', { ticketId: '3' }), check: (i) => expect(i[0].json).toEqual({ message: 'Ticket deleted successfully' }) },
	'ticket.reply': { parameters: c('ticket', 'reply', { ticketId: '1', content: 'We are on it.' }), check: (i) => expect(i[0].json).toMatchObject({ message: 'Reply sent', ticket: { status: 'answered' } }) },
	'ticket.close': { parameters: c('ticket', 'close', { ticketId: '1', reason: 'Fixed' }), check: (i) => expect(i[0].json).toMatchObject({ ticket: { status: 'closed', close_reason: 'Fixed' } }) },
	'ticket.reopen': { parameters: c('ticket', 'reopen', { ticketId: '3' }), check: (i) => expect(i[0].json).toMatchObject({ ticket: { status: 'open' } }) },

	'coupon.getAll': { parameters: c('coupon', 'getAll', { returnAll: true }), check: (i) => expect(i.map((x) => x.json.code)).toEqual(['WELCOME10', 'VPS5']) },
	'coupon.create': {
		parameters: c('coupon', 'create', {
			code: 'SPRING20',
			type: 'percent',
			applied_month: 1,
			free_setup: false,
			first_order_only: true,
			is_global: true,
			max_uses: 50,
			max_uses_per_customer: 1,
			usages: 0,
			minimum_order_amount: 0,
			additionalFields: { required_products: ['3'] },
		}),
		// The answer right after the write holds the request's '1'/'0' and the IDs as sent (CouponController.php:153-167).
		check: (i) => expect(i[0].json).toMatchObject({ id: 3, code: 'SPRING20', first_order_only: '1', free_setup: '0', products_required: ['3'] }),
	},
	'coupon.get': { parameters: c('coupon', 'get', { couponId: '1' }), check: (i) => expect(i[0].json).toMatchObject({ id: 1, code: 'WELCOME10' }) },
	'coupon.update': {
		parameters: c('coupon', 'update', { couponId: '2', updateFields: { max_uses: 10 } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 2, code: 'VPS5', max_uses: 10, free_setup: '1', type: 'fixed', products: [{ id: 3 }, { id: 4 }] }),
	},
	'coupon.delete': { parameters: c('coupon', 'delete', { couponId: '2' }), check: (i) => expect(i[0].json).toEqual({ message: 'Coupon deleted successfully' }) },

	'server.getAll': { parameters: c('server', 'getAll', { returnAll: true, options: { include: ['services'] } }), check: (i) => expect(i[0].json).toMatchObject({ name: 'pve-01', services: [{ id: 3 }, { id: 4 }, { id: 8 }] }) },
	'server.create': {
		parameters: c('server', 'create', { hostname: 'pve-02.example.net', address: '10.0.0.12', additionalFields: { name: 'pve-02', port: 8006, type: 'proxmox' } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 3, name: 'pve-02', port: 8006 }),
	},
	'server.get': { parameters: c('server', 'get', { serverId: '2' }), check: (i) => expect(i[0].json).toMatchObject({ id: 2, name: 'web-01' }) },
	'server.update': {
		parameters: c('server', 'update', { serverId: '2', updateFields: { maxaccounts: 200 } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 2, hostname: 'web-01.example.net', maxaccounts: 200 }),
	},
	'server.delete': { parameters: c('server', 'delete', { serverId: '2' }), check: (i) => expect(i[0].json).toEqual({ message: 'Server deleted successfully' }) },
	// routes/api-application.php:126,128: every release routes it to the update of server "test".
	'server.test': { parameters: c('server', 'test', { hostname: 'pve-01.example.net', address: '10.0.0.11' }), check: () => undefined, error: /^Test Connection cannot work on CLIENTXCMS v2\.15 – v2\.16-fix/ },

	'log.getAll': { parameters: c('log', 'getAll', { returnAll: true, options: { sortBy: 'id', sortDirection: 'desc' } }), check: (i) => expect(i.map((x) => x.json.id)).toEqual([5, 4, 3, 2, 1]) },
	'log.get': { parameters: c('log', 'get', { logId: '3' }), check: (i) => expect(i[0].json).toMatchObject({ id: 3, action: 'invoice_paid' }) },

	'subdomain.getAll': { parameters: c('subdomain', 'getAll', { returnAll: true }), check: (i) => expect(i).toHaveLength(2) },
	'subdomain.create': {
		parameters: c('subdomain', 'create', { domain: 'shop.example.fr', additionalFields: { products: ['1', '3'], groups: ['2'] } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 3, domain: 'shop.example.fr', products: [1, 3], groups: [2] }),
	},
	'subdomain.get': { parameters: c('subdomain', 'get', { subdomainId: '1' }), check: (i) => expect(i[0].json).toMatchObject({ id: 1, domain: 'clients.example.fr' }) },
	'subdomain.update': {
		parameters: c('subdomain', 'update', { subdomainId: '2', updateFields: { groups: ['1'] } }),
		check: (i) => expect(i[0].json).toMatchObject({ id: 2, domain: 'demo.example.fr', groups: [1] }),
	},
	'subdomain.delete': { parameters: c('subdomain', 'delete', { subdomainId: '2' }), check: (i) => expect(i[0].json).toEqual({ message: 'Subdomain host deleted successfully' }) },

	'cancellationReason.getAll': { parameters: c('cancellationReason', 'getAll', { returnAll: true, filters: { filter: [{ field: 'status', value: 'active' }] } }), check: (i) => expect(i).toHaveLength(2) },
	'cancellationReason.create': { parameters: c('cancellationReason', 'create', { reason: 'Bad support', status: 'active' }), check: (i) => expect(i[0].json).toMatchObject({ id: 4, reason: 'Bad support' }) },
	'cancellationReason.get': { parameters: c('cancellationReason', 'get', { cancellationReasonId: '1' }), check: (i) => expect(i[0].json).toMatchObject({ id: 1, reason: 'Too expensive' }) },
	'cancellationReason.update': { parameters: c('cancellationReason', 'update', { cancellationReasonId: '3', updateFields: { status: 'active' } }), check: (i) => expect(i[0].json).toMatchObject({ id: 3, status: 'active', reason: 'No longer needed' }) },
	'cancellationReason.delete': { parameters: c('cancellationReason', 'delete', { cancellationReasonId: '3' }), check: (i) => expect(i[0].json).toMatchObject({ message: expect.any(String) }) },
	'cancellationReason.analytics': {
		parameters: c('cancellationReason', 'analytics', { start_date: '2026-01-01T00:00:00', end_date: '2026-02-01T00:00:00' }),
		check: (i) => {
			expect(i[0].json).toMatchObject({ start_date: '2026-01-01', end_date: '2026-02-01', total_cancellations: 1 });
			expect(calls('/cancellation_reasons_analytics')[0].query).toEqual({ start_date: '2026-01-01', end_date: '2026-02-01' });
		},
	},
};

describe('CLIENTXCMS node: every catalogued operation', () => {
	const rows = catalog.nodes[0].operations ?? [];
	const keyOf = (row: { resource: string; operation: string }) => `${row.resource}.${row.operation}`;

	it('has a case for every catalogue row, and no case without a row', () => {
		expect(rows.map(keyOf).sort()).toEqual(Object.keys(cases).sort());
	});

	it.each(rows.map((row) => [`${keyOf(row)} ${row.method} ${row.path}`, row] as const))('%s', async (_name, row) => {
		// A fixed server: the bug switch is covered by its own tests below.
		sim.settings.bugs = false;
		const k = cases[keyOf(row)];
		k.setup?.();
		const { items, error } = await run(k.parameters);
		if (k.error) {
			expect(error?.message).toMatch(k.error);
		} else {
			expect(error).toBeUndefined();
			k.check(items);
			expect(pairedIndexes(items).every((p) => p === 0)).toBe(true);
		}
		const last = sim.log[sim.log.length - 1];
		expect(last.method).toBe(row.method);
		expect(last.rawPath).toMatch(new RegExp(`^${P}${row.path.replace(/\{\w+\}/g, '[^/]+')}$`));
		expect(sim.violations).toEqual([]);
		for (const entry of sim.log) expect(entry.headers.authorization).toBe(`Bearer ${sim.apiKey}`);
	});
});

describe('CLIENTXCMS node: what the real server does', () => {
	it('reports "not found" with the ID when a paginated show answers 200 with empty data', async () => {
		const { error } = await run(c('product', 'get', { productId: locator(999) }));
		expect(error?.message).toBe('Product 999 was not found');
		expect(calls('/products/999')[0].status).toBe(200);
		const ticket = await run(c('ticket', 'get', { ticketId: '77' }));
		expect(ticket.error?.message).toBe('Ticket 77 was not found');
		expect(calls('/tickets/77')[0].status).toBe(200);
	});

	it('refuses a non-numeric ID before sending (the server would answer 500), and takes UUIDs where the server binds them', async () => {
		const { error } = await run(c('product', 'get', { productId: locator('abc') }));
		expect(error?.message).toBe('"abc" is not a valid product ID');
		expect(sim.log).toHaveLength(0);
		const byUuid = await run(c('service', 'get', { serviceId: locator('9b1c0004-5d3e-4a6b-8c7d-0e1f2a3b4c5d') }));
		expect(byUuid.items[0].json).toMatchObject({ id: 4 });
		expect(sim.violations).toEqual([]);
	});

	it('fails suspend and expire that answer 200 with success:false, with the server message (bug switch on)', async () => {
		sim.settings.bugs = true;
		const suspend = await run(c('service', 'suspend', { serviceId: locator(1), reason: 'Abuse' }));
		expect(suspend.error?.message).toBe('CLIENTXCMS did not suspend service 1: Invalid status');
		expect(calls('/services/1/suspend')[0].status).toBe(200);
		expect(sim.state.find('services', 1)!.status).toBe('active');
		const expire = await run(c('service', 'expire', { serviceId: locator(2) }));
		expect(expire.error?.message).toBe('CLIENTXCMS did not expire service 2: Invalid status');
	});

	it('finds the group in the list when the group show answers an empty new group (bug switch on)', async () => {
		sim.settings.bugs = true;
		const { items, error } = await run(c('group', 'get', { groupId: locator(2) }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 2, name: 'VPS', slug: 'vps' });
		expect(calls('/groups/2')).toHaveLength(1);
		const missing = await run(c('group', 'get', { groupId: locator(42) }));
		expect(missing.error?.message).toBe('Product group 42 was not found');
	});

	it('keeps pinned on product and group updates, which the server would reset', async () => {
		await run(c('product', 'update', { productId: locator(4), updateFields: { stock: 3 } }));
		expect(sim.state.find('products', 4)).toMatchObject({ stock: 3, pinned: true });
		expect(calls('/products/4', 'POST')[0].body).toEqual({ stock: 3, pinned: true });
		await run(c('group', 'update', { groupId: locator(1), updateFields: { badge_title: 'New' } }));
		expect(sim.state.find('groups', 1)).toMatchObject({ badge_title: 'New', pinned: true, slug: 'web-hosting', parent_id: null });
		// An explicit value wins over the merge.
		await run(c('product', 'update', { productId: locator(4), updateFields: { pinned: false } }));
		expect(sim.state.find('products', 4)!.pinned).toBe(false);
		expect(sim.violations).toEqual([]);
	});

	it('changes only the fields set on non-partial updates (customer, pricing, department, ticket)', async () => {
		const before = { ...sim.state.find('customers', 5)! };
		const { error } = await run(c('customer', 'update', { customerId: locator(5), updateFields: { phone: '+33699999999' } }));
		expect(error).toBeUndefined();
		const after = sim.state.find('customers', 5)!;
		for (const k of ['email', 'firstname', 'lastname', 'address', 'city', 'zipcode', 'region', 'country']) expect(after[k]).toBe(before[k]);
		expect(after.phone).toBe('+33699999999');
		// No fetch when the user already set every field the server requires.
		sim.resetLog();
		await run(c('cancellationReason', 'update', { cancellationReasonId: '1', updateFields: { reason: 'Price' } }));
		expect(calls().map((e) => e.method)).toEqual(['POST']);
	});

	it('names the ability an operation needs when a narrow key gets 403', async () => {
		sim.addKey(NARROW_KEY, ['customers:index', 'license']);
		const creds = { credentials: { clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: NARROW_KEY } } };
		const ok = await run(c('customer', 'getAll', { returnAll: false, limit: 3 }), creds);
		expect(ok.error).toBeUndefined();
		expect(ok.items).toHaveLength(3);
		const denied = await run(c('invoice', 'export', { invoiceId: locator(1), format: 'csv' }), creds);
		expect(denied.error?.message).toBe('The API key lacks the "invoices:index" ability that Export (Invoice) needs (HTTP 403)');
		expect(denied.error?.description).toContain('Invalid ability provided.');
		const denied2 = await run(c('customer', 'update', { customerId: locator(1), updateFields: { city: 'Caen' } }), creds);
		expect(denied2.error?.message).toBe('The API key lacks an ability that Update (Customer) needs: "customers:update", and "customers:show" to read the record first (HTTP 403)');
	});

	it('says which routes an older CLIENTXCMS lacks (v2.14: 42 routes)', async () => {
		sim.settings.version = '2.14';
		const { error } = await run(c('ticket', 'getAll', { returnAll: true }));
		expect(error?.message).toBe('This CLIENTXCMS version does not offer Get Many (Ticket): GET /api/application/tickets is missing (HTTP 404)');
		expect(error?.description).toContain('v2.15');
		const old = await run(c('customer', 'get', { customerId: locator(1) }));
		expect(old.error).toBeUndefined();
	});

	it('turns a 422 into per-field messages', async () => {
		const { error } = await run(c('customer', 'create', { ...newCustomer, email: 'Not-An-Email', locale: 'xx_XX' }));
		expect(error?.httpCode).toBe('422');
		expect(error?.message).toBe(
			'The data sent was not accepted: email: The email field must be a valid email address. The email field must be lowercase.; locale: The selected locale is invalid. (HTTP 422)',
		);
		sim.resetLog();
	});

	it('refuses an empty field the create form requires (a form without a last name) before sending', async () => {
		// The FormRequests mark these `required` (Laravel refuses an empty string there); a webhook form
		// missing a field reaches the node as an empty expression result (issue 18).
		sim.resetLog();
		const { error } = await run(c('customer', 'create', { ...newCustomer, lastname: '={{ $json.last_name }}' }));
		expect(error?.message).toBe('Last Name is empty');
		expect(error?.description).toBe('Enter a value for "Last Name".');
		const blank = await run(c('product', 'create', { name: '  ', description: 'x', status: 'active', group_id: 1, stock: -1 }));
		expect(blank.error?.message).toBe('Name is empty');
		expect(sim.log).toEqual([]);
	});

	it('sends ticket attachments as multipart from binary input', async () => {
		const file = (text: string, fileName: string) => ({ data: Buffer.from(text).toString('base64'), mimeType: 'text/plain', fileName });
		const { items, error } = await run(c('ticket', 'reply', { ticketId: '1', content: 'Logs attached.', attachments: 'log, shot' }), {
			inputItems: [{ json: {}, binary: { log: file('error at line 3', 'error.log'), shot: file('PNG?', 'screen.txt') } }],
		});
		expect(error).toBeUndefined();
		const request = calls('/tickets/1/reply')[0];
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(String(request.body)).toContain('name="content"\r\n\r\nLogs attached.');
		expect(items[0].json).toMatchObject({ ticket: { attachments: [{ filename: 'error.log', size: 15 }, { filename: 'screen.txt', size: 4 }] } });
		expect(sim.violations).toEqual([]);
		const missing = await run(c('ticket', 'reply', { ticketId: '1', content: 'Again here', attachments: 'nope' }));
		expect(missing.error?.message).toBe('The input item has no binary property "nope" to attach');
	});

	it('picks customers with the customer picker: a blank required one fails before sending, an ID that is not a number too', async () => {
		sim.resetLog();
		// Typed in the editor, n8n itself refuses both (required; the ID field's pattern): an expression is what reaches the node.
		const input = { inputItems: [{ json: { customer: '', name: 'Lucas' } }] };
		const blank = await run(c('invoice', 'create', { customer_id: locator('={{ $json.customer }}'), currency: 'EUR' }), input);
		expect(blank.error?.message).toBe('Customer is empty');
		const word = await run(c('coupon', 'create', { code: 'SPRING', type: 'percent', additionalFields: { customer_id: locator('={{ $json.name }}') } }), input);
		expect(word.error?.message).toBe('Customer must be a whole number of 1 or more, got "Lucas"');
		expect(calls()).toHaveLength(0);
		const picked = await run(c('invoice', 'export', { invoiceId: locator(1), format: 'csv', exportFilters: { customer_id: locator(2, 'list') } }));
		expect(picked.error).toBeUndefined();
		expect(calls('/invoices/1/export')[0].body).toEqual({ format: 'csv', customer_id: 2 });
	});

	it('Get PDF stores nothing; Archive and Get PDF stores the PDF and its SHA-256 the first time (Invoice.php:338-373)', async () => {
		const invoice = () => sim.state.live('invoices').find((i) => i.id === 3)!;
		expect(invoice().pdf_sha256).toBeNull();
		expect((await run(c('invoice', 'pdf', { invoiceId: locator(3) }))).error).toBeUndefined();
		expect(invoice().pdf_sha256).toBeNull();
		expect((await run(c('invoice', 'download', { invoiceId: locator(3) }))).error).toBeUndefined();
		expect(invoice().pdf_sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it('fails an export that matched nothing (the server redirects instead of sending a file)', async () => {
		const { error } = await run(c('invoice', 'export', { invoiceId: locator(1), format: 'xlsx', exportFilters: { customer_id: locator(11) } }));
		expect(calls('/invoices/1/export')[0].body).toMatchObject({ customer_id: 11 });
		expect(error?.message).toBe('CLIENTXCMS sent no file: no invoice matches the export filters');
		expect(calls('/invoices/1/export')[0].status).toBe(302);
	});

	it('pairs results and errors with their items under Continue On Fail', async () => {
		const { items, error } = await run(c('customer', 'get', { customerId: locator('={{ $json.id }}') }), {
			continueOnFail: true,
			inputItems: [{ json: { id: 1 } }, { json: { id: 999 } }, { json: { id: 2 } }],
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id ?? i.json.error)).toEqual([1, 'Customer 999 was not found (HTTP 404)', 2]);
		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
	});

	it('refuses plain http to a public host before sending anything', async () => {
		const { error } = await run(c('instance', 'license'), { credentials: { clientXcmsApi: { baseUrl: 'http://billing.example.com', apiKey: sim.apiKey } } });
		expect(error?.message).toMatch(/must use https/);
		expect(sim.log).toHaveLength(0);
	});

	it('retries a 429 after Retry-After and gets everything', async () => {
		sim.rateLimit.set({ limit: 3, windowMs: 400 });
		const { items, error } = await run(c('customer', 'getAll', { returnAll: true, options: { perPage: 2 } }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(12);
		expect(sim.log.some((e) => e.status === 429)).toBe(true);
	});
});

describe('CLIENTXCMS node: list search, dropdowns, credential test', () => {
	const opts = () => ({ nodeType: ClientXcms, ...common() });

	it('searches customers, products, groups, services and invoices', async () => {
		expect((await runListSearch(opts(), 'searchCustomers', { filter: 'durand' })).results).toEqual([{ name: 'Camille Durand (camille.durand@example.fr)', value: '1' }]);
		expect((await runListSearch(opts(), 'searchProducts', { filter: 'VPS' })).results.map((r) => r.value)).toEqual(['4', '3']);
		expect((await runListSearch(opts(), 'searchGroups')).results.map((r) => r.name)).toEqual(['Domains (domains)', 'VPS (vps)', 'Web Hosting (web-hosting)']);
		expect((await runListSearch(opts(), 'searchServices', { filter: 'suspended' })).results).toEqual([{ name: 'VPS M · suspended (#4)', value: '4' }]);
		const invoices = await runListSearch(opts(), 'searchInvoices', { filter: 'CTX-2026-0002' });
		expect(invoices.results).toEqual([{ name: 'CTX-2026-0002 · paid · 6.99 EUR', value: '2' }]);
		expect(sim.violations).toEqual([]);
	});

	it('offers groups, products, departments and servers as dropdowns', async () => {
		expect((await runLoadOptions(opts(), 'getGroups')).options.map((o) => o.name)).toEqual(['Domains', 'VPS', 'Web Hosting']);
		expect((await runLoadOptions(opts(), 'getProducts')).options).toHaveLength(6);
		expect((await runLoadOptions(opts(), 'getDepartments')).options).toEqual([
			{ name: 'Billing', value: '2' },
			{ name: 'Sales', value: '3' },
			{ name: 'Support', value: '1' },
		]);
		expect((await runLoadOptions(opts(), 'getServers')).options.map((o) => o.name)).toEqual(['pve-01 (10.0.0.11)', 'web-01 (10.0.0.21)']);
	});

	it('tests the credential on /license: OK, bad key, and a UI key with the misspelled hearth ability', async () => {
		expect((await testCredential(ClientXcmsApi, { baseUrl: `${sim.baseUrl}/api/`, apiKey: sim.apiKey })).status).toBe('OK');
		expect(calls('/license')).toHaveLength(1);
		const bad = await testCredential(ClientXcmsApi, { baseUrl: sim.baseUrl, apiKey: 'not-a-key-0000' });
		expect(bad.status).toBe('Error');
		sim.addKey(HEARTH_KEY, ['hearth', 'license', 'customers:index']);
		expect((await testCredential(ClientXcmsApi, { baseUrl: sim.baseUrl, apiKey: HEARTH_KEY })).status).toBe('OK');
		// The same key on /health: 403, and the node says which ability is missing.
		const health = await run(c('instance', 'health'), { credentials: { clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: HEARTH_KEY } } });
		expect(health.error?.message).toBe('The API key lacks the "health" ability that Check Health (Instance) needs (HTTP 403)');
	});
});
