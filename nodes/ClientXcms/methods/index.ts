import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequestBody } from '../../shared/http';
import { clientXcms } from '../provider';
import { fetchAllRecords, readPage } from '../records';

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

const PAGE = 50;

/**
 * One page of a list route for a resource locator. Text is matched on this page, across the fields
 * shown (the API's filters match one field each), and the next page is offered as a pagination token.
 */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	token: string | undefined,
	fields: string[],
	label: (r: IDataObject) => string,
	serverFilter?: string,
): Promise<INodeListSearchResult> {
	const page = Number(token ?? 1) || 1;
	const qs: IDataObject = { per_page: PAGE, page, sort: '-id' };
	if (serverFilter && text(filter) !== '') qs[`filter[${serverFilter}]`] = text(filter);
	const body = await apiRequestBody.call(ctx, clientXcms, { method: 'GET', path, qs });
	const { records, last } = readPage(ctx.getNode(), body);
	const needle = text(filter).toLowerCase();
	const matching = serverFilter || needle === '' ? records : records.filter((r) => fields.some((f) => text(r[f]).toLowerCase().includes(needle)));
	return {
		results: matching.filter((r) => text(r.id) !== '').map((r) => ({ name: label(r), value: text(r.id) })),
		paginationToken: last ? undefined : String(page + 1),
	};
}

export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/customers', filter, token, ['firstname', 'lastname', 'email', 'company_name', 'id'], (c) =>
		`${text(c.firstname)} ${text(c.lastname)}`.trim() + (text(c.email) ? ` (${text(c.email)})` : ''),
	);
}

export async function searchProducts(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/products', filter, token, [], (p) => `${text(p.name) || 'Product'} (#${text(p.id)})`, 'name');
}

export async function searchGroups(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	// Groups cannot be sorted by id (not in the allowed sorts): list them by name instead.
	const page = Number(token ?? 1) || 1;
	const qs: IDataObject = { per_page: PAGE, page, sort: 'name' };
	if (text(filter) !== '') qs['filter[name]'] = text(filter);
	const body = await apiRequestBody.call(this, clientXcms, { method: 'GET', path: '/groups', qs });
	const { records, last } = readPage(this.getNode(), body);
	return {
		results: records.map((g) => ({ name: `${text(g.name)} (${text(g.slug)})`, value: text(g.id) })),
		paginationToken: last ? undefined : String(page + 1),
	};
}

export async function searchServices(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/services', filter, token, ['name', 'uuid', 'status', 'id'], (s) => `${text(s.name) || 'Service'} · ${text(s.status)} (#${text(s.id)})`);
}

export async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/invoices', filter, token, ['invoice_number', 'uuid', 'status', 'id'], (i) =>
		`${text(i.invoice_number) || `Invoice #${text(i.id)}`} · ${text(i.status)} · ${text(i.total)} ${text(i.currency)}`,
	);
}

async function options(ctx: ILoadOptionsFunctions, path: string, label: (r: IDataObject) => string): Promise<INodePropertyOptions[]> {
	const records = await fetchAllRecords(ctx, path);
	return records
		.filter((r) => text(r.id) !== '')
		.map((r) => ({ name: label(r), value: text(r.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/groups', (g) => text(g.name) || `Group ${text(g.id)}`);
}

export async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/products', (p) => text(p.name) || `Product ${text(p.id)}`);
}

export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/departments', (d) => text(d.name) || `Department ${text(d.id)}`);
}

export async function getServers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/servers', (s) => `${text(s.name) || text(s.hostname)} (${text(s.address)})`);
}
