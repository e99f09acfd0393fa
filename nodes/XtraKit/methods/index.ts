import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/alphabetical';
import { matchingRecords, plainText, searchItems as namedById } from '../../shared/listSearch';
import { fetchAll } from '../transport/paging';

const customers = (ctx: ILoadOptionsFunctions) => fetchAll(ctx, '/customers', 'customers', 'customers');
const groups = (ctx: ILoadOptionsFunctions) => fetchAll(ctx, '/customer-groups', 'groups', 'customer groups');
const groupName = (g: IDataObject) => plainText(g.group_name) || `Group ${plainText(g.id)}`;

/** Entries whose value is a record's code (item code, invoice code) rather than its ID. */
function byCode(records: IDataObject[], codeKey: string, label: (record: IDataObject) => string) {
	return records.filter((r) => plainText(r[codeKey]) !== '').map((r) => ({ name: label(r), value: plainText(r[codeKey]) }));
}

export const listSearch = {
	/** Customer locator: search by name, phone, email or ID; the value is the customer's ID. */
	async searchCustomers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const found = matchingRecords(await customers(this), filter, ['customer_name', 'customer_phone', 'customer_email', 'id']);
		const label = (c: IDataObject) =>
			`${plainText(c.customer_name) || `Customer ${plainText(c.id)}`}${plainText(c.customer_phone) ? ` (${plainText(c.customer_phone)})` : ''}`;
		return { results: namedById(found, label) };
	},

	async searchCustomerGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return { results: namedById(matchingRecords(await groups(this), filter, ['group_name', 'id']), groupName) };
	},

	/** Item locator: search by name, code, SKU or barcode; the value is the item code (trimmed: the docs show " Jce84a50"). */
	async searchItems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const items = await fetchAll(this, '/inventory/items', 'items', 'inventory items');
		const found = matchingRecords(items, filter, ['item_name', 'item_code', 'sku', 'barcode']);
		return { results: byCode(found, 'item_code', (i) => `${plainText(i.item_name) || 'Item'} (${plainText(i.item_code)})`).sort(byName) };
	},

	/** Sale locator: search by invoice number, invoice code or customer; the value is the invoice code. Newest first. */
	async searchSales(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const sales = await fetchAll(this, '/sales', 'sales', 'sales');
		const found = matchingRecords(sales, filter, ['invoice_number', 'invoice_code', 'customer_id', 'issued_by']).sort((a, b) =>
			plainText(b.created_at).localeCompare(plainText(a.created_at)),
		);
		const label = (s: IDataObject) =>
			`${plainText(s.invoice_number) || 'Sale'} · ${plainText(s.invoice_code)}${plainText(s.total_amount) ? ` · ${plainText(s.total_amount)}` : ''}`;
		return { results: byCode(found, 'invoice_code', label) };
	},
};

export const loadOptions = {
	/** Item categories for the Category dropdown. */
	async getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const categories = await fetchAll(this, '/inventory/categories', 'item-categories', 'item categories');
		return namedById(categories, (c) => plainText(c.category_name) || `Category ${plainText(c.id)}`);
	},

	/** Customer groups for the Customer Group dropdown. */
	async getCustomerGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return namedById(await groups(this), groupName);
	},
};
