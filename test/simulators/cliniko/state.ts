// The Cliniko simulator's data: one in-memory table per resource collection, seeded
// deterministically, plus the clock and the helpers tests use to drive scenarios (a patient appears,
// an appointment is cancelled, fifty records share one updated_at).
//
// Rows are immutable: every write replaces the row object. The seed's frozen rows and tables can
// therefore be shared: reset() points back at the seed's tables, and a table is copied only when it
// is first written to (copy-on-write), so a reset costs nothing and a write a few milliseconds.
import { hashString, seededRandom, type SeededRandom } from '../core';
import { applySemantics, completeRow, type RowLookup } from './rows';
import { RESOURCES, resource, schemaInfo, schemaNameFor, type LinkSpec, type Row } from './resources';
import { buildClinikoSeed, type ClinikoSeed } from './seed';
import { ClinikoClock, isoSeconds } from './time';

export type { Row } from './resources';

/** A record as the API renders it (links as absolute URLs). */
export type ClinikoRecord = Record<string, unknown> & { id: string; links: { self: string } };

export interface CancelOptions {
	/** 10 Feeling better, 20 Condition worse, 30 Sick, 40 Away, 50 Other, 60 Work (31 COVID-19 on old records). */
	reason?: number;
	note?: string | null;
	/** When, ISO; default: the clock. */
	at?: string;
}

export interface ListOptions {
	includeArchived?: boolean;
	includeCancelled?: boolean;
}

/** The views that are not tables of their own. */
export const BOOKING_SOURCES = ['individual_appointments', 'group_appointments', 'unavailable_blocks'] as const;

function copyJson<T>(value: T): T {
	return value !== null && typeof value === 'object' ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

export class ClinikoState implements RowLookup {
	readonly clock = new ClinikoClock();
	/** `http://127.0.0.1:PORT/v1`; set by the simulator once it listens. Every link starts with it. */
	baseUrl = 'http://127.0.0.1/v1';
	settings: Record<string, unknown> = {};
	publicSettings: Record<string, unknown> = {};
	/** The user who owns the API key (GET /user). */
	currentUserId = '';
	private tables = new Map<string, Map<string, Row>>();
	/** Tables this state has copied from the seed (and may therefore change). */
	private owned = new Set<string>();
	private nextIdValue = 0n;
	private version = 0;
	private attendeeIndex: { version: number; byBooking: Map<string, Row[]> } | undefined;
	private rng: SeededRandom = seededRandom(0);

	constructor(private readonly seed: () => ClinikoSeed = buildClinikoSeed) {
		this.reset();
	}

	/** Back to the seed; the clock follows real time again. */
	reset(): void {
		const seed = this.seed();
		this.tables = new Map(seed.collections);
		this.owned.clear();
		this.settings = structuredClone(seed.settings);
		this.publicSettings = structuredClone(seed.publicSettings);
		this.currentUserId = seed.currentUserId;
		this.nextIdValue = seed.nextId;
		this.rng = seededRandom(hashString('cliniko-writes'));
		this.clock.useRealTime();
		this.version++;
	}

	// --- low level (handlers) ------------------------------------------------------------------

	nowIso(): string {
		return this.clock.iso();
	}

	/** The next int64 ID, as a string (they start at 1000000000000000001, beyond 2^53 on purpose). */
	newId(): string {
		return String(this.nextIdValue++);
	}

	/** A collection's rows by ID (read only: writes go through insert/modify/delete). */
	table(collection: string): ReadonlyMap<string, Row> & Map<string, Row> {
		const table = this.tables.get(collection);
		if (!table) throw new Error(`Cliniko simulator: unknown collection "${collection}"`);
		return table;
	}

	/** One stored row; `bookings` looks in appointments, classes and unavailable blocks. */
	row(collection: string, id: string): Row | undefined {
		if (collection === 'bookings') return this.bookingSource(id)?.row;
		return this.table(collection).get(id);
	}

	bookingSource(id: string): { collection: string; row: Row } | undefined {
		for (const collection of BOOKING_SOURCES) {
			const row = this.tables.get(collection)!.get(id);
			if (row) return { collection, row };
		}
		return undefined;
	}

	/** Active attendees (not cancelled, archived or deleted) per booking ID. */
	attendeesByBooking(): Map<string, Row[]> {
		if (this.attendeeIndex?.version === this.version) return this.attendeeIndex.byBooking;
		const byBooking = new Map<string, Row[]>();
		for (const attendee of this.table('attendees').values()) {
			if (attendee.cancelled_at !== null || attendee.archived_at !== null || attendee.deleted_at !== null) continue;
			const key = String(attendee.booking_id);
			const list = byBooking.get(key);
			if (list) list.push(attendee);
			else byBooking.set(key, [attendee]);
		}
		this.attendeeIndex = { version: this.version, byBooking };
		return byBooking;
	}

	/** The value a q[] filter reads for a field (mostly the stored field; a few are derived). */
	filterValue(collection: string, row: Row, field: string): unknown {
		if (field === 'patient_ids') {
			if (collection === 'individual_appointments') return row.patient_id ? [row.patient_id] : [];
			if (collection === 'group_appointments') return (this.attendeesByBooking().get(row.id) ?? []).map((a) => a.patient_id);
			return [];
		}
		if (collection === 'attendees' && field === 'appointment_id') return row.booking_id;
		if (collection === 'invoice_items' && field === 'source_item_id') return row.billable_item_id ?? row.product_id;
		return row[field];
	}

	/**
	 * Writes a new row: ID, timestamps from the clock (unless given), derived fields, null for the
	 * rest where the schema allows. Other missing fields get column defaults (`api`: what a create
	 * through the API leaves them at) or generated values (`helper`: a realistic record for tests).
	 */
	insert(collection: string, values: Record<string, unknown>, mode: 'api' | 'helper' = 'api'): Row {
		const now = this.clock.iso();
		const row = { ...values } as Row;
		row.id = typeof values.id === 'string' ? values.id : this.newId();
		row.created_at = typeof values.created_at === 'string' ? values.created_at : now;
		row.updated_at = typeof values.updated_at === 'string' ? values.updated_at : row.created_at;
		applySemantics(collection, row, values, null, this);
		const complete = completeRow(collection, row, this.rng, mode === 'api' ? 'defaults' : 'generate');
		this.put(collection, complete);
		return complete;
	}

	/** Merges `patch` into a row; updated_at moves to the clock unless the patch sets it. */
	modify(collection: string, id: string, patch: Record<string, unknown>): Row {
		const previous = this.row(collection, id);
		if (!previous) throw new Error(`Cliniko simulator: no ${collection} ${id}`);
		const target = collection === 'bookings' ? this.bookingSource(id)!.collection : collection;
		const row = { ...previous, ...patch, id } as Row;
		row.updated_at = typeof patch.updated_at === 'string' ? patch.updated_at : this.clock.iso();
		applySemantics(target, row, patch, previous, this);
		this.put(target, row);
		return row;
	}

	delete(collection: string, id: string): boolean {
		this.version++;
		return this.writable(collection).delete(id);
	}

	private put(collection: string, row: Row): void {
		this.version++;
		this.writable(collection).set(row.id, Object.freeze(row));
	}

	private writable(collection: string): Map<string, Row> {
		if (!this.owned.has(collection)) {
			this.tables.set(collection, new Map(this.table(collection)));
			this.owned.add(collection);
		}
		return this.table(collection);
	}

	/** Cancels an appointment or attendee (and an individual appointment's own attendee). */
	cancelRow(collection: string, id: string, options: CancelOptions = {}): Row {
		const patch = {
			cancelled_at: options.at ?? this.clock.iso(),
			cancellation_reason: options.reason ?? 50,
			cancellation_note: options.note ?? null,
			updated_at: options.at,
		};
		const row = this.modify(collection, id, patch);
		if (collection === 'individual_appointments') {
			for (const attendee of this.table('attendees').values()) {
				if (attendee.booking_id === id && attendee.cancelled_at === null) this.modify('attendees', attendee.id, patch);
			}
		}
		return row;
	}

	// --- rendering -----------------------------------------------------------------------------

	selfUrl(collection: string, row: Row): string {
		if (collection === 'referral_sources') return `${this.baseUrl}/patients/${String(row.patient_id)}/referral_source`;
		return `${this.baseUrl}/${collection}/${row.id}`;
	}

	private renderLink(link: LinkSpec, row: Row): unknown {
		switch (link.kind) {
			case 'own':
				return { links: { self: `${this.baseUrl}${link.template.replace('{id}', row.id)}` } };
			case 'many':
				return ((row[link.fk] as string[] | undefined) ?? []).map((id) => ({ links: { self: `${this.baseUrl}/${link.target}/${id}` } }));
			case 'one': {
				const fk = row[link.fk];
				if (typeof fk !== 'string' || fk === '') return null;
				const target = typeof link.target === 'string' ? link.target : link.target(row);
				return target ? { links: { self: `${this.baseUrl}/${target}/${fk}` } } : null;
			}
		}
	}

	/** A row as the API answers it. `self` overrides links.self (bookings list their items under /bookings). */
	render(collection: string, row: Row, self?: string): ClinikoRecord {
		return this.renderSchema(schemaNameFor(collection, row), collection, row, self);
	}

	/** A row rendered with a given component schema (the services view has no table of its own). */
	renderSchema(schemaName: string, collection: string, row: Row, self?: string): ClinikoRecord {
		const info = schemaInfo(schemaName);
		const out: Record<string, unknown> = {};
		for (const prop of info.props) {
			if (prop === 'links') {
				out.links = { self: self ?? this.selfUrl(collection, row) };
				continue;
			}
			const link = info.links.get(prop);
			if (link) {
				out[prop] = this.renderLink(link, row);
				continue;
			}
			const value = collection === 'group_appointments' && prop === 'patient_ids' ? this.filterValue(collection, row, prop) : row[prop];
			out[prop] = value === undefined ? null : copyJson(value);
		}
		return out as ClinikoRecord;
	}

	// --- test helpers (API shapes) --------------------------------------------------------------

	/**
	 * Adds a record as if someone created it in Cliniko, timestamps from the clock unless given.
	 * Fields left out get realistic defaults where it matters (a patient gets a name, an appointment
	 * a practitioner, patient, business and type), null where the schema allows, generated otherwise.
	 */
	create(collection: string, partial: Record<string, unknown> = {}): ClinikoRecord {
		resource(collection);
		const row = this.insert(collection, { ...this.defaults(collection, partial), ...partial }, 'helper');
		if (collection === 'individual_appointments') this.ensureAttendee(row);
		return this.render(collection, row);
	}

	/** Changes a record (updated_at = clock, or `patch.updated_at` when given). */
	update(collection: string, id: string, patch: Record<string, unknown>): ClinikoRecord {
		const row = this.modify(collection, id, patch);
		return this.render(collection, row);
	}

	archive(collection: string, id: string, at?: string): ClinikoRecord {
		const when = at ?? this.clock.iso();
		return this.update(collection, id, { archived_at: when, updated_at: when });
	}

	unarchive(collection: string, id: string, at?: string): ClinikoRecord {
		return this.update(collection, id, { archived_at: null, updated_at: at ?? this.clock.iso() });
	}

	cancel(collection: 'individual_appointments' | 'attendees', id: string, options: CancelOptions = {}): ClinikoRecord {
		if (!resource(collection).cancellable) throw new Error(`Cliniko simulator: ${collection} cannot be cancelled`);
		return this.render(collection, this.cancelRow(collection, id, options));
	}

	/** Removes a record for good (what a hard DELETE does). */
	remove(collection: string, id: string): boolean {
		return this.delete(collection, id);
	}

	/** A record as GET would render it, archived and cancelled ones included; undefined if absent. */
	get(collection: string, id: string): ClinikoRecord | undefined {
		const row = this.row(collection, id);
		if (!row) return undefined;
		const source = collection === 'bookings' ? this.bookingSource(id)!.collection : collection;
		return this.render(source, row);
	}

	/** The stored row (foreign keys as `*_id`), for assertions on internals. */
	raw(collection: string, id: string): Row | undefined {
		return this.row(collection, id);
	}

	/** Every record of a collection in created_at order; archived/cancelled left out unless asked. */
	list(collection: string, options: ListOptions = {}): ClinikoRecord[] {
		return this.rows(collection, options).map((row) => this.render(collection, row));
	}

	/** Stored rows in created_at order (then ID), filtered like list(). */
	rows(collection: string, options: ListOptions = {}): Row[] {
		const out: Row[] = [];
		for (const row of this.table(collection).values()) {
			if (!options.includeArchived && row.archived_at != null) continue;
			if (!options.includeCancelled && row.cancelled_at != null) continue;
			out.push(row);
		}
		return out.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id.length - b.id.length || (a.id < b.id ? -1 : 1)));
	}

	/** The first stored row that is not deleted (nor archived or cancelled) and matches: a record tests can act on. */
	liveRow(collection: string, where: (row: Row) => boolean = () => true): Row {
		const row = this.rows(collection).find((r) => r.deleted_at == null && where(r));
		if (!row) throw new Error(`no seeded ${collection} row for this test`);
		return row;
	}

	count(collection: string): number {
		return this.table(collection).size;
	}

	collections(): string[] {
		return RESOURCES.map((r) => r.collection);
	}

	/** An individual appointment always has its patient as attendee. */
	ensureAttendee(appointment: Row): void {
		for (const attendee of this.table('attendees').values()) if (attendee.booking_id === appointment.id) return;
		this.insert('attendees', {
			created_at: appointment.created_at,
			updated_at: appointment.created_at,
			booking_id: appointment.id,
			patient_id: appointment.patient_id,
			patient_case_id: appointment.patient_case_id ?? null,
			arrived: false,
			notes: null,
		});
	}

	private firstActive(collection: string): Row | undefined {
		for (const row of this.table(collection).values()) if (row.archived_at == null && row.active !== false) return row;
		return undefined;
	}

	private defaults(collection: string, partial: Record<string, unknown>): Record<string, unknown> {
		const n = this.nextIdValue.toString().slice(-4);
		const later = isoSeconds(this.clock.now() + 86_400_000);
		switch (collection) {
			case 'patients':
				return { first_name: 'Test', last_name: `Patient ${n}`, email: `test.patient.${n}@example.com`, patient_phone_numbers: [{ phone_type: 'Mobile', number: '0400 000 000', normalized_number: '61400000000' }], country_code: 'AU', time_zone: 'Australia/Melbourne', reminder_type: 'SMS' };
			case 'individual_appointments':
			case 'group_appointments':
			case 'unavailable_blocks':
			case 'availability_blocks': {
				const practitioner = this.firstActive('practitioners');
				const type = [...this.table('appointment_types').values()].find(
					(t) => (collection === 'group_appointments' ? Number(t.max_attendees) > 1 : Number(t.max_attendees) === 1) && (t.practitioner_ids as string[]).includes(String(partial.practitioner_id ?? practitioner?.id)),
				);
				const starts = typeof partial.starts_at === 'string' ? partial.starts_at : later;
				const base = {
					practitioner_id: practitioner?.id,
					business_id: (practitioner?.business_ids as string[] | undefined)?.[0] ?? this.firstActive('businesses')?.id,
					starts_at: starts,
				};
				if (collection === 'unavailable_blocks' || collection === 'availability_blocks') return { ...base, ends_at: isoSeconds(Date.parse(starts) + 3_600_000) };
				return { ...base, appointment_type_id: type?.id, ...(collection === 'individual_appointments' ? { patient_id: this.firstActive('patients')?.id } : {}) };
			}
			case 'attendees':
				return { patient_id: this.firstActive('patients')?.id, booking_id: this.firstActive('group_appointments')?.id, arrived: false };
			case 'medical_alerts':
				return { name: 'Penicillin allergy', patient_id: this.firstActive('patients')?.id };
			case 'treatment_notes':
				return { title: 'Treatment note', draft: true, patient_id: this.firstActive('patients')?.id, practitioner_id: this.firstActive('practitioners')?.id };
			case 'contacts':
				return { first_name: 'Test', last_name: `Contact ${n}`, type_code: 0, country_code: 'AU' };
			case 'invoices':
				return { number: 900000 + Number(n), issue_date: this.clock.iso().slice(0, 10), status: 10, patient_id: this.firstActive('patients')?.id, total_amount: '95.00', net_amount: '95.00', tax_amount: '0.00' };
			case 'patient_cases':
				return { name: 'Test case', patient_id: this.firstActive('patients')?.id };
			case 'communications':
				return { category_code: 12, type_code: 4, content: 'Test memo', patient_id: this.firstActive('patients')?.id };
			default:
				return {};
		}
	}
}
