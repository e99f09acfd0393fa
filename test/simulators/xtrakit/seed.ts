// Seed data in the docs' style: first the records the docs' samples show (Jane Doe, "Premium
// Customers", the HP Laptop " Jce84a50", sale 324232 / INV-000001 with its "Web Design" line, the
// "Flight ticket to Kumasi" expense, payment method "MOMO"), then deterministic generated records of
// a Ghanaian small business: +233 mobile numbers on the real network prefixes, Accra / Kumasi /
// Takoradi …, cedi prices, mobile money. Everything not in a doc sample is ours.
import { seededRandom, type SeededRandom } from '../core';
import type { XtraKitCategory, XtraKitCustomer, XtraKitExpense, XtraKitGroup, XtraKitItem, XtraKitSale, XtraKitSalesItem } from './schemas';

/** FACT: the sample user_id and business_code. */
export const USER_ID = 'f93c5a51-ffa4-4aef-a45b-4cdec1c8cc10';
export const BUSINESS_CODE = '15848484';

export const XTRAKIT_SEED_NUMBER = 20240804; // the date on every doc sample

/** "YYYY-MM-DD HH:MM:SS" (FACT: the docs' timestamp format; no time zone). */
export function formatTimestamp(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function parseTimestamp(value: string): number {
	return Date.parse(`${value.replace(' ', 'T')}Z`);
}

const GROUPS: Array<[string, string | null]> = [
	['Premium Customers', 'Customers who have spent over $1000 and have been with the business for over a year.'], // FACT
	['Wholesale Buyers', 'Traders who buy by the carton for resale at Makola and Kejetia markets.'],
	['Walk-in Customers', null],
	['Staff & Family', 'Staff discount of 10%.'],
];

const NAMES = [
	'Kwame Mensah', 'Ama Owusu', 'Kofi Boateng', 'Akosua Asante', 'Yaw Darko', 'Abena Osei', 'Kwabena Adjei',
	'Efua Quaye', 'Kojo Antwi', 'Adwoa Agyeman', 'Nana Yaa Frimpong', 'Kwesi Appiah', 'Esi Nyarko', 'Fiifi Arthur',
	'Akua Sarpong', 'Selorm Agbeko', 'Dzifa Ahiable', 'Abdul-Rahman Iddrisu', 'Fatima Alhassan', 'Mawuli Tetteh',
	'Naa Dedei Lamptey', 'Ekow Hagan', 'Afia Pokuaa',
];

// [city, region] — real Ghanaian cities with their regions.
const PLACES: Array<[string, string]> = [
	['Accra', 'Greater Accra'], ['Tema', 'Greater Accra'], ['Madina', 'Greater Accra'], ['Kumasi', 'Ashanti'],
	['Takoradi', 'Western'], ['Cape Coast', 'Central'], ['Tamale', 'Northern'], ['Ho', 'Volta'],
	['Koforidua', 'Eastern'], ['Sunyani', 'Bono'],
];
const STREETS = ['Oxford Street', 'Ring Road Central', 'Liberation Road', 'Kanda Highway', 'Adum Road', 'Harper Road', 'Market Circle', 'Spintex Road'];
// Mobile network prefixes (MTN 24/54/55/59, Telecel 20/50, AirtelTigo 26/27/56/57).
const PREFIXES = ['24', '54', '55', '59', '20', '50', '26', '27', '56', '57'];

const CATEGORIES = ['Electronics', 'Phones & Accessories', 'Groceries', 'Beverages', 'Fabrics & Clothing', 'Beauty & Personal Care'];

// [name, category (1-based), unit, unit cost, price] — cedi prices of our choosing.
const ITEMS: Array<[string, number, string, number, number]> = [
	['Tecno Spark 20', 2, 'pcs', 1450, 1850],
	['Infinix Hot 40i', 2, 'pcs', 1300, 1650],
	['Samsung Galaxy A15', 2, 'pcs', 2100, 2600],
	['Oraimo 20000mAh Power Bank', 2, 'pcs', 180, 260],
	['Nasco 32" LED TV', 1, 'pcs', 1900, 2450],
	['Milo 400g Tin', 3, 'pcs', 38, 48],
	['Ideal Evaporated Milk 160g', 3, 'pcs', 7.5, 10],
	['Gino Tomato Paste 400g', 3, 'pcs', 14, 18.5],
	['Frytol Cooking Oil', 3, 'liters', 48, 62],
	['Royal Aroma Jasmine Rice 5kg', 3, 'pcs', 120, 150],
	['Gari (Ijebu)', 3, 'kg', 9, 14],
	['Voltic Mineral Water 1.5L', 4, 'pcs', 5, 7],
	['Alvaro Malt 330ml', 4, 'pcs', 6.5, 9],
	['Kalypo Fruit Drink', 4, 'pcs', 2.5, 4],
	['Kente Stole', 5, 'pcs', 150, 240],
	['Ankara Wax Print (6 yards)', 5, 'pcs', 220, 320],
	['Shea Butter 250g', 6, 'pcs', 18, 30],
	['Alata Samina Black Soap', 6, 'pcs', 8, 15],
];

const EXPENSES: Array<[string, string, number, string]> = [
	['Travel', 'Flight ticket to Kumasi', 850, 'MOMO'], // description and MOMO FACT; type and amount ours
	['Utilities', 'ECG prepaid electricity', 400, 'MOMO'],
	['Rent', 'Shop rent, Kantamanto (quarter)', 4500, 'Bank Transfer'],
	['Internet', 'MTN Fibre broadband', 399, 'MOMO'],
	['Fuel', 'Goil diesel for delivery van', 620, 'Cash'],
	['Marketing', 'Radio advert, 30 s spots', 1200, 'Cheque'],
	['Packaging', 'Branded paper bags (500)', 350, 'Cash'],
	['Salaries', 'Shop assistants, August', 3600, 'Bank Transfer'],
];

const LINE_DESCRIPTIONS = [null, 'Including delivery', 'Bulk discount applied', 'Gift wrapped', 'Including hosting'];

export interface XtraKitSeed {
	groups: XtraKitGroup[];
	customers: XtraKitCustomer[];
	categories: XtraKitCategory[];
	items: XtraKitItem[];
	sales: XtraKitSale[];
	salesItems: XtraKitSalesItem[];
	expenses: XtraKitExpense[];
	/** The newest seed timestamp: the simulator's clock starts after it. */
	newest: number;
}

/** Item codes look like the docs' "Jce84a50": a capital letter and seven hex digits. */
export function newItemCode(r: SeededRandom, taken: Set<string>): string {
	for (;;) {
		const code = r.string(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ') + r.string(7, '0123456789abcdef');
		if (!taken.has(code)) {
			taken.add(code);
			return code;
		}
	}
}

export function newInvoiceCode(r: SeededRandom, taken: Set<string>): string {
	for (;;) {
		const code = String(r.int(100000, 999999));
		if (!taken.has(code)) {
			taken.add(code);
			return code;
		}
	}
}

export function ghanaPhone(r: SeededRandom): string {
	return `+233${r.pick(PREFIXES)}${r.string(7, '0123456789')}`;
}

export const money = (n: number): string => n.toFixed(2);

/** The same data on every call. */
export function buildXtraKitSeed(): XtraKitSeed {
	const r = seededRandom(XTRAKIT_SEED_NUMBER);
	let clock = Date.parse('2024-06-03T08:00:00Z');
	const tick = (minMinutes: number, maxMinutes: number) => {
		clock += r.int(minMinutes, maxMinutes) * 60_000 + r.int(0, 59) * 1000;
		return formatTimestamp(clock);
	};

	const groups: XtraKitGroup[] = GROUPS.map(([group_name, group_description], i) => {
		const at = tick(5, 30);
		return { id: i + 1, user_id: USER_ID, business_code: BUSINESS_CODE, group_name, group_description, created_at: at, updated_at: at };
	});

	const categories: XtraKitCategory[] = CATEGORIES.map((category_name, i) => {
		const at = tick(5, 30);
		return { id: i + 1, category_name, created_at: at, updated_at: at };
	});

	const jane: XtraKitCustomer = {
		id: 1,
		user_id: USER_ID,
		business_code: BUSINESS_CODE,
		customer_group_id: 1,
		customer_name: 'Jane Doe',
		customer_email: 'jane.doe@example.com', // the docs' address is hidden by e-mail obfuscation
		customer_phone: '+233244567890',
		customer_whatsapp: '+233244567890',
		customer_country: 'Ghana',
		customer_city: 'Accra',
		customer_state: 'Greater Accra',
		customer_zip: '00233',
		address1: '123 Main Street',
		address2: 'Apt 4B, Downtown Complex',
		customer_profile: 'https://example.com/profiles/customer123.jpg',
		created_by: 'Edward',
		created_at: tick(60, 120),
		updated_at: '',
	};
	jane.updated_at = jane.created_at;
	const customers: XtraKitCustomer[] = [jane];
	for (const name of NAMES) {
		const [city, region] = r.pick(PLACES);
		const phone = ghanaPhone(r);
		const at = tick(120, 2880);
		const first = name.split(' ')[0].toLowerCase();
		customers.push({
			id: customers.length + 1,
			user_id: USER_ID,
			business_code: BUSINESS_CODE,
			customer_group_id: r.next() < 0.75 ? r.int(1, groups.length) : null,
			customer_name: name,
			customer_email: r.next() < 0.7 ? `${first}.${r.int(10, 99)}@${r.pick(['gmail.com', 'yahoo.com', 'outlook.com'])}` : null,
			customer_phone: phone,
			customer_whatsapp: r.next() < 0.6 ? phone : null,
			customer_country: 'Ghana',
			customer_city: city,
			customer_state: region,
			customer_zip: r.next() < 0.5 ? '00233' : null,
			address1: `${r.int(1, 240)} ${r.pick(STREETS)}`,
			address2: null,
			customer_profile: null,
			created_by: r.pick(['Edward', 'Abena', 'Kojo']),
			created_at: at,
			updated_at: at,
		});
	}

	const codes = new Set<string>(['Jce84a50']);
	const laptop: XtraKitItem = {
		id: 1,
		user_id: USER_ID,
		business_code: BUSINESS_CODE,
		// FACT: the docs show " Jce84a50" with a leading space; INFERENCE: a doc artifact, stored without it.
		item_code: 'Jce84a50',
		item_name: 'HP Laptop',
		category_id: 1,
		unit: 'pcs',
		description: 'High-end gaming laptop with advanced graphics and processing power.',
		unit_cost: 1000,
		item_price: 1500,
		previous_price: 1400,
		quantity: '20',
		minimum_qty_alert: '5',
		online: 1,
		status: 'in-stock',
		barcode: '123456789',
		sku: 'LAPTOP001',
		warehouse_id: 2,
		item_location: 'Shelf A3',
		item_slug: 'hp-laptop',
		item_images: [
			{ id: 11, image_url: 'https://pub-60b577bb37f54e02b085ea3d4d65a159.r2.dev/items/33123516/image1.jpg' },
			{ id: 14, image_url: 'https://pub-60b577bb37f54e02b085ea3d4d65a159.r2.dev/items/33123516/image2.jpg' },
			{ id: 15, image_url: 'https://pub-60b577bb37f54e02b085ea3d4d65a159.r2.dev/items/33123516/image3.jpg' },
		],
		created_at: tick(30, 90),
		updated_at: '',
	};
	laptop.updated_at = laptop.created_at;
	const items: XtraKitItem[] = [laptop];
	for (const [item_name, category_id, unit, cost, price] of ITEMS) {
		const at = tick(30, 600);
		const quantity = r.int(0, 120);
		const slug = item_name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
		items.push({
			id: items.length + 1,
			user_id: USER_ID,
			business_code: BUSINESS_CODE,
			item_code: newItemCode(r, codes),
			item_name,
			category_id,
			unit,
			description: null,
			unit_cost: cost,
			item_price: price,
			previous_price: r.next() < 0.3 ? Number((price * 1.1).toFixed(2)) : null,
			quantity: String(quantity),
			minimum_qty_alert: String(r.pick([5, 10, 20])),
			online: r.next() < 0.6 ? 1 : 0,
			status: quantity === 0 ? 'out of stock' : r.pick(['in-stock', 'available']),
			barcode: r.next() < 0.7 ? r.string(13, '0123456789') : null,
			sku: `${slug.slice(0, 6).toUpperCase().replace(/-/g, '')}${r.int(100, 999)}`,
			warehouse_id: r.pick([1, 2, null]),
			item_location: null,
			item_slug: slug,
			item_images: [],
			created_at: at,
			updated_at: at,
		});
	}

	const invoiceCodes = new Set<string>(['324232']);
	const sales: XtraKitSale[] = [];
	const salesItems: XtraKitSalesItem[] = [];
	let lineId = 0;
	const addSale = (sale: XtraKitSale, lines: Array<Omit<XtraKitSalesItem, 'invoice_code' | 'invoice_number' | 'created_at' | 'updated_at'>>) => {
		sales.push(sale);
		for (const line of lines) {
			salesItems.push({ ...line, invoice_code: String(sale.invoice_code), invoice_number: sale.invoice_number, created_at: sale.created_at, updated_at: sale.created_at });
		}
	};
	for (let n = 1; n <= 31; n++) {
		const at = tick(240, 5760);
		const type = r.pick(['pos', 'pos', 'main', 'order'] as const);
		const lines = Array.from({ length: r.int(1, 4) }, () => {
			const item = r.pick(items);
			return { id: ++lineId, item_name: item.item_name, description: r.pick(LINE_DESCRIPTIONS), unit_price: money(item.item_price), quantity: String(r.int(1, 6)), tax: money(0) };
		});
		const subTotal = lines.reduce((sum, l) => sum + Number(l.unit_price) * Number(l.quantity), 0);
		const discount = r.next() < 0.2 ? Math.round(subTotal * 0.05) : 0;
		const total = subTotal - discount;
		const status = r.pick(['paid', 'paid', 'paid', 'partial', 'draft'] as const);
		const paid = status === 'paid' ? total : status === 'partial' ? Math.round(total / 2) : 0;
		const day = at.slice(0, 10);
		addSale(
			{
				id: n,
				invoice_code: Number(newInvoiceCode(r, invoiceCodes)),
				invoice_number: `INV-${String(n + 1).padStart(6, '0')}`,
				customer_id: String(r.int(1, customers.length)),
				sub_total_amount: money(subTotal),
				total_amount: money(total),
				amount_paid: money(paid),
				discount: money(discount),
				invoice_type: type,
				invoice_colour: '#FFFFFF',
				invoice_note: null,
				invoice_terms: type === 'main' ? 'Thanks for doing business' : null,
				payment_internal_note: null,
				payment_date: status === 'draft' ? null : day,
				payment_type: status === 'draft' ? 'None' : r.pick(['Mobile Money', 'Mobile Money', 'Cash', 'Card Payment', 'Bank Transfer / Deposit']),
				payment_status: status,
				issued_by: r.pick(['Jones Nathal', 'Abena', 'Kojo']),
				due_date: status === 'paid' ? null : day,
				reminder_date: null,
				reminder_message: null,
				created_at: at,
				updated_at: at,
			},
			lines,
		);
	}
	// FACT: the fetch-sale sample (id 32, 324232, INV-000001, its amounts and dates, line 45 "Web Design").
	// Ours: customer "1" (the sample's "42" does not exist here), payment_type "Mobile Money" (the
	// sample's "2024-08-04" is a doc bug) and updated_at = created_at (the sample's is hours before it).
	addSale(
		{
			id: 32,
			invoice_code: 324232,
			invoice_number: 'INV-000001',
			customer_id: '1',
			sub_total_amount: '100.00',
			total_amount: '200.00',
			amount_paid: '200.00',
			discount: '0.00',
			invoice_type: 'pos',
			invoice_colour: '#FFFFFF',
			invoice_note: null,
			invoice_terms: 'Thanks for doing business',
			payment_internal_note: null,
			payment_date: '2024-08-04',
			payment_type: 'Mobile Money',
			payment_status: 'paid',
			issued_by: 'Jones Nathal',
			due_date: '2024-08-30',
			reminder_date: '2024-08-25',
			reminder_message: null,
			created_at: '2024-08-04 08:23:45',
			updated_at: '2024-08-04 08:23:45',
		},
		[{ id: 45, item_name: 'Web Design', description: 'Including hosting', unit_price: '100.00', quantity: '2', tax: '0.00' }],
	);

	const expenses: XtraKitExpense[] = EXPENSES.map(([expense_type, expense_description, amount, payment_method], i) => {
		const at = tick(600, 8000);
		return {
			id: i + 1,
			user_id: USER_ID,
			business_code: BUSINESS_CODE,
			expense_type,
			expense_description,
			expense_amount: money(amount),
			payment_method,
			expense_image: null,
			created_by: r.pick(['Edward', 'Abena']),
			created_at: at,
			updated_at: at,
		};
	});

	return { groups, customers, categories, items, sales, salesItems, expenses, newest: clock };
}
