// The XtraKit simulator's mutable data: what the API's add/edit routes change, and what tests change
// directly to drive trigger scenarios (a sale comes in, a customer is edited). Timestamps come from a
// simulated clock that moves one second per write, so runs repeat exactly and every write has its
// own updated_at.
import { hashString, seededRandom, type SeededRandom } from '../core';
import type {
	CustomerBody,
	ExpenseBody,
	GroupBody,
	ItemBody,
	SaleBody,
	XtraKitCategory,
	XtraKitCustomer,
	XtraKitExpense,
	XtraKitGroup,
	XtraKitItem,
	XtraKitSale,
	XtraKitSalesItem,
} from './schemas';
import {
	BUSINESS_CODE,
	USER_ID,
	buildXtraKitSeed,
	formatTimestamp,
	ghanaPhone,
	money,
	newInvoiceCode,
	newItemCode,
} from './seed';

const clone = <T>(value: T): T => structuredClone(value);
const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);
const moneyOf = (value: number | string | null | undefined): string | null =>
	value === undefined || value === null ? null : money(Number(value));

/**
 * Which stored sales a list filter value selects. INFERENCE (no source says): `invoice` selects
 * dashboard invoices (stored `main`) and `storefront` Storefront orders (stored `order`); `pos` is
 * the same word on both pages. The filter itself only takes the list page's values (schemas.ts).
 */
export function normaliseInvoiceType(value: string): 'main' | 'pos' | 'order' {
	if (value === 'invoice') return 'main';
	if (value === 'storefront') return 'order';
	return value as 'main' | 'pos' | 'order';
}

export class XtraKitState {
	groups = new Map<number, XtraKitGroup>();
	customers = new Map<number, XtraKitCustomer>();
	categories = new Map<number, XtraKitCategory>();
	/** By item code. */
	items = new Map<string, XtraKitItem>();
	/** By invoice code (as a string). */
	sales = new Map<string, XtraKitSale>();
	salesItems: XtraKitSalesItem[] = [];
	expenses = new Map<number, XtraKitExpense>();
	private clock = 0;
	private random: SeededRandom = seededRandom(0);
	private nextIds: Record<string, number> = {};

	constructor() {
		this.reset();
	}

	reset(): void {
		const seed = buildXtraKitSeed();
		this.groups = new Map(seed.groups.map((g) => [g.id, g]));
		this.customers = new Map(seed.customers.map((c) => [c.id, c]));
		this.categories = new Map(seed.categories.map((c) => [c.id, c]));
		this.items = new Map(seed.items.map((i) => [i.item_code, i]));
		this.sales = new Map(seed.sales.map((s) => [String(s.invoice_code), s]));
		this.salesItems = seed.salesItems;
		this.expenses = new Map(seed.expenses.map((e) => [e.id, e]));
		// The clock starts on the next whole day after the seed, at 09:00.
		this.clock = Math.ceil(seed.newest / 86_400_000) * 86_400_000 + 9 * 3_600_000;
		this.random = seededRandom(hashString('xtrakit-added-records'));
		const max = (ids: number[]) => Math.max(0, ...ids);
		this.nextIds = {
			group: max(seed.groups.map((g) => g.id)) + 1,
			customer: max(seed.customers.map((c) => c.id)) + 1,
			category: max(seed.categories.map((c) => c.id)) + 1,
			item: max(seed.items.map((i) => i.id)) + 1,
			sale: max(seed.sales.map((s) => s.id)) + 1,
			salesItem: max(seed.salesItems.map((s) => s.id)) + 1,
			expense: max(seed.expenses.map((e) => e.id)) + 1,
		};
	}

	/** The timestamp of the next write (the clock moves one second per call). */
	now(): string {
		this.clock += 1000;
		return formatTimestamp(this.clock);
	}

	/** Moves the simulated clock on (e.g. a day between two polls). */
	advance(ms: number): void {
		this.clock += ms;
	}

	private id(table: string): number {
		const id = this.nextIds[table];
		this.nextIds[table] = id + 1;
		return id;
	}

	// ---- reads (copies: changing them changes nothing) -------------------------------------------

	listCustomers(): XtraKitCustomer[] {
		return [...this.customers.values()].map(clone);
	}
	customer(id: number): XtraKitCustomer | undefined {
		const c = this.customers.get(id);
		return c && clone(c);
	}
	listGroups(): XtraKitGroup[] {
		return [...this.groups.values()].map(clone);
	}
	group(id: number): XtraKitGroup | undefined {
		const g = this.groups.get(id);
		return g && clone(g);
	}
	listCategories(): XtraKitCategory[] {
		return [...this.categories.values()].map(clone);
	}
	/** Items as the list answers them (no images: only Fetch Item shows them). */
	listItems(): Array<Omit<XtraKitItem, 'item_images'>> {
		return [...this.items.values()].map(({ item_images: _images, ...item }) => clone(item));
	}
	item(code: string): XtraKitItem | undefined {
		const i = this.items.get(code.trim());
		return i && clone(i);
	}
	listSales(): XtraKitSale[] {
		return [...this.sales.values()].map(clone);
	}
	sale(code: string): XtraKitSale | undefined {
		const s = this.sales.get(code.trim());
		return s && clone(s);
	}
	lineItems(code: string): XtraKitSalesItem[] {
		return this.salesItems.filter((l) => l.invoice_code === code.trim()).map(clone);
	}
	expense(id: number): XtraKitExpense | undefined {
		const e = this.expenses.get(id);
		return e && clone(e);
	}
	listExpenses(): XtraKitExpense[] {
		return [...this.expenses.values()].map(clone);
	}

	// ---- writes (the API's add / edit, and test helpers) -----------------------------------------

	addCustomer(body: Partial<CustomerBody> = {}): XtraKitCustomer {
		const at = this.now();
		const id = this.id('customer');
		const customer: XtraKitCustomer = {
			id,
			user_id: USER_ID,
			business_code: BUSINESS_CODE,
			customer_group_id: body.customer_group_id === undefined || body.customer_group_id === null ? null : Number(body.customer_group_id),
			customer_name: body.customer_name ?? `New Customer ${id}`,
			customer_email: orNull(body.customer_email),
			customer_phone: body.customer_phone ?? ghanaPhone(this.random),
			customer_whatsapp: orNull(body.customer_whatsapp),
			customer_country: body.customer_country ?? 'Ghana',
			customer_city: body.customer_city ?? 'Accra',
			customer_state: body.customer_state ?? 'Greater Accra',
			customer_zip: orNull(body.customer_zip),
			address1: body.address1 ?? '1 Independence Avenue',
			address2: orNull(body.address2),
			customer_profile: orNull(body.customer_profile),
			created_by: orNull(body.created_by),
			created_at: at,
			updated_at: at,
		};
		this.customers.set(id, customer);
		return clone(customer);
	}

	updateCustomer(id: number, body: Partial<CustomerBody>): XtraKitCustomer {
		const current = this.customers.get(id);
		if (!current) throw new Error(`XtraKit simulator: no customer ${id}`);
		const { customer_group_id, ...rest } = body;
		const updated: XtraKitCustomer = { ...current, ...(rest as Partial<XtraKitCustomer>), updated_at: this.now() };
		if (customer_group_id !== undefined) updated.customer_group_id = customer_group_id === null ? null : Number(customer_group_id);
		this.customers.set(id, updated);
		return clone(updated);
	}

	addGroup(body: Partial<GroupBody> = {}): XtraKitGroup {
		const at = this.now();
		const id = this.id('group');
		const group: XtraKitGroup = {
			id,
			user_id: USER_ID,
			business_code: BUSINESS_CODE,
			group_name: body.group_name ?? `Group ${id}`,
			group_description: orNull(body.group_description),
			created_at: at,
			updated_at: at,
		};
		this.groups.set(id, group);
		return clone(group);
	}

	updateGroup(id: number, body: Partial<GroupBody>): XtraKitGroup {
		const current = this.groups.get(id);
		if (!current) throw new Error(`XtraKit simulator: no group ${id}`);
		const updated: XtraKitGroup = { ...current, ...(body as Partial<XtraKitGroup>), updated_at: this.now() };
		this.groups.set(id, updated);
		return clone(updated);
	}

	addItem(body: Partial<ItemBody> = {}): XtraKitItem {
		const at = this.now();
		const id = this.id('item');
		const item: XtraKitItem = {
			id,
			user_id: USER_ID,
			business_code: BUSINESS_CODE,
			item_code: newItemCode(this.random, new Set(this.items.keys())),
			item_name: body.item_name ?? `New Item ${id}`,
			category_id: Number(body.category_id ?? 1),
			unit: body.unit ?? 'pcs',
			description: orNull(body.description),
			unit_cost: Number(body.unit_cost ?? 0),
			item_price: Number(body.item_price ?? 0),
			previous_price: body.previous_price === undefined || body.previous_price === null ? null : Number(body.previous_price),
			quantity: body.quantity ?? '0',
			minimum_qty_alert: orNull(body.minimum_qty_alert),
			online: Number(body.online ?? 0) === 1 ? 1 : 0,
			status: body.status ?? 'available',
			barcode: orNull(body.barcode),
			sku: orNull(body.sku),
			warehouse_id: body.warehouse_id === undefined || body.warehouse_id === null ? null : Number(body.warehouse_id),
			item_location: orNull(body.item_location),
			item_slug: orNull(body.item_slug),
			item_images: [],
			created_at: at,
			updated_at: at,
		};
		this.items.set(item.item_code, item);
		return clone(item);
	}

	updateItem(code: string, body: Partial<ItemBody>): XtraKitItem {
		const current = this.items.get(code.trim());
		if (!current) throw new Error(`XtraKit simulator: no item ${code}`);
		const updated: XtraKitItem = { ...current, updated_at: this.now() };
		for (const [key, value] of Object.entries(body)) {
			if (value === undefined) continue;
			const numeric = ['category_id', 'unit_cost', 'item_price', 'previous_price', 'online', 'warehouse_id'].includes(key);
			(updated as unknown as Record<string, unknown>)[key] = numeric && value !== null ? Number(value) : value;
		}
		this.items.set(updated.item_code, updated);
		return clone(updated);
	}

	/** A sale and its line items; `invoice_code` is generated when missing. */
	addSale(body: Partial<SaleBody> = {}): { sale: XtraKitSale; lines: XtraKitSalesItem[] } {
		const at = this.now();
		const code = body.invoice_code === undefined ? newInvoiceCode(this.random, new Set(this.sales.keys())) : String(body.invoice_code);
		const id = this.id('sale');
		const total = body.total_amount ?? '0.00';
		const sale: XtraKitSale = {
			id,
			// FACT (fetch-sale sample): the code is answered as a JSON number.
			invoice_code: /^[1-9]\d*$/.test(code) ? Number(code) : code,
			invoice_number: body.invoice_number ?? `INV-${String(id).padStart(6, '0')}`,
			customer_id: String(body.customer_id ?? 1),
			sub_total_amount: moneyOf(body.sub_total_amount ?? total) as string,
			total_amount: moneyOf(total) as string,
			amount_paid: moneyOf(body.amount_paid ?? total) as string,
			discount: moneyOf(body.discount ?? 0),
			invoice_type: normaliseInvoiceType(body.invoice_type ?? 'pos'),
			invoice_colour: orNull(body.invoice_colour),
			invoice_note: orNull(body.invoice_note),
			invoice_terms: orNull(body.invoice_terms),
			payment_internal_note: orNull(body.payment_internal_note),
			payment_date: orNull(body.payment_date),
			payment_type: body.payment_type ?? 'Mobile Money',
			payment_status: orNull(body.payment_status) ?? (Number(body.amount_paid ?? total) === 0 ? 'draft' : 'paid'),
			issued_by: orNull(body.issued_by),
			due_date: orNull(body.due_date),
			reminder_date: orNull(body.reminder_date),
			reminder_message: orNull(body.reminder_message),
			created_at: at,
			updated_at: at,
		};
		this.sales.set(code, sale);
		const lines = (body.items ?? []).map((line) => {
			const item: XtraKitSalesItem = {
				id: this.id('salesItem'),
				invoice_code: code,
				invoice_number: sale.invoice_number,
				item_name: line.item_name,
				description: orNull(line.description),
				unit_price: moneyOf(line.unit_price ?? 0) as string,
				quantity: String(line.quantity ?? '1'),
				tax: moneyOf(line.tax ?? 0) as string,
				created_at: at,
				updated_at: at,
			};
			this.salesItems.push(item);
			return clone(item);
		});
		return { sale: clone(sale), lines };
	}

	/** Edit Sale: may also change the invoice code itself (FACT: "including … invoice code"). */
	updateSale(code: string, body: Partial<SaleBody>): XtraKitSale {
		const key = code.trim();
		const current = this.sales.get(key);
		if (!current) throw new Error(`XtraKit simulator: no sale ${code}`);
		const updated: XtraKitSale = { ...current, updated_at: this.now() };
		for (const [field, value] of Object.entries(body)) {
			if (value === undefined || field === 'items') continue;
			const record = updated as unknown as Record<string, unknown>;
			if (['sub_total_amount', 'total_amount', 'amount_paid', 'discount'].includes(field)) record[field] = moneyOf(value as string);
			else if (field === 'customer_id') record[field] = String(value);
			else if (field === 'invoice_type') record[field] = normaliseInvoiceType(String(value));
			else if (field === 'invoice_code') record[field] = /^[1-9]\d*$/.test(String(value)) ? Number(value) : String(value);
			else record[field] = value;
		}
		const newKey = String(updated.invoice_code);
		this.sales.delete(key);
		this.sales.set(newKey, updated);
		if (newKey !== key) for (const line of this.salesItems) if (line.invoice_code === key) line.invoice_code = newKey;
		return clone(updated);
	}

	addExpense(body: Partial<ExpenseBody> = {}): XtraKitExpense {
		const at = this.now();
		const id = this.id('expense');
		const expense: XtraKitExpense = {
			id,
			user_id: USER_ID,
			business_code: BUSINESS_CODE,
			expense_type: body.expense_type ?? 'Other',
			expense_description: orNull(body.expense_description),
			expense_amount: moneyOf(body.expense_amount ?? 0) as string,
			payment_method: body.payment_method ?? 'MOMO',
			expense_image: orNull(body.expense_image),
			created_by: body.created_by ?? 'Edward',
			created_at: at,
			updated_at: at,
		};
		this.expenses.set(id, expense);
		return clone(expense);
	}

	updateExpense(id: number, body: Partial<ExpenseBody>): XtraKitExpense {
		const current = this.expenses.get(id);
		if (!current) throw new Error(`XtraKit simulator: no expense ${id}`);
		const updated: XtraKitExpense = { ...current, updated_at: this.now() };
		for (const [field, value] of Object.entries(body)) {
			if (value === undefined) continue;
			(updated as unknown as Record<string, unknown>)[field] = field === 'expense_amount' ? moneyOf(value as string) : value;
		}
		this.expenses.set(id, updated);
		return clone(updated);
	}

	/** DELETE (INFERENCE: the docs say it exists, not where): true when there was such a record. */
	remove(kind: 'customer' | 'group' | 'item' | 'sale' | 'expense', key: string): boolean {
		switch (kind) {
			case 'customer':
				return this.customers.delete(Number(key));
			case 'group':
				return this.groups.delete(Number(key));
			case 'item':
				return this.items.delete(key.trim());
			case 'sale': {
				const removed = this.sales.delete(key.trim());
				if (removed) this.salesItems = this.salesItems.filter((l) => l.invoice_code !== key.trim());
				return removed;
			}
			case 'expense':
				return this.expenses.delete(Number(key));
		}
	}
}
