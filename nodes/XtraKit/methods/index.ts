import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { fetchAll } from '../paging';

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** Keeps the records any of whose fields contains the typed text (case-insensitive). */
function matching(records: IDataObject[], filter: string | undefined, fields: string[]): IDataObject[] {
	const needle = text(filter).toLowerCase();
	if (needle === '') return records;
	return records.filter((r) => fields.some((f) => text(r[f]).toLowerCase().includes(needle)));
}

function byName(a: INodeListSearchItems, b: INodeListSearchItems): number {
	return a.name.localeCompare(b.name);
}

/** Customer locator: search by name, phone, email or ID; the value is the customer's ID. */
export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const customers = await fetchAll(this, '/customers', 'customers', 'customers');
	const results = matching(customers, filter, ['customer_name', 'customer_phone', 'customer_email', 'id'])
		.filter((c) => text(c.id) !== '')
		.map((c) => ({
			name: `${text(c.customer_name) || `Customer ${text(c.id)}`}${text(c.customer_phone) ? ` (${text(c.customer_phone)})` : ''}`,
			value: text(c.id),
		}))
		.sort(byName);
	return { results };
}

export async function searchCustomerGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const groups = await fetchAll(this, '/customer-groups', 'groups', 'customer groups');
	const results = matching(groups, filter, ['group_name', 'id'])
		.filter((g) => text(g.id) !== '')
		.map((g) => ({ name: text(g.group_name) || `Group ${text(g.id)}`, value: text(g.id) }))
		.sort(byName);
	return { results };
}

/** Item locator: search by name, code, SKU or barcode; the value is the item code (trimmed: the docs show " Jce84a50"). */
export async function searchItems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const items = await fetchAll(this, '/inventory/items', 'items', 'inventory items');
	const results = matching(items, filter, ['item_name', 'item_code', 'sku', 'barcode'])
		.filter((i) => text(i.item_code) !== '')
		.map((i) => ({ name: `${text(i.item_name) || 'Item'} (${text(i.item_code)})`, value: text(i.item_code) }))
		.sort(byName);
	return { results };
}

/** Sale locator: search by invoice number, invoice code or customer; the value is the invoice code. Newest first. */
export async function searchSales(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const sales = await fetchAll(this, '/sales', 'sales', 'sales');
	const results = matching(sales, filter, ['invoice_number', 'invoice_code', 'customer_id', 'issued_by'])
		.filter((s) => text(s.invoice_code) !== '')
		.sort((a, b) => text(b.created_at).localeCompare(text(a.created_at)))
		.map((s) => ({
			name: `${text(s.invoice_number) || 'Sale'} · ${text(s.invoice_code)}${text(s.total_amount) ? ` · ${text(s.total_amount)}` : ''}`,
			value: text(s.invoice_code),
		}));
	return { results };
}

/** Item categories for the Category dropdown. */
export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = await fetchAll(this, '/inventory/categories', 'item-categories', 'item categories');
	return categories
		.filter((c) => text(c.id) !== '')
		.map((c) => ({ name: text(c.category_name) || `Category ${text(c.id)}`, value: text(c.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Customer groups for the Customer Group dropdown. */
export async function getCustomerGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await fetchAll(this, '/customer-groups', 'groups', 'customer groups');
	return groups
		.filter((g) => text(g.id) !== '')
		.map((g) => ({ name: text(g.group_name) || `Group ${text(g.id)}`, value: text(g.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
