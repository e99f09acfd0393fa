// XtraKit contract, from /work/shared/research/xavier-xtrakit.md §2 and the pages of docs.xtrakit.com
// it cites. Request schemas are what the docs document (body fields, list filters); they are strict,
// so a node sending an undocumented key fails its test instead of passing silently. Where the docs
// contradict themselves the schema accepts both readings (noted at each place).
import { z } from 'zod';

// ---- value formats -------------------------------------------------------------------------------

/** FACT: IDs are "int". INFERENCE: a Laravel `integer` rule also takes a numeric string ("42"). */
export const intValue = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, 'must be an integer')]);

/** FACT: money is decimal(10,2), "in this format: 10.00". A JSON number passes Laravel's `numeric` too. */
export const moneyValue = z.union([
	z.number().nonnegative().max(99_999_999.99),
	z.string().regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be an amount like 10.00'),
]);

/** FACT: quantity and minimum_qty_alert are typed "string" (a Laravel `string` rule refuses a number). */
export const numericString = z.string().regex(/^\d+(\.\d+)?$/, 'must be a number written as a string, e.g. "20"');

/** FACT: "(format: YYYY-MM-DD H:m:s)" for the start filter; the time part is optional here. */
export const dateTimeFilter = z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{1,2}(:\d{1,2})?)?$/, 'must be YYYY-MM-DD H:m:s');
/** FACT: "(format: YYYY-MM-DD)". */
export const dateValue = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

const text = z.string().trim().min(1, 'is required');
const optionalText = z.string().nullable().optional();

// Two vocabularies, each accepted only where its page documents it (docs.xtrakit.com):
// add-sale and edit-sale take `invoice_type` main, pos, order; the list-sales filter documents
// "pos, invoice, storefront". No source maps one onto the other.
export const SALE_INVOICE_TYPES = ['main', 'pos', 'order'] as const;
export const LIST_INVOICE_TYPES = ['pos', 'invoice', 'storefront'] as const;
export const PAYMENT_TYPES = [
	'None',
	'Mobile Money',
	'Cash',
	'Bank Transfer / Deposit',
	'Cheque',
	'Card Payment',
	'Digital Payment',
	'Other Payment',
] as const;
export const PAYMENT_STATUSES = ['paid', 'partial', 'draft'] as const;
// FACT: the field table says "available, out of stock"; every sample shows "in-stock". All accepted.
export const ITEM_STATUSES = ['available', 'out of stock', 'in-stock'] as const;

// ---- request bodies ------------------------------------------------------------------------------

export const customerBodySchema = z
	.object({
		customer_group_id: intValue.nullable().optional(),
		customer_name: text,
		customer_email: z.string().email().nullable().optional(),
		customer_phone: text,
		customer_whatsapp: optionalText,
		customer_country: text,
		customer_city: text,
		customer_state: text,
		customer_zip: optionalText,
		address1: text,
		address2: optionalText,
		customer_profile: optionalText,
		// The stored page is cut off after customer_profile; the next field reads "cre…" (created_by).
		created_by: optionalText,
	})
	.strict();

export const groupBodySchema = z.object({ group_name: text, group_description: optionalText }).strict();

/** INFERENCE: how line items are sent is undocumented; the simulator takes `items` shaped like `sales-item`. */
export const lineItemSchema = z
	.object({
		item_name: text,
		description: optionalText,
		unit_price: moneyValue.optional(),
		quantity: z.union([numericString, z.number().nonnegative()]).optional(),
		tax: moneyValue.optional(),
	})
	.strict();

const saleShape = {
	invoice_code: z.union([z.string().regex(/^\d{6}$/, 'must be a 6-digit code'), z.number().int().min(100000).max(999999)]),
	invoice_number: text,
	customer_id: intValue,
	sub_total_amount: moneyValue,
	total_amount: moneyValue,
	amount_paid: moneyValue,
	discount: moneyValue.nullable().optional(),
	invoice_type: z.enum(SALE_INVOICE_TYPES),
	invoice_colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour code like #FFFFFF').nullable().optional(),
	invoice_note: optionalText,
	invoice_terms: optionalText,
	payment_type: z.enum(PAYMENT_TYPES),
	payment_internal_note: optionalText,
	// Shown in the docs' sample answers (not in the field tables); accepted. INFERENCE.
	payment_date: dateValue.nullable().optional(),
	payment_status: z.enum(PAYMENT_STATUSES).nullable().optional(),
	issued_by: optionalText,
	due_date: dateValue.nullable().optional(),
	reminder_date: dateValue.nullable().optional(),
	reminder_message: optionalText,
	items: z.array(lineItemSchema).optional(),
};

export const saleBodySchema = z.object(saleShape).strict();

/** FACT: edit-sale documents the same fields, invoice_code in the path and in the body. */
export const saleEditBodySchema = z.object(saleShape).omit({ items: true }).strict();

export const itemBodySchema = z
	.object({
		item_name: text,
		category_id: intValue,
		unit: text,
		description: optionalText,
		unit_cost: moneyValue,
		item_price: moneyValue,
		previous_price: moneyValue.nullable().optional(),
		quantity: numericString,
		minimum_qty_alert: numericString.nullable().optional(),
		online: z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')]),
		status: z.enum(ITEM_STATUSES),
		barcode: optionalText,
		sku: optionalText,
		warehouse_id: intValue.nullable().optional(),
		item_location: optionalText,
		item_slug: optionalText,
	})
	.strict();

export const expenseBodySchema = z
	.object({
		expense_type: text,
		expense_description: optionalText,
		expense_amount: moneyValue,
		payment_method: text,
		expense_image: optionalText,
		created_by: text,
	})
	.strict();

// ---- list filters (query strings) ----------------------------------------------------------------

/** `page` is no XtraKit parameter; it is accepted only so the pagination switch can work (see routes). */
const page = z.string().regex(/^\d+$/).optional();
const dateFilters = { created_at: dateTimeFilter.optional(), updated_at: dateValue.optional() };

export const querySchemas = {
	customers: z.object({ customer_group_id: z.string().regex(/^\d+$/).optional(), ...dateFilters, page }).strict(),
	groups: z.object({ business_code: z.string().regex(/^\d+$/).optional(), ...dateFilters, page }).strict(),
	items: z.object({ category_id: z.string().regex(/^\d+$/).optional(), ...dateFilters, page }).strict(),
	categories: z.object({ category_name: z.string().optional(), ...dateFilters, page }).strict(),
	sales: z
		.object({
			invoice_code: z.string().optional(),
			customer_id: z.string().regex(/^\d+$/).optional(),
			invoice_type: z.enum(LIST_INVOICE_TYPES).optional(),
			payment_date: dateValue.optional(),
			payment_status: z.enum(PAYMENT_STATUSES).optional(),
			created_at: dateTimeFilter.optional(),
			due_date: dateValue.optional(),
			page,
		})
		.strict(),
	none: z.object({}).strict(),
};

// ---- records as answered (used by the simulator's own tests) -------------------------------------

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

export const envelopeSchema = z.object({ status: z.number().int(), message: z.string(), data: z.unknown() }).strict();

export const customerSchema = z
	.object({
		id: z.number().int(),
		user_id: z.string(),
		business_code: z.string(),
		customer_group_id: z.number().int().nullable(),
		customer_name: z.string(),
		customer_email: z.string().nullable(),
		customer_phone: z.string(),
		customer_whatsapp: z.string().nullable(),
		customer_country: z.string(),
		customer_city: z.string(),
		customer_state: z.string(),
		customer_zip: z.string().nullable(),
		address1: z.string(),
		address2: z.string().nullable(),
		customer_profile: z.string().nullable(),
		created_by: z.string().nullable(),
		created_at: timestamp,
		updated_at: timestamp,
	})
	.strict();

export const groupSchema = z
	.object({
		id: z.number().int(),
		user_id: z.string(),
		business_code: z.string(),
		group_name: z.string(),
		group_description: z.string().nullable(),
		created_at: timestamp,
		updated_at: timestamp,
	})
	.strict();

export const categorySchema = z
	.object({ id: z.number().int(), category_name: z.string(), created_at: timestamp, updated_at: timestamp })
	.strict();

export const itemSchema = z
	.object({
		id: z.number().int(),
		user_id: z.string(),
		business_code: z.string(),
		item_code: z.string(),
		item_name: z.string(),
		category_id: z.number().int(),
		unit: z.string(),
		description: z.string().nullable(),
		// FACT: items answer money as JSON numbers (1000.00), unlike sales and expenses.
		unit_cost: z.number(),
		item_price: z.number(),
		previous_price: z.number().nullable(),
		quantity: z.string(),
		minimum_qty_alert: z.string().nullable(),
		online: z.union([z.literal(0), z.literal(1)]),
		status: z.string(),
		barcode: z.string().nullable(),
		sku: z.string().nullable(),
		warehouse_id: z.number().int().nullable(),
		item_location: z.string().nullable(),
		item_slug: z.string().nullable(),
		created_at: timestamp,
		updated_at: timestamp,
	})
	.strict();

export const itemDetailSchema = itemSchema
	.extend({ item_images: z.array(z.object({ id: z.number().int(), image_url: z.string() }).strict()) })
	.strict();

const money = z.string().regex(/^\d+\.\d{2}$/);

export const saleSchema = z
	.object({
		id: z.number().int(),
		// FACT (fetch-sale sample): invoice_code is a JSON number here, and customer_id a string.
		invoice_code: z.union([z.number().int(), z.string()]),
		invoice_number: z.string(),
		customer_id: z.string(),
		sub_total_amount: money,
		total_amount: money,
		amount_paid: money,
		discount: money.nullable(),
		invoice_type: z.enum(['main', 'pos', 'order']),
		invoice_colour: z.string().nullable(),
		invoice_note: z.string().nullable(),
		invoice_terms: z.string().nullable(),
		payment_internal_note: z.string().nullable(),
		payment_date: z.string().nullable(),
		payment_type: z.string(),
		payment_status: z.string().nullable(),
		issued_by: z.string().nullable(),
		due_date: z.string().nullable(),
		reminder_date: z.string().nullable(),
		reminder_message: z.string().nullable(),
		created_at: timestamp,
		updated_at: timestamp,
	})
	.strict();

export const salesItemSchema = z
	.object({
		id: z.number().int(),
		invoice_code: z.string(),
		invoice_number: z.string(),
		item_name: z.string(),
		description: z.string().nullable(),
		unit_price: money,
		quantity: z.string(),
		tax: money,
		created_at: timestamp,
		updated_at: timestamp,
	})
	.strict();

export const expenseSchema = z
	.object({
		id: z.number().int(),
		user_id: z.string(),
		business_code: z.string(),
		expense_type: z.string(),
		expense_description: z.string().nullable(),
		expense_amount: money,
		payment_method: z.string(),
		expense_image: z.string().nullable(),
		created_by: z.string(),
		created_at: timestamp,
		updated_at: timestamp,
	})
	.strict();

export type XtraKitCustomer = z.infer<typeof customerSchema>;
export type XtraKitGroup = z.infer<typeof groupSchema>;
export type XtraKitCategory = z.infer<typeof categorySchema>;
export type XtraKitItem = z.infer<typeof itemDetailSchema>;
export type XtraKitSale = z.infer<typeof saleSchema>;
export type XtraKitSalesItem = z.infer<typeof salesItemSchema>;
export type XtraKitExpense = z.infer<typeof expenseSchema>;
export type CustomerBody = z.infer<typeof customerBodySchema>;
export type GroupBody = z.infer<typeof groupBodySchema>;
export type SaleBody = z.infer<typeof saleBodySchema>;
export type ItemBody = z.infer<typeof itemBodySchema>;
export type ExpenseBody = z.infer<typeof expenseBodySchema>;
