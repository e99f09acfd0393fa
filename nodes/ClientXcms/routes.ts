import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * The 82 routes of `routes/api-application.php` (CLIENTXCMS v2.15 – v2.16-fix), as data: what the
 * node runs, what the catalogue lists and what the README's ability table is made from. Paths are
 * below `{base}/api/application`. Source: research/clientxcms.md §3.4, §4, §5 (read from the code;
 * the OpenAPI file is wrong about several methods and paths). The simulator keeps its own copy
 * (test/simulators/clientxcms/routes.ts); a unit test checks that both agree.
 */
export type Envelope =
	/** Laravel ResourceCollection: `{data, links, meta}` (customers, services, invoices index). */
	| 'collection'
	/** Flat Laravel paginator: `{current_page, data, …, last_page, next_page_url, …}`. */
	| 'paginator'
	/** A "show" that answers a paginator with 0 or 1 records (unknown ID → 200 with `data: []`). */
	| 'paginatedShow'
	/** A bare JSON object. */
	| 'object'
	/** A file (PDF, CSV, XLSX, ZIP). */
	| 'file';

export interface ClientXcmsRoute {
	resource: string;
	operation: string;
	name: string;
	method: IHttpRequestMethods;
	path: string;
	/** Sanctum ability the token needs (or `*`). */
	ability: string;
	envelope: Envelope;
	/** First server version with the route. */
	since: '2.14' | '2.15';
	filters?: string[];
	sorts?: string[];
	includes?: string[];
}

const TS = ['created_at', 'updated_at'];
const CUSTOMER_FIELDS = ['id', 'email', 'firstname', 'lastname', 'phone', ...TS];
const PRODUCT_FIELDS = ['id', 'name', 'status', 'description', 'sort_order', 'group_id', 'stock', 'type', 'pinned'];
const GROUP_FIELDS = ['name', 'slug', 'status', 'description', 'sort_order', ...TS];
const CYCLES = ['onetime', 'monthly', 'quarterly', 'semiannually', 'annually', 'biennially', 'triennially'];
const PRICING_FIELDS = ['id', 'related_id', 'related_type', 'currency', ...CYCLES, ...CYCLES.map((c) => `setup_${c}`)];
const SERVICE_FIELDS = ['id', 'customer_id', 'status', ...TS];
// InvoiceController.php:36-43, 50-57 also whitelist `amount`, but the invoices table has no such column:
// filtering or sorting on it is an SQL error (HTTP 500). Left out.
const INVOICE_FIELDS = ['id', 'customer_id', 'status', ...TS];
const DEPARTMENT_FIELDS = ['id', 'name', ...TS];
const TICKET_FILTERS = ['id', 'subject', 'status', 'priority', 'department_id', 'customer_id', 'assigned_to', ...TS];
// Sorts are each controller's own `$sorts`, not its `$filters` (AbstractApiController.php:40-45):
// CouponController.php:33-44 / 53-61, ServerController.php:33-44 / 51-60, SubdomainHostController.php:31-38 / 42-47.
const COUPON_FIELDS = ['id', 'code', 'type', 'is_global', 'customer_id', ...TS];
const COUPON_SORTS = ['id', 'code', 'type', 'start_at', 'end_at', 'max_uses', 'usages', 'is_global', ...TS];
const SERVER_FIELDS = ['id', 'name', 'address', 'hostname', 'type', 'status', ...TS];
const SERVER_SORTS = ['id', 'name', 'address', 'hostname', 'port', 'type', 'status', 'maxaccounts', ...TS];
const LOG_FIELDS = ['id', 'action', 'model', 'model_id', 'staff_id', 'customer_id', 'created_at'];
const SUBDOMAIN_FIELDS = ['id', 'domain', ...TS];
const SUBDOMAIN_SORTS = ['id', 'domain', 'products', 'groups', ...TS];

type Row = Omit<ClientXcmsRoute, 'since'> & { since?: ClientXcmsRoute['since'] };

/** index / store / show / update / delete of one resource. */
function crud(
	resource: string,
	base: string,
	ability: string,
	list: { envelope: Envelope; filters: string[]; sorts?: string[]; includes?: string[] },
	show: Envelope,
	since: ClientXcmsRoute['since'] = '2.15',
): ClientXcmsRoute[] {
	const query = { filters: list.filters, sorts: list.sorts ?? list.filters, includes: list.includes };
	return [
		{ resource, operation: 'getAll', name: 'Get Many', method: 'GET', path: base, ability: `${ability}:index`, envelope: list.envelope, since, ...query },
		{ resource, operation: 'create', name: 'Create', method: 'POST', path: base, ability: `${ability}:store`, envelope: 'object', since },
		{
			resource,
			operation: 'get',
			name: 'Get',
			method: 'GET',
			path: `${base}/{id}`,
			ability: `${ability}:show`,
			envelope: show,
			since,
			...(show === 'paginatedShow' ? { includes: list.includes } : {}),
		},
		{ resource, operation: 'update', name: 'Update', method: 'POST', path: `${base}/{id}`, ability: `${ability}:update`, envelope: 'object', since },
		{ resource, operation: 'delete', name: 'Delete', method: 'DELETE', path: `${base}/{id}`, ability: `${ability}:delete`, envelope: 'object', since },
	];
}

function row(r: Row): ClientXcmsRoute {
	return { since: '2.15', ...r };
}

export const CLIENTXCMS_ROUTES: ClientXcmsRoute[] = [
	row({ resource: 'instance', operation: 'health', name: 'Check Health', method: 'GET', path: '/health', ability: 'health', envelope: 'object', since: '2.14' }),
	row({ resource: 'instance', operation: 'license', name: 'Get License', method: 'GET', path: '/license', ability: 'license', envelope: 'object', since: '2.14' }),

	...crud('customer', '/customers', 'customers', { envelope: 'collection', filters: CUSTOMER_FIELDS, includes: ['invoices', 'metadata', 'services'] }, 'object', '2.14'),
	row({ resource: 'customer', operation: 'confirm', name: 'Confirm Email', method: 'POST', path: '/customers/{id}/confirm', ability: 'customers:update', envelope: 'object', since: '2.14' }),
	row({ resource: 'customer', operation: 'resendConfirmation', name: 'Resend Confirmation', method: 'POST', path: '/customers/{id}/resend_confirmation', ability: 'customers:update', envelope: 'object', since: '2.14' }),
	row({ resource: 'customer', operation: 'sendPassword', name: 'Send Password Reset', method: 'POST', path: '/customers/{id}/send_password', ability: 'customers:update', envelope: 'object', since: '2.14' }),
	row({ resource: 'customer', operation: 'action', name: 'Run Account Action', method: 'POST', path: '/customers/{id}/action/{action}', ability: 'customers:update', envelope: 'object', since: '2.14' }),

	...crud('product', '/products', 'products', { envelope: 'paginator', filters: PRODUCT_FIELDS, includes: ['metadata', 'pricing', 'group'] }, 'paginatedShow', '2.14'),
	row({ resource: 'product', operation: 'getConfig', name: 'Get Config', method: 'GET', path: '/products/{id}/config', ability: 'products:show', envelope: 'object' }),
	row({ resource: 'product', operation: 'updateConfig', name: 'Update Config', method: 'PUT', path: '/products/{id}/config', ability: 'products:update', envelope: 'object' }),

	...crud('group', '/groups', 'groups', { envelope: 'paginator', filters: GROUP_FIELDS, includes: ['products', 'groups', 'metadata'] }, 'object', '2.14'),
	...crud('pricing', '/pricings', 'pricings', { envelope: 'paginator', filters: PRICING_FIELDS }, 'object', '2.14'),

	row({ resource: 'service', operation: 'getAll', name: 'Get Many', method: 'GET', path: '/services', ability: 'services:index', envelope: 'collection', since: '2.14', filters: SERVICE_FIELDS, sorts: SERVICE_FIELDS, includes: ['customer', 'metadata', 'pricing', 'configoptions'] }),
	row({ resource: 'service', operation: 'get', name: 'Get', method: 'GET', path: '/services/{id}', ability: 'services:show', envelope: 'paginatedShow', since: '2.14', includes: ['customer', 'metadata', 'pricing', 'configoptions'] }),
	row({ resource: 'service', operation: 'delete', name: 'Delete', method: 'DELETE', path: '/services/{id}', ability: 'services:delete', envelope: 'object', since: '2.14' }),
	row({ resource: 'service', operation: 'suspend', name: 'Suspend', method: 'POST', path: '/services/{id}/suspend', ability: 'services:suspend', envelope: 'object', since: '2.14' }),
	row({ resource: 'service', operation: 'expire', name: 'Expire', method: 'POST', path: '/services/{id}/expire', ability: 'services:expire', envelope: 'object', since: '2.14' }),
	row({ resource: 'service', operation: 'unsuspend', name: 'Unsuspend', method: 'POST', path: '/services/{id}/unsuspend', ability: 'services:unsuspend', envelope: 'object', since: '2.14' }),

	...crud('invoice', '/invoices', 'invoices', { envelope: 'collection', filters: INVOICE_FIELDS, includes: ['customer', 'items'] }, 'paginatedShow', '2.14'),
	row({ resource: 'invoice', operation: 'notify', name: 'Notify Customer', method: 'GET', path: '/invoices/{id}/notify', ability: 'invoices:update', envelope: 'object', since: '2.14' }),
	row({ resource: 'invoice', operation: 'validate', name: 'Validate', method: 'POST', path: '/invoices/{id}/validate', ability: 'invoices:update', envelope: 'object', since: '2.14' }),
	row({ resource: 'invoice', operation: 'edit', name: 'Return to Draft', method: 'POST', path: '/invoices/{id}/edit', ability: 'invoices:update', envelope: 'object', since: '2.14' }),
	row({ resource: 'invoice', operation: 'pdf', name: 'Get PDF', method: 'GET', path: '/invoices/{id}/pdf', ability: 'invoices:show', envelope: 'file', since: '2.14' }),
	row({ resource: 'invoice', operation: 'download', name: 'Download PDF', method: 'GET', path: '/invoices/{id}/download', ability: 'invoices:show', envelope: 'file' }),
	row({ resource: 'invoice', operation: 'export', name: 'Export', method: 'POST', path: '/invoices/{id}/export', ability: 'invoices:index', envelope: 'file', since: '2.14' }),

	...crud('department', '/departments', 'departments', { envelope: 'paginator', filters: DEPARTMENT_FIELDS, includes: ['tickets'] }, 'paginatedShow'),

	...crud(
		'ticket',
		'/tickets',
		'tickets',
		{ envelope: 'paginator', filters: TICKET_FILTERS, sorts: [...TICKET_FILTERS, 'closed_at'], includes: ['customer', 'department', 'messages', 'attachments', 'assignedTo', 'comments'] },
		'paginatedShow',
	),
	row({ resource: 'ticket', operation: 'reply', name: 'Reply', method: 'POST', path: '/tickets/{id}/reply', ability: 'tickets:reply', envelope: 'object' }),
	row({ resource: 'ticket', operation: 'close', name: 'Close', method: 'POST', path: '/tickets/{id}/close', ability: 'tickets:close', envelope: 'object' }),
	row({ resource: 'ticket', operation: 'reopen', name: 'Reopen', method: 'POST', path: '/tickets/{id}/reopen', ability: 'tickets:reopen', envelope: 'object' }),

	...crud('coupon', '/coupons', 'coupons', { envelope: 'paginator', filters: COUPON_FIELDS, sorts: COUPON_SORTS, includes: ['products', 'pricing', 'usages', 'customer'] }, 'paginatedShow'),

	...crud('server', '/servers', 'servers', { envelope: 'paginator', filters: SERVER_FIELDS, sorts: SERVER_SORTS, includes: ['services', 'metadata'] }, 'paginatedShow'),
	row({ resource: 'server', operation: 'test', name: 'Test Connection', method: 'POST', path: '/servers/test', ability: 'servers:test', envelope: 'object' }),

	row({ resource: 'log', operation: 'getAll', name: 'Get Many', method: 'GET', path: '/logs', ability: 'logs:index', envelope: 'paginator', filters: LOG_FIELDS, sorts: LOG_FIELDS, includes: ['customer', 'staff', 'entries'] }),
	row({ resource: 'log', operation: 'get', name: 'Get', method: 'GET', path: '/logs/{id}', ability: 'logs:show', envelope: 'paginatedShow', includes: ['customer', 'staff', 'entries'] }),

	...crud('subdomain', '/subdomains', 'subdomains', { envelope: 'paginator', filters: SUBDOMAIN_FIELDS, sorts: SUBDOMAIN_SORTS }, 'paginatedShow'),

	...crud('cancellationReason', '/cancellation_reasons', 'cancellation_reasons', { envelope: 'paginator', filters: ['status', 'reason'], sorts: ['id', 'reason', 'status', 'created_at'] }, 'object'),
	row({
		resource: 'cancellationReason',
		operation: 'analytics',
		name: 'Get Analytics',
		method: 'GET',
		path: '/cancellation_reasons_analytics',
		ability: 'cancellation_reasons:analytics',
		envelope: 'object',
	}),
];

export function routeKey(r: { method: string; path: string }): string {
	return `${r.method} ${r.path}`;
}

export function findRoute(resource: string, operation: string): ClientXcmsRoute | undefined {
	return CLIENTXCMS_ROUTES.find((r) => r.resource === resource && r.operation === operation);
}
