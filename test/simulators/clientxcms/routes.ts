// The 82 application routes of CLIENTXCMS v2.15 – v2.16-fix (research/clientxcms.md §3.4, §4, §5),
// the simulator's own copy of the route table: method, path, ability, envelope, query whitelists,
// FormRequest rules and behaviour. test/unit/clientxcms/routes.test.ts checks it against the node's.
import { createHash } from 'node:crypto';

import type { SimRequest, SimResponse } from '../core';
import type { ClientXcmsState, Row, Table } from './state';
import { pricingRow, stamp } from './state';
import type { Rules } from './validation';

export type Envelope = 'collection' | 'paginator' | 'paginatedShow' | 'object' | 'file';

export interface ClientXcmsSettings {
	/** Reproduce the bugs of current releases: suspend/expire answer success:false, group show returns an empty group. (POST /servers/test is always captured by the update route: every release registers them in that order.) */
	bugs: boolean;
	/** '2.14' answers 404 "route could not be found" for the 40 routes added in v2.15. */
	version: '2.14' | '2.16';
	/**
	 * Off by default. Every list answers page 1 (current_page 1) whatever `?page=` says, as a reverse
	 * proxy or page cache in front of Laravel that keys on the path and drops the query string does
	 * (issue 12: Return All ran forever; Limit 250 returned 100 records 2.5 times).
	 */
	ignorePageParam?: boolean;
}

export const defaultSettings = (): ClientXcmsSettings => ({ bugs: true, version: '2.16' });

export interface HandlerContext {
	req: SimRequest;
	state: ClientXcmsState;
	settings: ClientXcmsSettings;
	/** The bound record (`{id}` routes with model binding). */
	record?: Row;
	/** Request body (JSON, form or multipart fields). */
	body: Record<string, unknown>;
	files: Array<{ field: string; fileName: string; size: number; mimeType: string }>;
	/** Base URL the server would build links with. */
	base: string;
}

export interface SimRoute {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Path below /api/application, `{id}` style (as the node's table). */
	path: string;
	ability: string;
	envelope: Envelope;
	since: '2.14' | '2.15';
	filters?: string[];
	sorts?: string[];
	includes?: string[];
	/** Whitelisted names the table has no column for: using one is an SQL error (500). */
	missingColumns?: string[];
	/** Table whose record `{id}` binds to; `uuid` also binds by uuid; `none`: no binding (the group show bug). */
	binding?: { table: Table; uuid?: boolean; numericOnly?: boolean; emptyMessage?: boolean };
	/** Another route registered earlier captures this path: its answer, before bindings, abilities and rules. */
	shadowed?: (c: HandlerContext) => SimResponse;
	/** A FormRequest's prepareForValidation: rewrites the body before the rules run (or fails, e.g. a PHP error → 500). */
	prepare?: (c: HandlerContext) => SimResponse | void;
	rules?: Rules | ((c: HandlerContext) => Rules);
	handle(c: HandlerContext): SimResponse;
}

const TS = ['created_at', 'updated_at'];
const CUSTOMER_FIELDS = ['id', 'email', 'firstname', 'lastname', 'phone', ...TS];
const PRODUCT_FIELDS = ['id', 'name', 'status', 'description', 'sort_order', 'group_id', 'stock', 'type', 'pinned'];
const GROUP_FIELDS = ['name', 'slug', 'status', 'description', 'sort_order', ...TS];
const CYCLES = ['onetime', 'monthly', 'quarterly', 'semiannually', 'annually', 'biennially', 'triennially'];
const PRICING_FIELDS = ['id', 'related_id', 'related_type', 'currency', ...CYCLES, ...CYCLES.map((c) => `setup_${c}`)];
const SERVICE_FIELDS = ['id', 'customer_id', 'status', ...TS];
// InvoiceController.php:36-43 (sorts), 50-57 (filters) whitelist `amount`, but the invoices table has no
// such column (database/migrations/2023_12_20_012220_create_invoices_table.php:15-31 and later ones):
// filtering or sorting on it is an SQL error, answered 500 (see MISSING_COLUMNS).
const INVOICE_FIELDS = ['id', 'customer_id', 'status', 'amount', ...TS];
const DEPARTMENT_FIELDS = ['id', 'name', ...TS];
const TICKET_FILTERS = ['id', 'subject', 'status', 'priority', 'department_id', 'customer_id', 'assigned_to', ...TS];
// Each controller's own Spatie whitelists (AbstractApiController.php:40-45 passes $filters, $sorts and
// $relations as they are); sorts are not the filters.
// CouponController.php:53-61 (filters), 33-44 (sorts: start_at, end_at, max_uses, usages; no customer_id).
const COUPON_FIELDS = ['id', 'code', 'type', 'is_global', 'customer_id', ...TS];
const COUPON_SORTS = ['id', 'code', 'type', 'start_at', 'end_at', 'max_uses', 'usages', 'is_global', ...TS];
// ServerController.php:51-60 (filters), 33-44 (sorts add port and maxaccounts).
const SERVER_FIELDS = ['id', 'name', 'address', 'hostname', 'type', 'status', ...TS];
const SERVER_SORTS = ['id', 'name', 'address', 'hostname', 'port', 'type', 'status', 'maxaccounts', ...TS];
const LOG_FIELDS = ['id', 'action', 'model', 'model_id', 'staff_id', 'customer_id', 'created_at'];
// SubdomainHostController.php:42-47 (filters), 31-38 (sorts add the JSON columns products and groups).
const SUBDOMAIN_FIELDS = ['id', 'domain', ...TS];
const SUBDOMAIN_SORTS = ['id', 'domain', 'products', 'groups', ...TS];
const STATUS = 'in:active,hidden,unreferenced';
const LOCALES = 'in:fr_FR,en_GB,es_ES,de_DE';

const ok = (body: unknown, status = 200): SimResponse => ({ status, body });
const message = (status: number, text: string): SimResponse => ({ status, body: { message: text } });

// ---------------------------------------------------------------------------------------------
// Listing: Spatie QueryBuilder whitelists, partial filters, sorts, includes; Laravel paginators.
// ---------------------------------------------------------------------------------------------

export interface ListSpec {
	filters?: string[];
	sorts?: string[];
	includes?: string[];
	perPage?: number;
	/** Whitelisted, but not a column: MySQL answers "Unknown column", Laravel a 500 `Server Error`. */
	missingColumns?: string[];
}

/** The 500 of a query naming a column the table lacks (e.g. invoices `amount`, InvoiceController.php:40,54). */
function sqlError(req: SimRequest, spec: ListSpec): SimResponse | null {
	const used = [
		...Object.keys(req.query)
			.map((k) => /^filter\[(.+)\]$/.exec(k)?.[1])
			.filter((k): k is string => k !== undefined),
		...(typeof req.query.sort === 'string' ? req.query.sort.split(',').map((s) => s.replace(/^-/, '')) : []),
	];
	// SQLSTATE[42S22] Column not found; APP_DEBUG off renders it as Laravel's generic 500.
	return used.some((name) => (spec.missingColumns ?? []).includes(name)) ? message(500, 'Server Error') : null;
}

/** The 400 Spatie answers for a name outside the whitelist (config/query-builder.php keeps the exceptions on). */
export function checkQuery(req: SimRequest, spec: ListSpec): SimResponse | null {
	const filters = Object.keys(req.query)
		.map((k) => /^filter\[(.+)\]$/.exec(k)?.[1])
		.filter((k): k is string => k !== undefined);
	const badFilters = filters.filter((f) => !(spec.filters ?? []).includes(f));
	if (badFilters.length) {
		return message(400, `Requested filter(s) \`${badFilters.join(', ')}\` are not allowed. Allowed filter(s) are \`${(spec.filters ?? []).join(', ')}\`.`);
	}
	const sort = typeof req.query.sort === 'string' ? req.query.sort : '';
	const badSorts = sort
		.split(',')
		.filter((s) => s !== '')
		.map((s) => s.replace(/^-/, ''))
		.filter((s) => !(spec.sorts ?? []).includes(s));
	if (badSorts.length) return message(400, `Requested sort(s) \`${badSorts.join(', ')}\` is not allowed. Allowed sort(s) are \`${(spec.sorts ?? []).join(', ')}\`.`);
	const include = typeof req.query.include === 'string' ? req.query.include : '';
	const allowed = (spec.includes ?? []).flatMap((i) => [i, `${i}Count`, `${i}Exists`]);
	const badIncludes = include.split(',').filter((i) => i !== '' && !allowed.includes(i));
	if (badIncludes.length) {
		return message(400, `Requested include(s) \`${badIncludes.join(', ')}\` are not allowed. Allowed include(s) are \`${(spec.includes ?? []).join(', ')}\`.`);
	}
	return null;
}

function applyQuery(rows: Row[], req: SimRequest): Row[] {
	let out = rows;
	for (const [key, raw] of Object.entries(req.query)) {
		const field = /^filter\[(.+)\]$/.exec(key)?.[1];
		if (!field) continue;
		// Spatie partial filter: LIKE %value%, a comma-separated value ORs its parts.
		const parts = String(raw)
			.split(',')
			.map((p) => p.toLowerCase());
		out = out.filter((r) => parts.some((p) => String(r[field] ?? '').toLowerCase().includes(p)));
	}
	const sort = typeof req.query.sort === 'string' ? req.query.sort : '';
	for (const s of sort.split(',').filter((x) => x !== '').reverse()) {
		const desc = s.startsWith('-');
		const field = s.replace(/^-/, '');
		out = [...out].sort((a, b) => {
			const x = a[field] as string | number;
			const y = b[field] as string | number;
			const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
			return desc ? -c : c;
		});
	}
	return out;
}

function withIncludes(rows: Row[], req: SimRequest, state: ClientXcmsState, table: Table): Row[] {
	const include = typeof req.query.include === 'string' ? req.query.include.split(',').filter((i) => i !== '') : [];
	if (include.length === 0) return rows;
	return rows.map((r) => {
		const out: Row = { ...r };
		for (const rel of include) out[rel] = related(state, table, r, rel);
		return out;
	});
}

function related(state: ClientXcmsState, table: Table, r: Row, rel: string): unknown {
	switch (rel) {
		case 'customer':
			return state.find('customers', r.customer_id) ?? null;
		case 'group':
			return state.find('groups', r.group_id) ?? null;
		case 'department':
			return state.find('departments', r.department_id) ?? null;
		case 'pricing':
			return state.live('pricings').filter((p) => p.related_id === (table === 'services' ? r.product_id : r.id) && p.related_type === (table === 'coupons' ? 'coupon' : 'product'));
		case 'items':
			return state.tables.invoice_items.filter((i) => i.invoice_id === r.id);
		case 'messages':
			return state.tables.ticket_messages.filter((m) => m.ticket_id === r.id);
		case 'attachments':
			return state.tables.ticket_attachments.filter((a) => a.ticket_id === r.id);
		case 'invoices':
			return state.live('invoices').filter((i) => i.customer_id === r.id);
		case 'services':
			return state.live('services').filter((s) => (table === 'servers' ? s.server_id : s.customer_id) === r.id);
		case 'tickets':
			return state.live('tickets').filter((t) => t.department_id === r.id);
		case 'products':
			if (table === 'coupons') return couponProducts(state, r.id);
			return table === 'groups' ? state.live('products').filter((p) => p.group_id === r.id) : [];
		case 'groups':
			return state.live('groups').filter((g) => g.parent_id === r.id);
		case 'metadata':
			return state.tables.metadata.filter((m) => m.model_type === table && m.model_id === r.id);
		default:
			return [];
	}
}

function pageLinks(base: string, path: string, req: SimRequest, page: number, last: number) {
	const url = (p: number) => {
		const q = new URLSearchParams(req.rawQuery);
		q.set('page', String(p));
		return `${base}${path}?${q.toString()}`;
	};
	const links = [{ url: page > 1 ? url(page - 1) : null, label: '&laquo; Previous', page: page > 1 ? page - 1 : null, active: false }];
	for (let p = 1; p <= last; p++) links.push({ url: url(p), label: String(p), page: p, active: p === page });
	links.push({ url: page < last ? url(page + 1) : null, label: 'Next &raquo;', page: page < last ? page + 1 : null, active: false });
	return { url, links };
}

/** A Laravel LengthAwarePaginator page, flat (E2) or as a ResourceCollection (E1). */
export function paginate(rows: Row[], c: HandlerContext, spec: ListSpec, style: 'collection' | 'paginator'): SimResponse {
	const perPage = Math.max(1, Number(c.req.query.per_page ?? spec.perPage ?? 25) || 25);
	const page = c.settings.ignorePageParam ? 1 : Math.max(1, Number(c.req.query.page ?? 1) || 1);
	const total = rows.length;
	const last = Math.max(1, Math.ceil(total / perPage));
	const data = rows.slice((page - 1) * perPage, page * perPage);
	const path = `${c.base}${c.req.path}`;
	const { url, links } = pageLinks(c.base, c.req.path, c.req, page, last);
	const from = data.length ? (page - 1) * perPage + 1 : null;
	const to = data.length ? (page - 1) * perPage + data.length : null;
	if (style === 'collection') {
		return ok({
			data,
			links: { first: url(1), last: url(last), prev: page > 1 ? url(page - 1) : null, next: page < last ? url(page + 1) : null },
			meta: { current_page: page, from, last_page: last, links, path, per_page: perPage, to, total },
		});
	}
	return ok({
		current_page: page,
		data,
		first_page_url: url(1),
		from,
		last_page: last,
		last_page_url: url(last),
		links,
		next_page_url: page < last ? url(page + 1) : null,
		path,
		per_page: perPage,
		prev_page_url: page > 1 ? url(page - 1) : null,
		to,
		total,
	});
}

function index(table: Table, spec: ListSpec, style: 'collection' | 'paginator', extra?: (r: Row) => Row) {
	return (c: HandlerContext): SimResponse => {
		const bad = checkQuery(c.req, spec) ?? sqlError(c.req, spec);
		if (bad) return bad;
		let rows = withIncludes(applyQuery(c.state.live(table), c.req), c.req, c.state, table);
		if (extra) rows = rows.map(extra);
		return paginate(rows, c, spec, style);
	};
}

/** "Paginated show": the index query plus `where id = X` (research §4.3 E3). */
function paginatedShow(table: Table, spec: ListSpec, extra?: (r: Row) => Row) {
	return (c: HandlerContext): SimResponse => {
		const bad = checkQuery(c.req, spec) ?? sqlError(c.req, spec);
		if (bad) return bad;
		const id = c.record ? c.record.id : Number(c.req.params.id);
		let rows = withIncludes(
			applyQuery(
				c.state.live(table).filter((r) => r.id === id),
				c.req,
			),
			c.req,
			c.state,
			table,
		);
		if (extra) rows = rows.map(extra);
		return paginate(rows, c, spec, 'paginator');
	};
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

function pick(body: Record<string, unknown>, rules: Rules): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(rules)) if (key in body) out[key] = body[key];
	return out;
}

const bool = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true';

/**
 * PHP 8's `$value == 'true'`, which the FormRequests use for their flags (CouponRequest.php:73-75,
 * StoreProductRequest.php:78, UpdateProductRequest.php:112, StoreGroupRequest.php:71,
 * UpdateGroupRequest.php:73): true only for JSON `true` and the text "true". `1`, `"1"` (what a
 * MySQL tinyint reads back as) and anything omitted become '0', i.e. false.
 */
export const phpEqualsTrue = (v: unknown): boolean => v === true || v === 'true';

/** Laravel's Str::slug (ASCII subset): null/absent → '' (UpdateGroupRequest.php:74). */
const slug = (v: unknown): string =>
	v === undefined || v === null
		? ''
		: String(v)
				.normalize('NFD')
				.replace(/[\u0300-\u036f]/g, '')
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, '');

/** The products a coupon is synced to (pivot `coupon_products`, CouponController.php:164, 245). */
export function couponProducts(state: ClientXcmsState, couponId: number): Row[] {
	const ids = state.tables.coupon_products.filter((p) => p.coupon_id === couponId).map((p) => p.product_id);
	return state.live('products').filter((p) => ids.includes(p.id));
}

function syncCouponProducts(state: ClientXcmsState, couponId: number, productIds: unknown[]): void {
	const pivot = state.tables.coupon_products;
	for (let i = pivot.length - 1; i >= 0; i--) if (pivot[i].coupon_id === couponId) pivot.splice(i, 1);
	for (const id of productIds) pivot.push({ id: pivot.reduce((m, r) => Math.max(m, r.id), 0) + 1, coupon_id: couponId, product_id: Number(id) });
}

/** A model's metadata row (HasMetadata attachMetadata / detachMetadata). */
function setMeta(state: ClientXcmsState, table: Table, modelId: number, key: string, value: string | null): void {
	const rows = state.tables.metadata;
	const existing = rows.find((m) => m.model_type === table && m.model_id === modelId && m.key === key);
	if (value === null) {
		if (existing) rows.splice(rows.indexOf(existing), 1);
	} else if (existing) existing.value = value;
	else rows.push({ id: rows.reduce((m, r) => Math.max(m, r.id), 0) + 1, model_type: table, model_id: modelId, key, value });
}

function withMetadata(state: ClientXcmsState, table: Table, r: Row): Row {
	return { ...r, metadata: state.tables.metadata.filter((m) => m.model_type === table && m.model_id === r.id) };
}

function groupJson(state: ClientXcmsState, g: Row): Row {
	return { ...g, groups: state.live('groups').filter((x) => x.parent_id === g.id), products: state.live('products').filter((p) => p.group_id === g.id) };
}

const customerRules = (c: HandlerContext, update: boolean): Rules => ({
	email: `required|string|email|lowercase|max:255|unique:customers,email`,
	firstname: 'required|string|max:50',
	lastname: 'required|string|max:50',
	address: 'required|string|max:250',
	address2: 'nullable|string|max:250',
	city: 'required|string|max:250',
	zipcode: 'required|string|max:255',
	region: 'required|string|max:250',
	country: 'required|size2',
	phone: 'nullable|string|max:30|unique:customers,phone',
	company_name: 'nullable|string|max:255',
	billing_details: 'nullable|string|max:255',
	locale: `${update ? 'nullable' : 'required'}|${LOCALES}`,
	password: update ? 'nullable|string|min:8' : 'nullable|string|min:8',
	verified: 'nullable|boolean',
	balance: `nullable|numeric|min:0|max:${update ? 999999 : 9999999999}`,
});

const productRules = (update: boolean): Rules => {
	const req = update ? 'sometimes' : 'required';
	return {
		name: `${req}|string|max:255`,
		description: `${req}|string|max:65535`,
		status: `${req}|${STATUS}`,
		group_id: `${req}|integer|exists:groups`,
		stock: `${req}|integer`,
		type: `${req}|string`,
		pinned: 'nullable|boolean',
		// No `sort_order` rule: create stores validated() (ProductController.php:209-210) and update copies
		// a fixed key list (UpdateProductRequest.php:119), so a sent sort_order is dropped either way.
		...(update ? { pricing: 'nullable|array', remove_image: 'nullable|string' } : {}),
	};
};

const groupRules = (update: boolean): Rules => {
	const req = update ? 'sometimes' : 'required';
	return {
		name: `${req}|string|max:255|unique:groups,name`,
		description: `${req}|string`,
		status: `${req}|${STATUS}`,
		slug: `${req}|string|max:255|unique:groups,slug`,
		sort_order: `${req}|integer`,
		badge_title: 'nullable|string|max:255',
		badge_color: 'nullable|string|max:32',
		badge_icon: 'nullable|string|max:64',
		pinned: 'nullable|boolean',
		parent_id: 'nullable|integer|exists:groups',
		// StoreGroupRequest.php:63 vs UpdateGroupRequest.php:65.
		use_image_as_background: update ? 'nullable|string|in:true,false' : 'nullable|boolean',
		...(update ? { remove_image: 'nullable|string|in:true,false' } : {}),
	};
};

const pricingRules = (): Rules => {
	const rules: Rules = {
		related_id: 'required|integer',
		related_type: 'required|in:product,service,coupon,configoption_service,config_option,option',
		currency: 'required|in:USD,EUR,GBP,CAD,CHF',
	};
	for (const c of CYCLES) {
		rules[c] = 'nullable|numeric|min:0|max:999999.99';
		rules[`setup_${c}`] = 'nullable|numeric|min:0|max:999999.99';
	}
	return rules;
};

const departmentRules: Rules = {
	name: 'required|string|max:255',
	description: 'required|string|max:1000',
	icon: 'required|string|max:255',
	sla_first_response_minutes: 'nullable|integer|min:0',
	sla_resolution_minutes: 'nullable|integer|min:0',
};

const couponRules: Rules = {
	code: 'required|string|max:255|unique:coupons,code',
	type: 'required|in:percent,fixed',
	applied_month: 'required|integer|between:-1,10000',
	free_setup: 'required|boolean',
	first_order_only: 'required|boolean',
	is_global: 'required|boolean',
	max_uses: 'required|integer|min:0',
	max_uses_per_customer: 'required|integer|min:0',
	usages: 'required|integer|min:0',
	minimum_order_amount: 'required|numeric|min:0',
	start_at: 'nullable|date',
	end_at: 'nullable|date',
	products: 'nullable|array|exists:products',
	required_products: 'nullable|array|exists:products',
	customer_id: 'nullable|integer|exists:customers',
	pricing: 'nullable|array',
};

const serverRules = (update: boolean): Rules => ({
	hostname: 'required|string|max:255',
	address: 'required|string|max:255',
	name: `${update ? 'nullable' : 'nullable'}|string|max:255|unique:servers,name`,
	port: 'nullable|integer|between:1,65535',
	username: 'nullable|string',
	password: 'nullable|string',
	status: `nullable|${STATUS}`,
	type: 'nullable|string',
	maxaccounts: 'nullable|integer|min:0',
});

const subdomainRules: Rules = { domain: 'required|string|max:255|unique:subdomains,domain', products: 'nullable|array|exists:products', groups: 'nullable|array|exists:groups' };

const invoiceUpdateRules = (c: HandlerContext): Rules => {
	const need = 'billing_address' in c.body ? 'nullable' : 'required';
	return {
		status: 'required|in:pending,paid,cancelled,refunded,failed,draft',
		notes: `${need}|string|max:255`,
		paymethod: `${need}|string|max:255`,
		fees: `${need}|numeric|min:0`,
		tax: `${need}|numeric|min:0`,
		currency: `${need}|string|max:3`,
		due_date: `${need}|date`,
		paid_at: 'nullable|date',
		balance: 'nullable|numeric|min:0',
		payment_method_id: 'nullable',
		billing_address: 'nullable|array',
		external_id: 'nullable|string|unique:invoices,external_id',
	};
};

const ticketStoreRules: Rules = {
	department_id: 'required|integer|exists:departments',
	priority: 'required|in:low,medium,high',
	subject: 'required|string|max:255',
	content: 'required|string|between:5,10000',
	related_id: 'nullable|string',
	related_type: 'nullable|string|in:service,invoice',
	attachments: 'nullable|array',
};

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

function crud(
	resource: string,
	table: Table,
	opts: {
		since?: '2.14' | '2.15';
		list: ListSpec & { style: 'collection' | 'paginator' };
		show: 'object' | 'paginatedShow';
		store: { prepare?: SimRoute['prepare']; rules: Rules | ((c: HandlerContext) => Rules); make?: (c: HandlerContext, data: Record<string, unknown>) => Record<string, unknown>; json?: (c: HandlerContext, r: Row) => unknown };
		update: { prepare?: SimRoute['prepare']; rules: Rules | ((c: HandlerContext) => Rules); apply?: (c: HandlerContext, data: Record<string, unknown>) => Record<string, unknown>; json?: (c: HandlerContext, r: Row) => unknown };
		destroy: (c: HandlerContext) => SimResponse;
		json?: (c: HandlerContext, r: Row) => Row;
		binding?: SimRoute['binding'];
	},
): SimRoute[] {
	const since = opts.since ?? '2.15';
	const base = `/${resource}`;
	const binding = opts.binding ?? { table };
	const json = opts.json ?? ((_c: HandlerContext, r: Row) => r);
	const rulesOf = (rules: Rules | ((c: HandlerContext) => Rules), c: HandlerContext) => (typeof rules === 'function' ? rules(c) : rules);
	return [
		{
			method: 'GET',
			path: base,
			ability: `${resource}:index`,
			envelope: opts.list.style,
			since,
			filters: opts.list.filters,
			sorts: opts.list.sorts ?? opts.list.filters,
			includes: opts.list.includes,
			missingColumns: opts.list.missingColumns,
			handle: (c) => index(table, { ...opts.list, sorts: opts.list.sorts ?? opts.list.filters }, opts.list.style, (r) => json(c, r))(c),
		},
		{
			method: 'POST',
			path: base,
			ability: `${resource}:store`,
			envelope: 'object',
			since,
			prepare: opts.store.prepare,
			rules: opts.store.rules,
			handle: (c) => {
				const data = pick(c.body, rulesOf(opts.store.rules, c));
				const row = c.state.insert(table, opts.store.make ? opts.store.make(c, data) : data);
				return ok(opts.store.json ? opts.store.json(c, row) : json(c, row), 201);
			},
		},
		{
			method: 'GET',
			path: `${base}/{id}`,
			ability: `${resource}:show`,
			envelope: opts.show,
			since,
			// Paginated shows take an int parameter and do not bind: an unknown ID is 200 with empty data.
			binding: opts.show === 'paginatedShow' ? { table } : binding,
			includes: opts.show === 'paginatedShow' ? opts.list.includes : undefined,
			handle:
				opts.show === 'paginatedShow'
					? (c) => paginatedShow(table, { ...opts.list, sorts: opts.list.sorts ?? opts.list.filters }, (r) => json(c, r))(c)
					: (c) => ok(json(c, c.record as Row)),
		},
		{
			method: 'POST',
			path: `${base}/{id}`,
			ability: `${resource}:update`,
			envelope: 'object',
			since,
			binding,
			prepare: opts.update.prepare,
			rules: opts.update.rules,
			handle: (c) => {
				const data = pick(c.body, rulesOf(opts.update.rules, c));
				const row = c.state.touch(c.record as Row, opts.update.apply ? opts.update.apply(c, data) : data);
				return ok(opts.update.json ? opts.update.json(c, row) : json(c, row));
			},
		},
		{ method: 'DELETE', path: `${base}/{id}`, ability: `${resource}:delete`, envelope: 'object', since, binding, handle: opts.destroy },
	];
}

const deleted = (text: string) => (c: HandlerContext) => {
	c.state.softDelete(c.record as Row);
	return message(200, text);
};

function serviceAction(c: HandlerContext, status: string, verb: string): SimResponse {
	const service = c.record as Row;
	if (c.settings.bugs) {
		// v2.14 – v2.16-fix: the controller passes "suspended"/"expired" (ServiceController.php:225, 288),
		// ServiceService::changeServiceStatus only knows "suspend"/"expire" and answers "Invalid status".
		return ok({ data: service, result: [{ service, success: false, message: 'Invalid status', created_at: c.state.now(), data: [] }, status] });
	}
	c.state.touch(service, { status, ...(status === 'suspended' ? { suspended_at: c.state.now(), suspend_reason: c.body.reason ?? null } : {}) });
	return ok({ data: service, result: [{ service, success: true, message: `Service ${service.id} ${verb}`, created_at: c.state.now(), data: [] }, status] });
}

function invoiceMessage(c: HandlerContext, from: string, to: string, text: string, error: string): SimResponse {
	const invoice = c.record as Row;
	if (invoice.status !== from) return message(400, error);
	if (from === 'draft' && !c.state.tables.invoice_items.some((i) => i.invoice_id === invoice.id)) return message(400, 'Invoice has no items');
	c.state.touch(invoice, { status: to });
	return ok({ message: text, invoice });
}

/** A minimal but well-formed PDF. */
export function pdfBytes(title: string): Buffer {
	const text = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
	return Buffer.from(text, 'latin1');
}

function ticketJson(c: HandlerContext, t: Row): Row {
	return t;
}

function addMessage(c: HandlerContext, ticket: Row, content: string, withFiles = true): void {
	const messageRow = { id: c.state.tables.ticket_messages.length + 1, ticket_id: ticket.id, customer_id: null, admin_id: null, message: content, created_at: c.state.now(), updated_at: c.state.now() };
	c.state.tables.ticket_messages.push(messageRow);
	for (const f of withFiles ? c.files : []) {
		c.state.tables.ticket_attachments.push({ id: c.state.tables.ticket_attachments.length + 1, ticket_id: ticket.id, message_id: messageRow.id, filename: f.fileName, mime: f.mimeType, size: f.size });
	}
}

export function clientXcmsRoutes(): SimRoute[] {
	return [
		{ method: 'GET', path: '/health', ability: 'health', envelope: 'object', since: '2.14', handle: () => ok({ status: 'ok' }) },
		{
			method: 'GET',
			path: '/license',
			ability: 'license',
			envelope: 'object',
			since: '2.14',
			handle: () =>
				ok({
					status: 'ok',
					license: {
						expire: '2027-01-01',
						domain: 'billing.example.fr',
						lastchecked: 1767600000,
						nextCheck: 1767686400,
						domains: ['billing.example.fr'],
						data: {},
						server: null,
						extensions: ['proxmox'],
						type: 'pro',
						support_expiration: null,
						version_type: 'stable',
					},
				}),
		},

		...crud('customers', 'customers', {
			since: '2.14',
			list: { style: 'collection', filters: CUSTOMER_FIELDS, includes: ['invoices', 'metadata', 'services'] },
			show: 'object',
			store: {
				rules: (c) => customerRules(c, false),
				make: (c, data) => {
					// StoreCustomerRequest.php:102-104: `filled('verified')` — true for any value but null/'' (a JSON false too).
					const verified = 'verified' in data && data.verified !== null && data.verified !== '';
					delete data.verified;
					delete data.password;
					return {
						company_name: null,
						billing_details: null,
						address2: null,
						phone: null,
						...data,
						balance: Number(data.balance ?? 0).toFixed(2),
						email_verified_at: verified ? c.state.now() : null,
						// Stored as MySQL tinyints (the Customer model casts none of them): read back as 1 / 0.
						is_confirmed: verified ? 1 : 0,
						is_deleted: 0,
						dark_mode: 0,
						gdpr_compliment: 0,
						notes: null,
					};
				},
				// The answer is the fresh model: its PHP defaults (`dark_mode`, `gdpr_compliment` false,
				// Customer.php $attributes) and markEmailAsVerified()'s `is_confirmed => true` (Customer.php:353-357).
				json: (_c, row) => ({ ...row, dark_mode: false, gdpr_compliment: false, is_confirmed: row.is_confirmed === 1 }),
			},
			update: {
				rules: (c) => customerRules(c, true),
				apply: (_c, data) => {
					delete data.verified; // validated but not applied (research §5.2)
					delete data.password;
					if ('balance' in data) data.balance = Number(data.balance).toFixed(2);
					return data;
				},
			},
			destroy: (c) => {
				const customer = c.record as Row;
				const force = bool(c.req.query.force) || bool(c.body.force);
				const active = c.state.live('services').filter((s) => s.customer_id === customer.id && s.status === 'active');
				const pending = c.state.live('invoices').filter((i) => i.customer_id === customer.id && i.status === 'pending');
				if (!force && (active.length || pending.length)) {
					return ok(
						{
							error: 'Customer cannot be deleted',
							blocking_reasons: {
								active_services: { count: active.length, services: Object.fromEntries(active.map((s) => [s.id, s.name])) },
								pending_invoices: { count: pending.length, invoices: Object.fromEntries(pending.map((i) => [i.id, i.invoice_number])) },
							},
							message: `This customer cannot be deleted: ${active.length} active service(s), ${pending.length} pending invoice(s).`,
						},
						400,
					);
				}
				c.state.softDelete(customer);
				return message(200, 'Customer deleted successfully');
			},
		}),
		{
			method: 'POST',
			path: '/customers/{id}/confirm',
			ability: 'customers:update',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'customers' },
			handle: (c) => {
				const customer = c.record as Row;
				if (customer.email_verified_at) return message(400, 'Email already verified');
				// Stored as 1; the answer holds markEmailAsVerified()'s `true` (Customer.php:353-357).
				return ok({ ...c.state.touch(customer, { email_verified_at: c.state.now(), is_confirmed: 1 }), is_confirmed: true });
			},
		},
		{
			method: 'POST',
			path: '/customers/{id}/resend_confirmation',
			ability: 'customers:update',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'customers' },
			handle: (c) => ((c.record as Row).email_verified_at ? message(400, 'Email already verified') : message(200, 'Verification link sent')),
		},
		{
			method: 'POST',
			path: '/customers/{id}/send_password',
			ability: 'customers:update',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'customers' },
			// A code bug refuses verified customers with "Email already verified" (CustomerController.php:207-215).
			handle: (c) => ((c.record as Row).email_verified_at ? message(400, 'Email already verified') : message(200, 'Reset link sent')),
		},
		{
			method: 'POST',
			path: '/customers/{id}/action/{action}',
			ability: 'customers:update',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'customers' },
			rules: { reason: 'nullable|string', force: 'nullable|boolean', notify: 'nullable|boolean' },
			handle: (c) => {
				const customer = c.record as Row;
				const action = c.req.params.action;
				const meta = (key: string, value: unknown) => {
					const rows = c.state.tables.metadata;
					const existing = rows.find((m) => m.model_type === 'customers' && m.model_id === customer.id && m.key === key);
					if (value === null) {
						if (existing) rows.splice(rows.indexOf(existing), 1);
					} else if (existing) existing.value = value;
					else rows.push({ id: rows.length + 1, model_type: 'customers', model_id: customer.id, key, value });
				};
				const reason = typeof c.body.reason === 'string' ? c.body.reason : 'No reason provided';
				if (action === 'suspend' || action === 'ban') {
					const key = action === 'suspend' ? 'suspended' : 'banned';
					meta(key, 'true');
					meta(`${key}_reason`, reason);
					meta(`${key}_at`, c.state.now());
					if (bool(c.body.force)) for (const s of c.state.live('services')) if (s.customer_id === customer.id && s.status === 'active') s.status = 'suspended';
				} else if (action === 'reactivate') {
					for (const key of ['suspended', 'banned', 'suspended_reason', 'banned_reason', 'suspended_at', 'banned_at']) meta(key, null);
					for (const s of c.state.live('services')) if (s.customer_id === customer.id && s.status === 'suspended') s.status = 'active';
				} else if (action === 'disable2FA') {
					customer.totp_secret = null;
				}
				return ok(withMetadata(c.state, 'customers', customer));
			},
		},

		...crud('products', 'products', {
			since: '2.14',
			list: { style: 'paginator', filters: PRODUCT_FIELDS, includes: ['metadata', 'pricing', 'group'] },
			show: 'paginatedShow',
			json: (c, r) => withMetadata(c.state, 'products', r),
			store: {
				// StoreProductRequest.php:76-79: pinned = ($pinned == 'true') ? '1' : '0'.
				prepare: (c) => {
					c.body.pinned = phpEqualsTrue(c.body.pinned) ? '1' : '0';
				},
				rules: productRules(false),
				// Product::create($request->validated()) (ProductController.php:209-210): no sort_order
				// (Product.php $attributes default 0); `pinned` is cast to boolean (Product.php $casts).
				make: (_c, data) => ({ sort_order: 0, image: null, ...data, pinned: data.pinned === '1', stock: Number(data.stock), group_id: Number(data.group_id) }),
			},
			update: {
				// UpdateProductRequest.php:110-113: pinned is always merged, '0' unless JSON true / "true".
				prepare: (c) => {
					c.body.pinned = phpEqualsTrue(c.body.pinned) ? '1' : '0';
				},
				rules: productRules(true),
				apply: (c, data) => {
					const pricing = data.pricing as Record<string, { price?: unknown; setup?: unknown }> | undefined;
					delete data.pricing;
					delete data.remove_image;
					if (pricing && typeof pricing === 'object') {
						const row = c.state.live('pricings').find((p) => p.related_type === 'product' && p.related_id === (c.record as Row).id);
						if (row) {
							for (const [cycle, v] of Object.entries(pricing)) {
								row[cycle] = v?.price === undefined ? null : Number(String(v.price).replace(',', '.'));
								row[`setup_${cycle}`] = v?.setup === undefined ? null : Number(String(v.setup).replace(',', '.'));
							}
						}
					}
					// UpdateProductRequest.php:119 copies name, description, status, group_id, stock, type, pinned
					// (pinned always present, see prepare): omitting it resets it to false.
					return { ...data, pinned: data.pinned === '1' };
				},
			},
			destroy: (c) => {
				const product = c.record as Row;
				c.state.softDelete(product);
				for (const p of c.state.live('pricings')) if (p.related_type === 'product' && p.related_id === product.id) c.state.softDelete(p);
				return ok(product);
			},
		}),
		{
			method: 'GET',
			path: '/products/{id}/config',
			ability: 'products:show',
			envelope: 'object',
			since: '2.15',
			binding: { table: 'products' },
			handle: (c) => {
				const product = c.record as Row;
				if (product.type === 'none') return { status: 404, body: 'null', headers: { 'Content-Type': 'application/json' } };
				return ok((product.config as object) ?? { node: 'pve', memory: 2048, cores: 2 });
			},
		},
		{
			method: 'PUT',
			path: '/products/{id}/config',
			ability: 'products:update',
			envelope: 'object',
			since: '2.15',
			binding: { table: 'products' },
			handle: (c) => {
				const product = c.record as Row;
				if (product.type === 'none') return message(404, 'This product type has no configuration');
				product.config = { ...((product.config as object) ?? { node: 'pve', memory: 2048, cores: 2 }), ...c.body };
				return ok({ message: 'Config updated', config: product.config });
			},
		},

		...crud('groups', 'groups', {
			since: '2.14',
			list: { style: 'paginator', filters: GROUP_FIELDS, includes: ['products', 'groups', 'metadata'] },
			show: 'object',
			json: (c, r) => groupJson(c.state, r),
			binding: { table: 'groups' },
			store: {
				// StoreGroupRequest.php:67-74.
				prepare: (c) => {
					if (c.body.parent_id === 'none') c.body.parent_id = null;
					c.body.pinned = phpEqualsTrue(c.body.pinned) ? '1' : '0';
					c.body.slug = slug(c.body.slug);
				},
				rules: groupRules(false),
				make: (_c, data) => {
					delete data.use_image_as_background;
					return {
						badge_title: null,
						badge_color: null,
						badge_icon: null,
						image: null,
						...data,
						// Group.php $casts: pinned is a boolean in JSON.
						pinned: data.pinned === '1',
						parent_id: data.parent_id === undefined || data.parent_id === null ? null : Number(data.parent_id),
						sort_order: Number(data.sort_order),
					};
				},
				json: (c, row) => {
					// StoreGroupRequest.php:85-87: the flag is attached whenever the key is sent, whatever its value.
					if ('use_image_as_background' in c.body) setMeta(c.state, 'groups', row.id, 'use_image_as_background', 'true');
					return groupJson(c.state, row);
				},
			},
			update: {
				// UpdateGroupRequest.php:69-76: parent_id, pinned and slug are always merged, so omitting them
				// sets parent_id null, pinned false and slug Str::slug(null) = ''.
				prepare: (c) => {
					const parent = c.body.parent_id;
					c.body.parent_id = parent === 'none' || parent === null || parent === undefined || parent === '' ? null : Number(parent);
					c.body.pinned = phpEqualsTrue(c.body.pinned) ? '1' : '0';
					c.body.slug = slug(c.body.slug);
				},
				rules: groupRules(true),
				apply: (c, data) => {
					const group = c.record as Row;
					// UpdateGroupRequest.php:89-92.
					if (c.body.remove_image === 'true') data.image = '';
					// UpdateGroupRequest.php:93-97: the metadata flag is detached unless the key is sent.
					setMeta(c.state, 'groups', group.id, 'use_image_as_background', 'use_image_as_background' in c.body ? 'true' : null);
					delete data.use_image_as_background;
					delete data.remove_image;
					return { ...data, pinned: data.pinned === '1' };
				},
			},
			destroy: (c) => {
				const g = c.record as Row;
				for (const child of c.state.live('groups')) if (child.parent_id === g.id) child.parent_id = null;
				if (c.state.live('products').some((p) => p.group_id === g.id)) return ok({ error: 'This group still has products' }, 400);
				c.state.softDelete(g);
				return ok(g);
			},
		}).map((r) =>
			r.method === 'GET' && r.path === '/groups/{id}'
				? {
						...r,
						// The route parameter is {product} (routes/api-application.php:69), GroupController::show
						// expects $group (line 196): nothing binds, and an empty new Group is answered.
						binding: undefined,
						handle: (c: HandlerContext) => {
							if (c.settings.bugs) return ok({ parent_id: null, status: 'active', sort_order: 0, pinned: false });
							const g = c.state.find('groups', c.req.params.id);
							return g ? ok(groupJson(c.state, g)) : message(404, `No query results for model [App\\Models\\Store\\Group] ${c.req.params.id}`);
						},
					}
				: r,
		),

		...crud('pricings', 'pricings', {
			since: '2.14',
			list: { style: 'paginator', filters: PRICING_FIELDS },
			show: 'object',
			store: { rules: pricingRules(), make: (_c, data) => ({ ...pricingRow(0, Number(data.related_id), null), ...data, related_id: Number(data.related_id) }) },
			update: { rules: pricingRules() },
			destroy: (c) => {
				c.state.softDelete(c.record as Row);
				return ok(c.record);
			},
		}).map((r) => (r.method === 'POST' && r.path === '/pricings' ? { ...r } : r)),

		{
			method: 'GET',
			path: '/services',
			ability: 'services:index',
			envelope: 'collection',
			since: '2.14',
			filters: SERVICE_FIELDS,
			sorts: SERVICE_FIELDS,
			includes: ['customer', 'metadata', 'pricing', 'configoptions'],
			handle: index('services', { filters: SERVICE_FIELDS, sorts: SERVICE_FIELDS, includes: ['customer', 'metadata', 'pricing', 'configoptions'] }, 'collection'),
		},
		{
			method: 'GET',
			path: '/services/{id}',
			ability: 'services:show',
			envelope: 'paginatedShow',
			since: '2.14',
			includes: ['customer', 'metadata', 'pricing', 'configoptions'],
			// show(Service $service) binds by uuid, then id, else abort(404) → {"message": ""}
			// (Service.php:927-936, ServiceController.php:166-169): not a 200 with empty data.
			binding: { table: 'services', uuid: true, emptyMessage: true },
			handle: paginatedShow('services', { filters: SERVICE_FIELDS, sorts: SERVICE_FIELDS, includes: ['customer', 'metadata', 'pricing', 'configoptions'] }),
		},
		{ method: 'DELETE', path: '/services/{id}', ability: 'services:delete', envelope: 'object', since: '2.14', binding: { table: 'services', numericOnly: true }, handle: (c) => (c.state.softDelete(c.record as Row), ok(c.record)) },
		{
			method: 'POST',
			path: '/services/{id}/suspend',
			ability: 'services:suspend',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'services', uuid: true, emptyMessage: true },
			rules: { reason: 'nullable|string', notify: 'nullable' },
			handle: (c) => serviceAction(c, 'suspended', 'suspended'),
		},
		{
			method: 'POST',
			path: '/services/{id}/expire',
			ability: 'services:expire',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'services', uuid: true, emptyMessage: true },
			rules: { force: 'nullable|boolean' },
			handle: (c) => serviceAction(c, 'expired', 'expired'),
		},
		{
			method: 'POST',
			path: '/services/{id}/unsuspend',
			ability: 'services:unsuspend',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'services', numericOnly: true },
			handle: (c) => {
				const service = c.record as Row;
				c.state.touch(service, { status: 'active', suspended_at: null, suspend_reason: null });
				return ok({ data: service, result: { service, success: true, message: `Service ${service.id} unsuspended`, created_at: c.state.now(), data: [] } });
			},
		},

		...crud('invoices', 'invoices', {
			since: '2.14',
			list: { style: 'collection', filters: INVOICE_FIELDS, includes: ['customer', 'items'], missingColumns: ['amount'] },
			show: 'paginatedShow',
			binding: { table: 'invoices', uuid: true, emptyMessage: true },
			store: {
				rules: { customer_id: 'required|integer|exists:customers', currency: 'required|string|max:3' },
				make: (c, data) => {
					const n = c.state.tables.invoices.length + 1;
					return {
						uuid: `c0ffee${String(n).padStart(2, '0')}-1111-4222-8333-444455556666`,
						customer_id: Number(data.customer_id),
						currency: data.currency,
						billing_address: {},
						due_date: c.state.now(),
						total: 0,
						balance: 0,
						subtotal: 0,
						tax: 0,
						setupfees: 0,
						fees: 0,
						status: 'draft',
						payment_method_id: null,
						paid_at: null,
						external_id: null,
						notes: '',
						paymethod: 'balance',
						invoice_number: `CTX-2026-${String(n).padStart(4, '0')}`,
						pdf_sha256: null,
					};
				},
			},
			update: { rules: invoiceUpdateRules, apply: (_c, data) => ({ ...data, ...(data.fees !== undefined ? { fees: Number(data.fees) } : {}), ...(data.tax !== undefined ? { tax: Number(data.tax) } : {}) }) },
			// InvoiceController::destroy (lines 233-242): json([...], 204), sent empty; 403 when it cannot be deleted.
			destroy: (c) => {
				const invoice = c.record as Row;
				if (!['draft', 'cancelled', 'pending'].includes(String(invoice.status))) return message(403, 'Invoice cannot be deleted');
				c.state.softDelete(invoice);
				return { status: 204 };
			},
		}).map((r) => (r.method === 'GET' && r.path === '/invoices/{id}' ? { ...r, binding: { table: 'invoices' as Table, numericOnly: true } } : r)),
		{
			method: 'GET',
			path: '/invoices/{id}/notify',
			ability: 'invoices:update',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'invoices', uuid: true, emptyMessage: true },
			handle: (c) => ((c.record as Row).status === 'pending' ? ok({ message: 'Invoice notification sent', invoice: c.record }) : message(400, 'Invoice is not pending')),
		},
		{
			method: 'POST',
			path: '/invoices/{id}/validate',
			ability: 'invoices:update',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'invoices', uuid: true, emptyMessage: true },
			handle: (c) => invoiceMessage(c, 'draft', 'pending', 'Invoice validated', 'Invoice is not a draft'),
		},
		{
			method: 'POST',
			path: '/invoices/{id}/edit',
			ability: 'invoices:update',
			envelope: 'object',
			since: '2.14',
			binding: { table: 'invoices', uuid: true, emptyMessage: true },
			handle: (c) => invoiceMessage(c, 'pending', 'draft', 'Invoice is now a draft', 'Invoice is not pending'),
		},
		{
			method: 'GET',
			path: '/invoices/{id}/pdf',
			ability: 'invoices:show',
			envelope: 'file',
			since: '2.14',
			binding: { table: 'invoices', uuid: true, emptyMessage: true },
			// Invoice::pdf() (app/Models/Billing/Invoice.php:360-373): the stored copy if there is one, else one
			// rendered now with generatePdf(false), which stores nothing.
			handle: (c) => ({ status: 200, body: pdfBytes(String((c.record as Row).invoice_number)), headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${String((c.record as Row).invoice_number)}.pdf"` } }),
		},
		{
			method: 'GET',
			path: '/invoices/{id}/download',
			ability: 'invoices:show',
			envelope: 'file',
			since: '2.15',
			binding: { table: 'invoices', uuid: true, emptyMessage: true },
			// Invoice::download() (Invoice.php:338-347): the stored copy if there is one, else generatePdf(true),
			// which stores the PDF and records its SHA-256 on the invoice (Invoice.php:407-411).
			handle: (c) => {
				const record = c.record as Row;
				const body = pdfBytes(String(record.invoice_number));
				if (record.pdf_sha256 === null || record.pdf_sha256 === undefined) record.pdf_sha256 = createHash('sha256').update(body).digest('hex');
				return { status: 200, body, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${String(record.invoice_number)}.pdf"` } };
			},
		},
		{
			method: 'POST',
			path: '/invoices/{id}/export',
			ability: 'invoices:index',
			envelope: 'file',
			since: '2.14',
			binding: { table: 'invoices', uuid: true, emptyMessage: true },
			rules: { format: 'required|in:csv,xlsx,pdf', date_from: 'nullable|date', date_to: 'nullable|date', status: 'nullable|array', customer_id: 'nullable|integer' },
			handle: (c) => {
				const statuses = Array.isArray(c.body.status) ? (c.body.status as string[]) : [];
				const rows = c.state.live('invoices').filter(
					(i) =>
						(statuses.length === 0 || statuses.includes('all') || statuses.includes(String(i.status))) &&
						(c.body.customer_id === undefined || c.body.customer_id === null || i.customer_id === Number(c.body.customer_id)) &&
						(!c.body.date_from || String(i.created_at) >= String(c.body.date_from)) &&
						(!c.body.date_to || String(i.created_at).slice(0, 10) <= String(c.body.date_to)),
				);
				// INFERENCE: nothing matched → `back()`, a redirect to the previous page.
				if (rows.length === 0) return { status: 302, body: '', headers: { Location: `${c.base}/admin/invoices` } } as SimResponse;
				const format = String(c.body.format);
				if (format === 'csv') {
					const csv = ['id,invoice_number,status,total,currency', ...rows.map((i) => `${i.id},${String(i.invoice_number)},${String(i.status)},${String(i.total)},${String(i.currency)}`)].join('\n');
					return { status: 200, body: Buffer.from(`${csv}\n`), headers: { 'Content-Type': 'text/csv; charset=UTF-8', 'Content-Disposition': 'attachment; filename="invoices.csv"' } } as SimResponse;
				}
				const type = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/zip';
				return { status: 200, body: Buffer.from(`PK\u0003\u0004${format}`), headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="invoices.${format === 'xlsx' ? 'xlsx' : 'zip'}"` } } as SimResponse;
			},
		},

		...crud('departments', 'departments', {
			list: { style: 'paginator', filters: DEPARTMENT_FIELDS, includes: ['tickets'] },
			show: 'paginatedShow',
			store: { rules: departmentRules },
			update: { rules: departmentRules },
			// DepartmentController::destroy (lines 242-250): 403 with tickets, else json([...], 204), sent empty.
			destroy: (c) => {
				if (c.state.live('tickets').some((t) => t.department_id === (c.record as Row).id)) return message(403, 'This department has tickets and cannot be deleted');
				c.state.softDelete(c.record as Row);
				return { status: 204 };
			},
		}),

		...crud('tickets', 'tickets', {
			list: { style: 'paginator', filters: TICKET_FILTERS, sorts: [...TICKET_FILTERS, 'closed_at'], includes: ['customer', 'department', 'messages', 'attachments', 'assignedTo', 'comments'] },
			show: 'paginatedShow',
			binding: { table: 'tickets', uuid: true, emptyMessage: true },
			json: ticketJson,
			store: {
				prepare: (c) => {
					// SubmitTicketRequest.php:64-77: "type-id" is split; "none" or a value without "-" clears both.
					const raw = c.body.related_id;
					if (raw === 'none' || typeof raw !== 'string' || !raw.includes('-')) {
						c.body.related_id = null;
						c.body.related_type = null;
						return undefined;
					}
					const [type, id] = raw.split('-');
					c.body.related_id = id;
					c.body.related_type = type;
					// SubmitTicketRequest.php:51 runs CustomerIsRelatedWith on it; with an API key no admin
					// session exists (CustomerIsRelatedWith.php:38) and auth('web')->user() is null, so
					// `->services()` / `->invoices()` on null (lines 44-53) is a PHP Error: HTTP 500.
					if ((type === 'service' || type === 'invoice') && id !== '') return message(500, 'Server Error');
					return undefined;
				},
				rules: ticketStoreRules,
				make: (c, data) => {
					const related = data.related_type ? [data.related_type, data.related_id] : null;
					return {
						uuid: `7a7a${String(c.state.tables.tickets.length + 1).padStart(4, '0')}-aaaa-4bbb-8ccc-dddddddddddd`,
						department_id: Number(data.department_id),
						customer_id: c.body.customer_id === undefined ? null : Number(c.body.customer_id),
						status: 'open',
						priority: data.priority,
						subject: data.subject,
						related_type: related ? related[0] : null,
						related_id: related ? Number(related[1]) : null,
						closed_at: null,
						close_reason: null,
						assigned_to: null,
					};
				},
				json: (c, t) => {
					// TicketController::store (lines 188-196) saves the message only: attachments sent with a new
					// ticket pass validation and are discarded (only reply stores files, lines 350-352). The answer
					// loads customer, department and messages (line 195).
					addMessage(c, t, String(c.body.content), false);
					return { ...t, customer: c.state.find('customers', t.customer_id) ?? null, department: c.state.find('departments', t.department_id), messages: c.state.tables.ticket_messages.filter((m) => m.ticket_id === t.id) };
				},
			},
			update: {
				rules: { department_id: 'required|integer|exists:departments', priority: 'required|in:low,medium,high', subject: 'required|string|max:255', close_reason: 'nullable|string', assigned_to: 'nullable|string' },
				apply: (_c, data) => ({ ...data, department_id: Number(data.department_id), ...(data.assigned_to === 'none' ? { assigned_to: null } : {}) }),
			},
			// TicketController::destroy (lines 291-311): a ticket not closed is only closed (200).
			destroy: (c) => {
				const t = c.record as Row;
				if (t.status !== 'closed') {
					c.state.touch(t, { status: 'closed', closed_at: c.state.now() });
					return message(200, 'Ticket closed successfully');
				}
				c.state.softDelete(t);
				return message(200, 'Ticket deleted successfully');
			},
		}),
		{
			method: 'POST',
			path: '/tickets/{id}/reply',
			ability: 'tickets:reply',
			envelope: 'object',
			since: '2.15',
			binding: { table: 'tickets', uuid: true, emptyMessage: true },
			rules: { content: 'required|string|between:5,10000' },
			handle: (c) => {
				const t = c.record as Row;
				addMessage(c, t, String(c.body.content));
				c.state.touch(t, { status: 'answered' });
				return ok({ message: 'Reply sent', ticket: { ...t, messages: c.state.tables.ticket_messages.filter((m) => m.ticket_id === t.id), attachments: c.state.tables.ticket_attachments.filter((a) => a.ticket_id === t.id) } });
			},
		},
		{
			method: 'POST',
			path: '/tickets/{id}/close',
			ability: 'tickets:close',
			envelope: 'object',
			since: '2.15',
			binding: { table: 'tickets', uuid: true, emptyMessage: true },
			rules: { reason: 'nullable|string' },
			handle: (c) => {
				const t = c.record as Row;
				if (t.status === 'closed') return message(400, 'Ticket is already closed');
				c.state.touch(t, { status: 'closed', closed_at: c.state.now(), close_reason: c.body.reason ?? null });
				return ok({ message: 'Ticket closed', ticket: t });
			},
		},
		{
			method: 'POST',
			path: '/tickets/{id}/reopen',
			ability: 'tickets:reopen',
			envelope: 'object',
			since: '2.15',
			binding: { table: 'tickets', uuid: true, emptyMessage: true },
			handle: (c) => {
				const t = c.record as Row;
				if (t.status !== 'closed') return message(400, 'Ticket is not closed');
				c.state.touch(t, { status: 'open', closed_at: null });
				return ok({ message: 'Ticket reopened', ticket: t });
			},
		},

		...crud('coupons', 'coupons', {
			list: { style: 'paginator', filters: COUPON_FIELDS, sorts: COUPON_SORTS, includes: ['products', 'pricing', 'usages', 'customer'] },
			show: 'paginatedShow',
			store: {
				prepare: couponPrepare,
				rules: couponRules,
				// CouponController::store (lines 150-168).
				make: (c, data) => ({ unique_use: 0, start_at: null, end_at: null, customer_id: null, ...couponColumns(data), products_required: c.body.required_products }),
				json: (c, row) => {
					syncCouponProducts(c.state, row.id, c.body.products as unknown[]);
					return couponAnswer(c, row);
				},
			},
			update: {
				prepare: couponPrepare,
				rules: couponRules,
				// CouponController::update (lines 229-250): products_required is set from required_products,
				// [] when omitted (line 232); the products are synced to `products`, [] when omitted (line 245).
				apply: (c, data) => {
					syncCouponProducts(c.state, (c.record as Row).id, c.body.products as unknown[]);
					return { ...couponColumns(data), products_required: c.body.required_products };
				},
				json: couponAnswer,
			},
			destroy: deleted('Coupon deleted successfully'),
		}),

		...crud('servers', 'servers', {
			list: { style: 'paginator', filters: SERVER_FIELDS, sorts: SERVER_SORTS, includes: ['services', 'metadata'] },
			show: 'paginatedShow',
			store: { rules: serverRules(false), make: (_c, data) => ({ name: null, port: 443, username: null, password: null, type: 'none', status: 'active', maxaccounts: 0, ...data }) },
			update: { rules: serverRules(true), apply: (_c, data) => Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null)) },
			destroy: deleted('Server deleted successfully'),
		}),
		{
			method: 'POST',
			path: '/servers/test',
			ability: 'servers:test',
			envelope: 'object',
			since: '2.15',
			// routes/api-application.php registers POST /servers/{server} (line 126) before POST /servers/test
			// (line 128), and Laravel takes the first match: "test" is bound as a server ID and the binding
			// fails before any ability check or validation, in every release v2.15 – v2.16-fix. The test
			// itself (ServerController::test) is never reached.
			shadowed: () => message(404, 'No query results for model [App\\Models\\Provisioning\\Server] test'),
			handle: () => message(404, 'No query results for model [App\\Models\\Provisioning\\Server] test'),
		},

		{
			method: 'GET',
			path: '/logs',
			ability: 'logs:index',
			envelope: 'paginator',
			since: '2.15',
			filters: LOG_FIELDS,
			sorts: LOG_FIELDS,
			includes: ['customer', 'staff', 'entries'],
			handle: index('logs', { filters: LOG_FIELDS, sorts: LOG_FIELDS, includes: ['customer', 'staff', 'entries'], perPage: 50 }, 'paginator'),
		},
		{
			method: 'GET',
			path: '/logs/{id}',
			ability: 'logs:show',
			envelope: 'paginatedShow',
			since: '2.15',
			includes: ['customer', 'staff', 'entries'],
			handle: paginatedShow('logs', { filters: LOG_FIELDS, sorts: LOG_FIELDS, includes: ['customer', 'staff', 'entries'], perPage: 50 }),
		},

		...crud('subdomains', 'subdomains', {
			list: { style: 'paginator', filters: SUBDOMAIN_FIELDS, sorts: SUBDOMAIN_SORTS },
			show: 'paginatedShow',
			// SubdomainHostController::store (lines 115-130) and ::update (lines 189-204): products and groups
			// become `array_values(array_map('intval', $validated[...] ?? []))`, so an update that omits them
			// empties them (lines 198-199).
			store: { rules: subdomainRules, make: (_c, data) => ({ ...data, ...ids(data) }) },
			update: { rules: subdomainRules, apply: (_c, data) => ({ ...data, ...ids(data) }) },
			// SubdomainHostController.php:231.
			destroy: deleted('Subdomain host deleted successfully'),
		}),

		...crud('cancellation_reasons', 'cancellation_reasons', {
			list: { style: 'paginator', filters: ['status', 'reason'], sorts: ['id', 'reason', 'status', 'created_at'] },
			show: 'object',
			store: { rules: { reason: 'required|string|max:255', status: `required|${STATUS}` } },
			update: { rules: { reason: 'sometimes|string|max:255', status: `sometimes|${STATUS}` } },
			destroy: deleted('Cancellation reason deleted successfully'),
		}),
		{
			method: 'GET',
			path: '/cancellation_reasons_analytics',
			ability: 'cancellation_reasons:analytics',
			envelope: 'object',
			since: '2.15',
			handle: (c) => {
				const start = typeof c.req.query.start_date === 'string' ? c.req.query.start_date : '2025-08-01';
				const end = typeof c.req.query.end_date === 'string' ? c.req.query.end_date : '2026-02-01';
				const cancelled = c.state.tables.services.filter((s) => s.cancellation_reason_id !== null && String(s.cancelled_at ?? '').slice(0, 10) >= start && String(s.cancelled_at ?? '').slice(0, 10) <= end);
				const distribution = c.state.live('cancellation_reasons').map((r) => ({ reason_id: r.id, reason: r.reason, count: cancelled.filter((s) => s.cancellation_reason_id === r.id).length }));
				return ok({ start_date: start, end_date: end, total_cancellations: cancelled.length, distribution });
			},
		},
	];
}

function ids(data: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of ['products', 'groups']) out[k] = Array.isArray(data[k]) ? (data[k] as unknown[]).map(Number) : [];
	return out;
}

const COUPON_FLAGS = ['free_setup', 'first_order_only', 'is_global'];

/** CouponRequest::prepareForValidation (CouponRequest.php:62-85). */
function couponPrepare(c: HandlerContext): void {
	// Lines 73-75: `$this->free_setup == 'true' ? '1' : '0'` — a JSON 1 or "1" (how MySQL reads the
	// tinyint back: the Coupon model casts none of them, Coupon.php:124-128) becomes '0', false.
	for (const k of COUPON_FLAGS) c.body[k] = phpEqualsTrue(c.body[k]) ? '1' : '0';
	// Lines 65-67, 77-84: products (plus every product of the groups sent), required_products default [].
	const products = Array.isArray(c.body.products) ? [...(c.body.products as unknown[])] : [];
	for (const g of Array.isArray(c.body.groups) ? (c.body.groups as unknown[]) : []) {
		products.push(...c.state.live('products').filter((p) => p.group_id === Number(g)).map((p) => p.id));
	}
	c.body.products = products;
	if (!('required_products' in c.body) || c.body.required_products === null) c.body.required_products = [];
}

/** A Laravel datetime column as the model serialises it back. */
function dateColumn(v: unknown): unknown {
	if (v === undefined || v === null || v === '') return null;
	const ms = Date.parse(String(v));
	return Number.isNaN(ms) ? v : stamp(ms);
}

/** The fillable columns `$request->only($keys)` sets (CouponController.php:154, 231-233), as MySQL stores them. */
function couponColumns(data: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of ['code', 'type']) if (k in data) out[k] = data[k];
	for (const k of COUPON_FLAGS) if (k in data) out[k] = data[k] === '1' ? 1 : 0;
	for (const k of ['applied_month', 'max_uses', 'max_uses_per_customer', 'usages', 'minimum_order_amount']) if (k in data) out[k] = Number(data[k]);
	if ('customer_id' in data) out.customer_id = data.customer_id === null ? null : Number(data.customer_id);
	for (const k of ['start_at', 'end_at']) if (k in data) out[k] = dateColumn(data[k]);
	return out;
}

/** `$coupon->load(['products', 'pricing'])` right after the write: the flags still hold the request's '1'/'0' strings. */
function couponAnswer(c: HandlerContext, row: Row): Row {
	const answer: Row = { ...row, products: couponProducts(c.state, row.id), pricing: related(c.state, 'coupons', row, 'pricing') };
	for (const k of COUPON_FLAGS) answer[k] = String(row[k]);
	return answer;
}
