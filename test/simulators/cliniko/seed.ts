// Deterministic seed data: a three-site Australian allied-health practice ("Harbourside Allied
// Health") with 2,500 patients, eight practitioners, ~4,000 individual appointments (some cancelled,
// some archived, some did-not-arrive, a few repeating series), group classes with attendees,
// unavailable blocks, invoices with items, treatment notes, medical alerts, patient cases,
// contacts, products, communications, forms, and the rest of the resources the spec has. All values
// are made up; every record satisfies the spec's response schema (the unit tests check that).
//
// Everything is relative to SEED_NOW (2025-06-30T00:00:00Z): seeded records never depend on the
// real date, so the same IDs carry the same values on every machine and run. The seed is built once
// per process and frozen; ClinikoState copies the maps (not the rows) on reset.
import { hashString, seededRandom, type SeededRandom } from '../core';
import { generateValue, uuid } from './generator';
import { applySemantics, completeRow, type RowLookup } from './rows';
import { RESOURCES, type Row } from './resources';
import * as data from './seed-data';
import { deref, loadClinikoSpec } from './spec';
import { addDays, DAY_MS, dayOfWeek, isoSeconds, localDate, localToUtc } from './time';

export const SEED_NOW = Date.UTC(2025, 5, 30, 0, 0, 0);
export const FIRST_ID = 1000000000000000001n;
const ACCOUNT_START = Date.UTC(2022, 0, 10, 22, 0, 0);
const HOUR = 3_600_000;

export const SEED_COUNTS = { patients: 2500, individualAppointments: 4000, groupAppointments: 160, unavailableBlocks: 220 };

export interface ClinikoSeed {
	collections: Map<string, Map<string, Row>>;
	settings: Record<string, unknown>;
	publicSettings: Record<string, unknown>;
	/** The user who owns the API key (GET /user). */
	currentUserId: string;
	/** The first ID after the seed's. */
	nextId: bigint;
}

type Values = Record<string, unknown>;

class SeedBuilder implements RowLookup {
	readonly collections = new Map<string, Map<string, Row>>(RESOURCES.map((r) => [r.collection, new Map<string, Row>()]));
	readonly rng: SeededRandom = seededRandom(hashString('cliniko-seed-v1'));
	next = FIRST_ID;
	private writeAt = SEED_NOW;

	row(collection: string, id: string): Row | undefined {
		if (collection === 'bookings') {
			return this.collections.get('individual_appointments')!.get(id) ?? this.collections.get('group_appointments')!.get(id) ?? this.collections.get('unavailable_blocks')!.get(id);
		}
		return this.collections.get(collection)?.get(id);
	}

	nowIso(): string {
		return isoSeconds(this.writeAt);
	}

	all(collection: string): Row[] {
		return [...this.collections.get(collection)!.values()];
	}

	/** Adds a row: ID, timestamps, derived fields, then every other schema field. */
	add(collection: string, values: Values & { created_at: string }): Row {
		// `values` is always a fresh literal: used as the working row to spare a copy (25,000 rows).
		const row = values as unknown as Row;
		row.id = String(this.next++);
		row.updated_at ??= values.created_at;
		this.writeAt = Date.parse(row.updated_at);
		applySemantics(collection, row, values, null, this);
		const complete = completeRow(collection, row, this.rng);
		this.collections.get(collection)!.set(complete.id, complete);
		return complete;
	}

	/** Changes a seeded row in place (only while building; rows are frozen afterwards). */
	patch(collection: string, id: string, values: Values): Row {
		const row = this.collections.get(collection)!.get(id)!;
		// Only appointments look at the previous row (to keep their length when moved).
		const previous = collection.endsWith('_appointments') && 'starts_at' in values ? { ...row } : row;
		Object.assign(row, values);
		if (typeof values.updated_at === 'string') this.writeAt = Date.parse(values.updated_at);
		applySemantics(collection, row, values, previous, this);
		return row;
	}

	between(fromMs: number, toMs: number): number {
		return fromMs + Math.floor(this.rng.next() * Math.max(0, toMs - fromMs));
	}

	chance(p: number): boolean {
		return this.rng.next() < p;
	}
}

function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

function auMobile(rng: SeededRandom): { number: string; normalized_number: string } {
	const digits = `4${rng.string(8, '0123456789')}`;
	return { number: `0${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`, normalized_number: `61${digits}` };
}

function auLandline(rng: SeededRandom, area: string): { number: string; normalized_number: string } {
	const digits = `${area === '02' ? '9' : area === '07' ? '3' : '9'}${rng.string(7, '0123456789')}`;
	return { number: `(${area}) ${digits.slice(0, 4)} ${digits.slice(4)}`, normalized_number: `61${area.slice(1)}${digits}` };
}

function ukMobile(rng: SeededRandom): { number: string; normalized_number: string } {
	const tail = rng.string(3, '0123456789');
	return { number: `07700 900${tail}`, normalized_number: `447700900${tail}` };
}

function money(value: number): string {
	return value.toFixed(2);
}

// ---------------------------------------------------------------------------------------------

interface PracSpec {
	first: string;
	last: string;
	title: string | null;
	designation: string;
	businesses: number[];
	active: boolean;
	leftAt?: number;
	description: string;
}

const PRACTITIONERS: PracSpec[] = [
	{ first: 'Sarah', last: 'Mitchell', title: null, designation: 'Physiotherapist', businesses: [0, 1], active: true, description: 'APA Titled Sports Physiotherapist with a special interest in running injuries and ACL rehabilitation.' },
	{ first: 'James', last: "O'Connor", title: null, designation: 'Physiotherapist', businesses: [0], active: true, description: 'Musculoskeletal physiotherapist; clinical Pilates instructor.' },
	{ first: 'Mei', last: 'Chen', title: null, designation: 'Osteopath', businesses: [1], active: true, description: 'Osteopath treating back and neck pain, headaches and pregnancy-related pain.' },
	{ first: 'Daniel', last: 'Rossi', title: null, designation: 'Remedial Massage Therapist', businesses: [0, 1], active: true, description: 'Remedial and sports massage, dry needling and cupping.' },
	{ first: 'Aisha', last: 'Rahman', title: null, designation: 'Podiatrist', businesses: [2], active: true, description: 'General and sports podiatry, custom orthotics, diabetic foot assessments.' },
	{ first: 'Liam', last: 'Fraser', title: null, designation: 'Exercise Physiologist', businesses: [0, 2], active: true, description: 'Accredited Exercise Physiologist running falls prevention and strength classes.' },
	{ first: 'Hannah', last: 'Kowalski', title: 'Dr', designation: 'Clinical Psychologist', businesses: [2], active: true, description: 'Clinical psychologist offering in-person and telehealth sessions.' },
	{ first: 'Oliver', last: 'Bennett', title: null, designation: 'Physiotherapist', businesses: [0], active: false, leftAt: Date.UTC(2024, 8, 30), description: 'Musculoskeletal physiotherapist.' },
];

interface TypeSpec {
	name: string;
	category: string;
	duration: number;
	color: string;
	price: number;
	code: string;
	practitioners: number[];
	group?: number;
	telehealth?: boolean;
}

const APPOINTMENT_TYPES: TypeSpec[] = [
	{ name: 'Initial Physiotherapy Consultation', category: 'Physiotherapy', duration: 60, color: '#1f8a70', price: 120, code: 'PHY-INIT', practitioners: [0, 1, 7] },
	{ name: 'Standard Physiotherapy Consultation', category: 'Physiotherapy', duration: 30, color: '#2aa876', price: 95, code: 'PHY-STD', practitioners: [0, 1, 7] },
	{ name: 'Osteopathy Initial Consultation', category: 'Osteopathy', duration: 60, color: '#4b6fc2', price: 125, code: 'OST-INIT', practitioners: [2] },
	{ name: 'Osteopathy Follow-up', category: 'Osteopathy', duration: 45, color: '#6a8ad8', price: 100, code: 'OST-FU', practitioners: [2] },
	{ name: 'Remedial Massage – 60 minutes', category: 'Massage', duration: 60, color: '#c2724b', price: 110, code: 'RM-60', practitioners: [3] },
	{ name: 'Remedial Massage – 30 minutes', category: 'Massage', duration: 30, color: '#d8946a', price: 70, code: 'RM-30', practitioners: [3] },
	{ name: 'Podiatry Assessment', category: 'Podiatry', duration: 45, color: '#8a1f6d', price: 105, code: 'POD-ASS', practitioners: [4] },
	{ name: 'Exercise Physiology Consultation', category: 'Exercise Physiology', duration: 45, color: '#a8862a', price: 98, code: 'EP-CONS', practitioners: [5] },
	{ name: 'Psychology Session', category: 'Psychology', duration: 50, color: '#5b2a86', price: 220, code: 'PSY-50', practitioners: [6], telehealth: true },
	{ name: 'Telehealth Review', category: 'Telehealth', duration: 30, color: '#2a86a8', price: 85, code: 'TEL-REV', practitioners: [0, 1, 6], telehealth: true },
	{ name: 'Clinical Pilates Class', category: 'Classes', duration: 60, color: '#e0b000', price: 38, code: 'CLS-PIL', practitioners: [1, 5], group: 8 },
	{ name: 'Falls Prevention Class', category: 'Classes', duration: 45, color: '#e06f00', price: 30, code: 'CLS-FALL', practitioners: [5], group: 10 },
];

const BUSINESSES = [
	{ name: 'Harbourside Allied Health – Fitzroy', short: 'Fitzroy', address: '214 Brunswick Street', city: 'Fitzroy', state: 'VIC', post: '3065', tz: 'Melbourne', tzId: 'Australia/Melbourne', phone: '(03) 9417 2280' },
	{ name: 'Harbourside Allied Health – Richmond', short: 'Richmond', address: '388 Bridge Road', city: 'Richmond', state: 'VIC', post: '3121', tz: 'Melbourne', tzId: 'Australia/Melbourne', phone: '(03) 9428 6115' },
	{ name: 'Harbourside Allied Health – Surry Hills', short: 'Surry Hills', address: '55 Crown Street', city: 'Surry Hills', state: 'NSW', post: '2010', tz: 'Sydney', tzId: 'Australia/Sydney', phone: '(02) 9331 4702' },
];

const SLOT_HOURS = [9, 10, 11, 14, 15, 16];
const ACCOUNT_TIME_ZONE = 'Australia/Melbourne';

/** Which business a practitioner works at on a weekday (1 Monday … 5 Friday), by index. */
function businessOn(prac: PracSpec, weekday: number): number {
	if (prac.businesses.length === 1) return prac.businesses[0];
	return weekday % 2 === 1 ? prac.businesses[0] : prac.businesses[1];
}

function buildSeed(): ClinikoSeed {
	const b = new SeedBuilder();
	const { rng } = b;
	const iso = isoSeconds;

	// --- users and practitioners --------------------------------------------------------------
	const staff = [
		{ first: 'Alex', last: 'Morgan', role: 'administrator', title: null },
		{ first: 'Priya', last: 'Nair', role: 'receptionist', title: null },
		{ first: 'Tom', last: 'Walsh', role: 'power receptionist', title: null },
		{ first: 'Grace', last: 'Liu', role: 'bookkeeper', title: null },
	];
	const users: Row[] = [];
	let userAt = ACCOUNT_START;
	for (const s of staff) {
		users.push(
			b.add('users', {
				created_at: iso(userAt),
				first_name: s.first,
				last_name: s.last,
				title: s.title,
				email: `${slug(s.first)}.${slug(s.last)}@harbourside-health.example.com`,
				role: s.role,
				active: true,
				user_active: true,
				time_zone: 'Melbourne',
				time_zone_identifier: 'Australia/Melbourne',
				phone_numbers: [{ phone_type: 'Mobile', ...auMobile(rng) }],
			}),
		);
		userAt += 2 * HOUR;
	}
	const practitionerUsers = PRACTITIONERS.map((p, i) =>
		b.add('users', {
			created_at: iso(ACCOUNT_START + (i + 3) * DAY_MS),
			first_name: p.first,
			last_name: p.last,
			title: p.title,
			email: `${slug(p.first)}.${slug(p.last)}@harbourside-health.example.com`,
			role: 'practitioner',
			active: p.active,
			user_active: p.active,
			time_zone: i === 4 || i === 6 ? 'Sydney' : 'Melbourne',
			time_zone_identifier: i === 4 || i === 6 ? 'Australia/Sydney' : 'Australia/Melbourne',
			phone_numbers: [{ phone_type: 'Mobile', ...auMobile(rng) }],
		}),
	);

	// --- businesses, taxes, billing catalogue ---------------------------------------------------
	const businesses = BUSINESSES.map((biz, i) =>
		b.add('businesses', {
			created_at: iso(ACCOUNT_START + i * 30 * DAY_MS + HOUR),
			business_name: biz.name,
			display_name: `Harbourside ${biz.short}`,
			label: biz.name,
			address_1: biz.address,
			address_2: i === 2 ? 'Level 1' : null,
			city: biz.city,
			state: biz.state,
			post_code: biz.post,
			country: 'Australia',
			country_code: 'AU',
			contact_information: `Phone ${biz.phone}`,
			email_reply_to: `${slug(biz.short)}@harbourside-health.example.com`,
			website_address: 'https://harbourside-health.example.com',
			business_registration_name: 'ABN',
			business_registration_value: ['51 824 753 556', '51 824 753 556', '73 608 114 290'][i],
			additional_invoice_information: 'Payment due on the day of your appointment. Health fund rebates can be claimed on the spot.',
			appointment_reminders_enabled: true,
			show_in_online_bookings: true,
			time_zone: biz.tz,
			time_zone_identifier: biz.tzId,
			appointment_type_ids: [],
		}),
	);
	const gst = b.add('taxes', { created_at: iso(ACCOUNT_START + 2 * HOUR), name: 'GST', rate: '10.0', amount: '0.0' });
	const gstFree = b.add('taxes', { created_at: iso(ACCOUNT_START + 2 * HOUR + 60_000), name: 'GST Free', rate: '0.0', amount: '0.0' });
	const concessionTypes = ['Pensioner', 'Student', 'Health Care Card'].map((name, i) =>
		b.add('concession_types', { created_at: iso(ACCOUNT_START + 3 * HOUR + i * 60_000), name }),
	);
	const suppliers = data.SUPPLIERS.map((name, i) => b.add('product_suppliers', { created_at: iso(ACCOUNT_START + 4 * HOUR + i * 60_000), name }));
	const products = data.PRODUCTS.map((p, i) =>
		b.add('products', {
			created_at: iso(ACCOUNT_START + 5 * DAY_MS + i * HOUR),
			name: p.name,
			item_code: p.code,
			serial_number: null,
			price_ex_tax: money(p.price / 1.1),
			price_including_tax: money(p.price),
			cost_price: money(p.cost),
			stock_level: String(rng.int(0, 40)),
			notes: null,
			product_supplier_id: suppliers[i % suppliers.length].id,
			tax_id: gst.id,
		}),
	);

	// --- practitioners and appointment types ----------------------------------------------------
	const practitioners = PRACTITIONERS.map((p, i) =>
		b.add('practitioners', {
			created_at: iso(ACCOUNT_START + (i + 3) * DAY_MS + HOUR),
			first_name: p.first,
			last_name: p.last,
			title: p.title,
			designation: p.designation,
			description: p.description,
			display_name: `${p.title ? `${p.title} ` : ''}${p.first} ${p.last}`,
			label: `${p.title ? `${p.title} ` : ''}${p.first} ${p.last}`,
			active: p.active,
			show_in_online_bookings: p.active,
			user_id: practitionerUsers[i].id,
			business_ids: p.businesses.map((x) => businesses[x].id),
		}),
	);
	const billableItems: Row[] = [];
	const appointmentTypes = APPOINTMENT_TYPES.map((t, i) => {
		const at = ACCOUNT_START + 4 * DAY_MS + i * HOUR;
		const item = b.add('billable_items', { created_at: iso(at), name: t.name, item_code: t.code, item_type: 'Service', price: money(t.price), tax_id: gstFree.id });
		billableItems.push(item);
		return b.add('appointment_types', {
			created_at: iso(at + 60_000),
			name: t.name,
			category: t.category,
			color: t.color,
			description: t.group ? `Small-group class, up to ${t.group} participants.` : null,
			duration_in_minutes: t.duration,
			max_attendees: t.group ?? 1,
			show_in_online_bookings: true,
			telehealth_enabled: t.telehealth === true,
			online_payments_enabled: false,
			online_payments_mode: null,
			deposit_price: null,
			add_deposit_to_account_credit: null,
			online_bookings_lead_time_hours: t.group ? 24 : 2,
			appointment_confirmation_template_ids: [],
			appointment_follow_up_template_ids: [],
			appointment_reminder_template_ids: [],
			billable_item_id: item.id,
			product_id: null,
			treatment_note_template_id: null,
			practitioner_ids: t.practitioners.map((p) => practitioners[p].id),
		});
	});
	for (const [name, code, price] of [
		['Cancellation fee (less than 24 hours notice)', 'FEE-CXL', 50],
		['Report writing (per 15 minutes)', 'RPT-15', 45],
		['Dry needling add-on', 'DN-ADD', 20],
	] as const) {
		billableItems.push(b.add('billable_items', { created_at: iso(ACCOUNT_START + 6 * DAY_MS + billableItems.length * 60_000), name, item_code: code, item_type: 'Other', price: money(price), tax_id: gst.id }));
	}
	for (const [i, business] of businesses.entries()) {
		const ids = APPOINTMENT_TYPES.map((t, ti) => ({ t, ti }))
			.filter(({ t }) => t.practitioners.some((p) => PRACTITIONERS[p].businesses.includes(i)))
			.map(({ ti }) => appointmentTypes[ti].id);
		b.patch('businesses', business.id, { appointment_type_ids: ids });
	}
	for (const [i, prac] of practitioners.entries()) {
		const own = APPOINTMENT_TYPES.findIndex((t) => t.practitioners.includes(i) && !t.group);
		b.patch('practitioners', prac.id, { default_appointment_type_id: appointmentTypes[own].id });
	}
	for (const [i, type] of appointmentTypes.entries()) {
		b.add('appointment_type_billable_items', {
			created_at: type.created_at,
			appointment_type_id: type.id,
			billable_item_id: billableItems[i].id,
			quantity: '1.0',
			discount_percentage: null,
			discounted_amount: null,
			is_monetary_discount: false,
		});
	}
	b.add('appointment_type_products', { created_at: appointmentTypes[6].created_at, appointment_type_id: appointmentTypes[6].id, product_id: products[9].id, quantity: '1.0', discount_percentage: '10.0', discounted_amount: null, is_monetary_discount: false });
	b.add('appointment_type_products', { created_at: appointmentTypes[0].created_at, appointment_type_id: appointmentTypes[0].id, product_id: products[0].id, quantity: '1.0', discount_percentage: null, discounted_amount: null, is_monetary_discount: false });
	for (const item of billableItems.slice(0, APPOINTMENT_TYPES.length)) {
		for (const [ci, ct] of concessionTypes.entries()) {
			b.add('concession_prices', { created_at: iso(Date.parse(item.created_at) + (ci + 1) * 60_000), billable_item_id: item.id, concession_type_id: ct.id, price: money(Number(item.price) * (ci === 1 ? 0.85 : 0.8)) });
		}
	}
	for (const [i, p] of PRACTITIONERS.entries()) {
		for (const bi of p.businesses) {
			b.add('practitioner_reference_numbers', {
				created_at: iso(Date.parse(practitioners[i].created_at) + bi * 60_000 + 60_000),
				practitioner_id: practitioners[i].id,
				business_id: businesses[bi].id,
				name: 'Medicare provider number',
				reference_number: `${rng.int(2000000, 4999999)}${rng.pick(['A', 'B', 'F', 'H', 'J', 'K', 'L', 'T', 'W', 'X'])}`,
			});
		}
	}
	for (const [i, p] of PRACTITIONERS.entries()) {
		if (!p.active) continue;
		for (const bi of p.businesses) {
			for (let weekday = 1; weekday <= 5; weekday++) {
				if (businessOn(p, weekday) !== bi) continue;
				b.add('daily_availabilities', {
					created_at: iso(Date.parse(practitioners[i].created_at) + weekday * 60_000),
					practitioner_id: practitioners[i].id,
					business_id: businesses[bi].id,
					day_of_week: weekday,
					availabilities: [
						{ starts_at: '09:00', ends_at: '12:30' },
						{ starts_at: '13:30', ends_at: '17:00' },
					],
					time_zone: BUSINESSES[bi].tz,
					time_zone_identifier: BUSINESSES[bi].tzId,
				});
			}
		}
	}
	const blockTypes = [
		['Lunch break', '#9e9e9e', 60],
		['Staff meeting', '#607d8b', 60],
		['Annual leave', '#795548', 480],
		['Admin time', '#8d6e63', 30],
	].map(([name, color, duration], i) =>
		b.add('unavailable_block_types', { created_at: iso(ACCOUNT_START + 7 * DAY_MS + i * 60_000), name, color, duration_in_minutes: duration, system_controlled: false }),
	);

	// --- contacts, referral source types ---------------------------------------------------------
	const contacts: Row[] = [];
	const doctors: Row[] = [];
	const payers: Row[] = [];
	for (let i = 0; i < 150; i++) {
		const at = ACCOUNT_START + 10 * DAY_MS + Math.floor((i / 150) * 900) * DAY_MS + rng.int(0, 20) * HOUR;
		const kind = i < 8 ? 2 : rng.next() < 0.7 ? 1 : 0;
		const female = rng.next() < 0.5;
		const first = rng.pick(female ? data.FEMALE_FIRST_NAMES : data.MALE_FIRST_NAMES);
		const last = rng.pick(data.LAST_NAMES);
		const loc = rng.pick(data.AU_LOCALITIES.slice(0, 24));
		const company = kind === 2 ? data.THIRD_PARTY_PAYERS[i] : kind === 1 ? rng.pick(data.CONTACT_PRACTICES) : rng.next() < 0.3 ? 'Inner City Legal' : null;
		const contact = b.add('contacts', {
			created_at: iso(at),
			title: kind === 1 ? 'Dr' : null,
			first_name: kind === 2 ? null : first,
			last_name: kind === 2 ? null : last,
			preferred_name: null,
			company_name: company,
			occupation: kind === 1 ? rng.pick(['General Practitioner', 'Orthopaedic Surgeon', 'Sports Physician', 'Rheumatologist']) : kind === 2 ? 'Claims' : rng.pick(['Case Manager', 'Lawyer', 'Personal Trainer']),
			email: kind === 2 ? `claims@${slug(company ?? 'payer')}.example.com` : `${slug(first)}.${slug(last)}@example.net`,
			phone_numbers: [{ phone_type: 'Work', ...auLandline(rng, loc.landlineArea) }],
			address_1: `${rng.int(1, 420)} ${rng.pick(data.AU_STREETS)}`,
			address_2: null,
			address_3: null,
			city: loc.city,
			state: loc.state,
			post_code: loc.postCode,
			country: 'Australia',
			country_code: 'AU',
			provider_number: kind === 1 ? `${rng.int(2000000, 4999999)}${rng.pick(['A', 'B', 'K', 'T'])}` : null,
			notes: null,
			doctor_type: kind === 1 ? (rng.next() < 0.7 ? 'general_practitioner' : 'specialist') : null,
			type_code: kind === 1 ? 1 : kind === 2 ? 2 : 0,
		});
		contacts.push(contact);
		if (kind === 1) doctors.push(contact);
		if (kind === 2) payers.push(contact);
	}
	// A few archived contacts (doctors who moved away).
	for (const c of doctors.slice(0, 4)) b.patch('contacts', c.id, { archived_at: iso(SEED_NOW - 40 * DAY_MS), updated_at: iso(SEED_NOW - 40 * DAY_MS) });
	const referralTypes = data.REFERRAL_SOURCE_TYPES.map((t, i) =>
		b.add('referral_source_types', { created_at: iso(ACCOUNT_START + 8 * DAY_MS + i * 60_000), name: t.name, referrer_type: t.referrerType, subcategories: t.subcategories }),
	);

	// --- patients -----------------------------------------------------------------------------
	const patientTimes = Array.from({ length: SEED_COUNTS.patients }, () => b.between(ACCOUNT_START + 12 * DAY_MS, SEED_NOW - 7 * DAY_MS)).sort((x, y) => x - y);
	const patients: Row[] = [];
	const emailsSeen = new Map<string, number>();
	for (const at of patientTimes) {
		const female = rng.next() < 0.56;
		const first = rng.pick(female ? data.FEMALE_FIRST_NAMES : data.MALE_FIRST_NAMES);
		const last = rng.pick(data.LAST_NAMES);
		const uk = rng.next() < 0.12;
		const au = rng.pick(data.AU_LOCALITIES);
		const ukLoc = rng.pick(data.UK_LOCALITIES);
		const dobYear = rng.int(1938, 2019);
		const dob = `${dobYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
		const baseEmail = `${slug(first)}.${slug(last)}`;
		const seen = emailsSeen.get(baseEmail) ?? 0;
		emailsSeen.set(baseEmail, seen + 1);
		const email = rng.next() < 0.92 ? `${baseEmail}${seen === 0 ? '' : seen + 1}@${rng.pick(['example.com', 'example.net', 'example.org', 'mail.example.com'])}` : null;
		const phones = [uk && rng.next() < 0.5 ? { phone_type: 'Mobile', ...ukMobile(rng) } : { phone_type: 'Mobile', ...auMobile(rng) }];
		if (rng.next() < 0.2) phones.push({ phone_type: 'Home', ...auLandline(rng, au.landlineArea) });
		const child = dobYear > 2008;
		const pensioner = dobYear < 1960;
		const reminder = rng.pick(['SMS', 'SMS', 'SMS & Email', 'Email', 'None']);
		const patient = b.add('patients', {
			created_at: iso(at),
			title: child ? null : rng.pick(female ? ['Ms', 'Mrs', 'Miss', 'Dr', null, null] : ['Mr', 'Mr', 'Dr', null, null]),
			first_name: first,
			last_name: last,
			preferred_first_name: rng.next() < 0.08 ? first.slice(0, 3) : null,
			date_of_birth: dob,
			sex: female ? 'Female' : 'Male',
			gender_identity: rng.next() < 0.03 ? 'Non-binary' : null,
			gender: null,
			pronouns: rng.next() < 0.1 ? (female ? { accusative: 'her', nominative: 'she', predicative_possessive: 'hers', pronominal_possessive: 'her', reflexive: 'herself' } : { accusative: 'him', nominative: 'he', predicative_possessive: 'his', pronominal_possessive: 'his', reflexive: 'himself' }) : null,
			email,
			patient_phone_numbers: phones,
			address_1: uk ? `${rng.int(1, 180)} ${rng.pick(data.UK_STREETS)}` : `${rng.int(1, 420)} ${rng.pick(data.AU_STREETS)}`,
			address_2: rng.next() < 0.15 ? `Unit ${rng.int(1, 30)}` : null,
			address_3: null,
			city: uk ? ukLoc.city : au.city,
			state: uk ? ukLoc.county : au.state,
			post_code: uk ? `${ukLoc.postCodePrefix} ${rng.int(1, 9)}${rng.string(2, 'ABDEFGHJLNPQRSTUWXYZ')}` : au.postCode,
			country: uk ? 'United Kingdom' : 'Australia',
			country_code: uk ? 'GB' : 'AU',
			time_zone: uk ? 'Europe/London' : au.timeZone,
			occupation: child ? 'Student' : pensioner ? 'Retired' : rng.pick(data.OCCUPATIONS),
			emergency_contact: rng.next() < 0.6 ? `${rng.pick(data.FEMALE_FIRST_NAMES)} ${last} (${rng.pick(['partner', 'mother', 'sister', 'friend', 'son', 'daughter'])}) ${auMobile(rng).number}` : null,
			medicare: !uk && rng.next() < 0.7 ? `${rng.int(2000, 6999)} ${rng.string(5, '0123456789')} ${rng.int(1, 9)}` : null,
			medicare_reference_number: null,
			dva_card_number: pensioner && rng.next() < 0.15 ? `${rng.pick(['V', 'N', 'Q'])}X${rng.string(6, '0123456789')}` : null,
			accepted_privacy_policy: rng.next() < 0.85 ? true : null,
			accepted_email_marketing: rng.next() < 0.3,
			accepted_sms_marketing: rng.next() < 0.25,
			receives_confirmation_emails: email !== null,
			receives_cancellation_emails: email !== null,
			reminder_type: reminder,
			invoice_default_to: null,
			invoice_email: null,
			invoice_extra_information: null,
			notes: rng.next() < 0.1 ? rng.pick(['Prefers morning appointments.', 'Runs marathons; training for Melbourne Marathon.', 'Works night shifts.', 'Referred by Dr Lee for post-op rehab.']) : null,
			appointment_notes: rng.next() < 0.05 ? 'Needs ground-floor room' : null,
			referral_source: null,
			old_reference_id: at < ACCOUNT_START + 120 * DAY_MS ? `PS-${String(rng.int(1, 99999)).padStart(6, '0')}` : null,
			concession_type_id: pensioner && rng.next() < 0.5 ? concessionTypes[0].id : child && rng.next() < 0.3 ? concessionTypes[1].id : null,
			referring_doctor_id: rng.next() < 0.2 ? rng.pick(doctors).id : null,
			custom_fields: null,
			merged_at: null,
			merged_with_patient_id: null,
			latest_booking_id: null,
		});
		if (patient.medicare) b.patch('patients', patient.id, { medicare_reference_number: String(rng.int(1, 5)) });
		patients.push(patient);
	}
	// Archived patients (~3%) and two merged duplicates.
	for (const p of patients) {
		if (b.chance(0.03)) {
			const archivedAt = b.between(Date.parse(p.created_at) + DAY_MS, SEED_NOW - DAY_MS);
			b.patch('patients', p.id, { archived_at: iso(archivedAt), updated_at: iso(archivedAt) });
		}
	}
	for (const [dup, keep] of [
		[patients[120], patients[118]],
		[patients[900], patients[870]],
	]) {
		const mergedAt = Date.parse(dup.created_at) + 3 * DAY_MS;
		b.patch('patients', dup.id, { archived_at: iso(mergedAt), merged_at: iso(mergedAt), merged_with_patient_id: keep.id, updated_at: iso(mergedAt) });
	}
	const patientCreated = patients.map((p) => Date.parse(p.created_at));
	/** A random patient who existed before `beforeMs`. */
	const patientBefore = (beforeMs: number): Row => {
		let lo = 0;
		let hi = patientCreated.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (patientCreated[mid] < beforeMs) lo = mid + 1;
			else hi = mid;
		}
		return patients[rng.int(0, Math.max(0, lo - 1))];
	};

	// Referral sources, relationships, medical alerts.
	for (const p of patients) {
		if (!b.chance(0.4)) continue;
		const ti = rng.int(0, referralTypes.length - 1);
		const spec = data.REFERRAL_SOURCE_TYPES[ti];
		const referrerId = spec.referrerType === 'Contact' ? rng.pick(doctors).id : spec.referrerType === 'Patient' ? patientBefore(Date.parse(p.created_at)).id : null;
		b.add('referral_sources', {
			created_at: p.created_at,
			patient_id: p.id,
			referral_source_type_id: referralTypes[ti].id,
			subcategory: spec.subcategories.length > 0 ? rng.pick(spec.subcategories) : null,
			referrer_id: referrerId,
			referrer_type: spec.referrerType,
			notes: null,
		});
	}
	for (let i = 0; i < 120; i++) {
		const a = patients[rng.int(200, patients.length - 1)];
		const other = patientBefore(Date.parse(a.created_at));
		if (other.id === a.id) continue;
		b.add('relationships', { created_at: iso(Date.parse(a.created_at) + HOUR), patient_id: a.id, related_patient_id: other.id, relation: rng.pick([10, 20, 30, 40, 50, 60, 70]) });
	}
	for (const p of patients) {
		if (!b.chance(0.17)) continue;
		const at = b.between(Date.parse(p.created_at), Math.min(Date.parse(p.created_at) + 200 * DAY_MS, SEED_NOW - DAY_MS));
		const alert = b.add('medical_alerts', { created_at: iso(at), patient_id: p.id, name: rng.pick(data.MEDICAL_ALERTS) });
		if (b.chance(0.1)) {
			const archivedAt = b.between(at + DAY_MS, SEED_NOW);
			b.patch('medical_alerts', alert.id, { archived_at: iso(archivedAt), updated_at: iso(archivedAt) });
		}
	}

	// Patient cases.
	const casesByPatient = new Map<string, Row>();
	for (let i = 0; i < 300; i++) {
		const p = patientBefore(SEED_NOW - 30 * DAY_MS);
		if (casesByPatient.has(p.id)) continue;
		const at = b.between(Math.max(Date.parse(p.created_at), SEED_NOW - 500 * DAY_MS), SEED_NOW - 20 * DAY_MS);
		const name = rng.pick(data.CASE_NAMES);
		const referral = /DVA|Medicare/.test(name);
		const issue = localDate(ACCOUNT_TIME_ZONE, at);
		const c = b.add('patient_cases', {
			created_at: iso(at),
			patient_id: p.id,
			name,
			notes: null,
			issue_date: issue,
			expiry_date: referral ? addDays(issue, 365) : null,
			referral,
			referral_type: name.startsWith('DVA') ? 'dva' : name.includes('Medicare') ? 'medicare' : null,
			max_sessions: referral ? 5 : null,
			max_invoiceable_amount: /WorkCover|TAC/.test(name) ? '2500.00' : null,
			include_cancelled_attendees: false,
			include_dna_attendees: true,
			contact_id: /WorkCover/.test(name) ? payers[5].id : /TAC/.test(name) ? payers[7].id : name.startsWith('DVA') ? payers[4].id : null,
			attendee_ids: [],
			patient_attachment_ids: [],
		});
		if (b.chance(0.3)) {
			const closedAt = b.between(at + 30 * DAY_MS, SEED_NOW);
			if (closedAt < SEED_NOW) b.patch('patient_cases', c.id, { closed: true, closed_at: iso(closedAt), updated_at: iso(closedAt) });
		}
		casesByPatient.set(p.id, c);
	}

	// Templates.
	const noteTemplates = [
		{
			name: 'Physiotherapy Initial Assessment',
			sections: [
				{ name: 'Subjective', questions: [{ name: 'Presenting complaint', type: 'paragraph' }, { name: 'Pain score (0-10)', type: 'text' }, { name: 'Aggravating factors', type: 'checkboxes', answers: [{ value: 'Sitting' }, { value: 'Walking' }, { value: 'Lifting' }, { value: 'Stairs' }], other: { enabled: true } }] },
				{ name: 'Objective', questions: [{ name: 'Range of motion', type: 'paragraph' }, { name: 'Special tests', type: 'paragraph' }] },
				{ name: 'Plan', questions: [{ name: 'Treatment', type: 'paragraph' }, { name: 'Next review', type: 'date' }] },
			],
		},
		{
			name: 'SOAP Follow-up',
			sections: [{ name: 'SOAP', questions: [{ name: 'Subjective', type: 'paragraph' }, { name: 'Objective', type: 'paragraph' }, { name: 'Assessment', type: 'paragraph' }, { name: 'Plan', type: 'paragraph' }] }],
		},
		{ name: 'Psychology Session Note', sections: [{ name: 'Session', questions: [{ name: 'Presentation', type: 'paragraph' }, { name: 'Interventions', type: 'paragraph' }, { name: 'Risk assessment', type: 'radiobuttons', answers: [{ value: 'Low' }, { value: 'Moderate' }, { value: 'High' }], other: { enabled: false } }] }] },
		{ name: 'Class Attendance', sections: [{ name: 'Class', questions: [{ name: 'Exercises completed', type: 'paragraph' }] }] },
	].map((t, i) =>
		b.add('treatment_note_templates', {
			created_at: iso(ACCOUNT_START + 9 * DAY_MS + i * HOUR),
			name: t.name,
			content: { sections: t.sections.map((s) => ({ name: s.name, description: null, questions: s.questions })) },
			print_settings: { include_patient_address: true, include_patient_dob: true, include_patient_medicare: false, include_patient_occupation: false, include_patient_reference_number: true, title: t.name },
		}),
	);
	const formTemplates = [
		{ name: 'New Patient Intake', questions: [{ name: 'Reason for visit', type: 'paragraph', required: true }, { name: 'Current medications', type: 'paragraph', required: false }, { name: 'Signature', type: 'signature', required: true }] },
		{ name: 'Consent to Treatment', questions: [{ name: 'I consent to assessment and treatment', type: 'checkboxes', required: true, answers: [{ value: 'I agree' }], other: { enabled: false } }, { name: 'Signature', type: 'signature', required: true }] },
		{ name: 'Telehealth Consent', questions: [{ name: 'Preferred phone number', type: 'text', required: true }, { name: 'Signature', type: 'signature', required: true }] },
	].map((t, i) =>
		b.add('patient_form_templates', {
			created_at: iso(ACCOUNT_START + 9 * DAY_MS + (i + 5) * HOUR),
			name: t.name,
			email_to_patient_on_completion: true,
			restricted_to_practitioner: false,
			content: { sections: [{ name: t.name, description: null, questions: t.questions }] },
		}),
	);

	// --- the diary: appointments, classes, unavailable blocks --------------------------------
	const rangeStart = SEED_NOW - 420 * DAY_MS;
	const rangeEnd = SEED_NOW + 120 * DAY_MS;
	const taken = new Set<string>();
	interface Slot {
		prac: number;
		business: number;
		date: string;
		hour: number;
		startMs: number;
	}
	const workdays: string[] = [];
	for (let date = localDate(ACCOUNT_TIME_ZONE, rangeStart), last = localDate(ACCOUNT_TIME_ZONE, rangeEnd); date <= last; date = addDays(date, 1)) {
		const weekday = dayOfWeek(date);
		if (weekday !== 0 && weekday !== 6) workdays.push(date);
	}
	const freeSlot = (pracChoices: number[]): Slot | undefined => {
		for (let attempt = 0; attempt < 30; attempt++) {
			const prac = rng.pick(pracChoices);
			const spec = PRACTITIONERS[prac];
			const lastDate = localDate(ACCOUNT_TIME_ZONE, spec.leftAt ?? rangeEnd);
			const date = rng.pick(workdays);
			if (date > lastDate) continue;
			const weekday = dayOfWeek(date);
			const hour = rng.pick(SLOT_HOURS);
			const key = `${prac}|${date}|${hour}`;
			if (taken.has(key)) continue;
			taken.add(key);
			const business = businessOn(spec, weekday);
			return { prac, business, date, hour, startMs: localToUtc(BUSINESSES[business].tzId, date, hour) };
		}
		return undefined;
	};
	const typeIndexesFor = (prac: number, group: boolean) => APPOINTMENT_TYPES.map((t, i) => ({ t, i })).filter(({ t }) => t.practitioners.includes(prac) && !!t.group === group).map(({ i }) => i);

	interface Planned {
		collection: 'individual_appointments' | 'group_appointments' | 'unavailable_blocks';
		createdMs: number;
		values: Values;
		after?: (row: Row) => void;
	}
	const planned: Planned[] = [];
	const individualPracs = [0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 6, 7];
	for (let i = 0; i < SEED_COUNTS.individualAppointments; i++) {
		const slot = freeSlot(individualPracs);
		if (!slot) continue;
		const ti = rng.pick(typeIndexesFor(slot.prac, false));
		const type = APPOINTMENT_TYPES[ti];
		const patient = patientBefore(slot.startMs - DAY_MS);
		const earliest = Math.max(Date.parse(patient.created_at) + HOUR, slot.startMs - 45 * DAY_MS);
		const latest = Math.min(slot.startMs - HOUR, SEED_NOW - HOUR);
		const createdMs = latest > earliest ? b.between(earliest, latest) : Math.min(earliest, latest);
		const online = b.chance(0.3);
		const kase = casesByPatient.get(patient.id);
		planned.push({
			collection: 'individual_appointments',
			createdMs,
			values: {
				starts_at: iso(slot.startMs),
				ends_at: iso(slot.startMs + type.duration * 60_000),
				patient_id: patient.id,
				practitioner_id: practitioners[slot.prac].id,
				business_id: businesses[slot.business].id,
				appointment_type_id: appointmentTypes[ti].id,
				patient_case_id: kase && Date.parse(kase.created_at) < createdMs && b.chance(0.6) ? kase.id : null,
				notes: b.chance(0.1) ? rng.pick(data.APPOINTMENT_NOTES) : null,
				online_booking_policy_accepted: online ? true : null,
				booking_ip_address: online ? `203.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}` : null,
				telehealth_url: type.telehealth ? `https://telehealth.cliniko.example/rooms/${rng.string(12, 'abcdefghijkmnpqrstuvwxyz23456789')}` : null,
				repeat_rule: null,
				repeated_from_id: null,
				did_not_arrive: false,
				patient_arrived: false,
				email_reminder_sent: false,
				sms_reminder_sent: false,
				invoice_status: null,
				treatment_note_status: null,
			},
		});
	}
	// Repeating series: a first appointment with a weekly repeat rule and its repeats.
	const seriesHeads: Array<{ head: Planned; count: number; slot: Slot; ti: number }> = [];
	for (let s = 0; s < 30; s++) {
		const slot = freeSlot([0, 1, 2, 3]);
		if (!slot) continue;
		const ti = typeIndexesFor(slot.prac, false).find((x) => APPOINTMENT_TYPES[x].duration <= 45) ?? typeIndexesFor(slot.prac, false)[0];
		const patient = patientBefore(slot.startMs - 7 * DAY_MS);
		const count = rng.int(3, 6);
		const createdMs = Math.min(slot.startMs - 2 * DAY_MS, SEED_NOW - DAY_MS);
		const head: Planned = {
			collection: 'individual_appointments',
			createdMs: Math.max(createdMs, Date.parse(patient.created_at) + HOUR),
			values: {
				starts_at: iso(slot.startMs),
				ends_at: iso(slot.startMs + APPOINTMENT_TYPES[ti].duration * 60_000),
				patient_id: patient.id,
				practitioner_id: practitioners[slot.prac].id,
				business_id: businesses[slot.business].id,
				appointment_type_id: appointmentTypes[ti].id,
				repeat_rule: { number_of_repeats: count, repeat_type: 'Weekly', repeating_interval: 1 },
				repeated_from_id: null,
				did_not_arrive: false,
				patient_arrived: false,
				email_reminder_sent: false,
				sms_reminder_sent: false,
			},
		};
		planned.push(head);
		seriesHeads.push({ head, count, slot, ti });
	}
	for (let g = 0; g < SEED_COUNTS.groupAppointments; g++) {
		const slot = freeSlot([1, 5, 5]);
		if (!slot) continue;
		const ti = rng.pick(typeIndexesFor(slot.prac, true));
		const type = APPOINTMENT_TYPES[ti];
		planned.push({
			collection: 'group_appointments',
			createdMs: Math.min(slot.startMs - rng.int(7, 30) * DAY_MS, SEED_NOW - DAY_MS),
			values: {
				starts_at: iso(slot.startMs),
				ends_at: iso(slot.startMs + type.duration * 60_000),
				practitioner_id: practitioners[slot.prac].id,
				business_id: businesses[slot.business].id,
				appointment_type_id: appointmentTypes[ti].id,
				max_attendees: type.group,
				notes: b.chance(0.2) ? 'Bring a water bottle and a towel.' : null,
				repeat_rule: null,
				repeated_from_id: null,
				telehealth_url: null,
			},
		});
	}
	for (let u = 0; u < SEED_COUNTS.unavailableBlocks; u++) {
		const slot = freeSlot([0, 1, 2, 3, 4, 5, 6]);
		if (!slot) continue;
		const typeIndex = rng.pick([0, 1, 1, 3, 3, 2]);
		const allDay = typeIndex === 2;
		const startMs = allDay ? localToUtc(BUSINESSES[slot.business].tzId, slot.date, 9) : slot.startMs;
		const endMs = allDay ? localToUtc(BUSINESSES[slot.business].tzId, slot.date, 17) : slot.startMs + (typeIndex === 3 ? 30 : 60) * 60_000;
		if (allDay) for (const h of SLOT_HOURS) taken.add(`${slot.prac}|${slot.date}|${h}`);
		planned.push({
			collection: 'unavailable_blocks',
			createdMs: Math.min(startMs - rng.int(1, 40) * DAY_MS, SEED_NOW - DAY_MS),
			values: {
				starts_at: iso(startMs),
				ends_at: iso(endMs),
				practitioner_id: practitioners[slot.prac].id,
				business_id: businesses[slot.business].id,
				unavailable_block_type_id: blockTypes[typeIndex].id,
				notes: allDay ? 'Annual leave' : null,
				repeat_rule: null,
				repeated_from_id: null,
			},
		});
	}
	planned.sort((x, y) => x.createdMs - y.createdMs);
	const headRows = new Map<Planned, Row>();
	const individuals: Row[] = [];
	const groups: Row[] = [];
	for (const p of planned) {
		p.values.created_at = iso(p.createdMs);
		const row = b.add(p.collection, p.values as Values & { created_at: string });
		if (p.collection === 'individual_appointments') individuals.push(row);
		if (p.collection === 'group_appointments') groups.push(row);
		headRows.set(p, row);
	}
	for (const { head, count, slot, ti } of seriesHeads) {
		const first = headRows.get(head)!;
		for (let k = 1; k <= count; k++) {
			const date = addDays(slot.date, 7 * k);
			const key = `${slot.prac}|${date}|${slot.hour}`;
			if (taken.has(key)) continue;
			taken.add(key);
			const startMs = localToUtc(BUSINESSES[slot.business].tzId, date, slot.hour);
			individuals.push(
				b.add('individual_appointments', {
					created_at: first.created_at,
					starts_at: iso(startMs),
					ends_at: iso(startMs + APPOINTMENT_TYPES[ti].duration * 60_000),
					patient_id: first.patient_id,
					practitioner_id: first.practitioner_id,
					business_id: first.business_id,
					appointment_type_id: first.appointment_type_id,
					repeat_rule: first.repeat_rule,
					repeated_from_id: first.id,
					did_not_arrive: false,
					patient_arrived: false,
					email_reminder_sent: false,
					sms_reminder_sent: false,
				}),
			);
		}
	}

	// Attendees: one per individual appointment (the patient), several per class.
	const attendeeOf = new Map<string, Row>();
	for (const appt of individuals) {
		attendeeOf.set(
			appt.id,
			b.add('attendees', { created_at: appt.created_at, booking_id: appt.id, patient_id: appt.patient_id, patient_case_id: appt.patient_case_id ?? null, arrived: false, notes: null }),
		);
	}
	const groupAttendees: Row[] = [];
	for (const g of groups) {
		const startMs = Date.parse(String(g.starts_at));
		const wanted = rng.int(2, Number(g.max_attendees));
		const chosen = new Set<string>();
		for (let k = 0; k < wanted; k++) {
			const patient = patientBefore(startMs - DAY_MS);
			if (chosen.has(patient.id)) continue;
			chosen.add(patient.id);
			const createdMs = Math.max(Date.parse(g.created_at), Math.min(b.between(Date.parse(g.created_at), startMs - HOUR), SEED_NOW - HOUR));
			groupAttendees.push(b.add('attendees', { created_at: iso(createdMs), booking_id: g.id, patient_id: patient.id, arrived: false, notes: null }));
		}
	}

	// What happened to each appointment: arrived, did not arrive, cancelled, archived.
	const arrivedIndividuals: Row[] = [];
	for (const appt of individuals) {
		const startMs = Date.parse(String(appt.starts_at));
		const endMs = Date.parse(String(appt.ends_at));
		const createdMs = Date.parse(appt.created_at);
		const attendee = attendeeOf.get(appt.id)!;
		const patient = b.row('patients', String(appt.patient_id))!;
		const past = endMs < SEED_NOW;
		const reminders = { email_reminder_sent: past && /Email/.test(String(patient.reminder_type)), sms_reminder_sent: past && /SMS/.test(String(patient.reminder_type)) };
		if (b.chance(0.07)) {
			const cancelledMs = b.between(createdMs, Math.min(startMs, SEED_NOW));
			const reason = rng.pick([10, 20, 30, 30, 40, 50, 60, 31]);
			const cancel = { cancelled_at: iso(cancelledMs), cancellation_reason: reason, cancellation_note: b.chance(0.4) ? rng.pick(['Called in sick', 'Work commitments', 'Car trouble', 'Feeling much better']) : null, updated_at: iso(cancelledMs) };
			b.patch('individual_appointments', appt.id, cancel);
			b.patch('attendees', attendee.id, cancel);
			continue;
		}
		if (past) {
			if (b.chance(0.03)) {
				const at = iso(endMs + 20 * 60_000);
				b.patch('individual_appointments', appt.id, { did_not_arrive: true, ...reminders, updated_at: at });
			} else {
				const at = iso(Math.min(endMs + 5 * 60_000, SEED_NOW));
				b.patch('individual_appointments', appt.id, { patient_arrived: true, ...reminders, updated_at: at });
				b.patch('attendees', attendee.id, { arrived: true, updated_at: at });
				arrivedIndividuals.push(appt);
			}
		} else if (startMs - SEED_NOW < 2 * DAY_MS) {
			b.patch('individual_appointments', appt.id, { sms_reminder_sent: /SMS/.test(String(patient.reminder_type)), updated_at: iso(SEED_NOW - HOUR) });
		}
		if (b.chance(0.015)) {
			const archivedMs = b.between(createdMs + HOUR, SEED_NOW);
			b.patch('individual_appointments', appt.id, { archived_at: iso(archivedMs), updated_at: iso(archivedMs) });
			b.patch('attendees', attendee.id, { archived_at: iso(archivedMs), updated_at: iso(archivedMs) });
		}
	}
	const arrivedGroupAttendees: Row[] = [];
	for (const a of groupAttendees) {
		const g = b.row('group_appointments', String(a.booking_id))!;
		const endMs = Date.parse(String(g.ends_at));
		if (b.chance(0.06)) {
			const cancelledMs = b.between(Date.parse(a.created_at), Math.min(Date.parse(String(g.starts_at)), SEED_NOW));
			b.patch('attendees', a.id, { cancelled_at: iso(cancelledMs), cancellation_reason: rng.pick([10, 30, 40, 50, 60]), cancellation_note: null, updated_at: iso(cancelledMs) });
		} else if (endMs < SEED_NOW) {
			b.patch('attendees', a.id, { arrived: true, updated_at: iso(Math.min(endMs + 5 * 60_000, SEED_NOW)) });
			arrivedGroupAttendees.push(a);
		}
	}
	for (const g of groups) {
		if (Date.parse(String(g.ends_at)) < SEED_NOW && b.chance(0.02)) b.patch('group_appointments', g.id, { archived_at: iso(Date.parse(String(g.ends_at)) + DAY_MS), updated_at: iso(Date.parse(String(g.ends_at)) + DAY_MS) });
	}
	// latest_booking of each patient: their last individual appointment.
	for (const appt of individuals) {
		const patient = b.row('patients', String(appt.patient_id))!;
		const current = typeof patient.latest_booking_id === 'string' ? b.row('individual_appointments', patient.latest_booking_id) : undefined;
		if (!current || String(current.starts_at) < String(appt.starts_at)) patient.latest_booking_id = appt.id;
	}

	// --- invoices and items, treatment notes ----------------------------------------------------
	const billable = [...arrivedIndividuals.map((appt) => ({ appt, attendee: attendeeOf.get(appt.id)! })), ...arrivedGroupAttendees.map((attendee) => ({ appt: b.row('group_appointments', String(attendee.booking_id))!, attendee }))]
		.filter(({ appt }) => appt.archived_at === null && b.chance(0.8))
		.sort((x, y) => String(x.appt.ends_at).localeCompare(String(y.appt.ends_at)));
	let invoiceNumber = 1001;
	for (const { appt, attendee } of billable) {
		const endMs = Date.parse(String(appt.ends_at));
		const typeIndex = appointmentTypes.findIndex((t) => t.id === appt.appointment_type_id);
		const item = billableItems[typeIndex];
		const patient = b.row('patients', String(attendee.patient_id))!;
		const concession = typeof patient.concession_type_id === 'string';
		const unit = concession ? Number(item.price) * 0.8 : Number(item.price);
		const withProduct = b.chance(0.08);
		const product = withProduct ? rng.pick(products) : undefined;
		const productPrice = product ? Number(product.price_including_tax) : 0;
		const productTax = product ? productPrice / 11 : 0;
		const total = unit + productPrice;
		const status = rng.pick([20, 20, 20, 20, 20, 20, 10, 10, 30]);
		const business = b.row('businesses', String(appt.business_id))!;
		const issueDate = localDate(String(business.time_zone_identifier), endMs);
		const createdMs = Math.min(endMs + 10 * 60_000, SEED_NOW);
		const paidMs = Math.min(createdMs + (status === 20 ? rng.int(0, 3) * DAY_MS : 0) + 5 * 60_000, SEED_NOW);
		const invoice = b.add('invoices', {
			created_at: iso(createdMs),
			updated_at: iso(status === 10 ? createdMs : paidMs),
			number: invoiceNumber++,
			issue_date: issueDate,
			status,
			calculation_method: 3,
			total_amount: money(total),
			net_amount: money(total - productTax),
			tax_amount: money(productTax),
			discounted_amount: concession ? money(Number(item.price) - unit) : '0.00',
			invoice_to: `${String(patient.first_name)} ${String(patient.last_name)}`,
			patient_extra_information: null,
			notes: null,
			online_payment_url: status === 10 ? `https://pay.cliniko.example/invoices/${rng.string(16, 'abcdefghijklmnopqrstuvwxyz0123456789')}` : null,
			closed_at: status === 10 ? null : iso(paidMs),
			patient_id: patient.id,
			practitioner_id: appt.practitioner_id,
			business_id: appt.business_id,
			appointment_id: appt.id,
			attendee_id: attendee.id,
			patient_case_id: attendee.patient_case_id ?? null,
			original_invoice_id: null,
			signature_id: null,
		});
		b.add('invoice_items', {
			created_at: invoice.created_at,
			invoice_id: invoice.id,
			billable_item_id: item.id,
			product_id: null,
			name: item.name,
			code: item.item_code,
			quantity: '1.0',
			unit_price: money(Number(item.price)),
			discount_percentage: concession ? '20.0' : null,
			discounted_amount: concession ? money(Number(item.price) - unit) : null,
			is_monetary_discount: false,
			net_price: money(unit),
			tax_name: 'GST Free',
			tax_rate: '0.0',
			tax_amount: '0.00',
			total_including_tax: Number(money(unit)),
			concession_type_name: concession ? String(b.row('concession_types', String(patient.concession_type_id))!.name) : null,
		});
		if (product) {
			b.add('invoice_items', {
				created_at: invoice.created_at,
				invoice_id: invoice.id,
				billable_item_id: null,
				product_id: product.id,
				name: product.name,
				code: product.item_code,
				quantity: '1.0',
				unit_price: money(productPrice - productTax),
				discount_percentage: null,
				discounted_amount: null,
				is_monetary_discount: false,
				net_price: money(productPrice - productTax),
				tax_name: 'GST',
				tax_rate: '10.0',
				tax_amount: money(productTax),
				total_including_tax: Number(money(productPrice)),
				concession_type_name: null,
			});
		}
		const statusPatch = { invoice_status: status };
		if (appt.patient_id !== undefined && b.row('individual_appointments', appt.id)) b.patch('individual_appointments', appt.id, statusPatch);
		b.patch('attendees', attendee.id, statusPatch);
	}
	const noted = arrivedIndividuals.filter(() => b.chance(0.7));
	noted.sort((x, y) => String(x.ends_at).localeCompare(String(y.ends_at)));
	for (const appt of noted) {
		const endMs = Date.parse(String(appt.ends_at));
		const prac = b.row('practitioners', String(appt.practitioner_id))!;
		const typeIndex = appointmentTypes.findIndex((t) => t.id === appt.appointment_type_id);
		const template = typeIndex === 8 ? noteTemplates[2] : typeIndex === 0 || typeIndex === 2 ? noteTemplates[0] : noteTemplates[1];
		const draft = b.chance(0.05);
		const createdMs = Math.min(endMs + 15 * 60_000, SEED_NOW);
		const answers = (template.content as { sections: Array<{ name: string; description: null; questions: Array<Record<string, unknown>> }> }).sections.map((s) => ({
			...s,
			questions: s.questions.map((q) => {
				if (q.type === 'checkboxes' || q.type === 'radiobuttons') {
					return { ...q, answers: (q.answers as Array<{ value: string }>).map((a, ai) => ({ value: a.value, selected: ai === 0 })), other: { enabled: false, selected: false, value: '' } };
				}
				if (q.type === 'date') return { ...q, answer: localDate(ACCOUNT_TIME_ZONE, endMs + 14 * DAY_MS) };
				return { ...q, answer: rng.pick(['Improving steadily.', 'Pain reduced from 6/10 to 3/10.', 'Reviewed home exercise program.', 'Manual therapy and taping applied.', 'No red flags identified.']) };
			}),
		}));
		const note = b.add('treatment_notes', {
			created_at: iso(createdMs),
			updated_at: iso(draft ? createdMs : Math.min(createdMs + 20 * 60_000, SEED_NOW)),
			title: `${String(b.row('appointment_types', String(appt.appointment_type_id))!.name)} – ${localDate(ACCOUNT_TIME_ZONE, endMs)}`,
			draft,
			finalized_at: draft ? null : iso(Math.min(createdMs + 20 * 60_000, SEED_NOW)),
			author_name: String(prac.label),
			content: { sections: answers },
			patient_id: appt.patient_id,
			practitioner_id: appt.practitioner_id,
			booking_id: appt.id,
			attendee_id: attendeeOf.get(appt.id)!.id,
			treatment_note_template_id: template.id,
			pinned_at: null,
		});
		b.patch('individual_appointments', appt.id, { treatment_note_status: draft ? 10 : 90 });
		b.patch('attendees', attendeeOf.get(appt.id)!.id, { treatment_note_status: draft ? 10 : 90 });
		if (b.chance(0.01)) b.patch('treatment_notes', note.id, { archived_at: iso(SEED_NOW - 5 * DAY_MS), updated_at: iso(SEED_NOW - 5 * DAY_MS) });
	}

	// --- communications, attachments, forms, stock, availability blocks -------------------------
	const adminUser = users[0];
	const commsSource = individuals.filter((a) => Date.parse(String(a.starts_at)) < SEED_NOW && b.chance(0.12));
	commsSource.sort((x, y) => String(x.starts_at).localeCompare(String(y.starts_at)));
	for (const appt of commsSource) {
		const patient = b.row('patients', String(appt.patient_id))!;
		const when = `${localDate(ACCOUNT_TIME_ZONE, Date.parse(String(appt.starts_at)))}`;
		const sentMs = Date.parse(String(appt.starts_at)) - DAY_MS;
		if (sentMs < Date.parse(appt.created_at)) continue;
		const sms = b.chance(0.6);
		const text = (sms ? data.SMS_REMINDER : data.EMAIL_CONFIRMATION).replace('{first}', String(patient.first_name)).replace('{when}', when);
		b.add('communications', {
			created_at: iso(sentMs),
			category_code: sms ? 1 : 3,
			category: sms ? 'Appointment Reminder' : 'Appointment Confirmation',
			type_code: sms ? 1 : 2,
			direction_code: 1,
			content: text,
			content_subject: sms ? undefined : 'Your appointment at Harbourside Allied Health',
			from: sms ? 'Harbourside' : 'fitzroy@harbourside-health.example.com',
			to: sms ? String((patient.patient_phone_numbers as Array<{ number: string }>)[0].number) : String(patient.email ?? ''),
			patient_id: patient.id,
			booking_id: appt.id,
			attendee_id: attendeeOf.get(appt.id)!.id,
		});
	}
	for (let i = 0; i < 180; i++) {
		const patient = patientBefore(SEED_NOW - 2 * DAY_MS);
		const at = b.between(Date.parse(patient.created_at), SEED_NOW - DAY_MS);
		b.add('communications', {
			created_at: iso(at),
			category_code: 12,
			type_code: rng.pick([3, 3, 4, 2]),
			direction_code: rng.pick([1, 2]),
			content: rng.pick(data.MEMOS),
			confidential: b.chance(0.1),
			from: `${String(adminUser.first_name)} ${String(adminUser.last_name)}`,
			to: `${String(patient.first_name)} ${String(patient.last_name)}`,
			patient_id: patient.id,
		});
	}
	const attachmentNames = ['referral-letter.pdf', 'mri-report-lumbar-spine.pdf', 'xray-right-knee.jpg', 'surgical-discharge-summary.pdf', 'health-fund-approval.pdf', 'gait-video-still.png'];
	const caseAttachments = new Map<string, string[]>();
	for (let i = 0; i < 120; i++) {
		const patient = patientBefore(SEED_NOW - 2 * DAY_MS);
		const at = b.between(Date.parse(patient.created_at), SEED_NOW - DAY_MS);
		const filename = rng.pick(attachmentNames);
		const export_ = i % 40 === 39;
		const attachment = b.add('patient_attachments', {
			created_at: iso(at),
			attachment_kind: export_ ? 'export' : 'upload',
			patient_id: patient.id,
			user_id: rng.pick(users).id,
			filename: export_ ? `patient-export-${patient.id}.zip` : filename,
			description: export_ ? 'Full patient export' : rng.pick(['Referral from GP', 'Imaging report', 'Discharge summary', null]),
			content_type: export_ ? 'application/zip' : filename.endsWith('.pdf') ? 'application/pdf' : filename.endsWith('.png') ? 'image/png' : 'image/jpeg',
			size: rng.int(40_000, 4_000_000),
			processed_at: iso(at + 60_000),
			processing_completed: true,
			pinned_at: null,
		});
		const kase = casesByPatient.get(patient.id);
		if (kase && !export_) caseAttachments.set(kase.id, [...(caseAttachments.get(kase.id) ?? []), attachment.id]);
	}
	for (const [caseId, ids] of caseAttachments) b.patch('patient_cases', caseId, { patient_attachment_ids: ids });
	const formSource = individuals.filter((a) => b.chance(0.08));
	formSource.sort((x, y) => x.created_at.localeCompare(y.created_at));
	for (const appt of formSource) {
		const template = rng.pick(formTemplates);
		const createdMs = Date.parse(appt.created_at) + 5 * 60_000;
		const completed = Date.parse(String(appt.starts_at)) < SEED_NOW && b.chance(0.8);
		const completedMs = Math.min(createdMs + rng.int(1, 48) * HOUR, SEED_NOW);
		const form = b.add('patient_forms', {
			created_at: iso(createdMs),
			updated_at: iso(completed ? completedMs : createdMs),
			name: template.name,
			patient_id: appt.patient_id,
			attendee_id: attendeeOf.get(appt.id)!.id,
			booking_id: appt.id,
			business_id: appt.business_id,
			patient_form_template_id: template.id,
			email_to_patient_on_completion: true,
			restricted_to_practitioner: false,
			completed_at: completed ? iso(completedMs) : null,
			edited_at: null,
			url: `https://harbourside.cliniko.example/forms/${rng.string(20, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
			content: template.content,
			signature_id: null,
		});
		if (completed) {
			const signature = b.add('signatures', { created_at: iso(completedMs), image: `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk${rng.string(8, 'ABCDEFGHIJKLMNOP')}AAAAAElFTkSuQmCC`, user_id: null });
			const content = structuredClone(template.content) as { sections: Array<{ questions: Array<Record<string, unknown>> }> };
			for (const section of content.sections) {
				for (const q of section.questions) {
					if (q.type === 'signature') q.signature_id = signature.id;
					else if (q.type === 'checkboxes') q.answers = (q.answers as Array<{ value: string }>).map((a) => ({ value: a.value, selected: true }));
					else q.answer = q.type === 'text' ? String((b.row('patients', String(appt.patient_id))!.patient_phone_numbers as Array<{ number: string }>)[0].number) : 'Lower back pain after gardening.';
				}
			}
			b.patch('patient_forms', form.id, { signature_id: signature.id, content });
		}
	}
	for (let i = 0; i < 40; i++) {
		const product = rng.pick(products);
		const at = b.between(ACCOUNT_START + 30 * DAY_MS, SEED_NOW - DAY_MS);
		const type = rng.pick(['Stock Purchase', 'Stock Purchase', 'Item Sold', 'Damaged', 'Correction', 'Returned']);
		const qty = type === 'Stock Purchase' ? rng.int(5, 24) : type === 'Returned' ? 1 : -rng.int(1, 3);
		b.add('stock_adjustments', { created_at: iso(at), product_id: product.id, adjustment_type: type, quantity: `${qty}.0`, notes: type === 'Damaged' ? 'Packaging torn in delivery' : null, comment: null, user_id: rng.pick([users[0], users[3]]).id });
	}
	for (let i = 0; i < 20; i++) {
		const prac = rng.int(0, 6);
		const biz = PRACTITIONERS[prac].businesses[0];
		const date = addDays(localDate(ACCOUNT_TIME_ZONE, SEED_NOW), rng.int(1, 90));
		if (dayOfWeek(date) !== 6) continue;
		const startMs = localToUtc(BUSINESSES[biz].tzId, date, 9);
		b.add('availability_blocks', { created_at: iso(SEED_NOW - rng.int(1, 20) * DAY_MS), practitioner_id: practitioners[prac].id, business_id: businesses[biz].id, starts_at: iso(startMs), ends_at: iso(startMs + 3 * HOUR), repeat_rule: null });
	}

	// --- settings -----------------------------------------------------------------------------
	const doc = loadClinikoSpec();
	const settingsRng = seededRandom(hashString('cliniko-settings'));
	const settings = generateValue('settings', deref(doc, { $ref: '#/components/schemas/Settings' }), { rng: settingsRng, at: iso(SEED_NOW) }) as Record<string, unknown>;
	Object.assign(settings.account as object, {
		country: 'Australia',
		country_code: 'AU',
		currency_symbol: '$',
		email_from: 'hello@harbourside-health.example.com',
		first_name: 'Alex',
		last_name: 'Morgan',
		id: '1000000000000000000',
		name: 'Harbourside Allied Health',
		subdomain: 'harbourside',
		time_zone_support: true,
		has_time_travelers: false,
	});
	if (settings.patient_custom_fields_definition && typeof settings.patient_custom_fields_definition === 'object') {
		(settings.patient_custom_fields_definition as Record<string, unknown>).sections = [
			{ name: 'Health fund', token: uuid(settingsRng), archived: false, fields: [{ name: 'Health fund name', token: uuid(settingsRng), type: 'text', archived: false }, { name: 'Member number', token: uuid(settingsRng), type: 'text', archived: false }] },
		];
	}
	const publicSettings = generateValue('settings', deref(doc, { $ref: '#/components/schemas/PublicSettings' }), { rng: settingsRng, at: iso(SEED_NOW) }) as Record<string, unknown>;
	// The public settings are a subset of the settings: same values where they share a field.
	const pick = (target: unknown, source: unknown): void => {
		if (!target || !source || typeof target !== 'object' || typeof source !== 'object' || Array.isArray(target)) return;
		for (const key of Object.keys(target)) {
			const from = (source as Record<string, unknown>)[key];
			const to = (target as Record<string, unknown>)[key];
			if (from === undefined) continue;
			if (to && typeof to === 'object' && !Array.isArray(to)) pick(to, from);
			else (target as Record<string, unknown>)[key] = structuredClone(from);
		}
	};
	pick(publicSettings, settings);

	for (const table of b.collections.values()) for (const row of table.values()) Object.freeze(row);
	return { collections: b.collections, settings, publicSettings, currentUserId: adminUser.id, nextId: b.next };
}

let cachedSeed: ClinikoSeed | undefined;

/** The seed, built once per process (rows are frozen; copy the maps, not the rows). */
export function buildClinikoSeed(): ClinikoSeed {
	cachedSeed ??= buildSeed();
	return cachedSeed;
}

/** The account's time zone ("today" for available times, dates of notes). */
export const CLINIKO_ACCOUNT_TIME_ZONE = ACCOUNT_TIME_ZONE;
