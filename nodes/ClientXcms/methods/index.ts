import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/alphabetical';
import { apiRequestBody } from '../../shared/http';
import { matchingRecords, plainText } from '../../shared/listSearch';
import { clientXcms } from '../provider';
import { readPage } from '../transport/envelope';
import { fetchAllRecords } from '../transport/paging';

const PAGE = 50;

/**
 * One page of a list route for a resource locator, in the server's order. With `serverFilter` the
 * typed text goes to that filter; otherwise it is matched on this page across `fields` (the API's
 * filters match one field each). The next page is offered as a pagination token.
 */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	query: { filter?: string; token?: string; sort: string; serverFilter?: string },
	fields: string[],
	label: (r: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const page = Number(query.token ?? 1) || 1;
	const typed = plainText(query.filter);
	const qs: IDataObject = { per_page: PAGE, page, sort: query.sort };
	if (query.serverFilter && typed !== '') qs[`filter[${query.serverFilter}]`] = typed;
	const body = await apiRequestBody.call(ctx, clientXcms, { method: 'GET', path, qs });
	const { records, last } = readPage(ctx.getNode(), body);
	const matching = query.serverFilter ? records : matchingRecords(records, typed, fields);
	return {
		results: matching.filter((r) => plainText(r.id) !== '').map((r) => ({ name: label(r), value: plainText(r.id) })),
		paginationToken: last ? undefined : String(page + 1),
	};
}

async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/customers', { filter, token, sort: '-id' }, ['firstname', 'lastname', 'email', 'company_name', 'id'], (c) =>
		`${plainText(c.firstname)} ${plainText(c.lastname)}`.trim() + (plainText(c.email) ? ` (${plainText(c.email)})` : ''),
	);
}

async function searchProducts(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/products', { filter, token, sort: '-id', serverFilter: 'name' }, [], (p) => `${plainText(p.name) || 'Product'} (#${plainText(p.id)})`);
}

async function searchGroups(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	// Groups cannot be sorted by id (not in GroupController's allowed sorts): list them by name instead.
	return await searchPage(this, '/groups', { filter, token, sort: 'name', serverFilter: 'name' }, [], (g) => `${plainText(g.name)} (${plainText(g.slug)})`);
}

async function searchServices(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/services', { filter, token, sort: '-id' }, ['name', 'uuid', 'status', 'id'], (s) => `${plainText(s.name) || 'Service'} · ${plainText(s.status)} (#${plainText(s.id)})`);
}

async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/invoices', { filter, token, sort: '-id' }, ['invoice_number', 'uuid', 'status', 'id'], (i) =>
		`${plainText(i.invoice_number) || `Invoice #${plainText(i.id)}`} · ${plainText(i.status)} · ${plainText(i.total)} ${plainText(i.currency)}`,
	);
}

/** Every record of a list route as dropdown entries, by name. */
async function options(ctx: ILoadOptionsFunctions, path: string, label: (r: IDataObject) => string): Promise<INodePropertyOptions[]> {
	const records = await fetchAllRecords(ctx, path);
	return records
		.filter((r) => plainText(r.id) !== '')
		.map((r) => ({ name: label(r), value: plainText(r.id) }))
		.sort(byName);
}

async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/groups', (g) => plainText(g.name) || `Group ${plainText(g.id)}`);
}

async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/products', (p) => plainText(p.name) || `Product ${plainText(p.id)}`);
}

async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/departments', (d) => plainText(d.name) || `Department ${plainText(d.id)}`);
}

async function getServers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/servers', (s) => `${plainText(s.name) || plainText(s.hostname)} (${plainText(s.address)})`);
}

export const listSearch = { searchCustomers, searchGroups, searchInvoices, searchProducts, searchServices };

export const loadOptions = { getDepartments, getGroups, getProducts, getServers };
