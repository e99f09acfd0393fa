// XtraKit's documented endpoints (research §2.4, paths below /api/v1), the inferred DELETEs, and the
// envelope every answer carries: `{ status, message, data }` (FACT), errors included (INFERENCE: the
// docs show no error body; the envelope with `data: null` is the research notes' reading).
import type { ZodError } from 'zod';
import { routesFor, type HookContext, type Route, type SimRequest, type SimResponse } from '../core';
import {
	customerBodySchema,
	expenseBodySchema,
	groupBodySchema,
	itemBodySchema,
	querySchemas,
	saleBodySchema,
	saleEditBodySchema,
	type CustomerBody,
	type ExpenseBody,
	type GroupBody,
	type ItemBody,
	type SaleBody,
} from './schemas';
import { BUSINESS_CODE } from './seed';
import { normaliseInvoiceType, type XtraKitState } from './state';

export const API_PREFIX = '/api/v1';

export interface XtraKitSettings {
	/** Every API call answers 402 Payment Required (the plan lapsed or has no API access). */
	planLapsed: boolean;
	/** FACT: every add sample shows status 200, while the intro says 201 is for creation. 200 by default. */
	createStatus: 200 | 201;
	/** Errors are sent with HTTP 200 and the failure only in the envelope's `status`. */
	errorsAsHttp200: boolean;
	/** Lists start paging (XtraKit documents none): a Laravel paginator, or page 1 with only `meta` counts. */
	pagination: {
		perPage: number;
		style: 'laravel' | 'meta-only';
		/**
		 * Hostile paging (issue 12): past the last page, each page is empty and still links to the next,
		 * as a paginator writing `next = page + 1` without counting does.
		 */
		endless?: boolean;
	} | null;
	/** INFERENCE: DELETE answers 200 with the envelope, or 204 without a body. */
	deleteStatus: 200 | 204;
}

export const defaultSettings = (): XtraKitSettings => ({
	planLapsed: false,
	createStatus: 200,
	errorsAsHttp200: false,
	pagination: null,
	deleteStatus: 200,
});

export function envelope(status: number, message: string, data: unknown = null): { status: number; message: string; data: unknown } {
	return { status, message, data };
}

export function ok(message: string, data: unknown, status = 200): SimResponse {
	return { status, body: envelope(status, message, data) };
}

/** An error answer in the envelope; HTTP 200 instead of the code when `errorsAsHttp200` is on. */
export function failure(settings: XtraKitSettings, status: number, message: string, data: unknown = null): SimResponse {
	return { status: settings.errorsAsHttp200 ? 200 : status, body: envelope(status, message, data) };
}

export const messages = {
	unauthenticated: 'Unauthenticated.',
	// Wording ours: no 402 body is documented, only "402: For payment required".
	planLapsed: 'Payment required: your XtraKit subscription has expired. Renew your plan to keep using the API.',
	routeNotFound: 'Route not found',
	serverError: 'Internal server error',
};

const words = (field: string) => field.replace(/_/g, ' ');

/** Laravel-style validation errors from zod issues: `{ message, data: { errors: { field: [text] } } }`. */
export function validationFailure(settings: XtraKitSettings, error: ZodError): SimResponse {
	const errors: Record<string, string[]> = {};
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) (errors[key] ??= []).push(`The ${words(key)} field is not accepted.`);
			continue;
		}
		const field = String(issue.path[0] ?? 'body');
		const missing = (issue.code === 'invalid_type' && issue.received === 'undefined') || (issue.code === 'too_small' && issue.minimum === 1);
		const text = missing
			? `The ${words(field)} field is required.`
			: issue.code === 'invalid_enum_value'
				? `The selected ${words(field)} is invalid.`
				: `The ${words(issue.path.join('.'))} field ${issue.message.replace(/^Invalid input$/, 'is invalid')}.`.replace(/\.\.$/, '.');
		(errors[field] ??= []).push(text);
	}
	const all = Object.values(errors).flat();
	const message = all.length > 1 ? `${all[0]} (and ${all.length - 1} more error${all.length > 2 ? 's' : ''})` : (all[0] ?? 'The given data was invalid.');
	return failure(settings, 400, message, { errors });
}

/** What the routes answer as "not found" for one record. */
const notFound = (settings: XtraKitSettings, what: string) => failure(settings, 404, `${what} not found`);

const isId = (value: string) => /^\d+$/.test(value);

// ---- list filters (INFERENCE: the docs name the filters, not their exact semantics) --------------

/** "2024-08-04 8:5:3" → "2024-08-04 08:05:03"; a bare date is its midnight. */
function padDateTime(value: string): string {
	const [date, time = '0:0:0'] = value.trim().split(' ');
	const [h = '0', m = '0', s = '0'] = time.split(':');
	return `${date} ${h.padStart(2, '0')}:${m.padStart(2, '0')}:${s.padStart(2, '0')}`;
}

/** created_at: "Start date" → created at or after. updated_at: "End date" (a day) → updated on or before. */
function byDates<T extends { created_at: string; updated_at: string }>(records: T[], query: { created_at?: string; updated_at?: string }): T[] {
	let out = records;
	if (query.created_at) {
		const from = padDateTime(query.created_at);
		out = out.filter((r) => r.created_at >= from);
	}
	if (query.updated_at) {
		const until = query.updated_at;
		out = out.filter((r) => r.updated_at.slice(0, 10) <= until);
	}
	return out;
}

// ---- lists, with the pagination switch -----------------------------------------------------------

function listAnswer(
	req: SimRequest,
	ctx: HookContext,
	settings: XtraKitSettings,
	key: string,
	noun: string,
	records: unknown[],
	countInMessage = true,
): SimResponse {
	const message = (n: number) => (countInMessage ? `${noun} found: ${n}` : `${noun} found`);
	const query = req.query as { page?: string };
	if (!settings.pagination) {
		if (query.page !== undefined) ctx.violate('invalid-query', 'page is no XtraKit parameter (lists are not paginated)');
		return ok(message(records.length), { [key]: records });
	}
	const { perPage, style, endless = false } = settings.pagination;
	const total = records.length;
	const lastPage = Math.max(1, Math.ceil(total / perPage));
	const asked = Math.max(1, Number(query.page ?? 1) || 1);
	const page = endless ? asked : Math.min(asked, lastPage + 1);
	const slice = records.slice((page - 1) * perPage, page * perPage);
	if (style === 'meta-only') {
		return { status: 200, body: { ...envelope(200, message(slice.length), { [key]: slice }), meta: { current_page: page, last_page: lastPage, per_page: perPage, total } } };
	}
	// Laravel's LengthAwarePaginator as JSON. Its links drop the query string (no withQueryString()).
	const base = `http://${req.headers.host}${req.path}`;
	const url = (n: number) => `${base}?page=${n}`;
	const from = slice.length > 0 ? (page - 1) * perPage + 1 : null;
	return ok(message(total), {
		[key]: {
			current_page: page,
			data: slice,
			first_page_url: url(1),
			from,
			last_page: lastPage,
			last_page_url: url(lastPage),
			links: [
				{ url: page > 1 ? url(page - 1) : null, label: '&laquo; Previous', active: false },
				...Array.from({ length: lastPage }, (_, i) => ({ url: url(i + 1), label: String(i + 1), active: i + 1 === page })),
				{ url: page < lastPage ? url(page + 1) : null, label: 'Next &raquo;', active: false },
			],
			next_page_url: page < lastPage || endless ? url(page + 1) : null,
			path: base,
			per_page: perPage,
			prev_page_url: page > 1 ? url(page - 1) : null,
			to: from === null ? null : from + slice.length - 1,
			total,
		},
	});
}

export function xtraKitRoutes(settings: XtraKitSettings): Route<XtraKitState>[] {
	const route = routesFor<XtraKitState>();
	const p = (path: string) => `${API_PREFIX}${path}`;
	const created = (message: string, data: unknown) => ok(message, data, settings.createStatus);
	const deleted = (message: string): SimResponse => (settings.deleteStatus === 204 ? { status: 204 } : ok(message, null));
	const groupExists = (state: XtraKitState, id: unknown) => id === undefined || id === null || state.groups.has(Number(id));

	return [
		// The auth check (FACT: the intro's curl uses GET). Its answer is undocumented; this one is ours.
		route({
			method: 'GET',
			path: p('/user/authenticate'),
			query: querySchemas.none,
			handler: () => ok('User authenticated', { user: { name: 'Edward', business_name: 'Makola Trading Enterprise', business_code: BUSINESS_CODE } }),
		}),

		// ---- customers -----------------------------------------------------------------------------
		route({
			method: 'GET',
			path: p('/customers'),
			query: querySchemas.customers,
			handler: (req, ctx) => {
				let list = byDates(ctx.state.listCustomers(), req.query);
				if (req.query.customer_group_id) list = list.filter((c) => c.customer_group_id === Number(req.query.customer_group_id));
				return listAnswer(req, ctx, settings, 'customers', 'Customers', list);
			},
		}),
		route({
			method: 'GET',
			path: p('/customers/:id'),
			query: querySchemas.none,
			handler: (req, { state }) => {
				const customer = isId(req.params.id) ? state.customer(Number(req.params.id)) : undefined;
				if (!customer) return notFound(settings, 'Customer');
				const group = customer.customer_group_id === null ? undefined : state.group(customer.customer_group_id);
				// FACT: fetch adds `customer-group`, an array.
				return ok('Customer found', { customer, 'customer-group': group ? [group] : [] });
			},
		}),
		route<unknown, CustomerBody>({
			method: 'POST',
			path: p('/customers/add'),
			body: customerBodySchema,
			handler: (req, { state }) => {
				if (!groupExists(state, req.body.customer_group_id)) return failure(settings, 400, 'The selected customer group id is invalid.');
				return created('Customer added successfully', { customer: state.addCustomer(req.body) });
			},
		}),
		route<unknown, CustomerBody>({
			method: 'PUT',
			path: p('/customers/:id'),
			// INFERENCE: Edit Customer requires what Add Customer requires (as Edit Item does, FACT).
			body: customerBodySchema,
			handler: (req, { state }) => {
				if (!isId(req.params.id) || !state.customers.has(Number(req.params.id))) return notFound(settings, 'Customer');
				if (!groupExists(state, req.body.customer_group_id)) return failure(settings, 400, 'The selected customer group id is invalid.');
				return ok('Customer updated successfully', { customer: state.updateCustomer(Number(req.params.id), req.body) });
			},
		}),
		route({
			method: 'DELETE',
			path: p('/customers/:id'),
			handler: (req, { state }) =>
				isId(req.params.id) && state.remove('customer', req.params.id) ? deleted('Customer deleted successfully') : notFound(settings, 'Customer'),
		}),

		// ---- customer groups -----------------------------------------------------------------------
		route({
			method: 'GET',
			path: p('/customer-groups'),
			query: querySchemas.groups,
			handler: (req, ctx) => {
				let list = byDates(ctx.state.listGroups(), req.query);
				if (req.query.business_code) list = list.filter((g) => g.business_code === req.query.business_code);
				return listAnswer(req, ctx, settings, 'groups', 'Groups', list);
			},
		}),
		route({
			method: 'GET',
			path: p('/customer-groups/:id'),
			query: querySchemas.none,
			handler: (req, { state }) => {
				const group = isId(req.params.id) ? state.group(Number(req.params.id)) : undefined;
				return group ? ok('Group found', { group }) : notFound(settings, 'Group');
			},
		}),
		route<unknown, GroupBody>({
			method: 'POST',
			path: p('/customer-groups/add'),
			body: groupBodySchema,
			handler: (req, { state }) => created('Group added successfully', { group: state.addGroup(req.body) }),
		}),
		route<unknown, GroupBody>({
			method: 'PUT',
			path: p('/customer-groups/:id'),
			body: groupBodySchema,
			handler: (req, { state }) => {
				if (!isId(req.params.id) || !state.groups.has(Number(req.params.id))) return notFound(settings, 'Group');
				return ok('Group updated successfully', { group: state.updateGroup(Number(req.params.id), req.body) });
			},
		}),
		route({
			method: 'DELETE',
			path: p('/customer-groups/:id'),
			handler: (req, { state }) =>
				isId(req.params.id) && state.remove('group', req.params.id) ? deleted('Group deleted successfully') : notFound(settings, 'Group'),
		}),

		// ---- sales ---------------------------------------------------------------------------------
		route({
			method: 'GET',
			path: p('/sales'),
			query: querySchemas.sales,
			handler: (req, ctx) => {
				const q = req.query;
				let list = ctx.state.listSales();
				if (q.invoice_code) list = list.filter((s) => String(s.invoice_code) === q.invoice_code);
				if (q.customer_id) list = list.filter((s) => s.customer_id === String(Number(q.customer_id)));
				if (q.invoice_type) list = list.filter((s) => s.invoice_type === normaliseInvoiceType(q.invoice_type as string));
				if (q.payment_date) list = list.filter((s) => s.payment_date === q.payment_date);
				if (q.payment_status) list = list.filter((s) => s.payment_status === q.payment_status);
				if (q.created_at) list = list.filter((s) => s.created_at >= padDateTime(q.created_at as string));
				if (q.due_date) list = list.filter((s) => s.due_date !== null && s.due_date <= (q.due_date as string));
				return listAnswer(req, ctx, settings, 'sales', 'Sales', list);
			},
		}),
		route({
			method: 'GET',
			path: p('/sales/:code'),
			query: querySchemas.none,
			handler: (req, { state }) => {
				const sale = state.sale(req.params.code);
				// FACT: fetch answers `sales` (the sale) and `sales-item` (its lines).
				return sale ? ok('Sale found', { sales: sale, 'sales-item': state.lineItems(req.params.code) }) : notFound(settings, 'Sale');
			},
		}),
		route<unknown, SaleBody>({
			method: 'POST',
			path: p('/sales/add'),
			body: saleBodySchema,
			handler: (req, { state }) => {
				const code = String(req.body.invoice_code);
				if (state.sales.has(code)) return failure(settings, 400, 'The invoice code has already been taken.', { errors: { invoice_code: ['The invoice code has already been taken.'] } });
				if (!state.customers.has(Number(req.body.customer_id))) return failure(settings, 400, 'The selected customer id is invalid.', { errors: { customer_id: ['The selected customer id is invalid.'] } });
				const { sale, lines } = state.addSale(req.body);
				return created('Sale added successfully', { sales: sale, 'sales-item': lines });
			},
		}),
		route<unknown, Omit<SaleBody, 'items'>>({
			method: 'PUT',
			path: p('/sales/edit/:code'),
			body: saleEditBodySchema,
			handler: (req, { state }) => {
				const code = req.params.code.trim();
				if (!state.sales.has(code)) return notFound(settings, 'Sale');
				const newCode = String(req.body.invoice_code);
				if (newCode !== code && state.sales.has(newCode)) return failure(settings, 400, 'The invoice code has already been taken.');
				if (!state.customers.has(Number(req.body.customer_id))) return failure(settings, 400, 'The selected customer id is invalid.');
				const sale = state.updateSale(code, req.body);
				return ok('Sale updated successfully', { sales: sale, 'sales-item': state.lineItems(String(sale.invoice_code)) });
			},
		}),
		route({
			method: 'DELETE',
			path: p('/sales/:code'),
			handler: (req, { state }) => (state.remove('sale', req.params.code) ? deleted('Sale deleted successfully') : notFound(settings, 'Sale')),
		}),

		// ---- inventory -----------------------------------------------------------------------------
		route({
			method: 'GET',
			path: p('/inventory/items'),
			query: querySchemas.items,
			handler: (req, ctx) => {
				let list = byDates(ctx.state.listItems(), req.query);
				if (req.query.category_id) list = list.filter((i) => i.category_id === Number(req.query.category_id));
				return listAnswer(req, ctx, settings, 'items', 'Items', list);
			},
		}),
		route({
			method: 'GET',
			path: p('/inventory/items/:code'),
			query: querySchemas.none,
			handler: (req, { state }) => {
				const item = state.item(req.params.code);
				return item ? ok('Item found', { item }) : notFound(settings, 'Item');
			},
		}),
		route<unknown, ItemBody>({
			method: 'POST',
			path: p('/inventory/items/add'),
			body: itemBodySchema,
			handler: (req, { state }) => {
				if (!state.categories.has(Number(req.body.category_id))) return failure(settings, 400, 'The selected category id is invalid.', { errors: { category_id: ['The selected category id is invalid.'] } });
				return created('Item added successfully', { item: state.addItem(req.body) });
			},
		}),
		route<unknown, ItemBody>({
			method: 'PUT',
			path: p('/inventory/items/:code'),
			// FACT: Edit Item marks the same fields Required as Add Item.
			body: itemBodySchema,
			handler: (req, { state }) => {
				if (!state.items.has(req.params.code.trim())) return notFound(settings, 'Item');
				if (!state.categories.has(Number(req.body.category_id))) return failure(settings, 400, 'The selected category id is invalid.');
				return ok('Item updated successfully', { item: state.updateItem(req.params.code, req.body) });
			},
		}),
		route({
			method: 'DELETE',
			path: p('/inventory/items/:code'),
			handler: (req, { state }) => (state.remove('item', req.params.code) ? deleted('Item deleted successfully') : notFound(settings, 'Item')),
		}),
		route({
			method: 'GET',
			path: p('/inventory/categories'),
			query: querySchemas.categories,
			handler: (req, ctx) => {
				let list = byDates(ctx.state.listCategories(), req.query);
				const name = req.query.category_name?.trim().toLowerCase();
				if (name) list = list.filter((c) => c.category_name.toLowerCase().includes(name));
				// FACT: "Item categories found", no count; the only list the docs print as a real array.
				return listAnswer(req, ctx, settings, 'item-categories', 'Item categories', list, false);
			},
		}),

		// ---- expenses (no list documented) ---------------------------------------------------------
		route({
			method: 'GET',
			path: p('/expenses/:id'),
			query: querySchemas.none,
			handler: (req, { state }) => {
				const expense = isId(req.params.id) ? state.expense(Number(req.params.id)) : undefined;
				return expense ? ok('Expense found', { expense }) : notFound(settings, 'Expense');
			},
		}),
		route<unknown, ExpenseBody>({
			method: 'POST',
			path: p('/expenses/add'),
			body: expenseBodySchema,
			handler: (req, { state }) => created('Expense added successfully', { expense: state.addExpense(req.body) }),
		}),
		route<unknown, ExpenseBody>({
			method: 'PUT',
			path: p('/expenses/:id'),
			body: expenseBodySchema,
			handler: (req, { state }) => {
				if (!isId(req.params.id) || !state.expenses.has(Number(req.params.id))) return notFound(settings, 'Expense');
				return ok('Expense updated successfully', { expense: state.updateExpense(Number(req.params.id), req.body) });
			},
		}),
		route({
			method: 'DELETE',
			path: p('/expenses/:id'),
			handler: (req, { state }) =>
				isId(req.params.id) && state.remove('expense', req.params.id) ? deleted('Expense deleted successfully') : notFound(settings, 'Expense'),
		}),
	];
}
