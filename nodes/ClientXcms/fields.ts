import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Body fields per resource, from the FormRequest rules (research §5). `create: true` = required on
 * create (shown as its own field); everything else goes into Additional Fields / Update Fields.
 */
export interface BodyField {
	key: string;
	label: string;
	kind: 'string' | 'number' | 'boolean' | 'options' | 'multiOptions' | 'json' | 'dateTime' | 'password';
	options?: string[];
	loadOptionsMethod?: string;
	create?: boolean;
	/** Only on create, or only on update. */
	only?: 'create' | 'update';
	default?: string | number | boolean;
	description?: string;
	placeholder?: string;
}

const STATUS = ['active', 'hidden', 'unreferenced'];
const CYCLES = ['onetime', 'monthly', 'quarterly', 'semiannually', 'annually', 'biennially', 'triennially'];

export const BODY_FIELDS: Record<string, BodyField[]> = {
	customer: [
		{ key: 'email', label: 'Email', kind: 'string', create: true, placeholder: 'name@email.com', description: 'Lowercase, unique' },
		{ key: 'firstname', label: 'First Name', kind: 'string', create: true },
		{ key: 'lastname', label: 'Last Name', kind: 'string', create: true },
		{ key: 'address', label: 'Address', kind: 'string', create: true },
		{ key: 'city', label: 'City', kind: 'string', create: true },
		{ key: 'zipcode', label: 'Zip Code', kind: 'string', create: true },
		{ key: 'region', label: 'Region', kind: 'string', create: true },
		{ key: 'country', label: 'Country Code', kind: 'string', create: true, placeholder: 'FR', description: 'ISO 3166-1 alpha-2 code' },
		{ key: 'locale', label: 'Locale', kind: 'string', create: true, default: 'fr_FR', description: 'One of the locales enabled on the instance, e.g. fr_FR or en_GB' },
		{ key: 'address2', label: 'Address 2', kind: 'string' },
		{ key: 'phone', label: 'Phone', kind: 'string' },
		{ key: 'company_name', label: 'Company Name', kind: 'string' },
		{ key: 'billing_details', label: 'Billing Details', kind: 'string' },
		{ key: 'password', label: 'Password', kind: 'password', description: 'Leave empty on create to send the customer a reset link' },
		{
			key: 'verified',
			label: 'Email Verified',
			kind: 'boolean',
			default: true,
			only: 'create',
			description: 'Whether to mark the e-mail as verified. When off, the node leaves the field out: the server verifies whenever it is sent, even as false.',
		},
		{ key: 'balance', label: 'Balance', kind: 'number' },
	],
	product: [
		{ key: 'name', label: 'Name', kind: 'string', create: true },
		{ key: 'description', label: 'Description', kind: 'string', create: true },
		{ key: 'status', label: 'Status', kind: 'options', options: STATUS, create: true, default: 'active' },
		{ key: 'group_id', label: 'Group Name or ID', kind: 'options', loadOptionsMethod: 'getGroups', create: true, description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
		{ key: 'stock', label: 'Stock', kind: 'number', create: true, default: -1, description: '-1 for unlimited' },
		{ key: 'type', label: 'Type', kind: 'string', create: true, default: 'none', description: '"none" or the key of an installed product type (server module)' },
		{ key: 'pinned', label: 'Pinned', kind: 'boolean', default: false, description: 'Whether the product is pinned. On Update, the node keeps the current value when this is not set (the server would reset it).' },
		// No Sort Order: the server ignores it on create (ProductController.php:209-210 stores validated(),
		// and no rule names it) and on update (UpdateProductRequest.php:119 copies a fixed key list).
		{ key: 'pricing', label: 'Pricing (JSON)', kind: 'json', only: 'update', description: 'Prices by billing cycle, e.g. {"monthly": {"price": 9.99, "setup": 0}}' },
	],
	group: [
		{ key: 'name', label: 'Name', kind: 'string', create: true },
		{ key: 'description', label: 'Description', kind: 'string', create: true },
		{ key: 'status', label: 'Status', kind: 'options', options: STATUS, create: true, default: 'active' },
		{ key: 'slug', label: 'Slug', kind: 'string', create: true, description: 'Unique. On Update, the current slug is kept when not set.' },
		{ key: 'sort_order', label: 'Sort Order', kind: 'number', create: true, default: 0 },
		{ key: 'badge_title', label: 'Badge Title', kind: 'string' },
		{ key: 'badge_color', label: 'Badge Color', kind: 'string' },
		{ key: 'badge_icon', label: 'Badge Icon', kind: 'string' },
		{ key: 'pinned', label: 'Pinned', kind: 'boolean', default: false, description: 'Whether the group is pinned. On Update, the node keeps the current value when this is not set.' },
		{ key: 'parent_id', label: 'Parent Group ID', kind: 'string', description: 'A group ID, or "none"' },
		{
			key: 'use_image_as_background',
			label: 'Use Image as Background',
			kind: 'boolean',
			default: false,
			description:
				'Whether the group image is shown as background. On Update, the node keeps the current value when this is not set (the server would clear it).',
		},
	],
	pricing: [
		{ key: 'related_id', label: 'Related ID', kind: 'number', create: true, default: 0, description: 'ID of the product (or other record) priced' },
		{
			key: 'related_type',
			label: 'Related Type',
			kind: 'options',
			options: ['product', 'service', 'coupon', 'configoption_service', 'config_option', 'option'],
			create: true,
			default: 'product',
		},
		{ key: 'currency', label: 'Currency', kind: 'string', create: true, default: 'EUR' },
		...CYCLES.map((c): BodyField => ({ key: c, label: `Price ${c}`, kind: 'number' })),
		...CYCLES.map((c): BodyField => ({ key: `setup_${c}`, label: `Setup Fee ${c}`, kind: 'number' })),
	],
	invoice: [
		{ key: 'customer_id', label: 'Customer ID', kind: 'number', create: true, only: 'create', default: 0 },
		{ key: 'currency', label: 'Currency', kind: 'string', create: true, default: 'EUR' },
		{ key: 'status', label: 'Status', kind: 'options', options: ['pending', 'paid', 'cancelled', 'refunded', 'failed', 'draft'], only: 'update' },
		{ key: 'notes', label: 'Notes', kind: 'string', only: 'update' },
		{ key: 'paymethod', label: 'Payment Method', kind: 'string', only: 'update' },
		{ key: 'fees', label: 'Fees', kind: 'number', only: 'update' },
		{ key: 'tax', label: 'Tax', kind: 'number', only: 'update' },
		{ key: 'due_date', label: 'Due Date', kind: 'dateTime', only: 'update' },
		{ key: 'paid_at', label: 'Paid At', kind: 'dateTime', only: 'update' },
		{ key: 'balance', label: 'Balance', kind: 'number', only: 'update' },
		{ key: 'external_id', label: 'External ID', kind: 'string', only: 'update' },
		{ key: 'billing_address', label: 'Billing Address (JSON)', kind: 'json', only: 'update' },
	],
	department: [
		{ key: 'name', label: 'Name', kind: 'string', create: true },
		{ key: 'description', label: 'Description', kind: 'string', create: true },
		{ key: 'icon', label: 'Icon', kind: 'string', create: true, default: 'bi bi-question-circle', description: 'CSS icon class' },
		{ key: 'sla_first_response_minutes', label: 'SLA First Response (Minutes)', kind: 'number' },
		{ key: 'sla_resolution_minutes', label: 'SLA Resolution (Minutes)', kind: 'number' },
	],
	ticket: [
		{ key: 'department_id', label: 'Department Name or ID', kind: 'options', loadOptionsMethod: 'getDepartments', create: true, description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
		{ key: 'priority', label: 'Priority', kind: 'options', options: ['low', 'medium', 'high'], create: true, default: 'medium' },
		{ key: 'subject', label: 'Subject', kind: 'string', create: true },
		{ key: 'content', label: 'Message', kind: 'string', create: true, only: 'create', description: '5 to 10000 characters' },
		{ key: 'customer_id', label: 'Customer ID', kind: 'number', only: 'create' },
		// No Related Record: with an API key the server answers 500 to any "service-ID" / "invoice-ID"
		// (CustomerIsRelatedWith.php:38-45 calls auth('web')->user()->services() on null), and the
		// update route does not take it (UpdateTicketRequest.php:34-40).
		{ key: 'close_reason', label: 'Close Reason', kind: 'string', only: 'update' },
		{ key: 'assigned_to', label: 'Assigned To', kind: 'string', only: 'update', description: 'Admin ID, or "none"' },
	],
	coupon: [
		{ key: 'code', label: 'Code', kind: 'string', create: true },
		{ key: 'type', label: 'Type', kind: 'options', options: ['percent', 'fixed'], create: true, default: 'percent' },
		{ key: 'applied_month', label: 'Applied Months', kind: 'number', create: true, default: -1, description: '-1 for every renewal' },
		{ key: 'free_setup', label: 'Free Setup', kind: 'boolean', create: true, default: false },
		{ key: 'first_order_only', label: 'First Order Only', kind: 'boolean', create: true, default: false },
		{ key: 'is_global', label: 'Global', kind: 'boolean', create: true, default: true },
		{ key: 'max_uses', label: 'Max Uses', kind: 'number', create: true, default: 0 },
		{ key: 'max_uses_per_customer', label: 'Max Uses per Customer', kind: 'number', create: true, default: 0 },
		{ key: 'usages', label: 'Usages', kind: 'number', create: true, default: 0 },
		{ key: 'minimum_order_amount', label: 'Minimum Order Amount', kind: 'number', create: true, default: 0 },
		{ key: 'start_at', label: 'Start At', kind: 'dateTime' },
		{ key: 'end_at', label: 'End At', kind: 'dateTime' },
		{ key: 'customer_id', label: 'Customer ID', kind: 'number' },
		{ key: 'products', label: 'Product Names or IDs', kind: 'multiOptions', loadOptionsMethod: 'getProducts', description: 'Products the coupon applies to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
		{ key: 'required_products', label: 'Required Product Names or IDs', kind: 'multiOptions', loadOptionsMethod: 'getProducts', description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
		{ key: 'pricing', label: 'Pricing (JSON)', kind: 'json', description: 'By billing cycle, e.g. {"monthly": {"price": 10, "setup": 0}}' },
	],
	server: [
		{ key: 'hostname', label: 'Hostname', kind: 'string', create: true },
		{ key: 'address', label: 'Address', kind: 'string', create: true, description: 'IP address' },
		{ key: 'name', label: 'Name', kind: 'string' },
		{ key: 'port', label: 'Port', kind: 'number' },
		{ key: 'username', label: 'Username', kind: 'string' },
		{ key: 'password', label: 'Password', kind: 'password' },
		{ key: 'status', label: 'Status', kind: 'options', options: STATUS },
		{ key: 'type', label: 'Type', kind: 'string', description: '"none" or an installed server module' },
		{ key: 'maxaccounts', label: 'Max Accounts', kind: 'number' },
	],
	subdomain: [
		{ key: 'domain', label: 'Domain', kind: 'string', create: true },
		{ key: 'products', label: 'Product Names or IDs', kind: 'multiOptions', loadOptionsMethod: 'getProducts', description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
		{ key: 'groups', label: 'Group Names or IDs', kind: 'multiOptions', loadOptionsMethod: 'getGroups', description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
	],
	cancellationReason: [
		{ key: 'reason', label: 'Reason', kind: 'string', create: true },
		{ key: 'status', label: 'Status', kind: 'options', options: STATUS, create: true, default: 'active' },
	],
};

function titleOf(value: string): string {
	return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
}

export function optionList(values: string[]): INodePropertyOptions[] {
	return values.map((v) => ({ name: titleOf(v), value: v }));
}

/** One n8n property for a body field. */
export function fieldProperty(f: BodyField, required: boolean): INodeProperties {
	const base = { displayName: f.label, name: f.key, description: f.description, placeholder: f.placeholder, required: required || undefined };
	switch (f.kind) {
		case 'number':
			return { ...base, type: 'number', default: (f.default as number) ?? 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: (f.default as boolean) ?? false };
		case 'options':
			if (f.loadOptionsMethod) return { ...base, type: 'options', typeOptions: { loadOptionsMethod: f.loadOptionsMethod }, default: '' };
			return { ...base, type: 'options', options: optionList(f.options ?? []), default: (f.default as string) ?? (f.options ?? [''])[0] };
		case 'multiOptions':
			return { ...base, type: 'multiOptions', typeOptions: { loadOptionsMethod: f.loadOptionsMethod }, default: [] };
		case 'json':
			return { ...base, type: 'json', default: '' };
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'password':
			return { ...base, type: 'string', typeOptions: { password: true }, default: '' };
		default:
			return { ...base, type: 'string', default: (f.default as string) ?? '' };
	}
}

/**
 * Fields the server requires on every update although the record already has them (updates that are
 * not partial: research §5.2, 5.5, 5.7, 5.8, 5.9), plus fields it resets when omitted (pinned, slug,
 * parent_id of products and groups). The node fetches the record and fills these in.
 */
export const MERGE_ON_UPDATE: Record<string, string[]> = {
	customer: ['email', 'firstname', 'lastname', 'address', 'city', 'zipcode', 'region', 'country'],
	pricing: ['related_id', 'related_type', 'currency'],
	department: ['name', 'description', 'icon'],
	ticket: ['department_id', 'priority', 'subject'],
	invoice: ['status', 'notes', 'paymethod', 'fees', 'tax', 'currency', 'due_date'],
	// CouponRequest.php:73-75 turn an omitted flag into false; CouponController::update empties the
	// required products (line 232) and the products (line 245) when they are not sent.
	coupon: [
		'code',
		'type',
		'applied_month',
		'free_setup',
		'first_order_only',
		'is_global',
		'max_uses',
		'max_uses_per_customer',
		'usages',
		'minimum_order_amount',
		'products',
		'required_products',
	],
	server: ['hostname', 'address'],
	// SubdomainHostController.php:198-199 empty products and groups when they are not sent.
	subdomain: ['domain', 'products', 'groups'],
	// UpdateProductRequest.php:112 merges pinned = false when it is not sent.
	product: ['pinned'],
	// UpdateGroupRequest.php:72-74 reset parent_id, pinned and slug; lines 93-97 clear the
	// use-image-as-background flag unless the key is sent.
	group: ['slug', 'pinned', 'parent_id', 'use_image_as_background'],
};

/** Relations the read before an Update must include, for merged values that are not plain columns. */
export const READ_INCLUDE: Record<string, string> = { coupon: 'products', group: 'metadata' };

/**
 * The value to send back for a merged key, from the record as the server answers it: a coupon's
 * products are a relation (objects) and its required products the `products_required` column; a
 * group's background flag is a metadata row. Undefined when the record does not say.
 */
export function currentValue(resource: string, key: string, record: IDataObject): unknown {
	if (resource === 'coupon' && key === 'products') {
		return Array.isArray(record.products) ? (record.products as IDataObject[]).map((p) => (p && typeof p === 'object' ? p.id : p)) : undefined;
	}
	if (resource === 'coupon' && key === 'required_products') return Array.isArray(record.products_required) ? record.products_required : undefined;
	if (resource === 'group' && key === 'use_image_as_background') {
		if (!Array.isArray(record.metadata)) return undefined;
		return (record.metadata as IDataObject[]).some((m) => m && m.key === 'use_image_as_background' && String(m.value) === 'true');
	}
	return record[key];
}

/**
 * MySQL answers booleans the model does not cast as 1 / 0 (coupons: Coupon.php:124-128), and the
 * FormRequests count only JSON `true` or "true" as true (`== 'true'`, CouponRequest.php:73-75,
 * UpdateProductRequest.php:112, UpdateGroupRequest.php:73): so every boolean goes out as a JSON boolean.
 */
export function asBoolean(value: unknown): boolean {
	if (typeof value === 'string') return ['1', 'true', 'on', 'yes'].includes(value.trim().toLowerCase());
	return value === true || value === 1;
}
