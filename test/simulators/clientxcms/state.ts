// Deterministic CLIENTXCMS data: customers, product groups, products with pricings, services in every
// state, invoices with items, departments, tickets with messages, coupons, servers, logs, subdomains,
// cancellation reasons. Rows are plain JSON as the server serialises them (research §6).

export type Row = Record<string, unknown> & { id: number };

export const TABLES = [
	'customers',
	'groups',
	'products',
	'pricings',
	'services',
	'invoices',
	'invoice_items',
	'departments',
	'tickets',
	'ticket_messages',
	'ticket_attachments',
	'coupons',
	'coupon_products',
	'servers',
	'logs',
	'subdomains',
	'cancellation_reasons',
	'metadata',
] as const;
export type Table = (typeof TABLES)[number];

const BASE = Date.UTC(2026, 0, 5, 9, 0, 0);
/** Laravel 12's timestamp format: ISO-8601 UTC with microseconds. */
export const stamp = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
const day = (n: number) => stamp(BASE + n * 86_400_000);

const CYCLES = ['onetime', 'monthly', 'quarterly', 'semiannually', 'annually', 'biennially', 'triennially', 'weekly'];

export function pricingRow(id: number, relatedId: number, monthly: number | null, currency = 'EUR'): Row {
	const row: Row = { id, related_id: relatedId, related_type: 'product', currency };
	for (const c of CYCLES) {
		row[c] = null;
		row[`setup_${c}`] = null;
	}
	row.monthly = monthly;
	row.annually = monthly === null ? null : Math.round(monthly * 10 * 100) / 100;
	row.setup_monthly = monthly === null ? null : 0;
	row.deleted_at = null;
	return row;
}

function seed(): Record<Table, Row[]> {
	const t = Object.fromEntries(TABLES.map((name) => [name, [] as Row[]])) as Record<Table, Row[]>;
	const names = [
		['Camille', 'Durand', 'Lyon'],
		['Lucas', 'Martin', 'Paris'],
		['Chloé', 'Bernard', 'Lille'],
		['Hugo', 'Petit', 'Nantes'],
		['Léa', 'Robert', 'Bordeaux'],
		['Nathan', 'Richard', 'Toulouse'],
		['Manon', 'Moreau', 'Nice'],
		['Louis', 'Simon', 'Rennes'],
		['Emma', 'Laurent', 'Dijon'],
		['Jules', 'Lefebvre', 'Metz'],
		['Inès', 'Michel', 'Brest'],
		['Gabriel', 'Garcia', 'Tours'],
	];
	names.forEach(([firstname, lastname, city], i) => {
		const verified = i % 3 !== 2;
		t.customers.push({
			id: i + 1,
			firstname,
			lastname,
			email: `${firstname.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${lastname.toLowerCase()}@example.fr`,
			company_name: i % 4 === 0 ? `${lastname} SARL` : null,
			billing_details: null,
			locale: 'fr_FR',
			phone: `+3361234${String(5600 + i)}`,
			address: `${i + 3} rue de la République`,
			address2: null,
			city,
			country: 'FR',
			region: 'France',
			zipcode: `${69000 + i}`,
			email_verified_at: verified ? day(i) : null,
			balance: '0.00',
			last_login: null,
			is_confirmed: verified ? 1 : 0,
			confirmation_token: null,
			is_deleted: 0,
			totp_secret: null,
			dark_mode: 0,
			notes: null,
			gdpr_compliment: 1,
			security_question_id: null,
			avatar_path: null,
			created_at: day(i),
			updated_at: day(i),
			deleted_at: null,
		});
	});
	const group = (id: number, name: string, slug: string, pinned: boolean, sort: number): Row => ({
		id,
		name,
		slug,
		status: 'active',
		description: `${name} offers`,
		badge_title: null,
		badge_color: null,
		badge_icon: null,
		sort_order: sort,
		pinned,
		image: null,
		parent_id: null,
		created_at: day(0),
		updated_at: day(0),
		deleted_at: null,
	});
	t.groups.push(group(1, 'Web Hosting', 'web-hosting', true, 1), group(2, 'VPS', 'vps', false, 2), group(3, 'Domains', 'domains', false, 3));
	const products: Array<[string, number, number | null, boolean]> = [
		['Hosting Starter', 1, 2.99, true],
		['Hosting Pro', 1, 6.99, false],
		['VPS S', 2, 9.99, false],
		['VPS M', 2, 19.99, true],
		['Domain .fr', 3, null, false],
		['Managed Backup', 1, 1.5, false],
	];
	products.forEach(([name, groupId, monthly, pinned], i) => {
		t.products.push({
			id: i + 1,
			name,
			status: i === 5 ? 'hidden' : 'active',
			description: `<p>${name}</p>`,
			sort_order: i,
			group_id: groupId,
			stock: -1,
			type: groupId === 2 ? 'proxmox' : 'none',
			pinned,
			image: null,
			created_at: day(1),
			updated_at: day(1),
			deleted_at: null,
		});
		t.pricings.push(pricingRow(i + 1, i + 1, monthly));
	});
	const states = ['active', 'active', 'pending', 'suspended', 'cancelled', 'expired', 'hidden', 'active'];
	states.forEach((status, i) => {
		const productId = (i % 5) + 1;
		t.services.push({
			id: i + 1,
			uuid: `9b1c${String(i + 1).padStart(4, '0')}-5d3e-4a6b-8c7d-0e1f2a3b4c5d`,
			customer_id: (i % 6) + 1,
			name: t.products[productId - 1].name,
			type: t.products[productId - 1].type,
			billing: 'monthly',
			server_id: productId >= 3 && productId <= 4 ? 1 : null,
			product_id: productId,
			pack_id: null,
			invoice_id: null,
			status,
			expires_at: day(30 + i),
			suspended_at: status === 'suspended' ? day(10) : null,
			cancelled_at: status === 'cancelled' ? day(12) : null,
			cancelled_reason: null,
			cancellation_reason_id: status === 'cancelled' ? 1 : null,
			notes: null,
			delivery_errors: null,
			delivery_attempts: 0,
			renewals: 0,
			trial_ends_at: null,
			max_renewals: null,
			data: {},
			currency: 'EUR',
			suspend_reason: status === 'suspended' ? 'Unpaid invoice' : null,
			// A boolean column without a cast (Service.php $casts): MySQL answers 1 / 0.
			is_cancelled: status === 'cancelled' ? 1 : 0,
			description: null,
			created_at: day(2 + i),
			updated_at: day(2 + i),
			deleted_at: null,
		});
	});
	const invoiceStates = ['pending', 'paid', 'draft', 'cancelled', 'pending', 'draft'];
	invoiceStates.forEach((status, i) => {
		const total = [12.99, 6.99, 0, 19.99, 9.99, 2.99][i];
		t.invoices.push({
			id: i + 1,
			uuid: `c0ffee${String(i + 1).padStart(2, '0')}-1111-4222-8333-444455556666`,
			customer_id: (i % 4) + 1,
			billing_address: { firstname: t.customers[i % 4].firstname, lastname: t.customers[i % 4].lastname, country: 'FR' },
			due_date: day(20 + i),
			total,
			balance: 0,
			subtotal: total,
			tax: 0,
			setupfees: 0,
			fees: 0,
			currency: 'EUR',
			status,
			payment_method_id: null,
			paid_at: status === 'paid' ? day(6) : null,
			external_id: null,
			notes: `Order ${1000 + i}`,
			paymethod: 'balance',
			invoice_number: `CTX-2026-${String(i + 1).padStart(4, '0')}`,
			pdf_sha256: null,
			created_at: day(3 + i),
			updated_at: day(3 + i),
			deleted_at: null,
		});
		if (i !== 2) {
			t.invoice_items.push({ id: t.invoice_items.length + 1, invoice_id: i + 1, name: 'Hosting', quantity: 1, unit_price: total, total });
		}
	});
	// Draft 6 has an item, so it can be validated.
	t.departments.push(
		{ id: 1, name: 'Support', description: 'Technical support', icon: 'bi bi-life-preserver', staff_subscribers: null, sla_first_response_minutes: 240, sla_resolution_minutes: 2880, created_at: day(0), updated_at: day(0), deleted_at: null },
		{ id: 2, name: 'Billing', description: 'Invoices and payments', icon: 'bi bi-receipt', staff_subscribers: null, sla_first_response_minutes: null, sla_resolution_minutes: null, created_at: day(0), updated_at: day(0), deleted_at: null },
		{ id: 3, name: 'Sales', description: 'Before you buy', icon: 'bi bi-cart', staff_subscribers: null, sla_first_response_minutes: null, sla_resolution_minutes: null, created_at: day(0), updated_at: day(0), deleted_at: null },
	);
	const tickets: Array<[string, string, string, number]> = [
		['Site down', 'open', 'high', 1],
		['Invoice question', 'answered', 'low', 2],
		['DNS change', 'closed', 'medium', 1],
		['Upgrade VPS', 'open', 'medium', 1],
	];
	tickets.forEach(([subject, status, priority, departmentId], i) => {
		t.tickets.push({
			id: i + 1,
			uuid: `7a7a${String(i + 1).padStart(4, '0')}-aaaa-4bbb-8ccc-dddddddddddd`,
			department_id: departmentId,
			customer_id: i + 1,
			status,
			priority,
			subject,
			related_type: null,
			related_id: null,
			staff_subscribers: null,
			closed_at: status === 'closed' ? day(9) : null,
			close_reason: status === 'closed' ? 'Resolved' : null,
			closed_by: status === 'closed' ? 'admin' : null,
			closed_by_id: null,
			assigned_to: null,
			first_response_due_at: null,
			resolution_due_at: null,
			first_response_at: null,
			sla_breached_notified_at: null,
			created_at: day(5 + i),
			updated_at: day(5 + i),
			deleted_at: null,
		});
		t.ticket_messages.push({ id: i + 1, ticket_id: i + 1, customer_id: i + 1, admin_id: null, message: `Hello, about: ${subject}`, created_at: day(5 + i), updated_at: day(5 + i) });
	});
	// The flags are tinyints the Coupon model does not cast (Coupon.php:124-128): MySQL reads them back
	// as 1 / 0. products_required is cast to an array; the coupon's products live in a pivot table.
	t.coupons.push(
		{ id: 1, code: 'WELCOME10', type: 'percent', applied_month: 1, free_setup: 0, start_at: null, end_at: null, first_order_only: 1, max_uses: 100, max_uses_per_customer: 1, usages: 3, unique_use: 0, customer_id: null, products_required: [], minimum_order_amount: 0, is_global: 1, created_at: day(0), updated_at: day(0), deleted_at: null },
		{ id: 2, code: 'VPS5', type: 'fixed', applied_month: -1, free_setup: 1, start_at: null, end_at: null, first_order_only: 0, max_uses: 0, max_uses_per_customer: 0, usages: 0, unique_use: 0, customer_id: null, products_required: ['1'], minimum_order_amount: 10, is_global: 0, created_at: day(1), updated_at: day(1), deleted_at: null },
	);
	t.coupon_products.push({ id: 1, coupon_id: 2, product_id: 3 }, { id: 2, coupon_id: 2, product_id: 4 });
	t.servers.push(
		{ id: 1, name: 'pve-01', address: '10.0.0.11', hostname: 'pve-01.example.net', port: 8006, username: 'root@pam', password: 'sim-server-pass', type: 'proxmox', status: 'active', maxaccounts: 50, created_at: day(0), updated_at: day(0), deleted_at: null },
		{ id: 2, name: 'web-01', address: '10.0.0.21', hostname: 'web-01.example.net', port: 2083, username: 'admin', password: 'sim-server-pass', type: 'none', status: 'hidden', maxaccounts: 0, created_at: day(0), updated_at: day(0), deleted_at: null },
	);
	['login', 'service_suspended', 'invoice_paid', 'customer_updated', 'product_created'].forEach((action, i) => {
		t.logs.push({ id: i + 1, customer_id: i % 2 === 0 ? 1 : null, staff_id: 1, action, model: 'App\\Models\\Account\\Customer', model_id: 1, payload: {}, created_at: day(i), updated_at: day(i) });
	});
	t.subdomains.push(
		{ id: 1, domain: 'clients.example.fr', products: [1, 2], groups: [1], created_at: day(0), updated_at: day(0), deleted_at: null },
		{ id: 2, domain: 'demo.example.fr', products: [], groups: [], created_at: day(0), updated_at: day(0), deleted_at: null },
	);
	t.cancellation_reasons.push(
		{ id: 1, reason: 'Too expensive', status: 'active', created_at: day(0), updated_at: day(0), deleted_at: null },
		{ id: 2, reason: 'Moving to another host', status: 'active', created_at: day(0), updated_at: day(0), deleted_at: null },
		{ id: 3, reason: 'No longer needed', status: 'hidden', created_at: day(0), updated_at: day(0), deleted_at: null },
	);
	return t;
}

export class ClientXcmsState {
	tables: Record<Table, Row[]> = seed();
	/** The simulated clock (advances one second per write, so timestamps stay deterministic). */
	private clock = Date.UTC(2026, 1, 1, 12, 0, 0);

	reset(): void {
		this.tables = seed();
		this.clock = Date.UTC(2026, 1, 1, 12, 0, 0);
	}

	now(): string {
		this.clock += 1000;
		return stamp(this.clock);
	}

	/** Live rows (soft-deleted ones hidden). */
	live(table: Table): Row[] {
		return this.tables[table].filter((r) => r.deleted_at === null || r.deleted_at === undefined);
	}

	find(table: Table, id: unknown): Row | undefined {
		const n = Number(id);
		return this.live(table).find((r) => r.id === n);
	}

	insert(table: Table, data: Record<string, unknown>): Row {
		const rows = this.tables[table];
		const id = rows.reduce((m, r) => Math.max(m, r.id), 0) + 1;
		const now = this.now();
		const row: Row = { ...data, id, created_at: now, updated_at: now, deleted_at: null };
		if (table === 'pricings') {
			delete row.created_at;
			delete row.updated_at;
		}
		rows.push(row);
		return row;
	}

	touch(row: Row, data: Record<string, unknown>): Row {
		Object.assign(row, data);
		if ('updated_at' in row) row.updated_at = this.now();
		return row;
	}

	softDelete(row: Row): void {
		row.deleted_at = this.now();
	}
}
